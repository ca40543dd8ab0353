using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A province's years imported in any order give each year the figures of its own table. A later year's row
/// of a unit that had converted, imported first, records the declaration it implies (on 2008, under the conversion) at
/// the later report's date; the earlier year's row then dates the declaration and the conversion back, and that later
/// declaration had put the unit back on 2008 in every year after it: on 2008 in the later year's table, its conversion
/// "done", and counted among the bodies still on 2008.</summary>
public class ImportYearOrderTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task A_later_year_imported_before_an_earlier_one_keeps_its_conversions()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Lạng Sơn,YO-SO-KHCN,Sở Khoa học và Công nghệ,department,,,2021,2021-11-24,x,2015,done,x,x,x,x,x,x,x,",
            "Lạng Sơn,YO-SO-TP,Sở Tư pháp,department,,,2021,2021-11-24,x,2008,none,x,x,x,x,x,x,x,",
            "Lạng Sơn,YO-SO-KHCN,Sở Khoa học và Công nghệ,department,,,2019,2019-11-20,x,2015,done,x,x,x,x,x,x,x,",
            "Lạng Sơn,YO-SO-TP,Sở Tư pháp,department,,,2019,2019-11-20,x,2008,none,x,x,x,x,x,x,x,")).Expect(200);

        var report = (await Host.Get($"/api/reports/province-report/2021?province={Q("Lạng Sơn")}&consistent=true")
            .Expect(200)).Json["data"]!;
        var bodies = report["parts"]!.AsArray().Single(p => (string?)p!["id"] == "bodies")!["headlines"]!.AsArray();
        Assert.Equal(1, (int)bodies.Single(h => (string?)h!["id"] == "convertedOrConverting")!["count"]!);
        Assert.Equal(1, (int)bodies.Single(h => (string?)h!["id"] == "on2008")!["count"]!);
        var annual = (await Host.Get($"/api/dashboards/annual/2021?province={Q("Lạng Sơn")}").Expect(200))
            .Json["data"]!["rows"]!.AsArray();
        Assert.Equal("2015", (string?)annual.Single(r => (string?)r!["code"] == "YO-SO-KHCN")!["standard"]);
        var status = (await Host.Get("/api/units/YO-SO-KHCN").Expect(200)).Json;
        Assert.Equal("2015", (string?)status["standard"]);
    }
}
