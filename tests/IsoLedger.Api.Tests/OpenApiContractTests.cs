using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The document describes what the API answers: problems with their extension members (a client validating
/// answers had refused every error), editions as strings that a nullable field wraps (a null had matched both branches
/// of its oneOf), and an inspection's result as the two values a request may send.</summary>
public class OpenApiContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<JsonNode> Schemas() =>
        (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json["components"]!["schemas"]!;

    [Theory]
    [InlineData("ProblemDetails")]
    [InlineData("ValidationProblemDetails")]
    public async Task Problems_allow_the_members_the_API_adds(string name)
    {
        var problem = (await Schemas())[name]!;

        Assert.NotEqual(false, (bool?)problem["additionalProperties"]);
        Assert.Equal("string", (string?)problem["properties"]!["traceId"]!["type"]);
    }

    [Fact]
    public async Task An_edition_is_a_string_and_a_nullable_edition_says_so_around_it()
    {
        var schemas = await Schemas();

        Assert.Equal("string", (string?)schemas["Edition"]!["type"]);
        var amends = schemas["EditionView"]!["properties"]!["amends"]!["oneOf"]!.AsArray();
        Assert.Equal(["null", null], amends.Select(s => (string?)s!["type"]));
        Assert.Equal("#/components/schemas/Edition", (string?)schemas["EditionView"]!["properties"]!["name"]!["$ref"]);
    }

    /// <summary>What the API answers is what the document says it answers: a rule-book entry without an edition
    /// answered null where the document said a string, and so did a row of the annual table whose standard column
    /// shows the edition (<c>conversionShown</c>).</summary>
    [Theory]
    [InlineData("/api/units/{code}", "/api/units/OA-DECLARED")]
    [InlineData("/api/units/{code}/state", "/api/units/OA-DECLARED/state?asOf=2019-06-30")]
    [InlineData("/api/dashboards/units/{code}", "/api/dashboards/units/OA-DECLARED?asOf=2019-06-30")]
    [InlineData("/api/rules", "/api/rules")]
    [InlineData("/api/dashboards/annual/{year}", "/api/dashboards/annual/2018?province=B%E1%BA%AFc%20K%E1%BA%A1n"
        + "&consistent=true")]
    [InlineData("/api/reports/province-report/{year}",
        "/api/reports/province-report/2018?province=B%E1%BA%AFc%20K%E1%BA%A1n&consistent=true")]
    public async Task Every_answer_matches_the_schema_the_document_gives_it(string path, string url)
    {
        if ((await Host.Get("/api/units/OA-DECLARED")).Status == 404)
        {
            await Host.Post("/api/units", """
                {"code":"OA-DECLARED","name":"Sở Nội vụ","level":"department","province":"Bắc Kạn",
                 "registeredOn":"2010-01-01"}
                """).Expect(201);
            await Host.Record("OA-DECLARED", ("/declarations", """{"declaredOn":"2016-06-01","standard":"2008"}"""),
                ("/years/2018/report", """{"submittedOn":"2018-11-30"}"""));
        }
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;

        var answer = await Host.Get(url).Expect(200);

        Assert.Empty(new DocumentedAnswers(document).Mismatches(path, "get", 200, answer.Json));
    }

    [Fact]
    public async Task An_inspection_s_result_lists_what_a_request_may_send()
    {
        var result = (await Schemas())["RecordInspectionRequest"]!["properties"]!["result"]!;

        var values = result["oneOf"]!.AsArray().Single(s => (string?)s!["type"] == "string")!["enum"]!.AsArray();
        Assert.Equal(["passed", "failed"], values.Select(v => (string?)v));
    }

    [Theory]
    [InlineData("/api/reports/annual/{year}")]
    [InlineData("/api/reports/summary/{year}")]
    [InlineData("/api/reports/province-report/{year}")]
    [InlineData("/api/reports/trends")]
    public async Task A_report_s_CSV_and_workbook_are_files_not_its_JSON_object(string path)
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var content = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject();

        Assert.Equal("string", (string?)content["text/csv"]!["schema"]!["type"]);
        var workbook = content["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]!["schema"]!;
        Assert.Equal(("string", "binary"), ((string?)workbook["type"], (string?)workbook["format"]));
        Assert.NotNull(content["application/json"]!["schema"]!["$ref"]);
    }

    [Fact]
    public async Task A_path_year_is_described_as_the_server_reads_it()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var year = document["paths"]!["/api/dashboards/national/{year}"]!["get"]!["parameters"]!.AsArray()
            .Single(p => (string?)p!["name"] == "year")!["schema"]!;

        Assert.Equal(("integer", "2000", "9999"),
            ((string?)year["type"], year["minimum"]?.ToString(), year["maximum"]?.ToString()));
    }

    /// <summary>The headers each kind of route reads, as its endpoint is marked: a unit command and a rule-book change
    /// take a version and a key; a registration (no stream yet) and a restructuring (several streams) a key only; a
    /// unit's status the conditional headers; a read none of them.</summary>
    [Theory]
    [InlineData("/api/units/{code}/declarations", "post", "Idempotency-Key If-Match")]
    [InlineData("/api/units/{code}/merge", "post", "Idempotency-Key If-Match")]
    [InlineData("/api/rules/editions", "post", "Idempotency-Key If-Match")]
    [InlineData("/api/units", "post", "Idempotency-Key")]
    [InlineData("/api/restructurings", "post", "Idempotency-Key")]
    [InlineData("/api/restructurings/import", "post", "Idempotency-Key")]
    [InlineData("/api/units/{code}", "get", "If-None-Match If-Modified-Since")]
    [InlineData("/api/units/{code}/history", "get", "")]
    [InlineData("/api/imports", "post", "")]
    public async Task A_route_lists_the_headers_it_reads(string path, string method, string headers)
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var listed = document["paths"]![path]![method]!["parameters"]!.AsArray()
            .Where(p => (string?)p!["in"] == "header" && (string?)p["name"] != "X-Correlation-Id")
            .Select(p => (string?)p!["name"]);

        Assert.Equal(headers.Split(' ', StringSplitOptions.RemoveEmptyEntries), listed);
    }

    /// <summary>The headers each answer sends, as the API sends them (HttpContractTests and the live API): a version
    /// where one stream's version is meant (not on a restructuring, which writes several), a conditional read's day,
    /// a 201's address, when to retry a 429 or 503, and the correlation id everywhere.</summary>
    [Theory]
    [InlineData("/api/units/{code}", "get", "200", "ETag Last-Modified")]
    [InlineData("/api/units/{code}", "get", "304", "ETag Last-Modified")]
    [InlineData("/api/units/{code}/nonconformities/{id}", "get", "200", "ETag")]
    [InlineData("/api/rules", "get", "200", "ETag")]
    [InlineData("/api/units/{code}/history", "get", "200", "")]
    [InlineData("/api/units/{code}/declarations", "post", "200", "ETag")]
    [InlineData("/api/units/{code}/merge", "post", "200", "ETag")]
    [InlineData("/api/rules/editions", "post", "200", "ETag")]
    [InlineData("/api/units", "post", "201", "ETag Location")]
    [InlineData("/api/units/{code}/nonconformities", "post", "201", "ETag Location")]
    [InlineData("/api/restructurings", "post", "201", "Location")]
    [InlineData("/api/restructurings/import", "post", "200", "")]
    [InlineData("/api/units/{code}/declarations", "post", "409", "")]
    [InlineData("/api/imports", "post", "503", "Retry-After")]
    [InlineData("/api/units/{code}/declarations", "post", "503", "Retry-After")]
    [InlineData("/api/units/{code}", "get", "429", "Retry-After")]
    public async Task An_answer_lists_the_headers_it_sends(string path, string method, string status, string headers)
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var listed = document["paths"]![path]![method]!["responses"]![status]!["headers"]!.AsObject()
            .Select(header => header.Key).Where(name => name != "X-Correlation-Id").Order();

        Assert.Equal(headers.Split(' ', StringSplitOptions.RemoveEmptyEntries), listed);
    }

    [Fact]
    public async Task Every_answer_lists_its_correlation_id_every_201_its_Location_and_every_429_and_503_Retry_After()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var answers = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().SelectMany(operation => operation.Value!["responses"]!
                .AsObject().Select(response => (Name: $"{operation.Key} {path.Key} {response.Key}",
                    Status: response.Key, Headers: response.Value!["headers"]?.AsObject()))))
            .ToList();

        Assert.NotEmpty(answers);
        Assert.All(answers, answer => Assert.True(answer.Headers?.ContainsKey("X-Correlation-Id"), answer.Name));
        Assert.All(answers.Where(a => a.Status == "201"), a => Assert.True(a.Headers!.ContainsKey("Location"), a.Name));
        Assert.All(answers.Where(a => a.Status is "429" or "503"),
            answer => Assert.True(answer.Headers!.ContainsKey("Retry-After"), answer.Name));
        // No HEAD operation is listed: the document says once that every GET answers HEAD.
        Assert.DoesNotContain(answers, answer => answer.Name.StartsWith("head "));
        Assert.Contains("HEAD", (string?)document["info"]!["description"]);
    }
}
