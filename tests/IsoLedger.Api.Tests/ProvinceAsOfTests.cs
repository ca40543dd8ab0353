using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Every answer as of a day gives a unit's province on that day: Resolution 202/2025/QH15 merged Quảng Bình
/// into Quảng Trị from 1 July 2025, and Thừa Thiên Huế became Huế on 1 January 2025, yet the status, the unit list,
/// the year's table and its exports had kept saying the province a unit was recorded in. The recorded one is now its
/// <c>formerProvince</c> when the two differ. Each test works in provinces of its own.</summary>
public class ProvinceAsOfTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Q(string text) => Uri.EscapeDataString(text);

    private static (string?, string?) Placed(JsonNode unit) =>
        ((string?)unit["province"], (string?)unit["formerProvince"]);

    private async Task<(string?, string?)> StateOn(string code, string asOf) =>
        Placed((await Host.Get($"/api/units/{code}/state?asOf={asOf}", Keys.Auditor).Expect(200)).Json);

    private async Task<JsonNode> Data(string url) =>
        (await Host.Get(url + "&consistent=true", Keys.Viewer).Expect(200)).Json["data"]!;

    private async Task<Dictionary<string, (string?, string?)>> Listed(string province) =>
        (await Host.Get($"/api/units?province={Q(province)}", Keys.Viewer).Expect(200)).Json["items"]!.AsArray()
        .ToDictionary(item => (string)item!["code"]!, item => Placed(item!));

    [Fact]
    public async Task A_Quang_Binh_unit_is_in_Quang_Tri_as_of_a_day_from_1_July_2025()
    {
        await Host.RegisterDepartment("PA-QB", "2015-01-01", "Quảng Bình");
        await Host.RegisterDepartment("PA-QT", "2015-01-01", "Quảng Trị");
        await Host.RegisterDepartment("PA-QB-OLD", "2015-01-01", "Quảng Bình");
        await Host.Post("/api/restructurings", """
            {"decisionNo":"QĐ 1/2020","effectiveOn":"2020-01-01","parts":[{"kind":"dissolve","from":["PA-QB-OLD"]}]}
            """, Keys.Recorder).Expect(201);

        Assert.Equal(("Quảng Bình", null), await StateOn("PA-QB", "2024-01-01"));
        Assert.Equal(("Quảng Bình", null), await StateOn("PA-QB", "2025-06-30"));
        Assert.Equal(("Quảng Trị", "Quảng Bình"), await StateOn("PA-QB", "2025-07-01"));
        await Host.RegisterDepartment("PA-QB-END", "2015-01-01", "Quảng Bình");
        await Host.Post("/api/restructurings", """
            {"decisionNo":"QĐ 2/2025","effectiveOn":"2025-07-01","parts":[{"kind":"dissolve","from":["PA-QB-END"]}]}
            """, Keys.Recorder).Expect(201);
        Assert.Equal(("Quảng Trị", "Quảng Bình"), await StateOn("PA-QB", "2026-01-01"));
        Assert.Equal(("Quảng Trị", null), await StateOn("PA-QT", "2026-01-01"));
        // A unit that ended before its province did stays in it.
        Assert.Equal(("Quảng Bình", null), await StateOn("PA-QB-OLD", "2026-01-01"));
        Assert.Equal(("Quảng Trị", "Quảng Bình"),
            Placed((await Host.Get("/api/units/PA-QB", Keys.Viewer).Expect(200)).Json));
        Assert.Equal(("Quảng Trị", "Quảng Bình"),
            Placed((await Host.Get("/api/dashboards/units/PA-QB?asOf=2026-01-01", Keys.Viewer).Expect(200)).Json));

        // The list places units today, and its filter agrees: Quảng Trị's units are those whose province is Quảng
        // Trị; Quảng Bình's those recorded in it.
        var inQuangTri = await Listed("Quảng Trị");
        Assert.Equal(("Quảng Trị", "Quảng Bình"), inQuangTri["PA-QB"]);
        Assert.Equal(("Quảng Trị", null), inQuangTri["PA-QT"]);
        Assert.DoesNotContain("PA-QB-OLD", inQuangTri.Keys);
        var inQuangBinh = await Listed("Quảng Bình");
        Assert.Equal(("Quảng Trị", "Quảng Bình"), inQuangBinh["PA-QB"]);
        Assert.Equal(("Quảng Bình", null), inQuangBinh["PA-QB-OLD"]);
        Assert.DoesNotContain("PA-QT", inQuangBinh.Keys);

        // The year's table, its drill-down and its exports tell Quảng Bình's department apart in Quảng Trị's.
        var province = $"province={Q("Quảng Trị")}";
        var rows = (await Data($"/api/dashboards/annual/2025?{province}"))["rows"]!.AsArray()
            .ToDictionary(r => (string)r!["code"]!, r => (string?)r!["formerProvince"]);
        Assert.Equal("Quảng Bình", rows["PA-QB"]);
        Assert.Null(rows["PA-QT"]);
        // Ended on the day the provinces merged, it is listed as on its last day, in Quảng Bình: told apart too.
        Assert.Equal("Quảng Bình", rows["PA-QB-END"]);
        var june = (await Data($"/api/dashboards/annual/2025?{province}&asOf=2025-06-30"))["rows"]!.AsArray();
        Assert.All(june, r => Assert.Null((string?)r!["formerProvince"]));
        var drill = (await Data($"/api/dashboards/conversion?{province}&asOf=2026-01-01&level=department"))["units"]!
            .AsArray().ToDictionary(u => (string)u!["code"]!, u => (string?)u!["formerProvince"]);
        Assert.Equal("Quảng Bình", drill["PA-QB"]);
        var flags = (await Data($"/api/dashboards/compliance?{province}&asOf=2026-01-01"))["flags"]!.AsArray();
        Assert.All(flags.Where(f => (string?)f!["code"] == "PA-QB"),
            f => Assert.Equal("Quảng Bình", (string?)f!["formerProvince"]));
        var csv = (await Host.Get($"/api/reports/annual/2025?{province}&format=csv").Expect(200)).Text;
        Assert.Contains("Sở PA-QB (nguyên thuộc Quảng Bình)", csv);
        Assert.Contains("Sở PA-QB-END (nguyên thuộc Quảng Bình)", csv);
        Assert.DoesNotContain("Sở PA-QT (", csv);
        var import = (await Host.Get($"/api/reports/annual/2025?{province}&layout=import").Expect(200)).Text;
        Assert.Contains("Quảng Trị,PA-QB,", import);
        var import2024 = (await Host.Get($"/api/reports/annual/2024?province={Q("Quảng Bình")}&layout=import")
            .Expect(200)).Text;
        Assert.Contains("Quảng Bình,PA-QB,", import2024);
    }

    [Fact]
    public async Task A_Thua_Thien_Hue_unit_is_in_Hue_from_1_January_2025()
    {
        await Host.RegisterDepartment("PA-TTH", "2015-01-01", "Thừa Thiên Huế");

        Assert.Equal(("Thừa Thiên Huế", null), await StateOn("PA-TTH", "2024-12-31"));
        Assert.Equal(("Huế", "Thừa Thiên Huế"), await StateOn("PA-TTH", "2025-01-01"));
        Assert.Equal(("Huế", "Thừa Thiên Huế"), (await Listed("Huế"))["PA-TTH"]);
        var rows = (await Data($"/api/dashboards/annual/2024?province={Q("Thừa Thiên Huế")}"))["rows"]!.AsArray();
        Assert.Null((string?)Assert.Single(rows)!["formerProvince"]);
        rows = (await Data($"/api/dashboards/annual/2025?province={Q("Huế")}"))["rows"]!.AsArray();
        Assert.Equal("Thừa Thiên Huế", (string?)Assert.Single(rows)!["formerProvince"]);
    }
}
