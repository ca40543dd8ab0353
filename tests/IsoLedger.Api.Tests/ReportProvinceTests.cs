using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>An export counts a province's units as its dashboards do: a merged province's units under the province
/// it became part of from 1 July 2025, and under their own before.</summary>
public class ReportProvinceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<IReadOnlyList<string>> Exported(string province, int year)
    {
        var answer = await Host.Get($"/api/reports/annual/{year}?province={Uri.EscapeDataString(province)}&format=json")
            .Expect(200);
        return [.. answer.Json["rows"]!.AsArray().Select(r => (string)r!["code"]!)];
    }

    [Fact]
    public async Task A_merged_provinces_units_are_exported_under_the_new_province_from_2025()
    {
        await Host.Post("/api/units",
            """{"code":"QB-RP-1","name":"UBND Xã Quảng Bình","level":"commune","province":"Quảng """
            + """Bình","registeredOn":"2015-01-01"}""").Expect(201);
        await Host.Post("/api/units",
            """{"code":"QT-RP-1","name":"UBND Xã Quảng Trị","level":"commune","province":"Quảng """
            + """Trị","registeredOn":"2015-01-01"}""").Expect(201);

        Assert.Equal(["QT-RP-1"], await Exported("Quảng Trị", 2024));
        Assert.Equal(["QB-RP-1"], await Exported("Quảng Bình", 2024));
        Assert.Equal(["QB-RP-1", "QT-RP-1"], (await Exported("tỉnh quảng trị", 2025)).Order());
    }

    [Fact]
    public async Task An_unknown_province_is_a_400_naming_the_closest()
    {
        var answer = await Host.Get("/api/reports/annual/2020?province=Quang%20Trj").Expect(400);
        Assert.Contains("Quảng Trị", (string?)answer.Json["errors"]!["province"]![0]);
    }
}
