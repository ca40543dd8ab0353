using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The problems the document describes are those the API answers: closed schemas listing every member the
/// API writes (the document had left them open, naming traceId alone), type, title and status always, a 400's errors
/// by field, an import's bad rows as a list.</summary>
public class OpenApiProblemTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Code = "OA-PROBLEMS";
    private const string Audit = """{"heldOn":"2016-06-01"}""";
    private IAlbaHost Host => api.Host;

    private async Task<JsonNode> Document() => (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;

    [Theory]
    [InlineData("ProblemDetails", "rule unit decisionNo parentCode subDepartments registeredAs existsFrom "
        + "currentVersion")]
    [InlineData("ValidationProblemDetails", "errors")]
    [InlineData("ImportProblemDetails", "errors written")]
    public async Task A_problem_is_closed_and_lists_the_members_the_API_writes(string name, string extensions)
    {
        var problem = (await Document())["components"]!["schemas"]![name]!;

        Assert.False((bool?)problem["additionalProperties"]);
        Assert.Equal(["type", "title", "status", "traceId"], problem["required"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(["type", "title", "status", "detail", "instance", "traceId", .. extensions.Split(' ')],
            problem["properties"]!.AsObject().Select(member => member.Key).ToHashSet());
        Assert.All(problem["properties"]!.AsObject(), member => Assert.NotNull(member.Value!["description"]));
    }

    [Fact]
    public async Task A_400_names_its_errors_by_field_and_an_import_s_422_lists_its_rows()
    {
        var document = await Document();
        var schemas = document["components"]!["schemas"]!;

        Assert.Equal("array", (string?)schemas["ValidationProblemDetails"]!["properties"]!["errors"]!
            ["additionalProperties"]!["type"]);
        Assert.Equal("#/components/schemas/ImportError", (string?)schemas["ImportProblemDetails"]!["properties"]!
            ["errors"]!["items"]!["$ref"]);
        foreach (var path in new[] { "/api/imports", "/api/restructurings/import" })
        {
            Assert.Equal("#/components/schemas/ImportProblemDetails", (string?)document["paths"]![path]!["post"]!
                ["responses"]!["422"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        }
    }

    /// <summary>Requests that each answer a problem of another kind, with the members it is known by.</summary>
    private static IEnumerable<(string Path, string Method, int Status, string Members, Func<IAlbaHost, Task<Answer>>
        Send)> Problems()
    {
        const string unit = $"/api/units/{Code}";
        yield return ("/api/units/{code}/internal-audits", "post", 400, "errors",
            host => host.Post($"{unit}/internal-audits", "{}", Keys.Recorder));
        yield return ("/api/units/{code}/internal-audits", "post", 400, "",
            host => host.Post($"{unit}/internal-audits", Audit, Keys.Recorder, ("X-Correlation-Id", "has space")));
        yield return ("/api/units/{code}", "get", 401, "", host => host.Get(unit, key: null));
        yield return ("/api/units/{code}/internal-audits", "post", 403, "",
            host => host.Post($"{unit}/internal-audits", Audit, Keys.Viewer));
        yield return ("/api/units/{code}", "get", 404, "registeredAs", host => host.Get(unit.ToLowerInvariant()));
        yield return ("/api/dashboards/units/{code}", "get", 404, "existsFrom",
            host => host.Get($"/api/dashboards/units/{Code}?asOf=2005-01-01"));
        yield return ("/api/units", "post", 409, "rule", host => host.Post("/api/units", $$"""
            {"code":"{{Code}}","name":"UBND Xã","level":"commune","province":"Quảng Trị","district":"Hải Lăng",
             "registeredOn":"2010-01-01"}
            """));
        yield return ("/api/restructurings", "post", 409, "rule unit decisionNo", host => host.Post(
            "/api/restructurings", """
                {"decisionNo":"NQ 9","effectiveOn":"2021-01-01","parts":[{"kind":"dissolve","from":["OA-NOWHERE"]}]}
                """));
        yield return ("/api/units/{code}/internal-audits", "post", 412, "currentVersion",
            host => host.Post($"{unit}/internal-audits", Audit, Keys.Recorder, ("If-Match", "\"999\"")));
        yield return ("/api/units/{code}/internal-audits", "post", 422, "", KeyReused);
        yield return ("/api/imports", "post", 422, "errors", host => host.PostBytes("/api/imports",
            ReportCsv.Rows("Quảng Trị,bad code!,UBND,commune,,,2020,2020-11-19,x,,,,,,,,,,")));
        yield return ("/api/restructurings/import", "post", 422, "errors", host => host.PostBytes(
            "/api/restructurings/import", Encoding.UTF8.GetBytes("decision_no,effective_on,kind,from_code\n"
                + "NQ 9,someday,dissolve,OA-NOWHERE\n")));
        yield return ("/api/units/{code}/internal-audits", "post", 413, "", host => host.PostBytes(
            $"{unit}/internal-audits", new byte[2 * 1024 * 1024], "application/json", Keys.Recorder));
        yield return ("/api/units", "get", 414, "", host => host.Get($"/api/units?q={new string('a', 9000)}"));
        yield return ("/api/units/{code}/internal-audits", "post", 415, "", host => host.PostBytes(
            $"{unit}/internal-audits", Encoding.UTF8.GetBytes(Audit), "text/plain", Keys.Recorder));
        yield return ("/api/units/{code}", "get", 431, "", host => host.Send(HttpMethod.Get, unit,
            headers: [("X-Big", new string('b', 40_000))]));
    }

    /// <summary>An Idempotency-Key sent again with another request.</summary>
    private static async Task<Answer> KeyReused(IAlbaHost host)
    {
        await host.Post($"/api/units/{Code}/internal-audits", Audit, Keys.Recorder, ("Idempotency-Key", "oa-reused"));
        return await host.Post($"/api/units/{Code}/internal-audits", """{"heldOn":"2016-06-02"}""", Keys.Recorder,
            ("Idempotency-Key", "oa-reused"));
    }

    /// <summary>Each kind of problem, as the API answers it, matches the schema the document gives its route's status
    /// (a closed schema refuses a member it does not list).</summary>
    [Fact]
    public async Task Every_kind_of_problem_matches_the_schema_the_document_gives_it()
    {
        if ((await Host.Get($"/api/units/{Code}")).Status == 404) await Host.RegisterCommune(Code);
        var documented = new DocumentedAnswers(await Document());
        var mismatches = new List<string>();

        foreach (var (path, method, status, members, send) in Problems())
        {
            var answer = await send(Host);
            var name = $"{method} {path} {status}";
            Assert.True(answer.Status == status, $"{name}: answered {answer.Status} {answer.Text}");
            Assert.StartsWith(Http.ProblemJson, answer.ContentType);
            foreach (var member in members.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                Assert.True(answer.Json.AsObject().ContainsKey(member), $"{name}: no {member} in {answer.Text}");
            mismatches.AddRange(documented.Mismatches(path, method, status, answer.Json, Http.ProblemJson)
                .Select(mismatch => $"{name}: {mismatch}"));
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
