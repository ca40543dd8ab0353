using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The district level ended on 1 July 2025 and communes report to the province directly since: every answer
/// as of a later day had placed a commune that outlived its district in it (its status, the unit list, the year's
/// table and its exports, the dashboards). Judged from that day a unit is in no district and names the one it was in
/// before as <c>formerDistrict</c>; a unit merged away that day keeps its district; nothing dated from then places a
/// unit in a district; and the import layout still tells communes of one name apart and imports back. Each test works
/// in a province of its own.</summary>
public class DistrictLevelEndTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Q(string text) => Uri.EscapeDataString(text);

    private static async Task<JsonNode> Data(IAlbaHost host, string url) =>
        (await host.Get(url + "&consistent=true", Keys.Viewer).Expect(200)).Json["data"]!;

    private static (string?, string?) Placed(JsonNode unit) =>
        ((string?)unit["district"], (string?)unit["formerDistrict"]);

    private Task<Answer> Register(string code, string name, string province, string district, string? registeredOn)
    {
        var body = new JsonObject
        {
            ["code"] = code,
            ["name"] = name,
            ["level"] = "commune",
            ["province"] = province,
            ["district"] = district,
        };
        if (registeredOn is not null) body["registeredOn"] = registeredOn;
        return Host.Post("/api/units", body.ToJsonString(), Keys.Recorder);
    }

    [Fact]
    public async Task From_1_July_2025_a_commune_is_in_no_district_and_names_the_one_it_was_in_before()
    {
        await Register("DL-GC", "UBND Xã Gia Cát", "Lạng Sơn", "Cao Lộc", "2016-01-01").Expect(201);
        await Register("DL-M", "UBND Xã Hoàng Văn Thụ", "Lạng Sơn", "Văn Lãng", "2016-01-01").Expect(201);
        await Host.Record("DL-GC", ("/declarations", """{"declaredOn":"2016-06-01","standard":"2015"}"""));
        await Host.Post("/api/restructurings", """
            {"decisionNo":"1681/NQ-UBTVQH15","effectiveOn":"2025-07-01","parts":[
             {"kind":"merge","from":["DL-M"],"into":{"code":"DL-GC"}}]}
            """, Keys.Recorder).Expect(201);

        // The status today, and on the level's last day.
        Assert.Equal((null, "Cao Lộc"), Placed((await Host.Get("/api/units/DL-GC", Keys.Viewer).Expect(200)).Json));
        Assert.Equal(("Cao Lộc", null),
            Placed((await Host.Get("/api/units/DL-GC/state?asOf=2025-06-30", Keys.Auditor).Expect(200)).Json));
        // The commune merged away that day keeps the district it had while it existed.
        Assert.Equal(("Văn Lãng", null),
            Placed((await Host.Get("/api/units/DL-M/state?asOf=2026-01-01", Keys.Auditor).Expect(200)).Json));

        // The unit list places units today, and finds them by the district they were in.
        var list = $"/api/units?province={Q("Lạng Sơn")}&district={Q("Huyện Cao Lộc")}";
        var listed = Assert.Single((await Host.Get(list, Keys.Viewer).Expect(200)).Json["items"]!.AsArray())!;
        Assert.Equal(("DL-GC", (null, "Cao Lộc")), ((string?)listed["code"], Placed(listed)));

        // The 2025 table judged on its last day groups no commune under a district, not even the one that ended
        // before the level did: it is told apart by its district as its former one, as the communes living on are.
        var province = $"province={Q("Lạng Sơn")}";
        var table = await Data(Host, $"/api/dashboards/annual/2025?{province}");
        var rows = table["rows"]!.AsArray().ToDictionary(r => (string)r!["code"]!, r => Placed(r!));
        Assert.Equal((null, "Cao Lộc"), rows["DL-GC"]);
        Assert.Equal((null, "Văn Lãng"), rows["DL-M"]);
        Assert.Empty(table["byDistrict"]!.AsArray());
        var june = await Data(Host, $"/api/dashboards/annual/2025?{province}&asOf=2025-06-30");
        Assert.Equal(["Cao Lộc", "Văn Lãng"], june["byDistrict"]!.AsArray().Select(d => (string?)d!["group"]));
        var inCaoLoc = await Data(Host, $"/api/dashboards/annual/2025?{province}&district={Q("Cao Lộc")}");
        Assert.Equal(["DL-GC"], inCaoLoc["rows"]!.AsArray().Select(r => (string?)r!["code"]));

        var drill = await Data(Host, $"/api/dashboards/conversion?{province}&asOf=2025-07-01&level=commune");
        Assert.Empty(drill["byDistrict"]!.AsArray());
        Assert.Equal((null, "Cao Lộc"), Placed(Assert.Single(drill["units"]!.AsArray())!));

        // The appendix layout names the former district after the commune's name.
        var csv = (await Host.Get($"/api/reports/annual/2025?{province}&format=csv").Expect(200)).Text;
        Assert.Contains("UBND Xã Gia Cát (nguyên thuộc Cao Lộc)", csv);
        Assert.Contains("UBND Xã Hoàng Văn Thụ (nguyên thuộc Văn Lãng)", csv);
    }

    [Fact]
    public async Task Nothing_dated_from_1_July_2025_places_a_unit_in_a_district()
    {
        var refused = (await Register("DL-NEW", "UBND Xã Mới", "Cao Bằng", "Hòa An", "2025-08-01").Expect(409)).Json;
        Assert.Equal("district-after-level-ended", (string?)refused["rule"]);
        Assert.Equal("urn:isoledger:rule:district-after-level-ended", (string?)refused["type"]);
        await Host.Get("/api/units/DL-NEW", Keys.Viewer).Expect(404);
        // Without its establishment date the unit may have existed before: the district is the one it was in.
        await Register("DL-UNDATED", "UBND Xã Chưa Rõ", "Cao Bằng", "Hòa An", null).Expect(201);
        Assert.Equal((null, "Hòa An"),
            Placed((await Host.Get("/api/units/DL-UNDATED", Keys.Viewer).Expect(200)).Json));

        await Register("DL-T", "UBND Xã Tân Liên", "Cao Bằng", "Hòa An", "2016-01-01").Expect(201);
        foreach (var part in new[]
                 {
                     """{"kind":"transfer","from":["DL-T"],"district":"Trùng Khánh"}""",
                     """{"kind":"merge","from":["DL-T"],"into":{"code":"DL-T2","name":"UBND Xã Tân Liên Mới", """
                     + """ "level":"commune","province":"Cao Bằng","district":"Hòa An"}}""",
                 })
        {
            var answer = (await Host.Post("/api/restructurings",
                $$"""{"decisionNo":"1681/NQ-UBTVQH15","effectiveOn":"2025-07-01","parts":[{{part}}]}""",
                Keys.Recorder).Expect(409)).Json;
            Assert.Equal("district-after-level-ended", (string?)answer["rule"]);
        }
        // The same act as the province's restructuring table writes it.
        var table = Encoding.UTF8.GetBytes("decision_no,effective_on,kind,from_code,into_code,into_name,into_level,"
            + "into_province,into_district\n"
            + "NQ 1681,2025-07-01,,DL-T,DL-T2,UBND Xã Tân Liên Mới,commune,Cao Bằng,Hòa An\n");
        Assert.Equal("district-after-level-ended",
            (string?)(await Host.PostBytes("/api/restructurings/import", table).Expect(409)).Json["rule"]);
        Assert.Equal((null, "Hòa An"), Placed((await Host.Get("/api/units/DL-T", Keys.Viewer).Expect(200)).Json));

        // A report row of a later day names the district the unit was in before; another one contradicts the record.
        string Row(string district) =>
            $"Cao Bằng,DL-T,UBND Xã Tân Liên,commune,{district},,2025,2025-11-15,,,,,,,,,,x,";
        var bad = (await Host.PostBytes("/api/imports", ReportCsv.Rows(Row("Trùng Khánh"))).Expect(422)).Json;
        Assert.Contains(bad["errors"]!.AsArray(), e => (string?)e!["column"] == "district");
        await Host.PostBytes("/api/imports", ReportCsv.Rows(Row("Huyện Hòa An"))).Expect(200);
        Assert.Equal((null, "Hòa An"), Placed((await Host.Get("/api/units/DL-T", Keys.Viewer).Expect(200)).Json));
    }

    /// <summary>Two communes of one name in two districts (Phường 1 of Đông Hà and of Thị xã Quảng Trị): the 2025 table
    /// groups them under no district, and its export in the import layout writes the district each was in before, so
    /// that imported into an empty store before the 2024 one it keeps them apart and gives back both years as they
    /// were.</summary>
    [Fact]
    public async Task The_2025_export_keeps_communes_of_one_name_apart_and_imports_back_before_the_year_before()
    {
        string Row(string code, string district, int year) =>
            $"Quảng Trị,{code},UBND Phường 1,commune,{district},,{year},{year}-11-15,x,2015,,x,x,x,x,x,x,x,passed";
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            Row("DL-P1-DH", "Đông Hà", 2024), Row("DL-P1-QT", "Thị xã Quảng Trị", 2024),
            Row("DL-P1-DH", "Đông Hà", 2025), Row("DL-P1-QT", "Thị xã Quảng Trị", 2025))).Expect(200);
        var province = $"province={Q("Quảng Trị")}";
        var groups = (JsonNode table) => table["byDistrict"]!.AsArray().Select(d => (string?)d!["group"]).ToList();
        Assert.Empty(groups(await Data(Host, $"/api/dashboards/annual/2025?{province}")));
        Assert.Equal(["Đông Hà", "Thị xã Quảng Trị"],
            groups(await Data(Host, $"/api/dashboards/annual/2024?{province}")));

        var exports = new Dictionary<int, string>();
        foreach (var year in new[] { 2024, 2025 })
            exports[year] = (await Host.Get($"/api/reports/annual/{year}?{province}&layout=import").Expect(200)).Text;
        Assert.Contains("Quảng Trị,DL-P1-DH,UBND Phường 1,commune,Đông Hà,,2025,2025-11-15,", exports[2025]);

        var empty = new ApiFixture();
        await empty.InitializeAsync();
        try
        {
            foreach (var year in new[] { 2025, 2024 })
                await empty.Host.PostBytes("/api/imports", Encoding.UTF8.GetBytes(exports[year])).Expect(200);
            foreach (var year in new[] { 2024, 2025 })
            {
                Assert.Equal(exports[year],
                    (await empty.Host.Get($"/api/reports/annual/{year}?{province}&layout=import").Expect(200)).Text);
            }
            Assert.Equal(["Đông Hà", "Thị xã Quảng Trị"],
                groups(await Data(empty.Host, $"/api/dashboards/annual/2024?{province}")));
            Assert.Equal(("Đông Hà", null), Placed((await empty.Host.Get("/api/units/DL-P1-DH/state?asOf=2024-12-31",
                Keys.Auditor).Expect(200)).Json));
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }
}
