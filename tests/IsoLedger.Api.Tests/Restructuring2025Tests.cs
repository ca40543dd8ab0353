using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The 2025 reorganisation as a province records it: districts dissolved when their level ended on 1 July
/// 2025, communes merged (three into a new one, two into an existing one) and split, a department renamed; read
/// before, on and after the effective date. Each test works in a province of its own.</summary>
public class Restructuring2025Tests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private const string Decision = "1680/NQ-UBTVQH15";

    private async Task Register(
        string code, string name, string level, string province, string? district = null,
        string? registeredOn = "2010-01-01")
    {
        var districtJson = district is null ? "" : $",\"district\":\"{district}\"";
        var dateJson = registeredOn is null ? "" : $",\"registeredOn\":\"{registeredOn}\"";
        await Host.Post("/api/units",
            $$"""{"code":"{{code}}","name":"{{name}}","level":"{{level}}","""
            + $$"""
                "province":"{{province}}"{{districtJson}}{{dateJson}}}
                """, Keys.Recorder)
            .Expect(201);
    }

    private static readonly (string, string)[] Declared2015 =
    [
        ("/documentation",
            """{"issuedOn":"2015-03-01","standard":"2015","qualityManual":true,"qualityPolicy":"""
            + """true,"qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":2,"businessProcedures":"""
            + """40,"administrativeProcedures":40}"""),
        ("/internal-audits", """{"heldOn":"2015-05-01"}"""),
        ("/management-reviews", """{"heldOn":"2015-06-01"}"""),
        ("/declarations", """{"declaredOn":"2015-10-01","standard":"2015"}"""),
    ];

    private Task<Answer> State(string code, string asOf) =>
        Host.Get($"/api/units/{code}/state?asOf={asOf}", Keys.Auditor);

    private async Task<JsonNode> Dashboard(string name, string province, string asOf) =>
        (await Host.Get($"/api/dashboards/{name}?province={Uri.EscapeDataString(province)}&asOf={asOf}&consistent=true",
            Keys.Viewer).Expect(200)).Json["data"]!;

    private static Dictionary<string, int> ByLevel(JsonNode conversion) =>
        conversion["byLevel"]!.AsArray().ToDictionary(l => (string)l!["level"]!, l => (int)l!["counts"]!["total"]!);

    private async Task<int> HistoryLength(string code) =>
        (await Host.Get($"/api/units/{code}/history", Keys.Auditor).Expect(200)).Json.AsArray().Count;

    [Fact]
    public async Task Quang_Tri_2025_districts_dissolved_communes_merged_and_split_a_department_renamed()
    {
        const string province = "Quảng Trị";
        await Register("QT25-HUYEN-HL", "UBND Huyện Hải Lăng", "district", province);
        await Register("QT25-HUYEN-TP", "UBND Huyện Triệu Phong", "district", province);
        foreach (var (code, name) in new[]
                 {
                     ("QT25-XA-HAITHIEN", "UBND Xã Hải Thiện"), ("QT25-XA-HAITHANH", "UBND Xã Hải Thành"),
                     ("QT25-XA-HAIHOA", "UBND Xã Hải Hòa"),
                     ("QT25-XA-TRIEUAN", "UBND Xã Triệu An"), ("QT25-XA-TRIEUVAN", "UBND Xã Triệu Vân"),
                     ("QT25-XA-TRIEUPHUOC", "UBND Xã Triệu Phước"),
                     ("QT25-XA-HAILAM", "UBND Xã Hải Lâm"),
                 })
        {
            await Register(code, name, "commune", province, code.Contains("HAI") ? "Hải Lăng" : "Triệu Phong");
        }
        await Register("QT25-SO-KHCN", "Sở Khoa học và Công nghệ", "department", province);
        await Host.Record("QT25-XA-HAITHIEN", Declared2015);
        await Host.Record("QT25-XA-TRIEUAN", Declared2015);
        await Host.Record("QT25-XA-HAILAM", Declared2015);

        var body = $$$"""
        {"decisionNo":"{{{Decision}}}","effectiveOn":"2025-07-01","parts":[
          {"kind":"merge","from":["QT25-XA-HAITHIEN","QT25-XA-HAITHANH","QT25-XA-HAIHOA"],
           "into":{"code":"QT25-XA-HAIDINH","name":"UBND Xã Hải Định","level":"commune","province":"{{{province}}}"}},
          {"kind":"merge","from":["QT25-XA-TRIEUAN","QT25-XA-TRIEUVAN"],"into":{"code":"QT25-XA-TRIEUPHUOC"}},
          {"kind":"split","from":["QT25-XA-HAILAM"],"into":[
            {"code":"QT25-XA-HAILAM-B","name":"UBND Xã Hải Lâm Bắc","level":"commune","province":"{{{province}}}"},
            {"code":"QT25-XA-HAILAM-N","name":"UBND Xã Hải Lâm Nam","level":"commune","province":"{{{province}}}"}]},
          {"kind":"rename","from":["QT25-SO-KHCN"],"name":"Sở Khoa học, Công nghệ và Chuyển đổi số"},
          {"kind":"dissolve","from":["QT25-HUYEN-HL","QT25-HUYEN-TP"]}]}
        """;
        var created = (await Host.Post("/api/restructurings", body, Keys.Recorder).Expect(201)).Json;
        var id = (string)created["id"]!;

        // The restructuring as recorded.
        var recorded = (await Host.Get($"/api/restructurings/{id}", Keys.Viewer).Expect(200)).Json;
        Assert.Equal(Decision, (string?)recorded["decisionNo"]);
        Assert.Equal("2025-07-01", (string?)recorded["effectiveOn"]);
        Assert.Equal(["QT25-XA-HAIDINH", "QT25-XA-HAILAM-B", "QT25-XA-HAILAM-N"],
            recorded["newUnits"]!.AsArray().Select(c => (string)c!).Order());
        Assert.Equal(13, recorded["units"]!.AsObject().Count);
        Assert.Equal(5, recorded["parts"]!.AsArray().Count);
        await Host.Get("/api/restructurings/no-such-id", Keys.Viewer).Expect(404);

        // Before: the predecessors and the districts, not the successors formed on the effective date.
        var before = await Dashboard("conversion", province, "2025-06-30");
        Assert.Equal(10, (int)before["totals"]!["total"]!);
        Assert.Equal(
            new Dictionary<string, int> { ["department"] = 1, ["district"] = 2, ["commune"] = 7 }, ByLevel(before));
        Assert.Equal(10, (int)(await Dashboard("compliance", province, "2025-06-30"))["units"]!);
        // On and after: the successors and the renamed department; no district, no predecessor.
        foreach (var asOf in new[] { "2025-07-01", "2026-01-01" })
        {
            var after = await Dashboard("conversion", province, asOf);
            Assert.Equal(5, (int)after["totals"]!["total"]!);
            Assert.Equal(new Dictionary<string, int> { ["department"] = 1, ["commune"] = 4 }, ByLevel(after));
            Assert.Equal(5, (int)(await Dashboard("compliance", province, asOf))["units"]!);
        }

        // A successor does not exist before the effective date: 404 saying from when it does.
        foreach (var code in new[] { "QT25-XA-HAIDINH", "QT25-XA-HAILAM-B" })
        {
            var missing = await State(code, "2025-06-30").Expect(404);
            Assert.Equal("2025-07-01", (string?)missing.Json["existsFrom"]);
            Assert.Contains("2025-07-01", (string?)missing.Json["detail"]);
        }
        var haiDinh = (await State("QT25-XA-HAIDINH", "2025-07-01").Expect(200)).Json;
        Assert.Equal("UBND Xã Hải Định", (string?)haiDinh["name"]);
        Assert.Equal("2025-07-01", (string?)haiDinh["existsFrom"]);
        var tookOver = Assert.Single(haiDinh["predecessors"]!.AsArray())!;
        Assert.Equal(["QT25-XA-HAIHOA", "QT25-XA-HAITHANH", "QT25-XA-HAITHIEN"],
            tookOver["predecessors"]!.AsArray().Select(p => (string)p!["code"]!).Order());
        var haiThien = tookOver["predecessors"]!.AsArray().Single(p => (string)p!["code"]! == "QT25-XA-HAITHIEN")!;
        Assert.True((bool)haiThien["declared"]!);
        Assert.Equal("2015", (string?)haiThien["standard"]);
        // A successor inherits history, not declarations.
        Assert.Equal("none", (string?)haiDinh["standard"]);

        // The existing successor: the same unit before, with its new predecessors from the effective date.
        Assert.Empty((await State("QT25-XA-TRIEUPHUOC", "2025-06-30").Expect(200)).Json["predecessors"]!.AsArray());
        var trieuPhuoc = (await State("QT25-XA-TRIEUPHUOC", "2025-07-01").Expect(200)).Json;
        Assert.Equal(["QT25-XA-TRIEUAN", "QT25-XA-TRIEUVAN"],
            Assert.Single(trieuPhuoc["predecessors"]!.AsArray())!["predecessors"]!.AsArray()
                .Select(p => (string)p!["code"]!).Order());

        // A predecessor keeps its history; it is merged from the effective date.
        var haiThienBefore = (await State("QT25-XA-HAITHIEN", "2025-06-30").Expect(200)).Json;
        Assert.Null(haiThienBefore["mergedInto"]);
        Assert.Equal("2015", (string?)haiThienBefore["standard"]);
        var haiThienAfter = (await State("QT25-XA-HAITHIEN", "2026-01-01").Expect(200)).Json;
        Assert.Equal("QT25-XA-HAIDINH", (string?)haiThienAfter["mergedInto"]!["intoCode"]);
        Assert.Equal("2025-07-01", (string?)haiThienAfter["endedOn"]);
        Assert.Equal("2015-10-01", (string?)haiThienAfter["latestDeclaration"]!["declaredOn"]);
        Assert.Equal(["QT25-XA-HAILAM-B", "QT25-XA-HAILAM-N"],
            (await State("QT25-XA-HAILAM", "2025-07-01").Expect(200)).Json["splitInto"]!["intoCodes"]!.AsArray()
                .Select(c => (string)c!));

        // The department is named as it was on the date asked.
        Assert.Equal("Sở Khoa học và Công nghệ",
            (string?)(await State("QT25-SO-KHCN", "2025-06-30").Expect(200)).Json["name"]);
        Assert.Equal("Sở Khoa học, Công nghệ và Chuyển đổi số",
            (string?)(await State("QT25-SO-KHCN", "2025-07-01").Expect(200)).Json["name"]);

        // The districts ended that day; nothing later can be recorded on them or on a merged commune.
        var district = (await State("QT25-HUYEN-HL", "2025-07-01").Expect(200)).Json;
        Assert.Equal("2025-07-01", (string?)district["endedOn"]);
        Assert.NotNull(district["dissolved"]);
        Assert.Equal("level-ended", (string?)(await Host.Post(
            "/api/units/QT25-HUYEN-HL/internal-audits", """{"heldOn":"2025-07-01"}""").Expect(409)).Json["rule"]);
        Assert.Equal("unit-merged", (string?)(await Host.Post(
            "/api/units/QT25-XA-HAITHIEN/internal-audits", """{"heldOn":"2025-07-02"}""").Expect(409)).Json["rule"]);
        Assert.Equal("unit-merged", (string?)(await Host.Post(
            "/api/units/QT25-XA-HAITHIEN/internal-audits", """{"heldOn":"2025-07-01"}""").Expect(409)).Json["rule"]);
        await Host.Post("/api/units/QT25-XA-HAITHIEN/internal-audits", """{"heldOn":"2025-06-30"}""").Expect(200);

        // Units the restructuring formed from units with a system must declare within 12 months: not flagged on
        // 2026-07-01, flagged the day after. Triệu Phước existed before and keeps its own declaration.
        static IEnumerable<string> Flagged(JsonNode compliance) =>
            compliance["flags"]!.AsArray()
                .Where(f => (string)f!["rule"]! == "successor-not-declared")
                .Select(f => (string)f!["code"]!)
                .Order();
        Assert.Empty(Flagged(await Dashboard("compliance", province, "2026-07-01")));
        Assert.Equal(["QT25-XA-HAIDINH", "QT25-XA-HAILAM-B", "QT25-XA-HAILAM-N"],
            Flagged(await Dashboard("compliance", province, "2026-07-02")));
    }

    [Fact]
    public async Task
        A_restructuring_with_one_bad_part_writes_nothing_and_a_repeated_idempotency_key_writes_nothing_more()
    {
        // Hà Tĩnh was not merged in 2025, so its units count in no other test's province.
        const string province = "Hà Tĩnh";
        string[] codes = ["QB-XA-A", "QB-XA-B", "QB-XA-X", "QB-XA-P"];
        foreach (var code in codes) await Register(code, $"UBND Xã {code}", "commune", province, "Kỳ Anh");
        await Host.Record("QB-XA-P", ("/internal-audits", """{"heldOn":"2025-07-05"}"""));
        var lengths = new Dictionary<string, int>();
        foreach (var code in codes) lengths[code] = await HistoryLength(code);

        var bad = $$$"""
            {"decisionNo":"{{{Decision}}}","effectiveOn":"2025-07-01","parts":[
              {"kind":"merge","from":["QB-XA-A","QB-XA-B"],"into":{"code":"QB-XA-X"}},
              {"kind":"merge","from":["QB-XA-P"],"into":
            """
            + $$$"""{"code":"QB-XA-N","name":"UBND Xã Mới","level":"commune","province":"{{{province}}}"}}]}""";
        var rejected = (await Host.Post("/api/restructurings", bad, Keys.Recorder).Expect(409)).Json;
        Assert.Equal("predecessor-has-later-facts", (string?)rejected["rule"]);
        Assert.Equal("QB-XA-P", (string?)rejected["unit"]);
        Assert.Equal("urn:isoledger:rule:predecessor-has-later-facts", (string?)rejected["type"]);
        foreach (var code in codes) Assert.Equal(lengths[code], await HistoryLength(code));
        await Host.Get("/api/units/QB-XA-N").Expect(404);

        var good = $$$"""{"decisionNo":"{{{Decision}}}","effectiveOn":"2025-07-01","parts":"""
            + """[{"kind":"merge","from":["QB-XA-A","QB-XA-B"],"into":{"code":"QB-XA-X"}}]}""";
        var first = (await Host.Post("/api/restructurings", good, Keys.Recorder, ("Idempotency-Key", "qb-2025-merge"))
            .Expect(201)).Json;
        foreach (var code in new[] { "QB-XA-A", "QB-XA-B", "QB-XA-X" })
            Assert.Equal(lengths[code] + 1, await HistoryLength(code));
        var repeat = (await Host.Post("/api/restructurings", good, Keys.Recorder, ("Idempotency-Key", "qb-2025-merge"))
            .Expect(201)).Json;
        Assert.Equal((string?)first["id"], (string?)repeat["id"]);
        foreach (var code in new[] { "QB-XA-A", "QB-XA-B", "QB-XA-X" })
            Assert.Equal(lengths[code] + 1, await HistoryLength(code));
        // Without the key the same body is a new restructuring, and the predecessors have ended.
        Assert.Equal("predecessor-ended",
            (string?)(await Host.Post("/api/restructurings", good, Keys.Recorder).Expect(409)).Json["rule"]);
    }

    [Theory]
    [InlineData(
        """{"kind":"merge","from":["QB-XA-A"],"into":[{"code":"QB-XA-X"},{"code":"QB-XA-Y"}]}""", "parts[1].into")]
    [InlineData("""{"kind":"split","from":["QB-XA-A"],"into":{"code":"QB-XA-X"}}""", "parts[1].into")]
    [InlineData(
        """{"kind":"split","from":["QB-XA-A","QB-XA-B"],"into":"""
        + """[{"code":"QB-S1","name":"a","level":"commune","province":"Quảng Bình"},"""
        + """{"code":"QB-S2","name":"b","level":"commune","province":"Quảng Bình"}]}""",
        "parts[1].from")]
    [InlineData("""{"kind":"rename","from":["QB-XA-A"]}""", "parts[1].name")]
    [InlineData("""{"kind":"dissolve","from":["QB-XA-A"],"into":{"code":"QB-XA-X"}}""", "parts[1].into")]
    [InlineData("""{"kind":"merge","from":["no such code!"],"into":{"code":"QB-XA-X"}}""", "parts[1].from")]
    [InlineData("""{"kind":"merge","from":["QB-XA-A"],"into":{"code":"QB-N","name":"Mới","province":"Quảng Bình"}}""",
        "parts[1].into.level")]
    [InlineData("""{"kind":"transfer","from":["QB-XA-A"]}""", "parts[1].province")]
    public async Task A_bad_part_answers_400_naming_the_field(string part, string field)
    {
        var body = $$$"""{"decisionNo":"{{{Decision}}}","effectiveOn":"2025-07-01","parts":"""
            + $$$"""[{"kind":"dissolve","from":["QB-XA-Z"]},{{{part}}}]}""";
        var answer = await Host.Post("/api/restructurings", body, Keys.Recorder).Expect(400);
        Assert.True(answer.Json["errors"]![field] is not null,
            $"{field} not in {answer.Json["errors"]!.ToJsonString()}");
    }

    [Fact]
    public async Task An_undated_unit_exists_from_its_back_filled_facts_and_dashboards_count_it_only_from_then()
    {
        const string province = "Lạng Sơn";
        await Register("LS-XA-GIACAT", "UBND Xã Gia Cát", "commune", province, "Cao Lộc", registeredOn: null);
        await Host.Record("LS-XA-GIACAT",
            ("/steering-board", """{"formedOn":"2011-03-01","members":14,"chair":"Chủ tịch UBND xã"}"""),
            ("/documentation",
                """{"issuedOn":"2011-06-01","standard":"2008","qualityManual":true,"qualityPolicy":"""
                + """true,"qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":"""
                + """2,"businessProcedures":107,"administrativeProcedures":107}"""));

        var in2015 = (await State("LS-XA-GIACAT", "2015-01-01").Expect(200)).Json;
        Assert.Equal("2011-03-01", (string?)in2015["existsFrom"]);
        Assert.Equal("UBND Xã Gia Cát", (string?)in2015["name"]);
        var early = await State("LS-XA-GIACAT", "2011-02-28").Expect(404);
        Assert.Equal("2011-03-01", (string?)early.Json["existsFrom"]);
        Assert.Contains("exists from 2011-03-01", (string?)early.Json["detail"]);

        await Register(
            "LS-XA-HOANGDONG", "UBND Xã Hoàng Đồng", "commune", province, "Cao Lộc", registeredOn: "2020-01-01");
        Assert.Equal(0, (int)(await Dashboard("conversion", province, "2011-02-28"))["totals"]!["total"]!);
        Assert.Equal(1, (int)(await Dashboard("conversion", province, "2015-01-01"))["totals"]!["total"]!);
        Assert.Equal(1, (int)(await Dashboard("conversion", province, "2019-12-31"))["totals"]!["total"]!);
        Assert.Equal(2, (int)(await Dashboard("conversion", province, "2020-01-01"))["totals"]!["total"]!);
        Assert.Equal(1, (int)(await Dashboard("compliance", province, "2015-01-01"))["units"]!);
    }

    [Fact]
    public async Task A_unit_renamed_and_transferred_by_one_act_counts_where_it_was_on_each_date()
    {
        await Register("CB-XA-MOVE", "UBND Xã Cũ", "commune", "Cao Bằng", "Hà Quảng");
        await Host.Post("/api/restructurings", """
            {"decisionNo":"NQ 9","effectiveOn":"2024-03-01","parts":[
              {"kind":"rename","from":["CB-XA-MOVE"],"name":"UBND Xã Mới"},
              {"kind":"transfer","from":["CB-XA-MOVE"],"province":"Lạng Sơn","district":"Cao Lộc"}]}
            """, Keys.Recorder).Expect(201);

        Assert.Equal(1, (int)(await Dashboard("conversion", "Cao Bằng", "2024-02-29"))["totals"]!["total"]!);
        Assert.Equal(0, (int)(await Dashboard("conversion", "Cao Bằng", "2024-03-01"))["totals"]!["total"]!);
        var after = await Dashboard("conversion", "Lạng Sơn", "2024-03-01");
        Assert.Equal(1, (int)after["totals"]!["total"]!);
        Assert.Equal("Cao Lộc", (string?)after["byDistrict"]![0]!["district"]);
        var before = (await State("CB-XA-MOVE", "2024-02-29").Expect(200)).Json;
        Assert.Equal(("UBND Xã Cũ", "Cao Bằng"), ((string?)before["name"], (string?)before["province"]));
        var now = (await State("CB-XA-MOVE", "2024-03-01").Expect(200)).Json;
        Assert.Equal(("UBND Xã Mới", "Lạng Sơn"), ((string?)now["name"], (string?)now["province"]));
    }
}
