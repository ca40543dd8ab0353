using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Appendix tables that say their units' levels neither in a column nor by tier headings, as Quảng Trị's
/// 2020 appendix A (seed <c>003_…</c>) lists its departments, the Chi cục after their Sở ("1- Chi cục TCĐLCL") and
/// the districts in one run; Chi cục under a tier heading of departments; and workbooks with a sheet per district
/// whose communes' rows give no district (seed <c>000_…</c> groups communes by district). Each unit's level is the
/// one its name says, a Chi cục's parent the department its name says or the one listed above it, a commune's
/// district its sheet's; what cannot be told is refused naming its sheet, row and column, and nothing is written.
/// </summary>
public class UnlevelledAppendixImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Q(string value) => Uri.EscapeDataString(value);

    private static readonly string QuangTri2020 =
        $"/api/imports?province={Q("Quảng Trị")}&year=2020&reportDate=2020-11-19";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private async Task<Dictionary<string, JsonNode>> Rows(string province, int year = 2020) =>
        (await Host.Get($"/api/dashboards/annual/{year}?province={Q(province)}&consistent=true").Expect(200))
        .Json["data"]!["rows"]!.AsArray().ToDictionary(r => (string)r!["name"]!, r => r!);

    private async Task<string?> ParentOf(string code, string asOf = "2020-11-19") =>
        (string?)(await Host.Get($"/api/units/{code}/state?asOf={asOf}").Expect(200)).Json["parentCode"];

    /// <summary>The parents of <paramref name="codes"/> on <paramref name="asOf"/>, in order, separated by spaces.
    /// </summary>
    private async Task<string> ParentsOf(string asOf, params string[] codes) =>
        string.Join(' ', await Task.WhenAll(codes.Select(code => ParentOf(code, asOf))));

    /// <summary>Appendix A of the 2020 report as printed
    /// (<c>ops/sample-data/appendix-columns/quang-tri-2020-appendix-a.csv</c>: its two-row header, no level column and
    /// no tier headings, the Chi cục numbered within their Sở under no "TT", "Ban Quản lý Khu Kinh tế tỉnh", "Ban Dân
    /// tộc", "Thanh tra Tỉnh" and "Văn phòng UBND Tỉnh" among the departments, the districts' committees after them):
    /// each unit at the level its name says, each Chi cục under the Sở listed above it, and the report's figures: 20
    /// departments, 10 sub-departments, 10 districts; converted or converting 11/20, 9/10 and 6/10; 14 on 2008 alone.
    /// </summary>
    [Fact]
    public async Task Appendix_A_without_levels_reads_each_unit_s_level_from_its_name_and_each_Chi_cuc_s_parent()
    {
        var table = File.ReadAllBytes(
            Repository.File("ops/sample-data/appendix-columns/quang-tri-2020-appendix-a.csv"));
        var imported = await Host.PostBytes(QuangTri2020, table).Expect(200);
        Assert.Equal((40, 40), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));

        var rows = await Rows("Quảng Trị");
        Assert.Equal(["department 11/20", "district 6/10", "sub-department 9/10"], rows.Values
            .GroupBy(r => (string)r["level"]!)
            .Select(level => $"{level.Key} {level.Count(r => (string)r["conversion"]! is "in-progress" or "done")}"
                + $"/{level.Count()}")
            .Order(StringComparer.Ordinal));
        Assert.Equal(14, rows.Values.Count(r => $"{r["standard"]} {r["conversion"]}" == "2008 none"));
        Assert.All(new[] { "Ban Quản lý Khu Kinh tế tỉnh", "Ban Dân tộc", "Thanh tra Tỉnh", "Văn phòng UBND Tỉnh" },
            name => Assert.Equal("department", (string)rows[name]["level"]!));
        string Code(string name) => (string)rows[name]["code"]!;
        var parents = await Task.WhenAll(new[] { "Chi cục TCĐLCL", "Chi cục Bảo vệ M.trường",
            "Chi cục Biển, H.đảo, KTTV", "Chi cục Kiểm lâm" }.Select(name => ParentOf(Code(name))));
        Assert.Equal(
            [Code("Sở Khoa học & Công nghệ"), Code("Sở Tài nguyên & M/trường"), Code("Sở Tài nguyên & M/trường"),
                Code("Sở Nông nghiệp & PTNT")],
            parents.Select(parent => parent ?? "none"));
        Assert.StartsWith("QT-CC-", Code("Chi cục TCĐLCL"));

        var again = await Host.PostBytes(QuangTri2020, table).Expect(200);
        Assert.Equal((0, 0), ((int)again.Json["unitsCreated"]!, (int)again.Json["eventsAppended"]!));

        // The row's number is no part of the name: the next year's table, numbering its rows otherwise or not at all,
        // lists the same units.
        var nextYear = await Host.PostBytes(
            $"/api/imports?province={Q("Quảng Trị")}&year=2021&reportDate=2021-11-19", Csv(
                "TT,Đơn vị,Công bố HT ISO",
                "1,Sở Khoa học & Công nghệ,x",
                ",3- Chi cục TCĐLCL,x",
                "2,Sở Tài nguyên & M/trường,x",
                ",2 – Chi cục Bảo vệ M.trường,x",
                "3,Sở Nông nghiệp & PTNT,x",
                ",Chi cục Kiểm lâm,x")).Expect(200);
        Assert.Equal(0, (int)nextYear.Json["unitsCreated"]!);
    }

    /// <summary>A tier heading of departments ("I. Các Sở, ban, ngành") over Sở and the Chi cục after them, numbered
    /// "1.1" under their Sở: a Chi cục is a sub-department of the Sở above it, or of the one its name says it is in;
    /// any other name under the heading, a "Ban Quản lý", is a department. A new tier's heading ends the run: a Chi
    /// cục first under it has no Sở above.</summary>
    [Fact]
    public async Task A_Chi_cuc_under_the_departments_tier_is_a_sub_department_of_the_So_above_it()
    {
        var province = $"/api/imports?province={Q("Hà Tĩnh")}&year=2020&reportDate=2020-11-19";
        var table = Csv(
            "TT,Tên cơ quan đơn vị,Công bố HT ISO,Ghi chú",
            "I,\"Các Sở, ban, ngành\",,",
            "1,Sở Nông nghiệp và PTNT,x,",
            "1.1,1.1 Chi cục Thủy sản,x,",
            "1.2,1.2 Chi cục Kiểm lâm,x,",
            "2,Ban Quản lý các Khu kinh tế,x,",
            ",Chi cục Phát triển nông thôn thuộc Sở Nông nghiệp và PTNT,x,");
        var imported = await Host.PostBytes(province, table).Expect(200);
        Assert.Equal(5, (int)imported.Json["unitsCreated"]!);
        var rows = await Rows("Hà Tĩnh");
        Assert.Equal(["department", "sub-department", "sub-department", "department"],
            new[] { "Sở Nông nghiệp và PTNT", "Chi cục Thủy sản", "Chi cục Kiểm lâm",
                "Ban Quản lý các Khu kinh tế" }.Select(name => (string)rows[name]["level"]!));
        foreach (var chiCuc in new[]
                 { "Chi cục Kiểm lâm", "Chi cục Phát triển nông thôn thuộc Sở Nông nghiệp và PTNT" })
        {
            Assert.Equal(
                (string?)rows["Sở Nông nghiệp và PTNT"]["code"], await ParentOf((string)rows[chiCuc]["code"]!));
        }

        var errors = (await Host.PostBytes(province, Csv(
                "TT,Tên cơ quan đơn vị,Công bố HT ISO,Ghi chú",
                "I,\"Các Sở, ban, ngành\",,",
                "1,Sở Y tế,x,",
                "II,UBND cấp huyện,,",
                "2,UBND huyện Kỳ Anh,x,",
                "I,\"Các Sở, ban, ngành\",,",
                "1.1,1.1 Chi cục Dân số,x,"))
            .Expect(422)).Json["errors"]!.AsArray();
        var orphan = Assert.Single(errors)!;
        Assert.Equal((7, "parent_code"), ((int)orphan["line"]!, (string?)orphan["column"]));
        Assert.Contains("Chi cục", (string)orphan["reason"]!);
    }

    /// <summary>What the names and rows cannot tell is refused, all or nothing, naming each row and column: a Chi cục
    /// with no Sở listed above it (first, or after a district), one naming a Sở neither recorded nor listed, a name
    /// that says no level ("Liên minh Hợp tác xã tỉnh"; "UBND thành phố Hà Tĩnh" in Hà Tĩnh, the province's capital or,
    /// in a centrally-run city, the province itself), a district's committee on a day after the district level ended.
    /// </summary>
    [Fact]
    public async Task What_the_names_cannot_tell_is_refused_naming_its_row_and_column()
    {
        var province = $"/api/imports?province={Q("Hà Tĩnh")}&year=2021&reportDate=2021-11-19";
        var errors = (await Host.PostBytes(province, Csv(
                "TT,Đơn vị,Công bố HT ISO",
                ",Chi cục Văn thư - Lưu trữ,x",
                "1,Sở Nội vụ,x",
                "2,UBND huyện Hương Khê,x",
                ",Chi cục Thủy lợi,x",
                ",Chi cục Chăn nuôi thuộc Sở Nông nghiệp Hà Tĩnh,x",
                "3,Liên minh Hợp tác xã tỉnh,x",
                "4,UBND thành phố Hà Tĩnh,x",
                "5,UBND xã Kỳ Hoa,x"))
            .Expect(422)).Json["errors"]!.AsArray().Select(e => ((int)e!["line"]!, (string?)e["column"])).ToList();
        Assert.Equal([(2, "parent_code"), (5, "parent_code"), (6, "parent_code"), (7, "level"), (8, "level")],
            errors);
        Assert.Empty((await Host.Get($"/api/units?province={Q("Hà Tĩnh")}&q={Q("Hương Khê")}").Expect(200))
            .Json["items"]!.AsArray());

        var after = (await Host.PostBytes($"/api/imports?province={Q("Hà Tĩnh")}&year=2025&reportDate=2025-11-19",
                Csv("TT,Đơn vị,Công bố HT ISO", "1,UBND huyện Hương Sơn,x")).Expect(422)).Json["errors"]!.AsArray();
        Assert.Equal((2, "level"), ((int)after[0]!["line"]!, (string?)after[0]!["column"]));
    }

    /// <summary>A workbook with a sheet per district ("Hải Lăng", "H. Triệu Phong", "TP Đông Hà"), its communes' rows
    /// without a district: each takes its sheet's, as a district's cell is read ("H. Triệu Phong" is "Triệu Phong");
    /// one commune's name on two sheets is two communes. A row's own district cell wins over its sheet's, and a sheet
    /// of a generic name ("Tổng hợp") gives none.</summary>
    [Fact]
    public async Task A_sheet_named_after_a_district_is_its_communes_district()
    {
        var header = new object?[] { "TT", "Đơn vị", "Công bố HT ISO", "Đánh giá nội bộ" };
        TestSheet District(string name, params string[] communes) => new(name,
            [header, .. communes.Select((c, i) => new object?[] { $"{i + 1}", c, "x", "x" })]);
        var workbook = TestWorkbooks.Build(
            District("Hải Lăng", "UBND xã Hải An", "UBND xã Hải Khê"),
            District("H. Triệu Phong", "UBND xã Triệu An", "UBND Thị trấn Ái Tử"),
            District("TP Đông Hà", "UBND Phường Đông Lễ"),
            new TestSheet("Tổng hợp",
            [
                ["TT", "Đơn vị", "Huyện", "Công bố HT ISO", "Đánh giá nội bộ"],
                ["1", "UBND xã Cam Thành", "Huyện Cam Lộ", "x", "x"],
                ["2", "UBND xã Vĩnh Giang", null, "x", "x"],
            ]),
            new TestSheet("Hải Lăng 2", [["TT", "Đơn vị", "Huyện", "Công bố HT ISO", "Đánh giá nội bộ"],
                ["1", "UBND xã Hải An", "Triệu Phong", "x", "x"]]));
        var province = $"/api/imports?province={Q("Quảng Bình")}&year=2020&reportDate=2020-11-19";
        var imported = await Host.PostBytes(province, workbook, TestWorkbooks.MediaType).Expect(200);
        Assert.Equal((8, 8), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));

        var districts = (await Host.Get($"/api/dashboards/annual/2020?province={Q("Quảng Bình")}&consistent=true")
                .Expect(200)).Json["data"]!["rows"]!.AsArray()
            .Select(r => $"{r!["name"]} | {r["district"]} | {r["level"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "UBND Phường Đông Lễ | TP Đông Hà | commune", "UBND Thị trấn Ái Tử | H. Triệu Phong | commune",
            "UBND xã Cam Thành | Huyện Cam Lộ | commune", "UBND xã Hải An | H. Triệu Phong | commune",
            "UBND xã Hải An | Hải Lăng | commune", "UBND xã Hải Khê | Hải Lăng | commune",
            "UBND xã Triệu An | H. Triệu Phong | commune", "UBND xã Vĩnh Giang |  | commune",
        ], districts);

        var again = await Host.PostBytes(province, workbook, TestWorkbooks.MediaType).Expect(200);
        Assert.Equal((0, 0), ((int)again.Json["unitsCreated"]!, (int)again.Json["eventsAppended"]!));
    }

    /// <summary>A workbook of one sheet, named after a district ("H. Hải Lăng", "TP Đông Hà", "Huyện Cam Lộ"), is
    /// that district's table: its communes' rows without a district are in it, as on a workbook of several sheets.
    /// One named otherwise ("Sheet1", "Phụ lục", the province's name, "UBND") gives none, nor does a lone sheet named
    /// without a district's kind ("Ket Qua", "Quang Tri", a person's name): a workbook's one sheet is named by whoever
    /// saved it, where a workbook of a sheet per district names them after their districts.</summary>
    [Theory]
    [InlineData("H. Hải Lăng", "H. Hải Lăng")]
    [InlineData("TP Đông Hà", "TP Đông Hà")]
    [InlineData("Huyện Cam Lộ", "Huyện Cam Lộ")]
    [InlineData("Sheet1", "")]
    [InlineData("Phụ lục", "")]
    [InlineData("Quảng Trị", "")]
    [InlineData("UBND", "")]
    [InlineData("Ket Qua", "")]
    [InlineData("Quang Tri", "")]
    [InlineData("Nguyễn Văn An", "")]
    public async Task A_workbook_of_one_sheet_named_after_a_district_is_its_communes_district(
        string sheet, string district)
    {
        var province = $"/api/imports?province={Q("Lai Châu")}&year=2019&reportDate=2019-11-19";
        var commune = $"UBND xã Một Sheet {sheet}";
        var workbook = TestWorkbooks.Build(new TestSheet(sheet,
            [new object?[] { "TT", "Đơn vị", "Công bố HT ISO" }, new object?[] { "1", commune, "x" }]));
        await Host.PostBytes(province, workbook, TestWorkbooks.MediaType).Expect(200);

        var rows = await Rows("Lai Châu", 2019);
        Assert.Equal(
            ("commune", district), ((string)rows[commune]["level"]!, (string?)rows[commune]["district"] ?? ""));
    }

    /// <summary>A Chi cục whose name says its Sở ("… thuộc Sở Nông nghiệp và PTNT") is that Sở's wherever the file
    /// lists it, below the Chi cục too, in a table with codes as in one without; a Sở the file does not list and
    /// nobody recorded is refused at the Chi cục's row, saying what to give, and nothing is written.</summary>
    [Fact]
    public async Task A_Chi_cuc_s_department_named_in_its_name_is_found_below_it_in_a_table_with_codes()
    {
        var province = $"/api/imports?province={Q("Nghệ An")}&year=2020&reportDate=2020-11-19";
        var imported = await Host.PostBytes(province, Csv(
            "unit_code,Đơn vị,Công bố HT ISO",
            "NA-CC-1,Chi cục Kiểm lâm thuộc Sở Nông nghiệp và PTNT,x",
            "NA-CC-1B,Chi cục Thủy lợi thuộc Sở Nông nghiệp và PTNT,x",
            "NA-SO-1,Sở Nông nghiệp và PTNT,x")).Expect(200);
        Assert.Equal(3, (int)imported.Json["unitsCreated"]!);
        Assert.Equal("NA-SO-1 NA-SO-1", await ParentsOf("2020-11-19", "NA-CC-1", "NA-CC-1B"));

        var errors = (await Host.PostBytes(province, Csv(
                "unit_code,Đơn vị,Công bố HT ISO",
                "NA-CC-2,Chi cục Chăn nuôi thuộc Sở Nông nghiệp Nghệ An,x",
                "NA-SO-2,Sở Tư pháp,x"))
            .Expect(422)).Json["errors"]!.AsArray();
        var unknown = Assert.Single(errors)!;
        Assert.Equal((2, "parent_code"), ((int)unknown["line"]!, (string?)unknown["column"]));
        Assert.Contains("Sở Nông nghiệp Nghệ An", (string)unknown["reason"]!);
        Assert.Empty((await Host.Get($"/api/units?province={Q("Nghệ An")}&q={Q("Tư pháp")}").Expect(200))
            .Json["items"]!.AsArray());
    }

    /// <summary>A parent column holding a department's name rather than its code (<c>parent_code</c>, or an
    /// appendix's "Cơ quan chủ quản") names the department the file lists under that name, above or below, or the one
    /// recorded under it, its name compared as everywhere in an import ("sở  y tế" is "Sở Y tế"); a name neither
    /// listed nor recorded is refused at that column, saying what to give.</summary>
    [Fact]
    public async Task A_parent_column_holding_a_department_s_name_names_that_department()
    {
        var province = $"/api/imports?province={Q("Nghệ An")}&year=2021&reportDate=2021-11-19";
        await Host.PostBytes(province, Csv("unit_code,Đơn vị,Công bố HT ISO", "NA-SO-9,Sở Tư pháp,x")).Expect(200);
        await Host.PostBytes(province, Csv(
            "unit_code,unit_name,parent_code,Công bố HT ISO",
            "NA-CC-3,Chi cục Dân số,Sở Y tế,x",
            "NA-SO-3,Sở Y tế,,x",
            "NA-CC-4,Chi cục An toàn thực phẩm,sở  y tế,x",
            "NA-CC-5,Chi cục Thi hành án,Sở Tư Pháp,x")).Expect(200);
        Assert.Equal("NA-SO-3 NA-SO-3 NA-SO-9", await ParentsOf("2021-11-19", "NA-CC-3", "NA-CC-4", "NA-CC-5"));

        await Host.PostBytes(province, Csv(
            "TT,Đơn vị,Cơ quan chủ quản,Công bố HT ISO",
            "1,Chi cục Quản lý đất đai,Sở Tài nguyên và Môi trường,x",
            "2,Sở Tài nguyên và Môi trường,,x")).Expect(200);
        var rows = await Rows("Nghệ An", 2021);
        Assert.Equal((string?)rows["Sở Tài nguyên và Môi trường"]["code"],
            await ParentOf((string)rows["Chi cục Quản lý đất đai"]["code"]!, "2021-11-19"));

        var errors = (await Host.PostBytes(province, Csv(
                "unit_code,unit_name,parent_code,Công bố HT ISO",
                "NA-CC-6,Chi cục Văn thư,Sở Không Có,x"))
            .Expect(422)).Json["errors"]!.AsArray();
        var unknown = Assert.Single(errors)!;
        Assert.Equal((2, "parent_code"), ((int)unknown["line"]!, (string?)unknown["column"]));
        Assert.Contains("Sở Không Có", (string)unknown["reason"]!);
        Assert.Contains("code", (string)unknown["reason"]!);
    }

    /// <summary>Tables write a department's long name with some words as their initials ("Sở NN&amp;PTNT", "Sở
    /// Nông nghiệp &amp; PTNT", "Sở TN&amp;MT"): a parent column so written names the one department recorded or
    /// listed whose name it abbreviates, above or below, and a row without a code so named is that recorded unit (not
    /// a second one, nor a rename), as a new code so named is refused. Initials two departments share ("Sở NV": Nội
    /// vụ, Ngoại vụ) name neither.</summary>
    [Fact]
    public async Task A_department_named_with_its_words_as_initials_is_the_one_they_abbreviate()
    {
        var province = $"/api/imports?province={Q("Thanh Hóa")}&year=2021&reportDate=2021-11-19";
        await Host.PostBytes(province, Csv("unit_code,Đơn vị,Công bố HT ISO",
            "TH-SO-1,Sở Nông nghiệp và Phát triển nông thôn,x")).Expect(200);

        await Host.PostBytes(province, Csv(
            "unit_code,unit_name,parent_code,Công bố HT ISO",
            "TH-CC-1,Chi cục Kiểm lâm,Sở NN&PTNT,x",
            "TH-CC-2,Chi cục Quản lý đất đai,Sở TN&MT,x",
            "TH-SO-2,Sở Tài nguyên và Môi trường,,x",
            "TH-CC-3,Chi cục Thú y,Sở Nông nghiệp & PTNT,x")).Expect(200);
        Assert.Equal("TH-SO-1 TH-SO-2 TH-SO-1", await ParentsOf("2021-11-19", "TH-CC-1", "TH-CC-2", "TH-CC-3"));

        await Host.PostBytes($"/api/imports?province={Q("Thanh Hóa")}&year=2022&reportDate=2022-11-19",
            Csv("TT,Đơn vị,Công bố HT ISO", "1,Sở NN&PTNT,x", "2,Sở TN và MT,x")).Expect(200);
        var units = (await Rows("Thanh Hóa", 2022)).Values.Select(row => (string)row["code"]!).Order();
        Assert.Equal(["TH-CC-1", "TH-CC-2", "TH-CC-3", "TH-SO-1", "TH-SO-2"], units);

        var errors = (await Host.PostBytes(province, Csv(
                "unit_code,unit_name,parent_code,Công bố HT ISO",
                "TH-SO-3,Sở Nội vụ,,x",
                "TH-SO-4,Sở Ngoại vụ,,x",
                "TH-CC-4,Chi cục Văn thư,Sở NV,x"))
            .Expect(422)).Json["errors"]!.AsArray();
        Assert.Equal((4, "parent_code"), ((int)Assert.Single(errors)!["line"]!, (string?)errors[0]!["column"]));

        var twice = (await Host.PostBytes(province, Csv("unit_code,unit_name,Công bố HT ISO", "TH-SO-9,Sở TN&MT,x"))
            .Expect(422)).Json["errors"]!.AsArray();
        Assert.Equal((2, "unit_code"), ((int)Assert.Single(twice)!["line"]!, (string?)twice[0]!["column"]));
        Assert.Contains("TH-SO-2", (string)twice[0]!["reason"]!);
    }

    /// <summary>An appendix that fills its parent column ("Cơ quan chủ quản") on every row names a people's committee
    /// for the units that have no parent: UBND tỉnh for a Sở or a district, UBND huyện … for a commune, written out
    /// too. That is no unit of the ledger and is passed over; a Chi cục's cell still names its Sở.</summary>
    [Fact]
    public async Task A_parent_column_naming_a_people_s_committee_is_passed_over()
    {
        var province = $"/api/imports?province={Q("Hà Tĩnh")}&year=2020&reportDate=2020-11-19";
        await Host.PostBytes(province, Csv(
            "TT,Đơn vị,Cơ quan chủ quản,Công bố HT ISO",
            "1,Sở Tài chính,UBND tỉnh,x",
            "2,Chi cục Quản lý giá,Sở Tài chính,x",
            "3,UBND huyện Can Lộc,Ủy ban nhân dân tỉnh Hà Tĩnh,x",
            "4,UBND xã Thiên Lộc,UBND huyện Can Lộc,x")).Expect(200);
        var rows = await Rows("Hà Tĩnh", 2020);
        Assert.Equal(4, rows.Count);
        Assert.Equal((string?)rows["Sở Tài chính"]["code"],
            await ParentOf((string)rows["Chi cục Quản lý giá"]["code"]!, "2020-11-19"));
    }

    /// <summary>A Chi cục whose Sở's row is refused is not refused as well for a Sở "neither recorded nor listed":
    /// the Sở is listed, and its own error says what to fix.</summary>
    [Fact]
    public async Task A_Chi_cuc_whose_department_s_row_is_refused_is_not_refused_for_it()
    {
        var province = $"/api/imports?province={Q("Hà Tĩnh")}&year=2021&reportDate=2021-11-19";
        var errors = (await Host.PostBytes(province, Csv(
                "TT,Đơn vị,Cơ quan chủ quản,Công bố HT ISO",
                "1,Chi cục Kiểm lâm,Sở Nông nghiệp và PTNT,x",
                "2,Sở Nông nghiệp và PTNT,,không rõ"))
            .Expect(422)).Json["errors"]!.AsArray();
        Assert.Equal(3, (int)Assert.Single(errors)!["line"]!);
    }

    /// <summary>In a workbook, a Chi cục's department is looked for on its own sheet: listed after its Sở there, it
    /// is that Sở's; first on a sheet of its own it has no Sở above it (the department listed on the sheet before is
    /// another tier's), refused naming the sheet.</summary>
    [Fact]
    public async Task A_Chi_cuc_s_department_is_looked_for_on_its_own_sheet()
    {
        var header = new object?[] { "TT", "Đơn vị", "Công bố HT ISO" };
        var listed = await Host.PostBytes($"/api/imports?province={Q("Quảng Bình")}&year=2021&reportDate=2021-11-19",
            TestWorkbooks.Build(
                new TestSheet(
                    "Cấp tỉnh", [header, ["1", "Sở Nội vụ", "x"], ["", "1.1 Chi cục Văn thư - Lưu trữ", "x"]]),
                new TestSheet("Cấp huyện", [header, ["1", "UBND huyện Lệ Thủy", "x"]])),
            TestWorkbooks.MediaType).Expect(200);
        Assert.Equal(3, (int)listed.Json["unitsCreated"]!);
        var rows = await Rows("Quảng Bình", 2021);
        Assert.Equal((string?)rows["Sở Nội vụ"]["code"],
            await ParentOf((string)rows["Chi cục Văn thư - Lưu trữ"]["code"]!, "2021-11-19"));

        var workbook = TestWorkbooks.Build(
            new TestSheet("Sở, ban, ngành", [header, ["1", "Sở Tư pháp", "x"]]),
            new TestSheet("Chi cục", [header, ["1", "Chi cục Quản lý thị trường", "x"]]));
        var province = $"/api/imports?province={Q("Quảng Bình")}&year=2021&reportDate=2021-11-19";
        var errors = (await Host.PostBytes(province, workbook, TestWorkbooks.MediaType).Expect(422))
            .Json["errors"]!.AsArray();
        Assert.Equal((2, "parent_code", "Chi cục"),
            ((int)errors[0]!["line"]!, (string?)errors[0]!["column"], (string?)errors[0]!["sheet"]));
    }
}
