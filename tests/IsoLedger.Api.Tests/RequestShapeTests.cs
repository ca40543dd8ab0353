using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>What every request must look like: each query parameter once, a body sent as it is in UTF-8; and what
/// the protocol asks of the answers to those that are refused.</summary>
public class RequestShapeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Theory]
    [InlineData("/api/units?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B", "province")]
    [InlineData("/api/units?q=a&q=b", "q")]
    [InlineData("/api/dashboards/conversion?province=L%E1%BA%A1ng%20S%C6%A1n&asOf=2020-01-01&asOf=2021-01-01", "asOf")]
    public async Task A_query_parameter_given_twice_is_refused_by_name(string url, string parameter)
    {
        var refused = await Host.Get(url, Keys.Viewer).Expect(400);
        Assert.StartsWith(Http.ProblemJson, refused.ContentType);
        Assert.NotNull(refused.Json["errors"]![parameter]);
    }

    [Theory]
    [InlineData("/api/units/RS-T/state?knownAt=12/01/2026")]
    [InlineData("/api/units/RS-T/state?knownAt=Dec%201%202026")]
    [InlineData("/api/units/RS-T/state?knownAt=2026-12-01")]
    [InlineData("/api/units/RS-T/state?knownAt=2026-12-01T10:00:00")]
    [InlineData("/api/dashboards/units/RS-T/timeline?asOf=9999-12-31")]
    [InlineData("/api/rules?asOf=9999-12-31")]
    public async Task Dates_and_moments_are_read_one_way_and_within_bounds(string url)
    {
        if (!(await Host.Get("/api/units/RS-T", Keys.Viewer)).Status.Equals(200)) await Host.RegisterCommune("RS-T");
        var refused = await Host.Get(url, Keys.Auditor).Expect(400);
        Assert.StartsWith(Http.ProblemJson, refused.ContentType);
    }

    [Fact]
    public async Task A_name_of_no_province_lists_no_units_but_says_so()
    {
        var refused = await Host.Get("/api/units?province=Zzz", Keys.Viewer).Expect(400);
        Assert.Contains("did you mean", (string?)refused.Json["errors"]!["province"]![0]);
    }

    [Theory]
    [InlineData("RS-GZIP", "gzip", "application/json")]
    [InlineData("RS-BR", "br", "application/json")]
    [InlineData("RS-UTF16", null, "application/json; charset=utf-16")]
    [InlineData("RS-BOGUS", null, "application/json; charset=bogus")]
    [InlineData("RS-TWO", null, "application/json; charset=utf-8; charset=iso-8859-1")]
    public async Task A_body_sent_encoded_or_in_another_charset_is_refused_and_writes_nothing(
        string code, string? encoding, string contentType)
    {
        await Host.RegisterCommune(code);
        var answer = await Host.Send(Keys.Recorder, [], s =>
        {
            s.Post.ByteArray(Encoding.UTF8.GetBytes("""{"heldOn":"2020-06-10"}"""))
                .ToUrl($"/api/units/{code}/internal-audits");
            s.WithRequestHeader("Content-Type", contentType);
            if (encoding is not null) s.WithRequestHeader("Content-Encoding", encoding);
        });
        Assert.Equal(415, answer.Status);
        Assert.StartsWith(Http.ProblemJson, answer.ContentType);
        var unit = (await Host.Get($"/api/units/{code}", Keys.Viewer).Expect(200)).Json;
        Assert.Null(unit["lastInternalAudit"]);
        await Host.Send(Keys.Recorder, [], s =>
        {
            s.Post.ByteArray(Encoding.UTF8.GetBytes("""{"heldOn":"2020-06-10"}"""))
                .ToUrl($"/api/units/{code}/internal-audits");
            s.WithRequestHeader("Content-Type", "application/json; charset=UTF-8");
        }).Expect(200);
        // A quoted charset is the same charset.
        await Host.Send(Keys.Recorder, [], s =>
        {
            s.Post.ByteArray(Encoding.UTF8.GetBytes("""{"heldOn":"2020-07-10"}"""))
                .ToUrl($"/api/units/{code}/internal-audits");
            s.WithRequestHeader("Content-Type", "application/json; charset=\"utf-8\"");
        }).Expect(200);
    }

    /// <summary>The server undoes one <c>chunked</c> transfer coding and passes the bytes of any other on as they came:
    /// <c>gzip, chunked</c> was answered "not valid JSON" (an import's rows garbled), and a coding it does not know,
    /// or <c>chunked</c> twice, was recorded as if the body had none.</summary>
    [Theory]
    [InlineData("gzip, chunked", true)]
    [InlineData("x-unknown, chunked", false)]
    [InlineData("chunked, chunked", false)]
    public async Task A_body_sent_with_a_transfer_coding_other_than_chunked_is_refused_and_writes_nothing(
        string transferEncoding, bool gzipped)
    {
        var code = $"RS-TE-{(gzipped ? "GZ" : transferEncoding.Length.ToString())}";
        await Host.RegisterCommune(code);
        var json = Encoding.UTF8.GetBytes("""{"heldOn":"2020-06-10"}""");
        var body = gzipped ? Gzipped(json) : json;

        var answer = await Host.Send(Keys.Recorder, [], s =>
        {
            s.Post.Url($"/api/units/{code}/internal-audits");
            s.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Request.Headers.TransferEncoding = transferEncoding;
                c.Request.Body = new MemoryStream(body);
            });
        });

        Assert.Equal(415, answer.Status);
        Assert.StartsWith(Http.ProblemJson, answer.ContentType);
        Assert.Contains(transferEncoding, answer.Body!["detail"]!.GetValue<string>());
        Assert.Null((await Host.Get($"/api/units/{code}", Keys.Viewer).Expect(200)).Json["lastInternalAudit"]);
    }

    private static byte[] Gzipped(byte[] bytes)
    {
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest))
            gzip.Write(bytes);
        return packed.ToArray();
    }

    /// <summary>A route that reads no body answers as if none were sent, whatever its encoding: a GET sent a gzipped
    /// body answered a 415 its description did not list.</summary>
    [Theory]
    [InlineData("GET", "/api/units/RS-T", "gzip", "application/json")]
    [InlineData("GET", "/api/units", null, "text/plain; charset=latin1")]
    public async Task A_route_that_reads_no_body_does_not_judge_its_encoding(
        string method, string url, string? encoding, string contentType)
    {
        if ((await Host.Get("/api/units/RS-T", Keys.Viewer)).Status != 200) await Host.RegisterCommune("RS-T");
        var answer = await Host.Send(Keys.Admin, [], s =>
        {
            s.ConfigureHttpContext(c =>
            {
                c.Request.Method = method;
                c.Request.Path = url;
                c.Request.ContentType = contentType;
                if (encoding is not null) c.Request.Headers.ContentEncoding = encoding;
                c.Request.ContentLength = 3;
                c.Request.Body = new MemoryStream("abc"u8.ToArray());
            });
        });
        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task An_answer_without_a_key_names_how_to_authenticate()
    {
        var refused = await Host.Get("/api/units", key: null).Expect(401);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", refused.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task Every_route_documents_the_answers_every_route_may_give()
    {
        var paths = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json["paths"]!.AsObject();
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("400"), $"{method} {path} documents no 400");
                // Every route but the liveness check, which reads no database, answers 503 while it is away.
                Assert.True(responses.ContainsKey("503") != (path == "/health/live"), $"{method} {path}: 503");
                var parameters = operation["parameters"]?.AsArray().Select(p => p!) ?? [];
                // Parameters read as text are described by what they take, not as any string.
                foreach (var parameter in parameters.Where(p => (string?)p["in"] == "query"
                             && (string?)p["name"] is "asOf" or "page" or "pageSize" or "consistent" or "format"))
                {
                    var schema = parameter["schema"]!;
                    Assert.True((string?)schema["type"] != "string" || schema["format"] is not null
                        || schema["enum"] is not null, $"{method} {path}: {parameter["name"]} is any string");
                }
                var headers = parameters.Where(p => (string?)p["in"] == "header").Select(p => (string?)p["name"]);
                Assert.Contains("X-Correlation-Id", headers);
                if (method == "post" && path.StartsWith("/api/units"))
                    Assert.Contains("Idempotency-Key", headers);
            }
        }
    }
}
