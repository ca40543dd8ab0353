using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A district that changes kind (Thị xã Sông Công became Thành phố Sông Công in 2015) is the same district
/// under a new name: its communes stay in it. Recorded once, as the rename of its district unit, it carries them; the
/// next year's table, which names them under the new name, had every commune row refused as a move.</summary>
public class DistrictKindChangeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private Task<Answer> Import(params string[] rows) => Host.PostBytes("/api/imports", ReportCsv.Rows(rows));

    private static string Row(string province, string code, string name, string level, string district, int year) =>
        $"{province},{code},{name},{level},{district},,{year},20/11/{year},x,2008,,x,x,x,x,x,x,x,"
        + (level == "district" ? "maintained" : "passed");

    /// <summary>The year's table's districts and their communes, as its groups by district.</summary>
    private async Task<Dictionary<string, int>> Districts(string province, int year)
    {
        var table = (await Host.Get($"/api/reports/annual/{year}?province={Uri.EscapeDataString(province)}"
            + "&format=json").Expect(200)).Json;
        return table["byDistrict"]!.AsArray()
            .ToDictionary(g => (string)g!["group"]!, g => (int)g!["units"]!);
    }

    private static string[] Year2014(string p, string c) =>
    [
        Row(p, $"{c}-SC", "UBND thị xã Sông Công", "district", "Thị xã Sông Công", 2014),
        Row(p, $"{c}-SC-1", "UBND phường Phố Cò", "commune", "Thị xã Sông Công", 2014),
        Row(p, $"{c}-SC-2", "UBND phường Thắng Lợi", "commune", "TX. Sông Công", 2014),
        Row(p, $"{c}-DH", "UBND huyện Đồng Hỷ", "district", "Đồng Hỷ", 2014),
        Row(p, $"{c}-DH-1", "UBND xã Hòa Bình", "commune", "Đồng Hỷ", 2014),
    ];

    /// <summary>2015 and 2016 under the district's new name, as the tables of those years write it; one commune new in
    /// 2016 still written under the former name.</summary>
    private static string[] Years2015And2016(string p, string c) =>
    [
        .. new[] { 2015, 2016 }.SelectMany(year => new[]
        {
            Row(p, $"{c}-SC", "UBND thành phố Sông Công", "district", "Thành phố Sông Công", year),
            Row(p, $"{c}-SC-1", "UBND phường Phố Cò", "commune", "Thành phố Sông Công", year),
            Row(p, $"{c}-SC-2", "UBND phường Thắng Lợi", "commune", "TP. Sông Công", year),
            Row(p, $"{c}-DH-1", "UBND xã Hòa Bình", "commune", "Huyện Đồng Hỷ", year),
        }),
        Row(p, $"{c}-SC-3", "UBND xã Bá Xuyên", "commune", "Thị xã Sông Công", 2016),
    ];

    [Fact]
    public async Task One_rename_row_in_the_restructuring_table_carries_the_communes_and_each_year_is_grouped_as_then()
    {
        const string p = "Thái Nguyên", c = "TN";
        await Import(Year2014(p, c)).Expect(200);
        var refused = await Import(Years2015And2016(p, c)).Expect(422);
        Assert.Contains(refused.Json["errors"]!.AsArray(), e => (string?)e!["column"] == "district"
            && ((string?)e["reason"])!.Contains("renaming the district's unit")
            && ((string?)e["reason"])!.Contains("POST /api/restructurings/import"));

        var restructured = await Host.PostBytes("/api/restructurings/import", ReportCsv.Lines(
            "decision_no,effective_on,from_code,kind,name",
            "NQ 932/NQ-UBTVQH13,01/07/2015,TN-SC,rename,UBND thành phố Sông Công"), key: Keys.Recorder).Expect(200);
        var parts = restructured.Json["restructurings"]![0]!["parts"]!.AsArray();
        var carried = Assert.Single(parts, part => (string?)part!["kind"] == "transfer")!;
        Assert.Equal(["TN-SC", "TN-SC-1", "TN-SC-2"], carried["from"]!.AsArray().Select(c => (string?)c));
        await Import(Years2015And2016(p, c)).Expect(200);

        Assert.Equal(new() { ["Thị xã Sông Công"] = 2, ["Đồng Hỷ"] = 1 }, await Districts(p, 2014));
        Assert.Equal(new() { ["Thành phố Sông Công"] = 2, ["Đồng Hỷ"] = 1 }, await Districts(p, 2015));
        Assert.Equal(new() { ["Thành phố Sông Công"] = 3, ["Đồng Hỷ"] = 1 }, await Districts(p, 2016));
        // Imported again, the act records nothing more.
        var again = await Host.PostBytes("/api/restructurings/import", ReportCsv.Lines(
            "decision_no,effective_on,from_code,kind,name",
            "NQ 932/NQ-UBTVQH13,01/07/2015,TN-SC,rename,UBND thành phố Sông Công"), key: Keys.Recorder).Expect(200);
        Assert.Empty(again.Json["restructurings"]!.AsArray());
    }

    [Fact]
    public async Task A_two_year_table_alone_is_refused_saying_the_district_s_rename_is_recorded_once()
    {
        const string p = "Bắc Giang", c = "BG";
        var refused = await Import([.. Year2014(p, c), .. Years2015And2016(p, c)]).Expect(422);

        var errors = refused.Json["errors"]!.AsArray();
        // The district's rows of 2015 and 2016.
        var district = errors.Where(e => (string?)e!["column"] == "unit_name").ToList();
        Assert.Equal(2, district.Count);
        Assert.Contains("'Thị xã Sông Công' became 'Thành phố Sông Công', the same district under another kind",
            (string?)district[0]!["reason"]);
        Assert.Contains("renaming BG-SC to 'UBND thành phố Sông Công'", (string?)district[0]!["reason"]);
        Assert.All(errors, e => Assert.Contains("POST /api/restructurings/import", (string?)e!["reason"]));
        Assert.Empty(await Districts(p, 2014));
    }

    [Fact]
    public async Task A_commune_recorded_after_the_rename_from_an_earlier_year_s_table_follows_the_district()
    {
        const string p = "Phú Thọ", c = "PT";
        await Import(Year2014(p, c)[0], Year2014(p, c)[1]).Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"NQ 932/NQ-UBTVQH13","effectiveOn":"2015-07-01","parts":[
             {"kind":"rename","from":["PT-SC"],"name":"UBND thành phố Sông Công"}]}
            """, Keys.Recorder).Expect(201);

        // Phố Cò was carried by the restructuring; Thắng Lợi, first recorded now from 2014, by the import.
        await Import([.. Year2014(p, c).Skip(1), .. Years2015And2016(p, c)]).Expect(200);

        Assert.Equal(new() { ["Thị xã Sông Công"] = 2, ["Đồng Hỷ"] = 1 }, await Districts(p, 2014));
        Assert.Equal(new() { ["Thành phố Sông Công"] = 3, ["Đồng Hỷ"] = 1 }, await Districts(p, 2016));
        // Today, after the district level ended, the commune is in no district: it was in the renamed one.
        var state = (await Host.Get("/api/units/PT-SC-2").Expect(200)).Json;
        Assert.Equal("Thành phố Sông Công", (string?)state["formerDistrict"]);
    }

    [Fact]
    public async Task A_huyen_and_a_thi_xa_of_one_name_stay_two_districts()
    {
        const string p = "Hà Tĩnh";
        await Import(Row(p, "HT-KA", "UBND huyện Kỳ Anh", "district", "Kỳ Anh", 2014),
            Row(p, "HT-KA-1", "UBND xã Kỳ Tân", "commune", "Kỳ Anh", 2014)).Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"NQ 903/NQ-UBTVQH13","effectiveOn":"2015-05-15","parts":[
             {"kind":"rename","from":["HT-KA"],"name":"UBND huyện Kỳ Anh (mới)"}]}
            """, Keys.Recorder).Expect(201);

        // The communes of the new thị xã moved into another district: a transfer, not the huyện's rename.
        var refused = await Import(Row(p, "HT-KA-1", "UBND xã Kỳ Tân", "commune", "Thị xã Kỳ Anh", 2016))
            .Expect(422);

        Assert.Equal("district", (string?)refused.Json["errors"]![0]!["column"]);
        var state = (await Host.Get("/api/units/HT-KA-1").Expect(200)).Json;
        Assert.Equal("Kỳ Anh", (string?)state["formerDistrict"]);
    }

}
