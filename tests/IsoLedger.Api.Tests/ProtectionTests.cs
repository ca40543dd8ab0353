using Alba;
using Microsoft.AspNetCore.Hosting;

namespace IsoLedger.Api.Tests;

public class ProtectionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Theory]
    [InlineData("/api/units", "no-store")]
    [InlineData("/api/nothing-here", "no-store")]
    [InlineData("/health/live", "no-store, no-cache")]
    public async Task Every_answer_carries_the_security_headers(string url, string cacheControl)
    {
        var answer = await Host.Get(url, Keys.Viewer);
        Assert.Equal("nosniff", answer.Header("X-Content-Type-Options"));
        Assert.Equal("DENY", answer.Header("X-Frame-Options"));
        Assert.Equal("no-referrer", answer.Header("Referrer-Policy"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", answer.Header("Content-Security-Policy"));
        Assert.Equal(cacheControl, answer.Header("Cache-Control"));
    }

    [Theory]
    [InlineData("/dashboard/", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")]
    [InlineData("/docs/", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'")]
    public async Task A_page_loads_what_its_feature_allows(string url, string policy)
    {
        var answer = await Host.Get(url, key: null);
        Assert.Equal(policy, answer.Header("Content-Security-Policy"));
        Assert.Equal("DENY", answer.Header("X-Frame-Options"));
    }

    [Fact]
    public async Task Cross_origin_requests_are_refused_unless_configured()
    {
        var headers = await Host.Preflight("https://elsewhere.example", "POST");
        Assert.False(headers.ContainsKey("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Bodies_over_one_megabyte_are_too_large_and_record_nothing()
    {
        await Host.RegisterCommune("QT-BIG");
        var body = $$"""{"heldOn":"2016-06-01","scope":"{{new string('a', 1_100_000)}}"}""";
        var answer = await Host.Scenario(s =>
        {
            s.Post.RawJson(body).ToUrl("/api/units/QT-BIG/internal-audits");
            s.ConfigureHttpContext(c => c.Request.ContentLength = System.Text.Encoding.UTF8.GetByteCount(body));
            s.WithRequestHeader("X-Api-Key", Keys.Admin);
            s.StatusCodeShouldBe(413);
            s.ContentTypeShouldBe(Http.ProblemJson);
        });
        Assert.Single((await Host.Get("/api/units/QT-BIG/history").Expect(200)).Json.AsArray());
    }

    /// <summary>A route that reads no body refuses one over the limit all the same, and the document says so: a GET
    /// or a projection's rebuild answered a 413 its description did not list.</summary>
    [Theory]
    [InlineData("GET", "/api/units", "get")]
    [InlineData("POST", "/api/admin/projections/DashboardUnits/rebuild", "post")]
    public async Task A_body_over_one_megabyte_is_too_large_on_a_route_that_reads_none_as_documented(
        string method, string url, string operation)
    {
        var body = new byte[1_100_000];
        var answer = await Host.Send(Keys.Admin, [], s =>
        {
            s.ConfigureHttpContext(c =>
            {
                c.Request.Method = method;
                c.Request.Path = url;
                c.Request.ContentType = "application/octet-stream";
                c.Request.ContentLength = body.Length;
                c.Request.Body = new MemoryStream(body);
            });
        });
        Assert.Equal(413, answer.Status);
        Assert.StartsWith(Http.ProblemJson, answer.ContentType);

        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var path = url.Replace("DashboardUnits", "{name}");
        Assert.NotNull(document["paths"]![path]![operation]!["responses"]!["413"]);
    }

    [Fact]
    public async Task An_import_takes_the_limit_its_endpoint_declares()
    {
        var twoMegabytes = System.Text.Encoding.UTF8.GetBytes("province,unit_code\n" + new string('x', 2_000_000));
        var answer = await Host.PostBytes("/api/imports?dryRun=true", twoMegabytes);
        Assert.NotEqual(413, answer.Status);
        await Host.Scenario(s =>
        {
            s.Post.Url("/api/imports");
            s.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "text/csv";
                c.Request.ContentLength = 51L * 1024 * 1024;
                c.Request.Body = new MemoryStream(twoMegabytes);
            });
            s.WithRequestHeader("X-Api-Key", Keys.Admin);
            s.StatusCodeShouldBe(413);
        });
    }

    [Fact]
    public async Task Error_answers_never_show_stack_traces_sql_or_connection_strings()
    {
        var answers = new[]
        {
            await Host.Post("/api/units",
                """{"code":"QT-X","name":"x","level":"commune","province":"Quảng Trị","registeredOn":"not-a-date"}"""),
            await Host.Get("/api/units/'; drop table mt_events; --"),
            await Host.Get("/api/units/QT-X/state?asOf=<script>"),
        };
        Assert.All(answers, answer =>
        {
            Assert.InRange(answer.Status, 400, 499);
            Assert.DoesNotContain("   at ", answer.Text);
            Assert.DoesNotContain("Npgsql", answer.Text);
            Assert.DoesNotContain("Host=", answer.Text);
            Assert.DoesNotContain("select ", answer.Text, StringComparison.OrdinalIgnoreCase);
        });
    }
}

/// <summary>A host with a tiny rate limit and one allowed cross-origin caller.</summary>
public sealed class RestrictedApiFixture : ApiFixture
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("IsoLedger:RateLimit:PermitsPerSecond", "3");
        builder.UseSetting("IsoLedger:RateLimit:Burst", "3");
        builder.UseSetting("IsoLedger:Cors:Origins:0", "https://dashboard.example");
    }
}

public class RateLimitAndCorsTests(RestrictedApiFixture api) : IClassFixture<RestrictedApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_while_other_keys_go_on()
    {
        var answers = new List<Answer>();
        for (var i = 0; i < 6; i++) answers.Add(await Host.Get("/api/units", Keys.Viewer));

        var limited = answers.First(a => a.Status == 429);
        Assert.StartsWith(Http.ProblemJson, limited.ContentType);
        Assert.True(int.Parse(limited.Header("Retry-After")!) >= 1);
        Assert.Equal(200, (await Host.Get("/api/units", Keys.Auditor)).Status);
    }

    [Fact]
    public async Task A_configured_origin_may_call_the_API_from_a_browser()
    {
        var headers = await Host.Preflight("https://dashboard.example", "GET", "X-Api-Key");
        Assert.Equal("https://dashboard.example", headers.AccessControlAllowOrigin.ToString());
    }
}
