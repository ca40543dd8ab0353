using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.WebUtilities;

namespace IsoLedger.Api.Tests;

/// <summary>The document describes what the API answers: editions as strings that a nullable field wraps (a null had
/// matched both branches of its oneOf), and an inspection's result as the two values a request may send (problems:
/// OpenApiProblemTests).</summary>
public class OpenApiContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<JsonNode> Schemas() =>
        (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json["components"]!["schemas"]!;

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
    [InlineData("/api/units/{code}/history", "/api/units/OA-DECLARED/history")]
    [InlineData("/api/units/{code}/lineage", "/api/units/OA-DECLARED/lineage")]
    [InlineData("/api/dashboards/units/{code}/timeline", "/api/dashboards/units/OA-DECLARED/timeline")]
    [InlineData("/api/events", "/api/events")]
    [InlineData("/api/units", "/api/units?province=B%E1%BA%AFc%20K%E1%BA%A1n")]
    [InlineData("/api/dashboards/conversion", "/api/dashboards/conversion?province=B%E1%BA%AFc%20K%E1%BA%A1n"
        + "&level=department&consistent=true")]
    [InlineData("/api/dashboards/compliance", "/api/dashboards/compliance?province=B%E1%BA%AFc%20K%E1%BA%A1n"
        + "&consistent=true")]
    [InlineData("/api/dashboards/statistics/{year}", "/api/dashboards/statistics/2018?province=B%E1%BA%AFc"
        + "%20K%E1%BA%A1n&consistent=true")]
    [InlineData("/api/dashboards/national/{year}", "/api/dashboards/national/2018?consistent=true")]
    [InlineData("/api/dashboards/editions", "/api/dashboards/editions?province=B%E1%BA%AFc%20K%E1%BA%A1n"
        + "&consistent=true")]
    [InlineData("/api/dashboards/provinces", "/api/dashboards/provinces")]
    [InlineData("/api/reports/trends", "/api/reports/trends?province=B%E1%BA%AFc%20K%E1%BA%A1n&consistent=true")]
    [InlineData("/api/reports/summary/{year}", "/api/reports/summary/2018?province=B%E1%BA%AFc%20K%E1%BA%A1n"
        + "&consistent=true")]
    [InlineData("/api/vocabulary", "/api/vocabulary")]
    [InlineData("/api/rules/changes", "/api/rules/changes")]
    [InlineData("/api/admin/projections", "/api/admin/projections")]
    [InlineData("/api/admin/unit-writes", "/api/admin/unit-writes")]
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

    /// <summary>The schemas of the request bodies and those they use, by name.</summary>
    private static Dictionary<string, JsonObject> RequestSchemas(JsonNode document)
    {
        var components = document["components"]!["schemas"]!.AsObject();
        var found = new Dictionary<string, JsonObject>();
        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when o["$ref"] is { } reference:
                    var name = ((string)reference!).Split('/')[^1];
                    if (found.TryAdd(name, components[name]!.AsObject())) Visit(components[name]);
                    break;
                case JsonObject o:
                    foreach (var (_, child) in o) Visit(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Visit(child);
                    break;
            }
        }
        foreach (var (_, item) in document["paths"]!.AsObject())
            foreach (var (_, operation) in item!.AsObject())
                Visit(operation!["requestBody"]?["content"]?["application/json"]);
        return found;
    }

    private static string[] Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray list => [.. list.Select(t => (string)t!)],
        JsonValue one => [(string)one!],
        _ => [],
    };

    /// <summary>A client built from the document sends what the API takes: a required field is never null (the
    /// document had let every one be), text says how long it may be or what it must match, a count its range.
    /// </summary>
    [Fact]
    public async Task Every_request_field_says_what_it_takes()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var loose = new List<string>();
        void CheckValue(string at, JsonNode schema)
        {
            var types = Types(schema);
            if (types.Contains("string") && schema["format"] is null && schema["enum"] is null
                && schema["maxLength"] is null && schema["pattern"] is null)
                loose.Add($"{at}: text of any length");
            if (types.Contains("integer") && (schema["minimum"] is null || schema["maximum"] is null))
                loose.Add($"{at}: a number of any size");
            if (schema["items"] is { } items) CheckValue($"{at}[]", items);
        }

        foreach (var (name, schema) in RequestSchemas(document))
        {
            var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
            foreach (var (field, property) in schema["properties"]?.AsObject() ?? [])
            {
                var at = $"{name}.{field}";
                var nullable = Types(property!).Contains("null")
                    || property!["oneOf"]?.AsArray().Any(o => Types(o!).Contains("null")) == true;
                if (required.Contains(field) && nullable) loose.Add($"{at}: required, yet null is allowed");
                CheckValue(at, property!);
            }
        }

        Assert.True(loose.Count == 0, string.Join("\n", loose));
    }

    [Fact]
    public async Task A_part_goes_into_one_unit_or_a_list_of_them_as_the_API_reads_it()
    {
        var into = (await Schemas())["RestructuringPartRequest"]!["properties"]!["into"]!["oneOf"]!.AsArray();

        Assert.Equal(["null", null, "array"], into.Select(s => (string?)s!["type"]));
        Assert.Equal("#/components/schemas/RestructuringTargetRequest", (string?)into[1]!["$ref"]);
        Assert.Equal("#/components/schemas/RestructuringTargetRequest", (string?)into[2]!["items"]!["$ref"]);
    }

    /// <summary>The limits the document gives are the API's: past one, a field is refused by name; at it, it is
    /// not.</summary>
    [Fact]
    public async Task The_API_refuses_a_field_past_the_limit_the_document_gives_it()
    {
        const string code = "OA-LIMITS";
        if ((await Host.Get($"/api/units/{code}")).Status == 404) await Host.RegisterCommune(code);
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var schemas = document["components"]!["schemas"]!;
        (string Url, string Path, string Body)[] requests =
        [
            .. Routes.Commands.Select(r => (r.For(code),
                "/api/units/{code}" + r.Path.Replace("2019", "{year}").Replace("NC-1", "{id}"), r.ValidBody)),
            ("/api/units", "/api/units", """
                {"code":"OA-NEW","name":"UBND Xã Mới","level":"commune","province":"Quảng Trị","district":"Hải Lăng"}
                """),
            ("/api/restructurings", "/api/restructurings",
                $$"""
                {"decisionNo":"NQ 1","effectiveOn":"2021-01-01","parts":[{"kind":"dissolve","from":["{{code}}"]}]}
                """),
            ("/api/rules/editions", "/api/rules/editions", """
                {"name":"2031","nameVi":"TCVN ISO 9001:2031","nameEn":"ISO 9001:2031","publishedOn":"2025-01-01",
                 "source":"s","reason":"r"}
                """),
            ("/api/rules/obligations/report-x/end", "/api/rules/obligations/{id}/end",
                """{"validTo":"2030-01-01","reason":"r"}"""),
        ];
        var unkept = new List<string>();
        foreach (var (url, path, body) in requests)
        {
            var reference = (string)document["paths"]![path]!["post"]!["requestBody"]!["content"]!
                ["application/json"]!["schema"]!["$ref"]!;
            var schema = schemas[reference.Split('/')[^1]]!;
            foreach (var (field, property) in schema["properties"]!.AsObject())
            {
                var (past, at) = (property!["maxLength"], property["maximum"], property["pattern"]) switch
                {
                    ({ } length, _, null) => (JsonValue.Create(new string('a', (int)length + 1)),
                        JsonValue.Create(new string('a', (int)length))),
                    (_, { } maximum, _) => ((JsonNode)JsonValue.Create((int)maximum + 1),
                        JsonValue.Create((int)maximum)),
                    (_, _, { }) => (JsonValue.Create("no code!"), null),
                    _ => (null, null),
                };
                if (past is null) continue;
                foreach (var (value, refused) in new[] { (past, true), (at, false) })
                {
                    if (value is null) continue;
                    var sent = JsonNode.Parse(body)!.AsObject();
                    sent[field] = value;
                    var answer = await Host.Post(url, sent.ToJsonString());
                    // At the limit the field may be refused for what it says (no such province), not for its size.
                    var errors = (answer.Status == 400 ? answer.Json["errors"]?[field]?.AsArray() : null)
                        ?.Select(e => (string)e!).ToList();
                    var named = refused
                        ? errors is not null
                        : errors?.Any(e => e.Contains("at most") || e.Contains("between")) == true;
                    if (named != refused)
                        unkept.Add($"POST {path} {field} {(refused ? "past" : "at")} its limit: {answer.Status}");
                }
            }
        }

        Assert.True(unkept.Count == 0, string.Join("\n", unkept));
    }

    [Fact]
    public async Task An_inspection_s_result_lists_what_a_request_may_send()
    {
        var result = (await Schemas())["RecordInspectionRequest"]!["properties"]!["result"]!;

        Assert.Equal("string", (string?)result["type"]);
        Assert.Equal(["passed", "failed"], result["enum"]!.AsArray().Select(v => (string?)v));
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
        var parameter = document["paths"]!["/api/dashboards/national/{year}"]!["get"]!["parameters"]!.AsArray()
            .Single(p => (string?)p!["name"] == "year")!;
        var year = parameter["schema"]!;

        Assert.Equal(("integer", "2000", "9999"),
            ((string?)year["type"], year["minimum"]?.ToString(), year["maximum"]?.ToString()));
        // The bound that moves with the clock is said in words.
        Assert.Contains("this year at most", (string?)parameter["description"]);
    }

    /// <summary>Every text a route value or a query parameter takes says its shape or length, as the server checks it
    /// (a unit's code, a nonconformity's, an obligation's or a restructuring's id, a projection's name; a province, a
    /// district, the search text, a standard, a rule): they were bare strings, though the server refuses a longer one
    /// (400) or finds nothing for another shape (404).</summary>
    [Fact]
    public async Task Every_text_parameter_says_what_it_takes()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        string[] described = ["pattern", "maxLength", "enum", "format"];

        var bare = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().SelectMany(operation =>
                (operation.Value!["parameters"]?.AsArray() ?? []).Select(parameter => (
                    Name: $"{operation.Key} {path.Key} {parameter!["name"]}",
                    In: (string?)parameter["in"],
                    Schema: parameter["schema"]!.AsObject()))))
            .Where(parameter => parameter.In is "path" or "query" && (string?)parameter.Schema["type"] == "string"
                && !described.Any(parameter.Schema.ContainsKey))
            .Select(parameter => parameter.Name);

        Assert.Empty(bare);
    }

    /// <summary>The headers each kind of route reads, as its endpoint is marked: a unit command and a rule-book change
    /// take a version and a key; a registration (no stream yet) and a restructuring (several streams) a key only; a
    /// read the preconditions (an import a key only).</summary>
    [Theory]
    [InlineData("/api/units/{code}/declarations", "post", "Idempotency-Key If-Match")]
    [InlineData("/api/units/{code}/merge", "post", "Idempotency-Key If-Match")]
    [InlineData("/api/rules/editions", "post", "Idempotency-Key If-Match")]
    [InlineData("/api/units", "post", "Idempotency-Key")]
    [InlineData("/api/restructurings", "post", "Idempotency-Key")]
    [InlineData("/api/restructurings/import", "post", "Idempotency-Key")]
    [InlineData("/api/units/{code}", "get", "If-None-Match If-Match")]
    [InlineData("/api/units/{code}/history", "get", "If-None-Match If-Match")]
    [InlineData("/api/imports", "post", "Idempotency-Key")]
    [InlineData("/api/admin/projections/{name}/rebuild", "post", "")]
    public async Task A_route_lists_the_headers_it_reads(string path, string method, string headers)
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var listed = document["paths"]![path]![method]!["parameters"]!.AsArray()
            .Where(p => (string?)p!["in"] == "header" && (string?)p["name"] != "X-Correlation-Id")
            .Select(p => (string?)p!["name"]);

        Assert.Equal(headers.Split(' ', StringSplitOptions.RemoveEmptyEntries), listed);
    }

    /// <summary>The headers each answer sends, as the API sends them (HttpContractTests and the live API): a version
    /// where one stream's version is meant (not on a restructuring, which writes several), a read's tag on its 304,
    /// a 201's address, when to retry a 429 or 503, a file's name on a report, and the correlation id
    /// everywhere.</summary>
    [Theory]
    [InlineData("/api/units/{code}", "get", "200", "ETag")]
    [InlineData("/api/units/{code}", "get", "304", "ETag")]
    [InlineData("/api/units/{code}/history", "get", "304", "")]
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
    [InlineData("/api/reports/annual/{year}", "get", "200", "Content-Disposition")]
    [InlineData("/api/reports/province-report/{year}", "get", "200", "Content-Disposition")]
    [InlineData("/api/reports/summary/{year}", "get", "200", "Content-Disposition")]
    [InlineData("/api/reports/trends", "get", "200", "Content-Disposition")]
    [InlineData("/api/reports/trends", "get", "400", "")]
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

    /// <summary>The keys of the development configuration by their one role.</summary>
    private static readonly Dictionary<string, string> KeyOfRole = new()
    {
        ["admin"] = Keys.Admin,
        ["recorder"] = Keys.Recorder,
        ["inspector"] = Keys.Inspector,
        ["auditor"] = Keys.Auditor,
        ["viewer"] = Keys.Viewer,
    };

    /// <summary>Each operation's description names the roles allowed to call it, as the server authorizes them: a
    /// key of another role is refused (403), and a read lets a key of every role named in. A write is sent only by
    /// the keys refused, so that nothing is recorded.</summary>
    [Fact]
    public async Task Every_operation_names_the_roles_the_server_lets_call_it()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var wrong = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject().Where(path => path.Key.StartsWith("/api/")))
        {
            var url = path.Replace("{code}", "OA-ROLES").Replace("{year}", "2020").Replace("{id}", "NC-1")
                .Replace("{name}", "DashboardUnits");
            foreach (var (method, operation) in item!.AsObject())
            {
                var description = (string?)operation!["description"] ?? "";
                var named = Regex.Match(description,
                    "API key roles allowed: ([a-z, ]+)\\. A key with none of them answers 403\\.$");
                if (!named.Success)
                {
                    wrong.Add($"{method} {path}: no roles named");
                    continue;
                }
                var roles = named.Groups[1].Value.Split(", ");
                if ((string?)operation["responses"]!["403"]!["description"] is not { } refused
                    || !refused.EndsWith($": {named.Groups[1].Value}."))
                    wrong.Add($"{method} {path}: the 403 does not name the roles allowed");
                var upload = operation["requestBody"]?["content"]?["text/csv"] is not null;
                foreach (var (role, key) in KeyOfRole.Where(role => method == "get" || !roles.Contains(role.Key)))
                {
                    var answer = method == "get"
                        ? await Host.Get(url, key)
                        : upload
                            ? await Host.PostBytes(url, [], key: key)
                            : await Host.Post(url, "{}", key);
                    if ((answer.Status == 403) == roles.Contains(role))
                        wrong.Add($"{method} {path}: {role} answered {answer.Status}; named: {named.Groups[1].Value}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Every operation of the document, with its path and method.</summary>
    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(operation => ($"{operation.Key} {path.Key}", operation.Value!.AsObject())));

    /// <summary>The whole document, walked: every operation says what it does in words of its own (17 had the
    /// generator's name of the route, POST_api_units_code_internal_audits, for a description), every parameter what
    /// it means (route values and query parameters said nothing), and every error answer is a problem whose schema
    /// has type, title and status.</summary>
    [Fact]
    public async Task The_whole_document_describes_every_operation_parameter_and_answer()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var schemas = document["components"]!["schemas"]!;
        var undescribed = new List<string>();

        foreach (var (name, operation) in Operations(document))
        {
            var summary = (string?)operation["summary"];
            var description = (string?)operation["description"];
            if (string.IsNullOrWhiteSpace(summary) || summary == (string?)operation["operationId"])
                undescribed.Add($"{name}: no summary of its own");
            // Beyond the roles every operation names.
            if (description?.Split("\n\nAPI key roles allowed:")[0] is not { Length: > 0 } own
                || own.StartsWith("API key roles allowed:") || Regex.IsMatch(own, "^(GET|POST|PUT|DELETE)_"))
                undescribed.Add($"{name}: no description of its own");
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if (string.IsNullOrWhiteSpace((string?)parameter!["description"]))
                    undescribed.Add($"{name}: {parameter["in"]} parameter {parameter["name"]} says nothing");
            }
            // An answer says what it is or what went wrong, not only its status's name ("OK", "Conflict").
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if ((string?)response!["description"] == ReasonPhrases.GetReasonPhrase(int.Parse(status)))
                    undescribed.Add($"{name}: {status} says only \"{response["description"]}\"");
            }
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
            {
                var content = response!["content"]?.AsObject();
                var reference = (string?)content?[Http.ProblemJson]?["schema"]?["$ref"];
                var required = reference is null ? null
                    : schemas[reference.Split('/')[^1]]?["required"]?.AsArray().Select(m => (string?)m).ToList();
                if (content?.Count != 1 || required is null
                    || !new[] { "type", "title", "status" }.All(required.Contains))
                    undescribed.Add($"{name}: {status} is not a problem with type, title and status");
                // A command's 422 is its Idempotency-Key used for another request; an import's, its table's rows.
                if (status == "422" && ((string?)response["description"])!.Contains("table")
                    != reference!.EndsWith("/ImportProblemDetails"))
                    undescribed.Add($"{name}: 422 says \"{response["description"]}\"");
            }
        }

        Assert.True(undescribed.Count == 0, string.Join("\n", undescribed));
    }

    /// <summary>Every schema of the document says what it is, and every member of an object what it holds, itself: 41
    /// schemas (an event page, a projection rebuilt, the enumerations of a nonconformity) and some 400 members of the
    /// answers (a row's code, the totals' counts) said nothing, and a nullable member's words sat inside its oneOf,
    /// on the reference, where a reader of the member does not look.</summary>
    [Fact]
    public async Task Every_schema_and_every_member_says_what_it_is()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var undescribed = new List<string>();
        void Visit(string at, JsonNode? schema)
        {
            if (schema is not JsonObject o) return;
            foreach (var (name, member) in o["properties"]?.AsObject() ?? [])
            {
                if (string.IsNullOrWhiteSpace((string?)member!["description"])) undescribed.Add($"{at}.{name}");
                Visit($"{at}.{name}", member);
            }
            Visit($"{at}[]", o["items"]);
            Visit($"{at}{{}}", o["additionalProperties"]);
            foreach (var (key, branch) in new[] { "oneOf", "anyOf", "allOf" }
                         .SelectMany(key => (o[key]?.AsArray() ?? []).Select(branch => (key, branch))))
                Visit($"{at}/{key}", branch);
        }

        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            if (string.IsNullOrWhiteSpace((string?)schema!["description"])) undescribed.Add($"{name}: the schema");
            Visit(name, schema);
        }

        Assert.True(undescribed.Count == 0, $"{undescribed.Count} undescribed:\n" + string.Join("\n", undescribed));
    }

    /// <summary>Every description in the document, with the path to it.</summary>
    private static IEnumerable<(string At, string Text)> Descriptions(JsonNode? node, string at)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (key is "description" or "summary" && child is JsonValue text)
                        yield return ($"{at}/{key}", (string)text!);
                    else
                        foreach (var found in Descriptions(child, $"{at}/{key}")) yield return found;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var found in Descriptions(a[i], $"{at}/{i}")) yield return found;
                break;
        }
    }

    /// <summary>No description shows the code's documentation markup (a tag, which a reader rendering Markdown would
    /// also hide), or a member it referred to as the generator renders it ("IReadOnlyList&amp;lt;Term&amp;gt;
    /// Vocabulary.SummaryRows", "string? AnnualRow.District"): a reader of the document is told of the answer's
    /// members and the vocabulary's lists by their names in JSON.</summary>
    [Fact]
    public async Task No_description_shows_the_code_s_documentation_markup()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;

        var marked = Descriptions(document, "#")
            .Where(d => Regex.IsMatch(d.Text, @"<[A-Za-z/]|cref=|&lt;|&gt;|\b[A-Z][a-z]\w*\.[A-Z]\w*"))
            .Select(d => $"{d.At}: {d.Text}").ToList();

        Assert.True(marked.Count == 0, string.Join("\n", marked));
    }

    /// <summary>A description is written in paragraphs: the line breaks and indentation of the documentation comment
    /// it was read from broke its sentences ("…(standards,\n    from the rule book)…").</summary>
    [Fact]
    public async Task No_description_breaks_a_line_inside_a_paragraph()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;

        var broken = Descriptions(document, "#")
            .Where(d => d.Text.Replace("\n\n", "").Contains('\n') || d.Text != d.Text.Trim())
            .Select(d => $"{d.At}: {d.Text}").ToList();

        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(20)));
    }

    /// <summary>What an OpenAPI linter asks of a document (Redocly's and Spectral's recommended rules): each group of
    /// operations says what it is for (the twelve tags had names alone), each operation says what it needs (the
    /// health checks said nothing, which reads as undocumented rather than open), and the server's address takes a
    /// path as written ("http://host:port/" and "/api/units" made a double slash).</summary>
    [Fact]
    public async Task Tags_say_what_they_group_operations_say_what_they_need_and_the_server_takes_a_path()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(o => (At: $"{o.Key} {path.Key}", Operation: o.Value!)))
            .ToList();
        var described = document["tags"]!.AsArray()
            .Where(t => !string.IsNullOrWhiteSpace((string?)t!["description"]))
            .Select(t => (string?)t!["name"]).ToHashSet();

        Assert.Empty(operations.SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => (string?)t))
            .Where(tag => !described.Contains(tag)).Distinct());
        Assert.Empty(operations.Where(o => o.Operation["security"] is null).Select(o => o.At));
        Assert.All(document["servers"]!.AsArray(), server => Assert.False(((string)server!["url"]!).EndsWith('/')));
    }

    /// <summary>A schema's descriptions name its members as a request or answer writes them: the generator renders a
    /// reference to a record's parameter by its C# name ("Without RegisteredOn the unit is recorded today", "the
    /// existing IntoCode"), which no client sends.</summary>
    [Fact]
    public async Task A_schema_names_its_members_by_their_names_in_json()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;

        var misnamed = (
            from schema in document["components"]!["schemas"]!.AsObject()
            let members = schema.Value!["properties"]?.AsObject().Select(p => p.Key).ToList() ?? []
            from described in Descriptions(schema.Value, $"#/components/schemas/{schema.Key}")
            from member in members
            let inCode = char.ToUpperInvariant(member[0]) + member[1..]
            // Mid-sentence only: a sentence may begin with the word a member is named after ("Province of …").
            where Regex.IsMatch(described.Text, $@"(?<![.:!?]\s*|^\s*|[`\w]){inCode}(?![`\w])")
            select $"{described.At}: {inCode} (write `{member}`)").Distinct().ToList();

        Assert.True(misnamed.Count == 0, string.Join("\n", misnamed));
    }

    /// <summary>A conversion started without its target goes to the next edition of the rule book: the field said
    /// only what an edition is, its own description replaced by the shared one.</summary>
    [Fact]
    public async Task A_conversion_s_target_says_where_it_goes_when_omitted()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var to = (string?)document["components"]!["schemas"]!["StartConversionRequest"]!["properties"]!["to"]!
            ["description"];

        Assert.StartsWith("The edition to convert to. Omitted (or null): the next edition of the rule book", to);
        Assert.Contains("An edition of TCVN ISO 9001 by its name in the rule book", to);
        Assert.Contains("Without `to`, the conversion goes to the next edition",
            (string?)document["paths"]!["/api/units/{code}/conversion/start"]!["post"]!["description"]);
    }
}
