using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Report tables as other provinces' clerks write them: their ticks and words for a step done, their dates,
/// the notes they put after a merged commune's name, their spellings of one name and the encodings Excel saves in.
/// Each imports as the table means, or is refused naming its line and column.</summary>
public class ImportOtherProvincesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Q(string value) => Uri.EscapeDataString(value);

    private async Task<Dictionary<string, JsonNode>> AnnualRows(int year, string province, string district) =>
        (await Host.Get($"/api/dashboards/annual/{year}?province={Q(province)}&district={Q(district)}"
            + "&consistent=true").Expect(200)).Json["data"]!["rows"]!.AsArray()
        .ToDictionary(r => (string)r!["code"]!, r => r!);

    [Fact]
    public async Task Ticks_and_the_words_for_done_and_not_done_are_read_as_marks()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Lạng Sơn,OP-MK-1,UBND xã Gia Cát,commune,Cao Lộc,,2021,2021-11-19,√,2015,,Có,X,✓,Đạt,√,đạt,có,Đạt",
            "Lạng Sơn,OP-MK-2,UBND xã Hợp Thành,commune,Cao Lộc,,2021,2021-11-19,x,2015,,không,Chưa,-,,ko,,,"
            + "Ko có BC"))
            .Expect(200);

        var rows = await AnnualRows(2021, "Lạng Sơn", "Cao Lộc");
        string[] steps =
        [
            "declared", "qualityPolicy", "qualityObjectives", "maintenancePlan", "internalAudit", "correctiveActions",
            "managementReview", "reportSubmitted",
        ];
        Assert.All(steps, step => Assert.True((bool)rows["OP-MK-1"][step]!, step));
        Assert.All(steps.Skip(1), step => Assert.False((bool)rows["OP-MK-2"][step]!, step));
        // The inspection column takes the report's words for the verdict.
        Assert.Equal(
            ["passed", "no-report"], new[] { "OP-MK-1", "OP-MK-2" }.Select(c => (string?)rows[c]["inspection"]));

        // A ditto repeats the row above, which a row cannot be read without.
        var ditto = await Host.RejectedImport(ReportCsv.Rows(
            "Lạng Sơn,OP-MK-3,UBND xã Tân Liên,commune,Cao Lộc,,2021,2021-11-19,x,2015,,-nt-,,,,,,,"));
        var error = Assert.Single(ditto);
        Assert.Equal((2, "quality_policy"), (error.Line, error.Column));
        Assert.Contains("repeats the row above", error.Reason);
    }

    /// <summary>A clerk filling the district column copies it from the heading row of its communes in the appendix,
    /// colon and all, and types x as the multiplication sign a word processor's symbols give. Read as written, the
    /// district became one of its own beside "Cam Lộ", and the communes recorded in "Cam Lộ" were refused as moved.
    /// </summary>
    [Fact]
    public async Task A_district_copied_from_its_heading_and_a_multiplication_sign_read_as_meant()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Quảng Trị,OP-HD-1,UBND xã Cam Thành,commune,Cam Lộ,,2023,2023-11-20,x,2015,,x,x,x,x,x,x,x,passed"))
            .Expect(200);
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Quảng Trị,OP-HD-1,UBND xã Cam Thành,commune,Huyện Cam Lộ:,,2024,2024-11-20,×,2015,,×,×,×,×,×,×,×,Đạt",
            "Quảng Trị,OP-HD-2,UBND xã Cam Hiếu,commune,Huyện Cam Lộ :,,2024,2024-11-20,x,2015,,x,x,,,,,,Ko có Bc",
            "Quảng Trị,OP-HD-3,UBND xã Cam Tuyền,commune,Huyện Hướng Hóa:,,2024,2024-11-20,x,2015,,x,x,,,,,,"))
            .Expect(200);

        var rows = await AnnualRows(2024, "Quảng Trị", "Cam Lộ");
        Assert.Equal(["OP-HD-1", "OP-HD-2"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows.Values, row => Assert.Equal("Cam Lộ", (string?)row["district"]));
        Assert.True((bool)rows["OP-HD-1"]["internalAudit"]!);
        // A district first listed so is recorded without the heading's colon (today the district the unit was in
        // before the level ended).
        var status = (await Host.Get("/api/units/OP-HD-3").Expect(200)).Json;
        Assert.Equal("Huyện Hướng Hóa", (string?)status["formerDistrict"]);
    }

    /// <summary>A line of <see cref="ReportCsv.Header"/>'s width holding <paramref name="text"/> alone, in
    /// <paramref name="column"/>: a heading row kept from the appendix.</summary>
    private static string HeadingRow(string text, string column = "unit_name") => string.Join(",",
        ReportCsv.Header.Split(',').Select(name => name == column ? text : ""));

    /// <summary>A table converted from the appendix row for row keeps its heading rows: the tiers, and each district
    /// above its communes, which then give no district of their own. Refused, such a table had to be rewritten; a
    /// row holding only a unit's name is no heading, and stays a bad row.</summary>
    [Fact]
    public async Task Heading_rows_kept_from_the_appendix_group_the_rows_under_them()
    {
        var answer = await Host.PostBytes("/api/imports", ReportCsv.Rows(
            HeadingRow("I. Cấp huyện"),
            "Quảng Trị,OP-HR-H,UBND huyện Đakrông,district,Đakrông,,2024,2024-11-25,x,2015,,x,x,x,x,x,x,x,Đạt",
            HeadingRow("II. Cấp xã"),
            HeadingRow("1. Huyện Đakrông:"),
            "Quảng Trị,OP-HR-1,UBND xã Mò Ó,commune,,,2024,2024-11-25,x,2015,,x,x,x,x,x,x,x,Đạt",
            HeadingRow("Thị xã Quảng Trị:", "district"),
            "Quảng Trị,OP-HR-2,UBND phường 1,commune,,,2024,2024-11-25,x,2015,,x,x,,,,,,Ko có Bc",
            "Quảng Trị,OP-HR-3,UBND phường 2,commune,TX. Quảng Trị,,2024,2024-11-25,x,2015,,x,x,x,x,x,x,x,Đạt",
            HeadingRow("\"III. Sở, ban, ngành\""),
            "Quảng Trị,OP-HR-S,Sở Nội vụ,department,,,2024,2024-11-25,x,2015,,x,x,x,x,x,x,x,Đạt")).Expect(200);
        Assert.Equal(5, (int)answer.Json["rows"]!);

        var dakrong = await AnnualRows(2024, "Quảng Trị", "Đakrông");
        Assert.Equal(["OP-HR-1", "OP-HR-H"], dakrong.Keys.Order(StringComparer.Ordinal));
        var town = await AnnualRows(2024, "Quảng Trị", "Thị xã Quảng Trị");
        Assert.Equal(["OP-HR-2", "OP-HR-3"], town.Keys.Order(StringComparer.Ordinal));
        Assert.Null((string?)(await Host.Get("/api/units/OP-HR-S").Expect(200)).Json["formerDistrict"]);

        var refused = await Host.RejectedImport(ReportCsv.Rows(HeadingRow("UBND xã Ba Lòng")));
        Assert.Contains(refused, error => error == (2, "unit_code", "Required."));
    }

    [Theory]
    [InlineData("OP-DT-1", "19.11.2021")]
    [InlineData("OP-DT-2", "19-11-2021")]
    [InlineData("OP-DT-3", "ngày 19/11/2021")]
    [InlineData("OP-DT-4", "19 tháng 11 năm 2021")]
    [InlineData("OP-DT-5", "19/11/2021 0:00")]
    public async Task A_report_date_written_as_vietnamese_tables_write_it_dates_the_rows_facts(
        string code, string written)
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            $"Thái Nguyên,{code},UBND xã {code},commune,Sông Công,,2021,{written},x,2015,,x,x,x,x,x,x,x,passed"))
            .Expect(200);
        var status = (await Host.Get($"/api/units/{code}").Expect(200)).Json;
        Assert.Equal("2021-11-19", (string?)status["latestDeclaration"]!["declaredOn"]);
    }

    /// <summary>A CSV file saved by a spreadsheet writes a year in a cell formatted as a number as it shows it, with
    /// the region's thousands separator ("2.021" in Vietnamese); a table titled by its year writes "Năm 2021".
    /// </summary>
    [Theory]
    [InlineData("OP-YR-1", "2.021")]
    [InlineData("OP-YR-2", "2,021")]
    [InlineData("OP-YR-3", "Năm 2021")]
    public async Task A_year_as_a_spreadsheet_or_a_title_writes_it_is_that_year(string code, string written)
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            $"Thái Nguyên,{code},UBND xã {code},commune,Sông Công,,\"{written}\",19/11/2021,x,2015,,x,x,x,x,x,x,x,"))
            .Expect(200);
        var rows = await AnnualRows(2021, "Thái Nguyên", "Sông Công");
        Assert.True((bool)rows[code]["internalAudit"]!);
    }

    /// <summary>Quảng Trị's 2020 appendices write a unit converting as "Đang ch/đổi áp dụng"; other tables write the
    /// words out.</summary>
    [Fact]
    public async Task The_conversion_column_takes_the_words_tables_write()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Thái Nguyên,OP-CV-1,UBND xã Tân Quang,commune,Sông Công,,2020,2020-11-19,x,2008,Đang ch/đổi áp dụng,"
            + "x,x,x,x,x,x,x,",
            "Thái Nguyên,OP-CV-2,UBND xã Bình Sơn,commune,Sông Công,,2020,2020-11-19,x,2015,"
            + "Đã chuyển đổi sang TCVN ISO 9001:2015,x,x,x,x,x,x,x,"))
            .Expect(200);

        var rows = await AnnualRows(2020, "Thái Nguyên", "Sông Công");
        Assert.Equal(
            ["in-progress", "done"], new[] { "OP-CV-1", "OP-CV-2" }.Select(c => (string?)rows[c]["conversion"]));

        var errors = await Host.RejectedImport(ReportCsv.Rows(
            "Thái Nguyên,OP-CV-3,UBND xã Vinh Sơn,commune,Sông Công,,2020,2020-11-19,x,2015,Tư vấn HD,x,x,x,x,x,x,x,"));
        Assert.Equal((2, "conversion"), (Assert.Single(errors).Line, errors[0].Column));
    }

    /// <summary>Quảng Trị's 2020 appendix A has no conversion column: under "Ghi chú" it heads two columns "Áp dụng
    /// 2008" and "Áp dụng 2015" and writes in the latter "Đã ch/đổi 9001:2015", "Đang ch/đổi áp dụng", "9001:2015" or
    /// "Áp dụng 2015". Such a column given as the standard states the conversion too, and so does a note beside the
    /// edition ("TCVN ISO 9001:2015 (chuyển đổi)"); one the conversion column contradicts is refused.</summary>
    [Fact]
    public async Task The_standard_column_as_the_appendix_writes_it_states_the_conversion()
    {
        string Row(string code, string name, string standard, string conversion = "") =>
            $"Hà Giang,{code},{name},department,,,2020,2020-11-19,x,{standard},{conversion},x,x,x,x,x,x,x,";
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            Row("OP-ST-1", "Sở Công Thương", "Đang ch/đổi áp dụng"),
            Row("OP-ST-2", "Sở Nội vụ", "Đã ch/đổi 9001:2015"),
            Row("OP-ST-3", "Sở Tư pháp", "Áp dụng 2008"),
            Row("OP-ST-4", "Sở Y tế", "TCVN ISO 9001:2015 (chuyển đổi)"),
            Row("OP-ST-5", "Sở Tài chính", "Áp dụng 2015")))
            .Expect(200);

        var rows = (await Host.Get($"/api/dashboards/annual/2020?province={Q("Hà Giang")}&level=department"
            + "&consistent=true").Expect(200)).Json["data"]!["rows"]!.AsArray()
            .ToDictionary(r => (string)r!["code"]!, r => $"{r!["standard"]} {r["conversion"]}");
        Assert.Equal(["2008 in-progress", "2015 done", "2008 none", "2015 done", "2015 none"],
            new[] { "OP-ST-1", "OP-ST-2", "OP-ST-3", "OP-ST-4", "OP-ST-5" }.Select(c => rows[c]));

        var errors = await Host.RejectedImport(ReportCsv.Rows(
            Row("OP-ST-6", "Sở Xây dựng", "Đã ch/đổi 9001:2015", "in-progress"),
            Row("OP-ST-7", "Sở Du lịch", "Áp dụng")));
        Assert.Equal([(2, "standard"), (3, "standard")], errors.Select(e => (e.Line, e.Column)).Distinct());
    }

    [Theory]
    [InlineData("11/2021", "names a month, not a day")]
    [InlineData("tháng 11/2021", "names a month, not a day")]
    [InlineData("44519", "it is 19/11/2021")]
    public async Task A_month_or_a_spreadsheets_day_number_is_refused_saying_what_it_is(string written, string reason)
    {
        var errors = await Host.RejectedImport(ReportCsv.Rows(
            $"Thái Nguyên,OP-DT-BAD,UBND xã Bá Xuyên,commune,Sông Công,,2021,{written},x,2015,,x,x,x,x,x,x,x,"));
        var error = Assert.Single(errors);
        Assert.Equal((2, "report_date"), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason);
    }

    /// <summary>Quảng Trị's 2020 table writes "UBND xã Ba Lòng. (xã Ba Lòng + Hải Phúc)" for the commune the merge
    /// formed and recorded as "UBND xã Ba Lòng": the note says what it was formed from, not another name.</summary>
    [Fact]
    public async Task A_note_on_what_a_commune_was_formed_from_is_no_rename()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Quảng Trị,OP-AN-BALONG,UBND xã Ba Lòng,commune,Đakrông,,2019,2019-11-22,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,OP-AN-HAIDINH,UBND xã Hải Định (xã Hải Thiện+ Hải Thành),commune,Hải Lăng,,2020,2020-11-19,"
            + "x,2015,,x,x,x,x,x,x,x,")).Expect(200);

        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Quảng Trị,OP-AN-BALONG,UBND xã Ba Lòng. (xã Ba Lòng + Hải Phúc),commune,Đakrông,,2020,2020-11-19,"
            + "x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,OP-AN-HAIDINH,UBND xã Hải Định (sáp nhập xã Hải Thiện và Hải Thành),commune,Hải Lăng,,2021,"
            + "2021-11-19,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,OP-AN-HAIDINH,12. UBND Xã Hải Định.,commune,Hải Lăng,,2022,2022-11-19,x,2015,,x,x,x,x,x,x,x,"))
            .Expect(200);
        Assert.Equal("UBND xã Ba Lòng", (string?)(await Host.Get("/api/units/OP-AN-BALONG").Expect(200)).Json["name"]);

        // A name that differs outside the note is a rename still.
        var renamed = await Host.RejectedImport(ReportCsv.Rows(
            "Quảng Trị,OP-AN-BALONG,UBND xã Hải Phúc (xã Ba Lòng + Hải Phúc),commune,Đakrông,,2021,2021-11-19,"
            + "x,2015,,x,x,x,x,x,x,x,"));
        Assert.Equal((2, "unit_name"), (Assert.Single(renamed).Line, renamed[0].Column));
    }

    /// <summary>Triệu Phong's 2020 table lists "UBND xã Triệu Thành (xã Triệu Thành+Triệu Đông)", the commune the
    /// merge of Triệu Thành and Triệu Đông formed under the name of one of them, under a code of its own beside the
    /// old Triệu Thành of 2019; the merge table, imported after, names it "UBND xã Triệu Thành" and takes the listed
    /// commune as its successor.</summary>
    [Fact]
    public async Task A_merge_table_finds_the_listed_commune_under_its_name_without_the_note()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Quảng Trị,OP-MG-THANH,UBND Xã Triệu Thành,commune,Triệu Phong,,2019,2019-11-22,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,OP-MG-DONG,UBND Xã Triệu Đông,commune,Triệu Phong,,2019,2019-11-22,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,OP-MG-NEW,UBND xã Triệu Thành. (xã Triệu Thành+Triệu Đông),commune,Triệu Phong,,2020,"
            + "2020-11-19,x,2015,,x,x,x,x,x,x,x,")).Expect(200);

        var merged = await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes("""
            decision_no,effective_on,kind,from_code,into_code,into_name,into_level,into_province,into_district
            832/NQ-UBTVQH14,01.01.2020,,OP-MG-THANH,OP-MG-NEW,UBND xã Triệu Thành,commune,Quảng Trị,Triệu Phong
            832/NQ-UBTVQH14,01.01.2020,,OP-MG-DONG,OP-MG-NEW,UBND xã Triệu Thành,commune,Quảng Trị,Triệu Phong

            """)).Expect(200);
        Assert.Equal("OP-MG-NEW", (string?)merged.Json["restructurings"]![0]!["parts"]![0]!["intoCode"]);
        Assert.Equal("OP-MG-NEW",
            (string?)(await Host.Get("/api/units/OP-MG-THANH").Expect(200)).Json["mergedInto"]!["intoCode"]);
    }

    /// <summary>One commune written in the forms a province's tables and the web pages copied into them use: the
    /// people's committee written out, a no-break space, a zero-width space, the tone mark elsewhere, another letter
    /// case. One unit, one row; under a new code it is refused as the unit it is.</summary>
    [Fact]
    public async Task Spellings_of_one_name_are_one_unit()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Thái Nguyên,OP-SP-1,UBND xã Bình Thuận,commune,Đại Từ,,2019,2019-11-20,x,2015,,x,x,x,x,x,x,x,passed",
            "Thái Nguyên,OP-SP-2,UBND xã Quý Lộc,commune,Đại Từ,,2019,2019-11-20,x,2015,,x,x,x,x,x,x,x,passed"))
            .Expect(200);

        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Thái Nguyên,OP-SP-1,Ủy ban nhân dân xã\u00A0Bình\u200B Thuận,commune,Đại Từ,,2020,2020-11-20,"
            + "x,2015,,x,x,x,x,x,x,x,passed",
            "Thái Nguyên,OP-SP-2,ubnd XÃ QÚY LỘC\uFEFF,commune,Đại Từ,,2020,2020-11-20,x,2015,,x,x,x,x,x,x,x,passed"))
            .Expect(200);

        var rows = await AnnualRows(2020, "Thái Nguyên", "Đại Từ");
        Assert.Equal(["OP-SP-1", "OP-SP-2"], rows.Keys.Where(c => c.StartsWith("OP-SP-")).Order());
        Assert.Equal("UBND xã Bình Thuận", (string?)rows["OP-SP-1"]["name"]);

        var recoded = await Host.RejectedImport(ReportCsv.Rows(
            "Thái Nguyên,OP-SP-9,Uỷ ban nhân dân xã Bình Thuận,commune,Đại Từ,,2021,2021-11-20,x,2015,,,,,,,,,"));
        var error = Assert.Single(recoded);
        Assert.Equal("unit_code", error.Column);
        Assert.Contains("OP-SP-1", error.Reason);
    }

    /// <summary>Excel's "Unicode Text", the one table older versions of Excel save Vietnamese in: UTF-16 with its
    /// byte order mark, tabs between the columns. A Vietnamese Excel's "CSV UTF-8" separates them by ';'. Either may
    /// hold a comma unquoted in a name.</summary>
    [Fact]
    public async Task Excels_unicode_text_and_a_table_separated_by_semicolons_import()
    {
        var rows = new[]
        {
            ReportCsv.Header,
            "Lạng Sơn,OP-U16-1,UBND xã Hồng Phong,commune,Cao Lộc,,2020,19/11/2020,x,2015,,x,x,x,x,x,x,x,passed",
        };
        var unicodeText = string.Join("\r\n", rows.Select(r => r.Replace(',', '\t'))) + "\r\n";
        await Host.PostBytes("/api/imports", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(
            unicodeText)]).Expect(200);
        Assert.Equal("UBND xã Hồng Phong", (string?)(await Host.Get("/api/units/OP-U16-1").Expect(200)).Json["name"]);

        await Host.PostBytes("/api/imports", ReportCsv.Lines(
            ReportCsv.Header.Replace(',', ';'),
            "Lạng Sơn;OP-SC-1;\"Sở Văn hóa, Thể thao và Du lịch\";department;;;2020;19/11/2020;x;2015;;x;x;x;x;x;x;x;"))
            .Expect(200);
        Assert.Equal("Sở Văn hóa, Thể thao và Du lịch",
            (string?)(await Host.Get("/api/units/OP-SC-1").Expect(200)).Json["name"]);

        // A header's name may hold a comma unquoted ("CSCL, MTCL", as an appendix heads one column for both): the
        // separator is the one the header holds most often. Read as commas, these headers named unknown columns.
        foreach (var (separator, code) in new[] { (';', "OP-SC-2"), ('\t', "OP-SC-3") })
        {
            string Line(params string[] cells) => string.Join(separator, cells);
            await Host.PostBytes("/api/imports", ReportCsv.Lines(
                Line("province", "unit_code", "unit_name", "level", "district", "year", "report_date", "declared",
                    "CSCL, MTCL"),
                Line("Lạng Sơn", code, $"UBND xã Tách {code}", "commune", "Cao Lộc", "2020", "19/11/2020", "x", "x")))
                .Expect(200);
            var year = (await Host.Get($"/api/units/{code}/state?asOf=2020-12-31").Expect(200)).Json["years"]![0]!;
            Assert.Equal(("2020-11-19", "2020-11-19"),
                ((string?)year["qualityPolicyOn"], (string?)year["qualityObjectivesOn"]));
        }

        // Without its byte order mark, UTF-16 is told as such.
        var unmarked = await Host.RejectedImport(Encoding.Unicode.GetBytes(unicodeText));
        Assert.Contains("UTF-16", Assert.Single(unmarked).Reason);
    }

    /// <summary>The first bytes of a workbook, sent as CSV: a zip archive, read as a workbook whatever it is sent as,
    /// and refused as one cut short.</summary>
    [Fact]
    public async Task A_workbook_cut_short_is_refused_as_a_damaged_workbook()
    {
        byte[] workbook = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xC3, 0x28, 0xFF, 0x0A];
        Assert.Contains("workbook's zip archive is damaged or cut short",
            Assert.Single(await Host.RejectedImport(workbook)).Reason);
        var restructurings = await Host.PostBytes("/api/restructurings/import", workbook).Expect(422);
        Assert.Contains("cut short", restructurings.Text);
    }
}
