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

    /// <summary>A later table whose conversion column says a unit on 2008 the year before did not convert lists it on
    /// 2015: imported in order, that is a declaration on 2015 (while a conversion started the year before is still
    /// under way). Imported first, it declared the unit on 2015 at its date, and the earlier table listing the unit on
    /// 2008 records no conversion completed by then: each unit's standing and each year's table are those of the
    /// tables imported in order.</summary>
    [Fact]
    public async Task A_later_table_saying_a_unit_did_not_convert_gives_the_same_record_in_either_order()
    {
        static byte[] Year2019(string prefix, string converting, string declared) => ReportCsv.Rows(
            $"Cao Bằng,{prefix}-CONV,{converting},department,,,2019,2019-11-20,x,2008,in-progress,x,x,x,x,x,x,x,",
            $"Cao Bằng,{prefix}-DECL,{declared},department,,,2019,2019-11-20,x,2008,none,x,x,x,x,x,x,x,");
        static byte[] Year2020(string prefix, string converting, string declared) => ReportCsv.Rows(
            $"Cao Bằng,{prefix}-CONV,{converting},department,,,2020,2020-11-19,x,2015,none,x,x,x,x,x,x,x,",
            $"Cao Bằng,{prefix}-DECL,{declared},department,,,2020,2020-11-19,x,2015,none,x,x,x,x,x,x,x,");
        await Host.PostBytes("/api/imports", Year2019("YO-IN", "Sở Nội vụ", "Sở Y tế")).Expect(200);
        await Host.PostBytes("/api/imports", Year2020("YO-IN", "Sở Nội vụ", "Sở Y tế")).Expect(200);
        await Host.PostBytes("/api/imports", Year2020("YO-RE", "Sở Xây dựng", "Sở Tài chính")).Expect(200);
        await Host.PostBytes("/api/imports", Year2019("YO-RE", "Sở Xây dựng", "Sở Tài chính")).Expect(200);

        foreach (var unit in new[] { "CONV", "DECL" })
        {
            Assert.Equal(await Record($"YO-IN-{unit}"), await Record($"YO-RE-{unit}"));
        }
        var inOrder = await Record("YO-IN-CONV");
        Assert.Contains("2020-12-31: 2015 in-progress", inOrder);
        Assert.Contains("2020 table: 2015 in-progress", inOrder);
    }

    /// <summary>A unit listed on 2015 in one year and on 2008 the next went back to an older edition: in either order
    /// the table imported second is refused on its edition, and the unit keeps the first one's record.</summary>
    [Fact]
    public async Task A_later_table_listing_an_older_edition_is_refused_in_either_order()
    {
        static byte[] Table(string code, string name, int year, string standard) => ReportCsv.Rows(
            $"Bắc Kạn,{code},{name},department,,,{year},{year}-11-20,x,{standard},none,x,x,x,x,x,x,x,");
        await Host.PostBytes("/api/imports", Table("YO-BK-IN", "Sở Nội vụ", 2019, "2015")).Expect(200);
        var inOrder = await Host.RejectedImport(Table("YO-BK-IN", "Sở Nội vụ", 2020, "2008"));
        await Host.PostBytes("/api/imports", Table("YO-BK-RE", "Sở Y tế", 2020, "2008")).Expect(200);
        var reversed = await Host.RejectedImport(Table("YO-BK-RE", "Sở Y tế", 2019, "2015"));

        Assert.Equal((2, "standard"), (inOrder.Single().Line, inOrder.Single().Column));
        Assert.Equal((2, "standard"), (reversed.Single().Line, reversed.Single().Column));
        Assert.Contains("a system does not go back to an older edition", reversed.Single().Reason);
    }

    /// <summary>What the unit's record says of its edition and conversion on dates around its two years, and its rows
    /// in those years' tables (all but its code and name).</summary>
    private async Task<List<string>> Record(string code)
    {
        var record = new List<string>();
        foreach (var asOf in new[] { "2019-12-31", "2020-06-30", "2020-12-31", "2022-01-01" })
        {
            var status = (await Host.Get($"/api/dashboards/units/{code}?asOf={asOf}", Keys.Auditor).Expect(200)).Json;
            record.Add($"{asOf}: {(string?)status["standard"]} {(string?)status["conversion"]?["state"]}");
            record.Add(status["conversion"]?.ToJsonString() ?? "");
        }
        foreach (var year in new[] { 2019, 2020 })
        {
            var table = await Host.Get($"/api/dashboards/annual/{year}?province={Q("Cao Bằng")}&consistent=true")
                .Expect(200);
            var row = table.Json["data"]!["rows"]!.AsArray().Single(r => (string?)r!["code"] == code)!.DeepClone()
                .AsObject();
            record.Add($"{year} table: {(string?)row["standard"]} {(string?)row["conversion"]}");
            row.Remove("code");
            row.Remove("name");
            record.Add(row.ToJsonString());
        }
        return record;
    }
}
