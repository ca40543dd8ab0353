using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using FsCheck;
using FsCheck.Fluent;

namespace IsoLedger.Api.Tests;

/// <summary>Property-based: whatever a client sends — malformed JSON, wrong types, huge numbers, impossible and
/// far-past dates, control characters, very long strings, SQL and script fragments, in any field, route value or
/// query parameter — the answer is a 4xx problem that names the problem and leaks nothing.</summary>
public class HostileInputTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const int Samples = 25;
    private IAlbaHost Host => api.Host;

    public async Task InitializeAsync()
    {
        if ((await Host.Get("/api/units/QT-HOSTILE")).Status == 404) await Host.RegisterCommune("QT-HOSTILE");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly Gen<string> HostileText = Gen.OneOf(
        Gen.Elements("", " ", "\u0000", "\u0007\u001b[31m", "'; drop table mt_events; --", "\" or 1=1 --",
            "<script>alert(1)</script>", "../../etc/passwd", "%00", "${jndi:ldap://x}", "NaN", "2020-02-30",
            "0001-01-01", "9999-12-31", "-1", "1e400", "x", "X", "true", "\uFFFE", "\uFFFF", "\u202E", "minor, major",
            "Commune"),
        Gen.Choose(1, 20_000).Select(n => new string('ạ', n)),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));

    private static readonly Gen<JsonNode?> HostileValue = Gen.OneOf(
        HostileText.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Elements<JsonNode?>(null, JsonValue.Create(true), JsonValue.Create(-1), JsonValue.Create(long.MaxValue),
            JsonValue.Create(double.MaxValue), JsonValue.Create(0.5m), new JsonArray(1, 2, 3),
            new JsonObject { ["nested"] = new JsonObject() }));

    /// <summary>A valid body with some fields replaced by hostile values, or text that is not the body at
    /// all.</summary>
    private static Gen<string> HostileBody(string validBody)
    {
        var fields = JsonNode.Parse(validBody)!.AsObject().Select(p => p.Key).ToArray();
        var mutated = Gen.ListOf(Gen.Zip(Gen.Elements(fields), HostileValue)).Select(changes =>
        {
            var body = JsonNode.Parse(validBody)!.AsObject();
            foreach (var (field, value) in changes) body[field] = value?.DeepClone();
            if (changes.Count == 0) body[fields[0]] = JsonValue.Create("\u0000");
            return body.ToJsonString();
        });
        var broken = Gen.OneOf(
            Gen.Choose(0, validBody.Length - 1).Select(n => validBody[..n]),
            HostileText.Select(t => JsonSerializer.Serialize(t)),
            HostileText,
            Gen.Constant("{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}"));
        return Gen.Frequency((4, mutated), (1, broken));
    }

    private static void AssertNamedClientProblem(Answer answer, string request)
    {
        Assert.True(answer.Status is >= 400 and < 500, $"{request} answered {answer.Status}: {answer.Text}");
        Assert.True(answer.ContentType.StartsWith(Http.ProblemJson),
            $"{request} answered {answer.Status} without problem+json: {answer.Text}");
        var problem = answer.Json;
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), request);
        Assert.True(problem["detail"] is not null || problem["errors"] is not null,
            $"{request}: the problem is not named: {answer.Text}");
        Assert.DoesNotContain("   at ", answer.Text);
        Assert.DoesNotContain("Npgsql", answer.Text);
        Assert.DoesNotContain("Host=", answer.Text);
    }

    public static TheoryData<string, string> Bodies()
    {
        var data = new TheoryData<string, string>
        {
            {
                "/api/units",
                """{"code":"QT-NEW","name":"UBND Xã Mới","level":"commune","province":"Quảng Trị","district":"Hải """
                + """Lăng","parentCode":"QT-SO-01","registeredOn":"2015-01-01"}"""
            },
        };
        foreach (var route in Routes.Commands) data.Add(route.For("QT-HOSTILE"), route.ValidBody);
        return data;
    }

    [Theory, MemberData(nameof(Bodies))]
    public async Task Hostile_bodies_get_a_named_client_problem(string url, string validBody)
    {
        foreach (var body in HostileBody(validBody).Sample(Samples))
        {
            var answer = await Host.Post(url, body);
            // a mutation that happens to be valid is recorded, as it should be
            if (answer.Status is 200 or 201) continue;
            AssertNamedClientProblem(answer, $"POST {url} {Truncate(body)}");
        }
    }

    public static TheoryData<string> RouteTemplates() =>
    [
        "/api/units/{0}", "/api/units/{0}/history", "/api/units/{0}/state?asOf=2020-01-01", "/api/units?q={0}",
        "/api/units?province={0}&level={0}",
        "/api/units/QT-HOSTILE/state?asOf={0}", "/api/units/QT-HOSTILE/state?knownAt={0}",
        "/api/units/QT-HOSTILE/state?version={0}",
        "/api/events?after={0}&limit={0}", "/api/dashboards/conversion?province={0}&asOf={0}",
        "/api/dashboards/annual/2020?province=Kon+Tum&level={0}&district={0}",
        "/api/dashboards/compliance?province=Kon+Tum&rule={0}&asOf={0}",
        "/api/reports/annual/2020?province=Kon+Tum&format={0}",
        "/api/reports/province-report/2020?province={0}&asOf={0}", "/api/reports/trends?province={0}&asOf={0}&lang={0}",
        "/api/dashboards/national/2020?asOf={0}", "/api/dashboards/units/QT-HOSTILE/timeline?asOf={0}",
        "/api/dashboards/conversion?province=Kon+Tum&level={0}",
    ];

    [Theory, MemberData(nameof(RouteTemplates))]
    public async Task Hostile_route_values_and_query_parameters_never_break_a_read(string template)
    {
        foreach (var text in HostileText
            .Where(t => t.Length < 2000 && (InQuery(template) || !t.Contains('\0')))
            .Sample(Samples))
        {
            // A NUL in a path is refused by the HTTP server before the API sees it (and by the test client too).
            var url = string.Format(template, Uri.EscapeDataString(text));
            var answer = await Host.Get(url);
            if (answer.Status == 200) continue; // e.g. a search for any text simply finds nothing
            AssertNamedClientProblem(answer, $"GET {Truncate(url)}");
        }
    }

    /// <summary>Every query parameter of every read the OpenAPI document lists, each given what is no text or no
    /// value a parameter takes: a new parameter is covered without being named here (<c>standard=</c> with U+FFFE
    /// had failed in the rule book's reading of an edition's name, a 500).</summary>
    [Fact]
    public async Task Every_query_parameter_of_every_read_takes_hostile_text_without_breaking()
    {
        var document = (await Host.Get("/openapi/v1.json").Expect(200)).Json;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (operations!["get"] is not { } read) continue;
            var route = Regex.Replace(path, "{(code|id|name)}", "QT-HOSTILE").Replace("{year}", "2020");
            var names = read["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "query")
                .Select(p => (string)p!["name"]!) ?? [];
            foreach (var name in names)
            {
                foreach (var text in new[] { "\uFFFE", "\uFFFF", "\uFDD0", "\U0001FFFE", "\u0000", "\u202E", " ", "" })
                {
                    var url = $"{route}?{name}={Uri.EscapeDataString(text)}";
                    var answer = await Host.Get(url);
                    if (answer.Status == 200) continue;
                    AssertNamedClientProblem(answer, $"GET {url}");
                }
            }
        }
    }

    [Fact]
    public async Task Hostile_route_values_on_commands_never_break_a_write()
    {
        foreach (var text in HostileText.Where(t => t.Length is > 0 and < 2000 && !t.Contains('\0')).Sample(Samples))
        {
            var segment = Uri.EscapeDataString(text);
            foreach (var url in new[]
                     {
                         $"/api/units/{segment}/internal-audits", $"/api/units/QT-HOSTILE/years/{segment}/report",
                         $"/api/units/QT-HOSTILE/nonconformities/{segment}/close",
                     })
            {
                var answer = await Host.Post(url,
                    """{"heldOn":"2016-01-01","submittedOn":"2016-01-01","closedOn":"2016-01-01","effective":true}""");
                AssertNamedClientProblem(answer, $"POST {Truncate(url)}");
            }
        }
    }

    [Fact]
    public async Task Malformed_csv_imports_nothing_and_says_why()
    {
        const string header = "province,unit_code,unit_name,level,year,report_date,declared";
        var field = Gen.OneOf(
            HostileText.Where(t => t.Length < 300),
            Gen.Elements("\"unclosed", "a\"b", "\"\"", "x,y", "\r", "2020", "commune"));
        var line = Gen.ListOf(field).Select(fields => string.Join(",", fields));
        var file = Gen.ListOf(line).Select(lines => header + "\n" + string.Join("\n", lines));
        foreach (var csv in Gen.OneOf(file, HostileText).Sample(Samples))
        {
            var answer = await Host.PostBytes("/api/imports", System.Text.Encoding.UTF8.GetBytes(csv));
            if (answer.Status == 200) continue; // a generated file that happens to be valid is imported
            Assert.Equal(422, answer.Status);
            AssertNamedClientProblem(answer, $"import {Truncate(csv)}");
            Assert.NotEmpty(answer.Json["errors"]!.AsArray());
        }
    }

    /// <summary>A noncharacter or half a surrogate pair in a column read by its words (level, conversion,
    /// inspection) is a bad row, not a failure to compare it with the words.</summary>
    [Theory]
    [InlineData("level", "\uFFFE")]
    [InlineData("conversion", "Đang\uFFFF")]
    [InlineData("inspection", "\uFDD0đạt")]
    public async Task What_is_no_text_in_a_column_of_words_is_a_bad_row(string column, string value)
    {
        var header = ReportCsv.Header.Split(',');
        var row = "Quảng Trị,QT-NOTEXT,UBND xã Không Chữ,commune,Hải Lăng,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,passed"
            .Split(',');
        row[Array.IndexOf(header, column)] = value;
        var answer = await Host.PostBytes("/api/imports", System.Text.Encoding.UTF8.GetBytes(
            ReportCsv.Header + "\n" + string.Join(",", row) + "\n"));
        Assert.Equal(422, answer.Status);
        Assert.Contains(answer.Json["errors"]!.AsArray(), e => (string?)e!["column"] == column);
    }

    /// <summary>A noncharacter in any column the import reads, its layout's details included, is a bad row named
    /// at its column: in <c>parent_code</c>, read as a Sở's name where it is no code, it had failed the names'
    /// comparison (a 500).</summary>
    [Fact]
    public async Task What_is_no_text_in_any_column_is_a_bad_row_named_at_it()
    {
        var header = ReportCsv.Header.Split(',');
        var row = "Quảng Trị,QT-NOTEXT,UBND xã Không Chữ,commune,Hải Lăng,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,passed"
            .Split(',');
        foreach (var column in Imports.ReportRowParser.Columns)
        {
            var at = Array.IndexOf(header, column);
            var cells = at < 0 ? [.. row, "\uFFFE"] : row.Select((cell, i) => i == at ? "\uFFFE" : cell).ToArray();
            var csv = string.Join(",", at < 0 ? [.. header, column] : header) + "\n" + string.Join(",", cells) + "\n";
            var answer = await Host.PostBytes("/api/imports", System.Text.Encoding.UTF8.GetBytes(csv));
            AssertNamedClientProblem(answer, $"import with U+FFFE in {column}");
            Assert.True(answer.Json["errors"]!.AsArray().Any(e => (string?)e!["column"] == column),
                $"{column}: {answer.Text}");
        }
    }

    private static bool InQuery(string template) =>
        template.Contains('?') && template.IndexOf("{0}", StringComparison.Ordinal) > template.IndexOf('?');

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
