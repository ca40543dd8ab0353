using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>From 1 July 2025 a merged province's units count under the province it became part of: its later
/// reports list them under that name. They had been refused either way (the old name is no province any more, the new
/// one was not the recorded one), and the unit formed in place of a merged one could not take its name.</summary>
public class MergedProvinceImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private Task<Answer> Import(params string[] rows) => Host.PostBytes("/api/imports", ReportCsv.Rows(rows));

    [Fact]
    public async Task A_later_report_lists_a_former_province_s_units_under_its_successor()
    {
        await Import("Quảng Bình,MP-QB-SO-XD,Sở Xây dựng,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);

        await Import("Quảng Trị,MP-QB-SO-XD,Sở Xây dựng,department,,,2025,2025-12-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);

        var year = (await Host.Get("/api/units/MP-QB-SO-XD/state?asOf=2025-12-31").Expect(200)).Json;
        Assert.NotNull(year);
        var refused = await Import(
            "Hà Tĩnh,MP-QB-SO-XD,Sở Xây dựng,department,,,2025,2025-12-15,x,2015,,x,x,x,x,x,x,x,").Expect(422);
        Assert.Contains("Quảng Bình", (string?)refused.Json["errors"]![0]!["reason"]);
        // The 2024 report, imported again, still reads as it did.
        await Import("Quảng Bình,MP-QB-SO-XD,Sở Xây dựng,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);
    }

    [Fact]
    public async Task A_row_of_a_merged_province_s_unit_dated_before_the_merger_is_told_what_the_province_was()
    {
        await Import("Bắc Kạn,MP-BK-SO-KH,Sở Khoa học và Công nghệ,department,,,2024,2024-11-15,x,2015,,x,x,x,,,,,")
            .Expect(200);

        // Its last day before Bắc Kạn became part of Thái Nguyên, in Thái Nguyên's 2025 table.
        var refused = await Import(
            "Thái Nguyên,MP-BK-SO-KH,Sở Khoa học và Công nghệ,department,,,2025,30/06/2025,x,2015,,x,x,,,,,,")
            .Expect(422);

        var reason = (string?)refused.Json["errors"]![0]!["reason"];
        Assert.Contains("On 2025-06-30 unit MP-BK-SO-KH was still a department of Bắc Kạn", reason);
        Assert.Contains("became part of Thái Nguyên from 2025-07-01", reason);
        Assert.Contains("names its province as it was, \"Bắc Kạn\"", reason);
        await Import("Bắc Kạn,MP-BK-SO-KH,Sở Khoa học và Công nghệ,department,,,2025,30/06/2025,x,2015,,x,x,,,,,,")
            .Expect(200);
    }

    [Fact]
    public async Task A_rename_or_a_move_refused_says_how_a_restructuring_is_recorded_and_imported()
    {
        await Import("Lạng Sơn,MP-LS-SO-NV,Sở Nội vụ,department,,,2020,2020-11-15,x,2015,,,,,,,,,",
            "Lạng Sơn,MP-LS-X-1,UBND Xã Một,commune,Cao Lộc,,2020,2020-11-15,x,2015,,,,,,,,,").Expect(200);

        var refused = await Import(
            "Lạng Sơn,MP-LS-SO-NV,Sở Nội vụ mới,department,,,2021,2021-11-15,x,2015,,,,,,,,,",
            "Lạng Sơn,MP-LS-X-1,UBND Xã Một,commune,Lộc Bình,,2021,2021-11-15,x,2015,,,,,,,,,").Expect(422);

        var reasons = refused.Json["errors"]!.AsArray().Select(e => (string?)e!["reason"]).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.All(reasons, reason => Assert.Contains("POST /api/restructurings/import", reason));
        Assert.Contains("a rename", reasons[0]);
        Assert.Contains("a transfer", reasons[1]);
    }

    [Fact]
    public async Task The_unit_formed_by_a_merger_takes_the_name_of_the_units_it_replaced_in_the_same_table()
    {
        await Import("Quảng Trị,MP-SO-TC-A,Sở Tài chính X,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"MP/1","effectiveOn":"2025-03-01","parts":[{"kind":"merge","from":["MP-SO-TC-A"],
             "into":{"code":"MP-SO-TC-B","name":"Sở Tài chính X","level":"department","province":"Quảng Trị"}}]}
            """, Keys.Recorder).Expect(201);

        await Import(
            "Quảng Trị,MP-SO-TC-A,Sở Tài chính X,department,,,2025,2025-12-15,x,2015,,,,,,,,,",
            "Quảng Trị,MP-SO-TC-B,Sở Tài chính X,department,,,2025,2025-12-15,x,2015,,x,x,x,x,x,x,x,").Expect(200);
    }

    [Fact]
    public async Task A_former_province_s_unit_listed_under_another_code_in_its_successor_s_report_is_refused()
    {
        await Import("Quảng Bình,MP-QB-SO-VH,Sở Văn hóa,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);

        var refused = await Import(
            "Quảng Trị,MP-QT-SO-VH,Sở Văn hóa,department,,,2025,2025-12-15,x,2015,,x,x,x,x,x,x,x,").Expect(422);

        Assert.Contains("MP-QB-SO-VH", (string?)refused.Json["errors"]![0]!["reason"]);
    }

    [Theory]
    [InlineData("X", false)]
    [InlineData("Y", true)]
    public async Task A_unit_that_ended_later_still_holds_its_name_in_a_year_it_existed(string id, bool newFirst)
    {
        var (old, @new) = ($"MP-{id}-OLD", $"MP-{id}-NEW");
        await Host.RegisterCommune(old, "2015-01-01");
        await Host.Post("/api/restructurings", $$"""
            {"decisionNo":"MP/{{id}}","effectiveOn":"2022-01-01","parts":[{"kind":"dissolve","from":["{{old}}"]}]}
            """, Keys.Recorder).Expect(201);

        string[] rows = [.. new[] { old, @new }.Select(code =>
            $"Quảng Trị,{code},UBND Xã {old},commune,Hải Lăng,,2020,2020-11-15,x,2015,,,,,,,,,")];
        await Import(newFirst ? [.. rows.Reverse()] : rows).Expect(422);
    }

    [Fact]
    public async Task A_former_province_s_table_in_the_import_layout_imports_back()
    {
        await Import("Quảng Bình,MP-QB-SO-YT,Sở Y tế,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);

        var export = await Host.Get($"/api/reports/annual/2025?province={Uri.EscapeDataString("Quảng Bình")}"
            + "&layout=import").Expect(200);

        Assert.Contains("Quảng Trị,MP-QB-SO-YT", export.Text);
        await Host.PostBytes("/api/imports", System.Text.Encoding.UTF8.GetBytes(export.Text)).Expect(200);

        // Imported into an empty store, the unit is where it was: in Quảng Bình before the merger, counted under
        // Quảng Trị after it (it had been registered in Quảng Trị, and Quảng Trị's 2024 table had listed it).
        var file = System.Text.Encoding.UTF8.GetBytes(export.Text);
        var recorded = await Placed(Host);
        Assert.Equal(["2024-12-31: Quảng Bình, former ", "2025-12-31: Quảng Trị, former Quảng Bình",
            "Quảng Bình 2024: True", "Quảng Trị 2024: False"], recorded);
        await ApiFixture.WithEmptyStore(async empty =>
        {
            await empty.PostBytes("/api/imports", file).Expect(200);
            Assert.Equal(recorded, await Placed(empty));
        });
    }

    /// <summary>Where the unit MP-QB-SO-YT is as of the end of 2024 and 2025, and whether each province's 2024 table
    /// lists it.</summary>
    private static async Task<List<string>> Placed(IAlbaHost host)
    {
        var placed = new List<string>();
        foreach (var day in new[] { "2024-12-31", "2025-12-31" })
        {
            var state = (await host.Get($"/api/units/MP-QB-SO-YT/state?asOf={day}").Expect(200)).Json;
            placed.Add($"{day}: {state["province"]}, former {state["formerProvince"]}");
        }
        foreach (var province in new[] { "Quảng Bình", "Quảng Trị" })
        {
            var table = (await host.Get($"/api/reports/annual/2024?province={Uri.EscapeDataString(province)}"
                + "&format=json").Expect(200)).Text;
            placed.Add($"{province} 2024: {table.Contains("MP-QB-SO-YT")}");
        }
        return placed;
    }

    /// <summary>A former province given for a province it did not become part of is refused at its column.</summary>
    [Theory]
    [InlineData("Hà Tĩnh")]
    [InlineData("Quảng Trị")]
    [InlineData("Nowhere")]
    public async Task A_former_province_that_is_not_one_of_the_row_s_province_is_refused(string former)
    {
        var csv = ReportCsv.Lines(ReportCsv.Header + ",former_province",
            $"Quảng Trị,MP-FP-01,Sở Du lịch,department,,,2025,2025-11-15,x,2015,,x,x,x,x,x,x,x,,{former}");
        Assert.Contains("former_province", (await Host.RejectedImport(csv)).Select(e => e.Column));
    }


    [Fact]
    public async Task One_district_however_it_is_abbreviated_is_one_group_of_the_year_s_table()
    {
        await Import(
            "Hà Tĩnh,MP-HT-1,UBND Phường 1,commune,TP. Hà Tĩnh,,2020,2020-11-15,x,2015,,,,,,,,,",
            "Hà Tĩnh,MP-HT-2,UBND Phường 2,commune,Thành phố Hà Tĩnh,,2020,2020-11-15,x,2015,,,,,,,,,").Expect(200);
        await Host.Post("/api/units", """
            {"code":"MP-HT-3","name":"UBND Phường 3","level":"commune","province":"Hà Tĩnh",
             "district":"TP Hà Tĩnh","registeredOn":"2015-01-01"}
            """).Expect(201);

        var table = (await Host.Get($"/api/reports/annual/2020?province={Uri.EscapeDataString("Hà Tĩnh")}"
            + "&format=json").Expect(200)).Json;

        var district = Assert.Single(table["byDistrict"]!.AsArray());
        Assert.Equal(3, (int)district!["units"]!);
        var conversion = (await Host.Get($"/api/dashboards/conversion?province={Uri.EscapeDataString("Hà Tĩnh")}"
            + "&asOf=2020-12-31&consistent=true", Keys.Viewer).Expect(200)).Json;
        Assert.Single(conversion["data"]!["byDistrict"]!.AsArray());
    }

    [Fact]
    public async Task A_late_table_of_a_former_province_is_judged_on_its_year_not_on_its_date()
    {
        await Import("Quảng Trị,MP-QT-SO-TP,Sở Tư pháp Z,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);

        await Import("Quảng Bình,MP-QB-SO-TP,Sở Tư pháp Z,department,,,2024,2025-07-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);
        await Import("Quảng Bình,MP-QT-SO-TP,Sở Tư pháp Z,department,,,2024,2025-07-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(422);
    }

    private const string AppendixHeader = "TT,Đơn vị,Công bố HT ISO,Đánh giá nội bộ";

    /// <summary>An appendix in its own columns, without codes, its province, year and day given with the request.
    /// </summary>
    private Task<Answer> Appendix(string province, int year, string reportDate, params string[] lines) =>
        Host.PostBytes($"/api/imports?province={Uri.EscapeDataString(province)}&year={year}&reportDate={reportDate}",
            Encoding.UTF8.GetBytes(string.Join("\n", [AppendixHeader, .. lines]) + "\n"));

    private static (int Rows, int Created) Counts(Answer imported) =>
        ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!);

    /// <summary>A merged province's later appendix writes a commune with the district it was in before, which may be
    /// a city named as its province: "UBND phường 5 (nguyên thuộc TP. Cà Mau)" is the commune of the city of Cà Mau,
    /// not one of the province Cà Mau, as it had been read (and refused: Cà Mau is no province that became part of
    /// Cà Mau).</summary>
    [Fact]
    public async Task A_former_city_named_as_its_province_is_read_as_the_district_it_was()
    {
        await Appendix("Cà Mau", 2024, "2024-11-20", "I,\"Xã, phường, thị trấn\",,", ",Thành phố Cà Mau:,,",
            "1,UBND phường 5,x,").Expect(200);
        await Appendix("Bạc Liêu", 2024, "2024-11-20", "I,\"Xã, phường, thị trấn\",,", ",Thành phố Bạc Liêu:,,",
            "1,UBND phường 5,x,").Expect(200);

        var listed = await Appendix("Cà Mau", 2025, "2025-11-20", "I,\"Xã, phường, thị trấn\",,",
            "1,UBND phường 5 (nguyên thuộc TP. Cà Mau),x,x",
            "2,\"UBND phường 5 (nguyên thuộc TP. Bạc Liêu, Bạc Liêu)\",x,").Expect(200);

        Assert.Equal((2, 0), Counts(listed));
    }

    /// <summary>The units of a province that merged into another, as a later appendix lists them: each department
    /// named with its former province, "Sở Nội vụ (nguyên thuộc Quảng Bình)", is that province's, found among its
    /// units alone or registered in it, beside the successor's own of the same name.</summary>
    [Fact]
    public async Task A_merged_province_s_appendix_finds_each_unit_in_the_province_it_names()
    {
        await Import(
            "Quảng Trị,FP-QT-NV,Sở Nội vụ,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Bình,FP-QB-NV,Sở Nội vụ,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,").Expect(200);

        var listed = await Appendix("Quảng Trị", 2025, "2025-12-15", "I,\"Sở, ban, ngành\",,",
            "1,Sở Nội vụ (nguyên thuộc Quảng Bình),x,", "2,Sở Nội vụ,x,x",
            "3,Sở Công Thương (nguyên thuộc Quảng Bình),x,x", "4,Sở Công Thương,x,").Expect(200);

        Assert.Equal((4, 2), Counts(listed));
        Assert.Equal(
        [
            "Sở Công Thương (Quảng Bình): QB-SO- audit true", "Sở Công Thương: QT-SO- audit false",
            "Sở Nội vụ (Quảng Bình): FP-QB-NV audit false", "Sở Nội vụ: FP-QT-NV audit true",
        ], await Departments("Sở Nội vụ", "Sở Công Thương"));
    }

    /// <summary>A year's appendix lists the units that ended within the year, as on their last day: a former
    /// province's department merged into the successor's on 1 July 2025, one dissolved before. Listed without codes in
    /// a table of a later day, each is found as on its last day, where no unit bears its name on the table's, and what
    /// its row marks is recorded on that day. Looked for on the table's day alone, they were new units, registered
    /// after their province had ended.</summary>
    [Fact]
    public async Task A_unit_that_ended_within_the_appendix_s_year_is_found_as_on_its_last_day()
    {
        await Import(
            "Quảng Trị,FP-QT-TP,Sở Tư pháp,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Bình,FP-QB-TP,Sở Tư pháp,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Bình,FP-QB-NGV,Sở Ngoại vụ,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,").Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"FP/1","effectiveOn":"2025-07-01","parts":[
             {"kind":"merge","from":["FP-QB-TP"],"into":{"code":"FP-QT-TP"}}]}
            """, Keys.Recorder).Expect(201);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"FP/2","effectiveOn":"2025-03-01","parts":[{"kind":"dissolve","from":["FP-QB-NGV"]}]}
            """, Keys.Recorder).Expect(201);

        var listed = await Appendix("Quảng Trị", 2025, "2025-12-15", "I,\"Sở, ban, ngành\",,",
            "1,Sở Tư pháp,x,x", "2,Sở Tư pháp (nguyên thuộc Quảng Bình),x,x",
            "3,Sở Ngoại vụ (nguyên thuộc Quảng Bình),x,x").Expect(200);

        Assert.Equal((3, 0), Counts(listed));
        List<string> audits = [];
        foreach (var code in new[] { "FP-QT-TP", "FP-QB-TP", "FP-QB-NGV" })
            audits.Add($"{code} {(await Host.Get($"/api/units/{code}").Expect(200)).Json["lastInternalAudit"]}");
        Assert.Equal(["FP-QT-TP 2025-12-15", "FP-QB-TP 2025-06-30", "FP-QB-NGV 2025-02-28"], audits);
    }

    /// <summary>A commune that ended within the year, listed without codes and without its district (the 2025
    /// appendix groups no commune under a district), is found by its name in the district it was in: it had been
    /// looked for in no district only, and registered as a new commune. Two such communes of one name in two districts
    /// are refused at `district`, naming both, rather than the row being taken for either.</summary>
    [Fact]
    public async Task A_commune_that_ended_within_the_year_is_found_without_its_district()
    {
        await Import(
            "Quảng Trị,EW-VT,UBND xã Vĩnh Thạch,commune,Huyện Vĩnh Linh,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,EW-TL-1,UBND xã Tân Liên,commune,Huyện Cam Lộ,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,EW-TL-2,UBND xã Tân Liên,commune,Huyện Hướng Hóa,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,EW-K,UBND xã Vĩnh Hoàng,commune,Huyện Vĩnh Linh,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"EW/1","effectiveOn":"2025-07-01","parts":[
             {"kind":"merge","from":["EW-VT","EW-TL-1","EW-TL-2"],"into":{"code":"EW-K"}}]}
            """, Keys.Recorder).Expect(201);

        var listed = await Appendix("Quảng Trị", 2025, "2025-12-15", "I,\"Xã, phường, thị trấn\",,",
            "1,UBND xã Vĩnh Thạch,x,x").Expect(200);
        Assert.Equal((1, 0), Counts(listed));
        Assert.Equal("2025-06-30", (string?)(await Host.Get("/api/units/EW-VT").Expect(200)).Json["lastInternalAudit"]);

        var refused = await Host.RejectedImport(Encoding.UTF8.GetBytes(string.Join("\n",
            [AppendixHeader, "I,\"Xã, phường, thị trấn\",,", "1,UBND xã Tân Liên,x,x"]) + "\n"),
            "?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&year=2025&reportDate=2025-12-15");
        var (_, column, reason) = Assert.Single(refused);
        Assert.Equal("district", column);
        Assert.Contains("Huyện Cam Lộ (EW-TL-1)", reason);
        Assert.Contains("Huyện Hướng Hóa (EW-TL-2)", reason);
    }

    /// <summary>Each department of Quảng Trị's 2025 table named <paramref name="names"/>: its name, its former
    /// province, its code (of a unit the import registered, the part before the hash) and whether it held its internal
    /// audit.</summary>
    private async Task<List<string>> Departments(params string[] names) =>
    [
        .. (await Host.Get($"/api/dashboards/annual/2025?province={Uri.EscapeDataString("Quảng Trị")}"
                + "&level=department&consistent=true").Expect(200)).Json["data"]!["rows"]!.AsArray()
            .Where(row => names.Contains((string)row!["name"]!))
            .Select(row => (string)row!["code"]! is var code && row["formerProvince"] is var former
                ? $"{row["name"]}{(former is null ? "" : $" ({former})")}: "
                    + $"{(code.StartsWith("FP-") ? code : code[..6])} audit {row["internalAudit"]}"
                : "")
            .Order(StringComparer.Ordinal),
    ];
}
