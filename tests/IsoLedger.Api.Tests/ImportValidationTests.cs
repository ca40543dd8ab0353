using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Bad files import nothing and say what is wrong; odd but valid files (BOM, CRLF, NFD, any column
/// order) import.</summary>
public class ImportValidationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Header = ReportCsv.Header;
    private IAlbaHost Host => api.Host;

    private static byte[] Csv(params string[] lines) => ReportCsv.Lines(lines);

    private static string Good(string code, string year = "2020", string date = "2020-11-19") =>
        $"Quảng Trị,{code},UBND Xã {code},commune,Hải Lăng,,{year},{date},x,2015,none,x,x,x,x,x,x,x,passed";

    private Task<List<(int Line, string? Column, string Reason)>> Rejected(byte[] file) => Host.RejectedImport(file);

    [Theory]
    [InlineData("Quảng Trị,QT-V1,UBND,planet,,,2020,2020-11-19,x,,,,,,,,,,", "level")]
    [InlineData("Quảng Trị,bad code!,UBND,commune,,,2020,2020-11-19,x,,,,,,,,,,", "unit_code")]
    [InlineData("Quảng Trị,QT-V1,,commune,,,2020,2020-11-19,x,,,,,,,,,,", "unit_name")]
    [InlineData(",QT-V1,UBND,commune,,,2020,2020-11-19,x,,,,,,,,,,", "province")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,1999,2020-11-19,x,,,,,,,,,,", "year")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,31/02/2020,x,,,,,,,,,,", "report_date")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2999-01-01,x,,,,,,,,,,", "report_date")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2019-12-31,x,,,,,,,,,,", "report_date")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2020-11-19,yes,,,,,,,,,,", "declared")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2020-11-19,x,2012,,,,,,,,,", "standard")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2020-11-19,x,,halfway,,,,,,,,", "conversion")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2020-11-19,x,,,,,,,,,,great", "inspection")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2020-11-19,x,2015,in-progress,,,,,,,,", "standard")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2020-11-19,x,2008,done,,,,,,,,", "standard")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2020-11-19,,2015,,,,,,,,,", "declared")]
    [InlineData("Quảng Trị,QT-V1,UBND,commune,,,2020,2020-11-19,x,,,,,,,,,", null)]
    [InlineData("Quảng Trị,QT-V1,Sở Tư pháp,department,Gio Linh,,2020,2020-11-19,x,,,,,,,,,,", "district")]
    public async Task Each_kind_of_bad_row_is_named_with_its_line_and_column_and_nothing_is_imported(
        string badRow, string? column)
    {
        var errors = await Rejected(Csv(Header, Good("QT-OK-1"), badRow, Good("QT-OK-2")));

        Assert.Contains(errors, e => e.Line == 3 && e.Column == column);
        Assert.All(errors, e => Assert.Equal(3, e.Line));
        await Host.Get("/api/units/QT-OK-1").Expect(404);
        await Host.Get("/api/units/QT-OK-2").Expect(404);
    }

    /// <summary>A name that begins or ends with a bidirectional override or isolate is refused, as the JSON API
    /// refuses it anywhere in a name: it had the name show reversed in the file, and was trimmed away without a word
    /// where it stood at an end, while a zero-width space there is still no part of the name.</summary>
    [Theory]
    [InlineData("\u202EUBND Xã B1", false)]
    [InlineData("UBND Xã B1\u202E", false)]
    [InlineData("\u200B\u2067UBND Xã B1\u2069", false)]
    [InlineData("\u200BUBND Xã B1\uFEFF", true)]
    public async Task A_name_with_a_bidirectional_control_at_an_end_is_refused(string name, bool imports)
    {
        var file = Csv(Header, $"Quảng Trị,QT-B1,{name},commune,Hải Lăng,,2020,2020-11-19,x,,,,,,,,,,");

        if (imports)
        {
            await Host.PostBytes("/api/imports?dryRun=true", file).Expect(200);
            return;
        }
        var error = Assert.Single(await Rejected(file));
        Assert.Equal("unit_name", error.Column);
        Assert.Contains("bidirectional", error.Reason);
    }

    /// <summary>A line of another width than the header's (a comma in a value not in quotes, a separator lost) is
    /// refused for its width alone, naming its line and both counts: read by the header its values stand under other
    /// columns, and each had been refused besides for another column's value.</summary>
    [Theory]
    [InlineData("Quảng Trị,QT-W1,Sở Nông nghiệp, PTNT,department,,,2020,2020-11-19,x,2015,none,x,x,x,x,x,x,x,passed",
        20)]
    [InlineData("Quảng Trị,QT-W1,UBND Xã W1,commune,Hải Lăng,2020,2020-11-19,x,2015,none,x,x,x,x,x,x,x,passed", 18)]
    public async Task A_line_of_another_width_than_the_header_s_is_refused_for_its_width_alone(string line, int count)
    {
        var errors = await Rejected(Csv(Header, Good("QT-W0"), line));

        var error = Assert.Single(errors);
        Assert.Equal((3, (string?)null), (error.Line, error.Column));
        Assert.StartsWith($"Line 3 has {count} fields; the header (line 1) has 19:", error.Reason);
    }

    /// <summary>A table saved in an encoding without Vietnamese letters has "?" in their place ("UBND x? Gia C?t"):
    /// each such value is refused naming its column and how to save the table, rather than a unit registered under a
    /// name of question marks; a question in free text (a declaration's scope, an inspection's notes) is no letter
    /// lost.</summary>
    [Fact]
    public async Task Letters_lost_to_an_encoding_are_refused_at_their_column_but_not_a_question_in_free_text()
    {
        const string header = Header + ",scope,steering_board,steering_board_chair,inspection_notes";
        const string facts = "2020,2020-11-19,x,2015,none,x,x,x,x,x,x,x,passed";

        var errors = await Rejected(Csv(header,
            $"Qu?ng Tr?,QT-LL-1,UBND x? L?c L?m,commune,H?i L?ng,,{facts},,x,Nguy?n V?n A,"));

        Assert.Equal(["province", "unit_name", "district", "steering_board_chair"], errors.Select(e => e.Column));
        Assert.All(errors, e => Assert.Contains("has \"?\" in place of letters", e.Reason));
        Assert.Contains("CSV UTF-8", errors[0].Reason);
        await Host.Get("/api/units/QT-LL-1").Expect(404);

        await Host.PostBytes("/api/imports", Csv(header, $"Quảng Trị,QT-LL-2,UBND xã Lộc Lâm,commune,Hải Lăng,,{facts},"
            + "Mọi thủ tục hành chính?,x,Nguyễn Văn A,Đã khắc phục chưa?")).Expect(200);
    }

    [Fact]
    public async Task Every_bad_row_is_listed_not_only_the_first()
    {
        var errors = await Rejected(
            Csv(Header, Good("QT-M1", year: "1990"), Good("QT-M2"), Good("QT-M3", date: "bad"), Good("bad code")));
        Assert.Equal([2, 4, 5], errors.Select(e => e.Line).Distinct().Order());
    }

    [Theory]
    [InlineData("province,unit_code,unit_name,level,year", "report_date")]
    [InlineData(Header + ",colour", "colour")]
    [InlineData(Header + ",province", "province")]
    public async Task A_bad_header_is_named(string header, string column) =>
        Assert.Contains(await Rejected(Csv(header, Good("QT-H1"))), e => e.Line == 1 && e.Column == column);

    /// <summary>A spreadsheet saves an appendix as CSV with its title rows above the table's header (the title merged
    /// across the columns, written as a line of empty fields after it; the province's name; a blank line): the file is
    /// refused once, naming the header's line and saying to delete the lines above it, not the title as a header
    /// with unknown columns.</summary>
    [Fact]
    public async Task A_header_under_a_title_is_named_with_the_lines_to_delete()
    {
        var errors = await Rejected(Csv("PHỤ LỤC: TỔNG HỢP DANH SÁCH DUY TRÌ ÁP DỤNG ISO HÀNH CHÍNH NĂM 2020,,,,",
            "(Kèm theo Báo cáo số 137/BC-SKHCN ngày 19/11/2020),,,,", "", Header, Good("QT-T1")));

        var titled = Assert.Single(errors);
        Assert.Equal((4, null), (titled.Line, titled.Column));
        Assert.Contains("below a title (line 1)", titled.Reason);
        Assert.Contains("delete the lines above it", titled.Reason);
    }

    [Fact]
    public async Task Broken_quoting_empty_files_and_non_utf8_text_are_rejected()
    {
        Assert.Contains(await Rejected(Csv(Header, "Quảng Trị,\"QT-Q1,UBND,commune")),
            e => e.Reason.Contains("quoted"));
        Assert.NotEmpty(await Rejected([]));
        Assert.NotEmpty(await Rejected(Csv(Header)));
        Assert.NotEmpty(await Rejected([.. Encoding.UTF8.GetBytes(Header + "\n"), 0xC3, 0x28, 0x0A]));
    }

    [Fact]
    public async Task The_standard_column_takes_any_edition_of_the_rule_book_as_documents_write_it()
    {
        await Host.PostBytes("/api/imports", Csv(Header,
            "Quảng Trị,QT-ED-2000,UBND Xã Cũ,commune,Hải Lăng,,2008,2008-11-20,x,TCVN ISO 9001:2000,,,,,,,,,"))
            .Expect(200);
        Assert.Equal("2000", (string?)(await Host.Get("/api/units/QT-ED-2000").Expect(200)).Json["standard"]);

        var errors = await Rejected(Csv(Header,
            "Quảng Trị,QT-ED-X,UBND Xã X,commune,Hải Lăng,,2020,2020-11-19,x,ISO 9001:2099,,,,,,,,,"));
        Assert.Contains(errors, e => e.Column == "standard" && e.Reason.Contains("2015/Amd1:2024"));
    }

    [Fact]
    public async Task A_row_the_domain_rules_reject_is_a_bad_row()
    {
        await Host.Post("/api/units",
            """{"code":"QT-ON2015","name":"UBND Xã Mới","level":"commune","province":"Quảng """
            + """Trị","registeredOn":"2019-01-01"}""").Expect(201);
        await Host.Record("QT-ON2015", ("/declarations", """{"declaredOn":"2019-06-01","standard":"2015"}"""));

        var errors = await Rejected(
            Csv(Header, "Quảng Trị,QT-ON2015,UBND Xã Mới,commune,,,2020,2020-11-19,x,2015,done,,,,,,,,"));
        Assert.Contains(errors, e => e.Line == 2 && e.Reason.Contains("conversion-target-not-later"));

        var otherLevel = await Rejected(
            Csv(Header, "Quảng Trị,QT-ON2015,UBND Xã Mới,department,,,2020,2020-11-19,x,,,,,,,,,,"));
        Assert.Contains(otherLevel, e => e.Column == "unit_code" && e.Reason.Contains("commune"));
    }

    [Fact]
    public async Task A_table_written_as_report_tables_are_imports_as_the_documented_one_does()
    {
        // Ticks and "có" for marks, dates as Vietnamese tables write them, an edition as documents name it.
        await Host.PostBytes("/api/imports", Csv(Header,
            "Quảng Trị,QT-VI-1,UBND Xã VI-1,commune,Hải Lăng,,2020,19/11/2020,✓,TCVN 9001:2015,"
            + "none,có,x,x,x,x,x,x,passed"))
            .Expect(200);
        var status = (await Host.Get("/api/units/QT-VI-1").Expect(200)).Json;
        Assert.Equal("2015", (string?)status["standard"]);
        Assert.Equal("2020-11-19", (string?)status["latestDeclaration"]!["declaredOn"]);

        // A tick as an emoji (with its variation selector, invisible) is a tick.
        await Host.PostBytes("/api/imports", Csv(Header,
            "Quảng Trị,QT-VI-3,UBND Xã VI-3,commune,Hải Lăng,,2020,19/11/2020,✔\uFE0F,2015,,✔\uFE0E,✓,,,,,,"))
            .Expect(200);
        var ticked = (await Host.Get("/api/units/QT-VI-3").Expect(200)).Json;
        Assert.Equal("2020-11-19", (string?)ticked["latestDeclaration"]!["declaredOn"]);

        // A table saved with ';' or tabs between its columns, as its header shows, reads as one saved with commas.
        await Host.PostBytes("/api/imports", Csv(Header.Replace(',', ';'), Good("QT-VI-2").Replace(',', ';')))
            .Expect(200);
        await Host.PostBytes("/api/imports", Csv(Header.Replace(',', '\t'), Good("QT-VI-4").Replace(',', '\t')))
            .Expect(200);
        Assert.Equal("UBND Xã QT-VI-4", (string?)(await Host.Get("/api/units/QT-VI-4").Expect(200)).Json["name"]);
    }

    [Fact]
    public async Task One_district_written_several_ways_is_one_district()
    {
        const string header = "province,unit_code,unit_name,level,district,year,report_date,declared";
        await Host.PostBytes("/api/imports", Csv(header,
            "Hà Tĩnh,HT-D-1,UBND Xã Một,commune,Kỳ Anh,2020,2020-11-19,x",
            "Hà Tĩnh,HT-D-2,UBND Xã Hai,commune,Huyện Kỳ Anh,2020,2020-11-19,x",
            "Hà Tĩnh,HT-D-3,UBND Xã Ba,commune,KỲ  ANH ,2020,2020-11-19,x")).Expect(200);
        await Host.PostBytes("/api/imports", Csv(header,
            "Hà Tĩnh,HT-D-4,UBND Xã Bốn,commune,huyện kỳ anh,2021,2021-11-19,x")).Expect(200);
        var table = (await Host.Get("/api/dashboards/annual/2021?province=H%C3%A0%20T%C4%A9nh&consistent=true")
            .Expect(200)).Json["data"]!;
        var districts = table["byDistrict"]!.AsArray().Select(d => (string?)d!["group"]).ToList();
        Assert.Equal(["Kỳ Anh"], districts);

        // A spelling a unit has recorded is kept as the file writes it, and never refused for that unit's own row.
        await Host.Post("/api/units", """
            {"code":"HT-D-9","name":"UBND Xã Chín","level":"commune","province":"Hà Tĩnh","district":"Huyện Kỳ Anh",
             "registeredOn":"2015-01-01"}
            """).Expect(201);
        await Host.PostBytes("/api/imports", Csv(header,
            "Hà Tĩnh,HT-D-1,UBND Xã Một,commune,Kỳ Anh,2020,2020-11-19,x",
            "Hà Tĩnh,HT-D-9,UBND Xã Chín,commune,Huyện Kỳ Anh,2021,2021-11-19,x")).Expect(200);
        Assert.Equal("Kỳ Anh",
            (string?)(await Host.Get("/api/units/HT-D-1/state?asOf=2021-12-31").Expect(200)).Json["district"]);
    }

    [Fact]
    public async Task A_unit_typed_under_another_code_is_not_a_second_unit()
    {
        const string header = "province,unit_code,unit_name,level,district,year,report_date,declared";
        await Host.PostBytes("/api/imports", Csv(header,
            "Nghệ An,NA-XA-001,UBND Phường 1,commune,Quỳnh Lưu,2020,2020-11-19,x")).Expect(200);
        var recoded = await Rejected(Csv(header,
            "Nghệ An,NA-XA-0001,UBND  phường 1,commune,Quỳnh Lưu,2021,2021-11-19,x"));
        Assert.Contains(recoded, e => e.Column == "unit_code" && e.Reason.Contains("NA-XA-001"));
        // Twice in one file, too; the same name in another district is another unit.
        var twice = await Rejected(Csv(header,
            "Nghệ An,NA-XA-100,UBND Xã Mới,commune,Quỳnh Lưu,2021,2021-11-19,x",
            "Nghệ An,NA-XA-101,UBND Xã Mới,commune,Quỳnh Lưu,2021,2021-11-19,x"));
        Assert.Contains(twice, e => e.Line == 3 && e.Reason.Contains("NA-XA-100"));
        await Host.PostBytes("/api/imports", Csv(header,
            "Nghệ An,NA-XA-200,UBND Phường 1,commune,Diễn Châu,2021,2021-11-19,x")).Expect(200);
        // The API refuses the recorded unit's name to a new code as well (unit-name-taken), and to a unit a transfer
        // would move into its district; the recorded unit's own row still imports.
        Assert.Equal("unit-name-taken", (string?)(await Host.Post("/api/units", """
            {"code":"NA-A-DUP","name":"UBND Phường 1","level":"commune","province":"Nghệ An","district":"Quỳnh Lưu",
             "registeredOn":"2015-01-01"}
            """).Expect(409)).Json["rule"]);
        await Host.Post("/api/units", """
            {"code":"NA-A-DUP","name":"UBND Phường 1","level":"commune","province":"Nghệ An","district":"Yên Thành",
             "registeredOn":"2015-01-01"}
            """).Expect(201);
        Assert.Equal("unit-name-taken", (string?)(await Host.Post("/api/restructurings", """
            {"decisionNo":"NA/1","effectiveOn":"2016-01-01","parts":[
              {"kind":"transfer","from":["NA-A-DUP"],"district":"Quỳnh Lưu"}]}
            """).Expect(409)).Json["rule"]);
        await Host.PostBytes("/api/imports", Csv(header,
            "Nghệ An,NA-XA-001,UBND Phường 1,commune,Quỳnh Lưu,2022,2022-11-19,x")).Expect(200);
    }

    /// <summary>A unit merged, split or dissolved bears its name until that day: a new code under its name for a
    /// year before is that unit typed under another code (taken for a new unit before), one for a day from then on is
    /// another unit, which may take the name it left.</summary>
    [Fact]
    public async Task An_ended_unit_bears_its_name_until_it_ended()
    {
        const string header = "province,unit_code,unit_name,level,district,year,report_date,declared";
        await Host.PostBytes("/api/imports", Csv(header,
            "Nghệ An,NA-END-1,UBND Xã Hết,commune,Quỳnh Lưu,2019,2019-11-19,x",
            "Nghệ An,NA-END-2,UBND Xã Tan,commune,Quỳnh Lưu,2019,2019-11-19,x")).Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"NA/END","effectiveOn":"2020-01-01","parts":[
              {"kind":"merge","from":["NA-END-1"],"into":{"code":"NA-END-3","name":"UBND Xã Sau","level":"commune",
               "province":"Nghệ An","district":"Quỳnh Lưu"}},
              {"kind":"dissolve","from":["NA-END-2"]}]}
            """).Expect(201);

        var typedAgain = await Rejected(Csv(header,
            "Nghệ An,NA-END-9,UBND xã hết,commune,Quỳnh Lưu,2019,2019-11-19,x",
            "Nghệ An,NA-END-8,UBND Xã Tan,commune,Quỳnh Lưu,2019,2019-12-31,x"));
        Assert.Contains(typedAgain, e => e.Line == 2 && e.Column == "unit_code" && e.Reason.Contains("NA-END-1"));
        Assert.Contains(typedAgain, e => e.Line == 3 && e.Column == "unit_code" && e.Reason.Contains("NA-END-2"));
        await Host.PostBytes("/api/imports", Csv(header,
            "Nghệ An,NA-END-9,UBND Xã Hết,commune,Quỳnh Lưu,2020,2020-11-19,x")).Expect(200);
    }

    /// <summary>A unit renamed by a restructuring is compared under the name it had on the row's date: a new code
    /// under its old name, for a year it bore it, is the unit typed under another code (taken for a new unit before);
    /// its own row under its old name imports though a unit registered later bears that name now (refused as that
    /// unit before), and a new code under its new name, for a year before the rename, is another unit.</summary>
    [Fact]
    public async Task A_renamed_unit_is_compared_under_its_name_on_the_rows_date()
    {
        const string header = "province,unit_code,unit_name,level,district,year,report_date,declared";
        await Host.PostBytes("/api/imports", Csv(header,
            "Nghệ An,NA-RN-1,UBND Xã Cũ,commune,Quỳnh Lưu,2021,2021-11-19,x")).Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"NA/RN","effectiveOn":"2022-01-01","parts":[
              {"kind":"rename","from":["NA-RN-1"],"name":"UBND Xã Mới Tên"}]}
            """).Expect(201);

        var typedAgain = await Rejected(Csv(header,
            "Nghệ An,NA-RN-9,UBND Xã Cũ,commune,Quỳnh Lưu,2021,2021-11-19,x"));
        Assert.Contains(typedAgain, e => e.Column == "unit_code" && e.Reason.Contains("NA-RN-1"));
        await Host.Post("/api/units", """
            {"code":"NA-RN-2","name":"UBND Xã Cũ","level":"commune","province":"Nghệ An","district":"Quỳnh Lưu",
             "registeredOn":"2023-01-01"}
            """).Expect(201);
        await Host.PostBytes("/api/imports", Csv(header,
            "Nghệ An,NA-RN-1,UBND Xã Cũ,commune,Quỳnh Lưu,2020,2020-11-19,x",
            "Nghệ An,NA-RN-8,UBND Xã Mới Tên,commune,Quỳnh Lưu,2020,2020-11-19,x")).Expect(200);
    }

    /// <summary>A table listing on 2008 a unit recorded on 2015 by the row's date (a department converted the year
    /// before) is refused naming the edition recorded: imported, the row had been dropped in silence, the import
    /// answering that it took the table. An earlier year's row on 2008 is no contradiction.</summary>
    [Fact]
    public async Task A_row_listing_an_older_edition_than_the_one_recorded_on_its_date_is_refused()
    {
        const string converted = "Quảng Trị,QT-ED-1,Sở Nội vụ,department,,,2019,2019-11-22,x,2015,done,x,x,x,x,x,x,x,";
        await Host.PostBytes("/api/imports", Csv(Header, converted)).Expect(200);

        var errors = await Rejected(Csv(Header, Good("QT-ED-OK"),
            "Quảng Trị,QT-ED-1,Sở Nội vụ,department,,,2020,2020-11-19,x,2008,none,x,x,x,x,x,x,x,"));
        var error = Assert.Single(errors);
        Assert.Equal((3, "standard"), (error.Line, error.Column));
        Assert.Contains("recorded on 2015 on 2020-11-19", error.Reason);
        await Host.Get("/api/units/QT-ED-OK").Expect(404);
        await Host.PostBytes("/api/imports", Csv(Header,
            "Quảng Trị,QT-ED-1,Sở Nội vụ,department,,,2018,2018-11-23,x,2008,in-progress,x,x,x,x,x,x,x,"))
            .Expect(200);
    }

    /// <summary>A row the ledger's rules refuse names the column that breaks them: a commune formed by a merge on 1
    /// January 2020 listed as declared by 31 December 2019 (as the report lists it with the communes applying since
    /// 2015–2019), the declaration's date; a commune merged away listed in the next year's table, the report's date.
    /// </summary>
    [Fact]
    public async Task A_row_the_rules_refuse_names_the_column_that_breaks_them()
    {
        const string header = ReportCsv.Header + ",declared_by";
        await Host.PostBytes("/api/imports", Csv(header,
            "Quảng Trị,QT-RC-1,UBND Xã Hải Thiện,commune,Hải Lăng,,2019,2019-11-22,x,2015,,x,x,x,x,x,x,x,passed,",
            "Quảng Trị,QT-RC-2,UBND Xã Hải Thành,commune,Hải Lăng,,2019,2019-11-22,x,2015,,x,x,x,x,x,x,x,passed,"))
            .Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"832/NQ-UBTVQH14","effectiveOn":"2020-01-01","parts":[
             {"kind":"merge","from":["QT-RC-1","QT-RC-2"],"into":{"code":"QT-RC-3","name":"UBND xã Hải Định",
              "level":"commune","province":"Quảng Trị","district":"Hải Lăng"}}]}
            """, Keys.Recorder).Expect(201);

        var errors = await Rejected(Csv(header,
            "Quảng Trị,QT-RC-3,UBND xã Hải Định,commune,Hải Lăng,,2020,19/11/2020,x,2015,,x,x,,,,,,no-report,"
            + "31/12/2019",
            "Quảng Trị,QT-RC-1,UBND Xã Hải Thiện,commune,Hải Lăng,,2020,19/11/2020,x,2015,,x,x,,,,,,no-report,"));

        Assert.Equal([(2, "declared_by"), (3, "report_date")], errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("fact-before-establishment", errors[0].Reason);
        Assert.Contains("unit-merged", errors[1].Reason);
    }

    [Fact]
    public async Task A_correction_of_a_recorded_year_is_refused_naming_what_differs_not_half_applied()
    {
        await Host.PostBytes("/api/imports", Csv(Header, Good("QT-CORR-1"))).Expect(200);
        var before = (await Host.Get("/api/units/QT-CORR-1").Expect(200)).Json["version"]!.ToJsonString();

        var verdict = await Rejected(Csv(Header, Good("QT-CORR-1").Replace(",passed", ",failed")));
        Assert.Contains(verdict, e => e.Column == "inspection" && e.Reason.Contains("passed"));
        var renamed = await Rejected(Csv(Header, Good("QT-CORR-1").Replace("UBND Xã QT-CORR-1", "UBND Xã Mới")));
        Assert.Contains(renamed, e => e.Column == "unit_name" && e.Reason.Contains("rename"));
        var moved = await Rejected(Csv(Header, Good("QT-CORR-1").Replace("Hải Lăng", "Gio Linh")));
        Assert.Contains(moved, e => e.Column == "district" && e.Reason.Contains("transfer"));
        const string withParent = "province,unit_code,unit_name,level,parent_code,year,report_date,declared";
        await Host.PostBytes("/api/imports", Csv(withParent,
            "Quảng Trị,QT-SO-P1,Sở Một,department,,2020,2020-11-19,x",
            "Quảng Trị,QT-SO-P2,Sở Hai,department,,2020,2020-11-19,x",
            "Quảng Trị,QT-CC-P,Chi cục Một,sub-department,QT-SO-P1,2020,2020-11-19,x")).Expect(200);
        var reparented = await Rejected(Csv(withParent,
            "Quảng Trị,QT-CC-P,Chi cục Một,sub-department,QT-SO-P2,2020,2020-11-19,x"));
        Assert.Contains(reparented, e => e.Column == "parent_code" && e.Reason.Contains("QT-SO-P1"));
        Assert.Equal(before, (await Host.Get("/api/units/QT-CORR-1").Expect(200)).Json["version"]!.ToJsonString());

        // The same rows again, in other letter case and spacing, record nothing new and are no contradiction.
        await Host.PostBytes("/api/imports", Csv(Header, Good("QT-CORR-1").Replace("UBND Xã", "ubnd  xã"))).Expect(200);
    }

    [Fact]
    public async Task A_file_with_a_bom_crlf_quotes_nfd_names_and_reordered_columns_imports()
    {
        var name = "UBND Xã \"Gio\" Mỹ, Gio Linh".Normalize(NormalizationForm.FormD);
        var text =
            "inspection,unit_code,unit_name,level,province,year,report_date,declared,standard,report_submitted\r\n"
            + $"passed,QT-NFD-1,\"{name.Replace("\"", "\"\"")}\",commune,"
            + $"{"Quảng Trị".Normalize(NormalizationForm.FormD)},2020,2020-11-19,X,2015,x\r\n";
        var answer = await Host.PostBytes(
            "/api/imports", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]).Expect(200);
        Assert.Equal(1, (int)answer.Json["unitsCreated"]!);

        var status = (await Host.Get("/api/units/QT-NFD-1").Expect(200)).Json;
        Assert.Equal("UBND Xã \"Gio\" Mỹ, Gio Linh".Normalize(NormalizationForm.FormC), (string?)status["name"]);
        Assert.Equal("Quảng Trị", (string?)status["province"]);
        Assert.Equal("2015", (string?)status["standard"]);
    }

    [Fact]
    public async Task A_dry_run_says_what_it_would_do_and_writes_nothing()
    {
        var answer = await Host.PostBytes("/api/imports?dryRun=true", Csv(Header, Good("QT-DRY-1"), Good("QT-DRY-2")))
            .Expect(200);
        Assert.True((bool)answer.Json["dryRun"]!);
        Assert.Equal(2, (int)answer.Json["unitsCreated"]!);
        Assert.True((int)answer.Json["eventsAppended"]! > 2);
        await Host.Get("/api/units/QT-DRY-1").Expect(404);
    }

    [Fact]
    public async Task Imports_need_an_admin_key_and_a_csv_body()
    {
        await Host.PostBytes("/api/imports", Csv(Header, Good("QT-R1")), key: Keys.Recorder).Expect(403);
        await Host.PostBytes("/api/imports", Csv(Header, Good("QT-R1")), key: null).Expect(401);
        await Host.PostBytes("/api/imports", Csv(Header, Good("QT-R1")), contentType: "application/json").Expect(415);
        await Host.PostBytes("/api/imports?dryRun=perhaps", Csv(Header, Good("QT-R1"))).Expect(400);
    }
}
