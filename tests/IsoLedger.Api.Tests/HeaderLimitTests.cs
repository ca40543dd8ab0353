using Alba;
using FsCheck;
using FsCheck.Fluent;

namespace IsoLedger.Api.Tests;

/// <summary>The headers the API stores or keys on are bounded in length and alphabet; anything else is a 400 that
/// says the limit, and nothing is recorded.</summary>
public class HeaderLimitTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Unit = "QT-HEADERS";
    private const string Audit = """{"heldOn":"2016-06-01"}""";
    private IAlbaHost Host => api.Host;

    public async Task InitializeAsync()
    {
        if ((await Host.Get($"/api/units/{Unit}")).Status == 404) await Host.RegisterCommune(Unit);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Headers() => ["X-Correlation-Id", "Idempotency-Key"];

    private static readonly Gen<string> BadValues = Gen.OneOf(
        Gen.Choose(129, 20_000).Select(n => new string('a', n)),
        Gen.Elements("has space", "ạ", "a\u0001b", "semi;colon", "quote\"", "<script>", "a,b", "tab\there"));

    [Theory, MemberData(nameof(Headers))]
    public async Task A_header_past_its_limit_gets_a_400_saying_the_limit(string header)
    {
        foreach (var value in BadValues.Sample(20))
        {
            var answer = await Host.Post($"/api/units/{Unit}/internal-audits", Audit, Keys.Admin, (header, value));
            Assert.True(answer.Status == 400,
                $"{header}: {value[..Math.Min(value.Length, 40)]} answered {answer.Status}");
            Assert.StartsWith(Http.ProblemJson, answer.ContentType);
            Assert.Contains("1 to 128 characters", (string?)answer.Json["detail"]);
            Assert.Contains(header, (string?)answer.Json["title"]);
        }
        Assert.Equal(1, (long)(await Host.Get($"/api/units/{Unit}")).Json["version"]!);
    }

    [Fact]
    public async Task Headers_within_the_limits_are_taken_and_the_correlation_id_is_stored_on_the_event()
    {
        var correlation = new string('c', 128);
        await Host.Post($"/api/units/{Unit}/management-reviews", """{"heldOn":"2016-07-01"}""", Keys.Admin,
            ("X-Correlation-Id", correlation), ("Idempotency-Key", "b64+key/with=signs~and.dots_1:2-3")).Expect(200);
        var history = await Host.Get($"/api/units/{Unit}/history");
        Assert.Contains(correlation, history.Text);
    }

    [Fact]
    public async Task An_address_or_headers_too_long_are_problems_not_bare_answers()
    {
        var address = await Host.Get($"/api/units?q={new string('a', 20_000)}").Expect(414);
        Assert.Contains("8192", (string?)address.Json["detail"]);
        var headers = await Host.Send(HttpMethod.Get, $"/api/units/{Unit}", key: Keys.Admin,
            headers: [("X-Big", new string('b', 40_000))]).Expect(431);
        Assert.NotNull(headers.Json["title"]);
        // Every problem has a type, as the document requires: the framework gives 431 none.
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-5", (string?)headers.Json["type"]);
        await Host.Get($"/api/units?q={new string('a', 200)}").Expect(200);
    }
}
