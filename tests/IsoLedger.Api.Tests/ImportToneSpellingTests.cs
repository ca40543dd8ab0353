using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Vietnamese writes a tone mark in two places ("Hòa", the new placement, and "Hoà", the old; "Thụy" and
/// "Thuỵ"), and one province's tables use both from one year to the next. A unit listed under the other placement
/// had been refused as a rename, and a district so written became a district of its own in every table.</summary>
public class ImportToneSpellingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task A_name_written_with_the_tone_mark_elsewhere_is_the_same_unit()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Thái Nguyên,TS-HB,UBND xã Hòa Bình,commune,Đồng Hỷ,,2019,2019-11-20,x,2015,,x,x,x,x,x,x,x,passed",
            "Thái Nguyên,TS-TH,UBND xã Thụy Hùng,commune,Đồng Hỷ,,2019,2019-11-20,x,2015,,x,x,x,x,x,x,x,passed"))
            .Expect(200);

        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Thái Nguyên,TS-HB,UBND xã Hoà Bình,commune,Đồng Hỷ,,2020,2020-11-20,x,2015,,x,x,x,x,x,x,x,passed",
            "Thái Nguyên,TS-TH,UBND xã Thuỵ Hùng,commune,Đồng Hỷ,,2020,2020-11-20,x,2015,,x,x,x,x,x,x,x,passed"))
            .Expect(200);

        var status = (await Host.Get("/api/units/TS-HB").Expect(200)).Json;
        Assert.Equal("UBND xã Hòa Bình", (string?)status["name"]);
    }

    [Fact]
    public async Task A_district_written_with_the_tone_mark_elsewhere_is_one_district()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Đà Nẵng,TS-HV-1,UBND xã Hòa Bắc,commune,Hòa Vang,,2020,2020-11-20,x,2015,,x,x,x,x,x,x,x,passed",
            "Đà Nẵng,TS-HV-2,UBND xã Hòa Ninh,commune,Huyện Hoà Vang,,2020,2020-11-20,x,2015,,x,x,x,x,x,x,,"))
            .Expect(200);

        var byDistrict = (await Host.Get($"/api/dashboards/annual/2020?province={Q("Đà Nẵng")}&consistent=true")
            .Expect(200)).Json["data"]!["byDistrict"]!.AsArray();
        var district = Assert.Single(byDistrict);
        Assert.Equal(2, (int)district!["units"]!);
        Assert.Equal(50, (double)district["reportedPercent"]!);
        // A unit of the district listed with the other placement is no move to another district.
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Đà Nẵng,TS-HV-1,UBND xã Hoà Bắc,commune,Hoà Vang,,2021,2021-11-20,x,2015,,x,x,x,x,x,x,x,passed"))
            .Expect(200);
    }
}
