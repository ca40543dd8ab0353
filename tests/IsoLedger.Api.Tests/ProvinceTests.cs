using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Provinces are reference data with validity periods: a registration or an import names a province of
/// its date (stored by its canonical name), and from 1 July 2025 a merged province's units count under the province
/// it became part of (Resolution 202/2025/QH15), with no command per unit.</summary>
public class ProvinceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Q(string text) => Uri.EscapeDataString(text);

    private Task<Answer> Register(string code, string province, string? registeredOn) =>
        Host.Post("/api/units",
            $$"""{"code":"{{code}}","name":"Sở {{code}}","level":"department","province":"{{province}}"""
            + $$"""
                "{{(registeredOn is null ? "" : $$""","registeredOn":"{{registeredOn}}" """)}}}
                """);

    private static string ProvinceError(Answer answer) =>
        string.Join(" | ", answer.Json["errors"]!["province"]!.AsArray().Select(e => (string)e!));

    [Fact]
    public async Task A_misspelt_province_is_refused_naming_the_closest()
    {
        var answer = await Register("PROV-TYPO", "Quảng Tri", "2026-03-01").Expect(400);
        Assert.StartsWith("Not a province on 2026-03-01; did you mean \"Quảng Trị\"", ProvinceError(answer));
        await Host.Get("/api/units/PROV-TYPO").Expect(404);
    }

    [Fact]
    public async Task A_former_province_is_refused_after_its_merger_naming_its_successor()
    {
        var answer = await Register("PROV-QB-LATE", "Quảng Bình", "2026-01-01").Expect(400);
        Assert.Equal("Not a province on 2026-01-01: \"Quảng Bình\" became part of \"Quảng Trị\" on 2025-07-01.",
            ProvinceError(answer));
        answer = await Register("PROV-QB-TODAY", "Quảng Bình", null).Expect(400);
        Assert.Contains("became part of \"Quảng Trị\" on 2025-07-01", ProvinceError(answer));
    }

    [Fact]
    public async Task A_province_of_the_date_is_stored_by_its_canonical_name()
    {
        await Register("PROV-QB-2015", "tỉnh quảng bình", "2015-01-01").Expect(201);
        var quangBinh =
            (await Host.Get("/api/units/PROV-QB-2015/state?asOf=2024-01-01", Keys.Auditor).Expect(200)).Json;
        Assert.Equal("Quảng Bình", (string?)quangBinh["province"]);
        await Register("PROV-HCM", "TP. Hồ Chí Minh".Normalize(NormalizationForm.FormD), null).Expect(201);
        Assert.Equal("Hồ Chí Minh", (string?)(await Host.Get("/api/units/PROV-HCM").Expect(200)).Json["province"]);
    }

    private async Task<JsonNode> Conversion(string province, string asOf) =>
        (await Host.Get($"/api/dashboards/conversion?province={Q(province)}&asOf={asOf}&consistent=true", Keys.Viewer)
            .Expect(200)).Json["data"]!;

    [Fact]
    public async Task A_merged_provinces_units_count_under_its_successor_from_1_July_2025()
    {
        await Register("DASH-QT", "Quảng Trị", "2015-01-01").Expect(201);
        await Register("DASH-QB", "Quảng Bình", "2015-01-01").Expect(201);
        await Host.Record("DASH-QB", ("/declarations", """{"declaredOn":"2016-06-01","standard":"2015"}"""));

        var before = await Conversion("Quảng Trị", "2025-06-30");
        Assert.Equal(1, (int)before["totals"]!["total"]!);
        Assert.Equal(0, (int)before["totals"]!["converted"]!);
        Assert.Equal(1, (int)(await Conversion("Quảng Bình", "2025-06-30"))["totals"]!["total"]!);
        foreach (var asOf in new[] { "2025-07-01", "2026-01-01" })
        {
            var after = await Conversion("Quảng Trị", asOf);
            Assert.Equal("Quảng Trị", (string?)after["province"]);
            Assert.Equal(2, (int)after["totals"]!["total"]!);
            Assert.Equal(1, (int)after["totals"]!["converted"]!);
        }

        // A year's table counts the units that belong to the province at its end.
        var annual2024 = $"/api/dashboards/annual/2024?province={Q("Quảng Trị")}&consistent=true";
        var annual2025 = $"/api/dashboards/annual/2025?province={Q("Quảng Trị")}&consistent=true";
        Assert.Single((await Host.Get(annual2024).Expect(200)).Json["data"]!["rows"]!.AsArray());
        Assert.Equal(2, (await Host.Get(annual2025).Expect(200)).Json["data"]!["rows"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_dashboards_province_is_canonicalised_or_refused_naming_the_closest()
    {
        var answer = await Host.Get($"/api/dashboards/conversion?province={Q("tỉnh quảng trị")}", Keys.Viewer)
            .Expect(200);
        Assert.Equal("Quảng Trị", (string?)answer.Json["data"]!["province"]);

        var refused = await Host.Get($"/api/dashboards/conversion?province={Q("Quảng Trj")}", Keys.Viewer).Expect(400);
        Assert.StartsWith("Not a province; did you mean \"Quảng Trị\"", ProvinceError(refused));
    }

    private const string Header = "province,unit_code,unit_name,level,year,report_date,declared";

    [Fact]
    public async Task An_import_row_names_a_province_of_its_report_date()
    {
        var file = Encoding.UTF8.GetBytes(Header + "\n"
            + "Quảng Tri,IMP-TYPO,UBND Xã A,commune,2020,2020-11-19,x\n"
            + "Quảng Bình,IMP-QB-LATE,UBND Xã B,commune,2025,2025-11-19,x\n");
        var answer = await Host.PostBytes("/api/imports", file).Expect(422);
        var errors = answer.Json["errors"]!.AsArray()
            .Select(e => ((int)e!["line"]!, (string?)e["column"], (string)e["reason"]!)).ToList();
        Assert.Contains(errors, e => e is (2, "province", var reason)
            && reason.StartsWith("Not a province on 2020-11-19; did you mean \"Quảng Trị\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is (3, "province", var reason)
            && reason.Contains("became part of \"Quảng Trị\" on 2025-07-01", StringComparison.Ordinal));

        var good = Encoding.UTF8.GetBytes(Header + "\nTỉnh Quảng Bình,IMP-QB,UBND Xã C,commune,2020,2020-11-19,x\n");
        await Host.PostBytes("/api/imports", good).Expect(200);
        // Stored as written on its date; today the unit is in Quảng Trị, which Quảng Bình became part of.
        Assert.Equal("Quảng Bình",
            (string?)(await Host.Get("/api/units/IMP-QB").Expect(200)).Json["formerProvince"]);
    }
}
