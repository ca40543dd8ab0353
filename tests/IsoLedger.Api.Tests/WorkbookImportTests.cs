using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A province's table uploaded as the workbook it keeps it in imports as the table saved as CSV does: the
/// same records, checks, answers and idempotency; its bad rows named by the sheet's row numbers; a hostile or foreign
/// file refused as a problem, never a 500.</summary>
public class WorkbookImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Province = "Quảng Trị";
    private static readonly string SampleCsv = File.ReadAllText(Repository.File("ops/sample-data/quang-tri-2020.csv"));
    private IAlbaHost Host => api.Host;

    private static string Q(string value) => Uri.EscapeDataString(value);

    private Task<Answer> Import(byte[] workbook, string query = "", string path = "/api/imports") =>
        Host.PostBytes(path + query, workbook, TestWorkbooks.MediaType);

    /// <summary>The sample province as a workbook (a cover sheet first, dates as date cells, years as numbers)
    /// imports to the same annual table, in both layouts, as its CSV does, each into an empty store; importing it
    /// again appends nothing.</summary>
    [Fact]
    public async Task The_sample_province_as_a_workbook_imports_as_its_CSV_does()
    {
        var workbook = TestWorkbooks.Build(
            new TestSheet("Bìa", [["BÁO CÁO KẾT QUẢ XÂY DỰNG, ÁP DỤNG HTQL CHẤT LƯỢNG NĂM 2020"]]),
            new TestSheet("Phụ lục", TestWorkbooks.FromCsv(SampleCsv, "report_date", "declared_by")));
        ApiFixture csv = new(), xlsx = new();
        await Task.WhenAll(csv.InitializeAsync(), xlsx.InitializeAsync());
        try
        {
            await csv.Host.PostBytes("/api/imports", Encoding.UTF8.GetBytes(SampleCsv)).Expect(200);
            var imported = await xlsx.Host.PostBytes("/api/imports?fileName=quang-tri-2020.xlsx", workbook,
                TestWorkbooks.MediaType).Expect(200);
            Assert.Equal((165, 165, "quang-tri-2020.xlsx"), ((int)imported.Json["rows"]!,
                (int)imported.Json["unitsCreated"]!, (string?)imported.Json["file"]));

            foreach (var layout in new[] { "report", "import" })
            {
                var url = $"/api/reports/annual/2020?province={Q(Province)}&layout={layout}";
                Assert.Equal((await csv.Host.Get(url).Expect(200)).Text, (await xlsx.Host.Get(url).Expect(200)).Text);
            }

            var again = await xlsx.Host.PostBytes("/api/imports", workbook, TestWorkbooks.MediaType).Expect(200);
            Assert.Equal((0, 0), ((int)again.Json["unitsCreated"]!, (int)again.Json["eventsAppended"]!));
        }
        finally
        {
            await Task.WhenAll(csv.DisposeAsync(), xlsx.DisposeAsync());
        }
    }

    /// <summary>Bad rows are listed by the row numbers the sheet shows, naming the sheet of a workbook of several;
    /// nothing is imported.</summary>
    [Fact]
    public async Task Bad_rows_are_listed_by_the_sheet_s_row_numbers()
    {
        var header = ReportCsv.Header.Split(',');
        object?[] Row(string code, object level, object reportDate) =>
            [Province, code, $"UBND xã {code}", level, "Hải Lăng", null, 2021, reportDate, "x", 2015];
        var workbook = TestWorkbooks.Build(date1904: true,
            new TestSheet("Ghi chú", [["Bảng nhập từ phụ lục B"]]),
            new TestSheet("Phụ lục B",
            [
                header,
                null,
                Row("WB-BAD-1", "commune", new DateOnly(2021, 11, 19)),
                null,
                Row("WB-BAD-2", "huyện lỵ", new DateOnly(2021, 11, 19)),
                Row("WB-BAD-3", "commune", 44519),
            ]));

        var answer = await Import(workbook).Expect(422);

        Assert.Equal("urn:isoledger:problem:import-rejected", answer.ProblemType);
        var errors = answer.Json["errors"]!.AsArray()
            .Select(e => ((int)e!["line"]!, (string?)e["column"], (string?)e["sheet"])).ToList();
        Assert.Equal([(5, "level", "Phụ lục B"), (6, "report_date", "Phụ lục B")], errors);
        await Host.Get("/api/units/WB-BAD-1").Expect(404);
    }

    /// <summary>A dry run checks a workbook and records nothing; a workbook sent as bytes, and CSV sent as a
    /// workbook, are read as what they are.</summary>
    [Fact]
    public async Task A_dry_run_checks_a_workbook_and_what_the_bytes_are_decides_how_they_are_read()
    {
        var workbook = TestWorkbooks.Build(new TestSheet("Sheet1",
        [
            ReportCsv.Header.Split(','),
            [Province, "WB-DRY-1", "UBND xã Thử Một", "commune", "Hải Lăng", null, 2021, new DateOnly(2021, 11, 19)],
        ]));

        var checkedFile = await Import(workbook, "?dryRun=true").Expect(200);
        Assert.Equal((true, 1, 1), ((bool)checkedFile.Json["dryRun"]!, (int)checkedFile.Json["rows"]!,
            (int)checkedFile.Json["unitsCreated"]!));
        await Host.Get("/api/units/WB-DRY-1").Expect(404);

        await Host.PostBytes("/api/imports", workbook, "application/octet-stream").Expect(200);
        await Host.Get("/api/units/WB-DRY-1").Expect(200);
        var csvAsWorkbook = ReportCsv.Rows($"{Province},WB-DRY-2,UBND xã Thử Hai,commune,Hải Lăng,,2021,2021-11-19"
            + new string(',', 11));
        await Host.PostBytes("/api/imports", csvAsWorkbook, TestWorkbooks.MediaType).Expect(200);
    }

    [Fact]
    public async Task A_restructuring_table_imports_from_a_workbook_once()
    {
        foreach (var code in new[] { "WB-RS-A", "WB-RS-B", "WB-RS-X" }) await Host.RegisterCommune(code, "2015-01-01");
        var effective = new DateOnly(2025, 7, 1);
        IReadOnlyList<object?> header = ["decision_no", "effective_on", "kind", "from_code", "into_code", "into_name",
            "into_level", "into_province"];
        var workbook = TestWorkbooks.Build(new TestSheet("Sáp nhập",
        [
            header,
            ["NQ 1680", effective, null, "WB-RS-A", "WB-RS-NEW", "UBND Xã Mới", "commune", Province],
            ["NQ 1680", effective, null, "WB-RS-B", "WB-RS-NEW", "UBND Xã Mới", "commune", Province],
            null,
            ["NQ 1681", effective, "dissolve", "WB-RS-X"],
        ]));

        var first = await Import(workbook, path: "/api/restructurings/import").Expect(200);
        Assert.Equal(2, first.Json["restructurings"]!.AsArray().Count);
        Assert.Equal("WB-RS-NEW",
            (string?)(await Host.Get("/api/units/WB-RS-A").Expect(200)).Json["mergedInto"]!["intoCode"]);
        var again = await Import(workbook, path: "/api/restructurings/import").Expect(200);
        Assert.Empty(again.Json["restructurings"]!.AsArray());

        var bad = TestWorkbooks.Build(new TestSheet("Sheet1", [header, null, null, ["NQ 1", "1/7", null, "WB-RS-B"]]));
        var refused = await Import(bad, path: "/api/restructurings/import").Expect(422);
        Assert.Equal((4, "effective_on"),
            ((int)refused.Json["errors"]![0]!["line"]!, (string?)refused.Json["errors"]![0]!["column"]));
    }

    public static TheoryData<string> Hostile() =>
        ["compound", "ods", "cut-short", "no-workbook", "no-sheet", "dtd", "wide-row", "no-table-sheet", "hidden-table",
            "title-above", "uncalculated"];

    /// <summary>Each file a workbook upload may be that is no workbook of a table gets a 422 problem saying what it
    /// is, from both imports, never a 500.</summary>
    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_file_that_is_no_workbook_of_a_table_is_a_problem(string kind)
    {
        var file = kind switch
        {
            "compound" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]],
            "ods" => TestWorkbooks.Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")),
            "cut-short" => TestWorkbooks.Build(new TestSheet("S", [["a"]]))[..300],
            "no-workbook" => TestWorkbooks.Zip(("readme.txt", "hello")),
            "no-sheet" => TestWorkbooks.Raw(TestWorkbooks.SheetXml(""), workbook:
                """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"""),
            "dtd" => TestWorkbooks.Raw(
                """<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w>&b;</w>"""),
            "wide-row" => TestWorkbooks.Raw(TestWorkbooks.SheetXml(
                TestWorkbooks.InlineRow(1, [.. Enumerable.Repeat("x", 16_384)]))),
            "hidden-table" => TestWorkbooks.Build(new TestSheet("A", [["x"]]),
                new TestSheet("B", [ReportCsv.Header.Split(','), ["x"]]) { Hidden = "veryHidden" }),
            "title-above" => TestWorkbooks.Build(new TestSheet("A",
                [["BÁO CÁO"], ReportCsv.Header.Split(','), ["NQ 1", "2025-07-01", "dissolve", "A-1"]])),
            "uncalculated" => TestWorkbooks.Raw(TestWorkbooks.SheetXml(
                TestWorkbooks.InlineRow(1, [.. ReportCsv.Header.Split(',')])
                + "<row r=\"2\"><c r=\"A2\"><f>1+1</f></c></row>")),
            _ => TestWorkbooks.Build(new TestSheet("A", [["x"]]), new TestSheet("B", [["y"]])),
        };

        foreach (var path in new[] { "/api/imports", "/api/restructurings/import" })
        {
            var answer = await Import(file, path: path).Expect(422);
            Assert.Equal("urn:isoledger:problem:import-rejected", answer.ProblemType);
            Assert.InRange(answer.Json["errors"]!.AsArray().Count, 1, 1000);
        }
    }

    [Fact]
    public async Task A_zip_bomb_is_cut_off_as_a_problem()
    {
        var answer = await Import(TestWorkbooks.ZipBomb()).Expect(422);

        Assert.Contains("zip bomb", (string?)answer.Json["errors"]![0]!["reason"]);
    }

    /// <summary>An upload sent without <c>fileName</c> has no name: neither its answer nor its events name one (a
    /// workbook had been recorded as "upload.csv"), while a named one keeps its name.</summary>
    [Fact]
    public async Task An_upload_without_a_name_is_recorded_without_one()
    {
        object?[] Row(string code) =>
            [Province, code, $"UBND xã {code}", "commune", "Cam Lộ", null, 2021, new DateOnly(2021, 11, 19), "x"];
        var unnamed = TestWorkbooks.Build(new TestSheet("Sheet1", [ReportCsv.Header.Split(','), Row("WB-NN-1")]));
        var named = TestWorkbooks.Build(new TestSheet("Sheet1", [ReportCsv.Header.Split(','), Row("WB-NN-2")]));

        var answer = await Import(unnamed).Expect(200);
        Assert.Null(answer.Json["file"]);
        Assert.Equal("cam-lo.xlsx", (string?)(await Import(named, "?fileName=cam-lo.xlsx").Expect(200)).Json["file"]);

        foreach (var (code, file) in new[] { ("WB-NN-1", (string?)null), ("WB-NN-2", "cam-lo.xlsx") })
        {
            var history = (await Host.Get($"/api/units/{code}/history", Keys.Auditor).Expect(200)).Json.AsArray();
            Assert.All(history, e =>
            {
                Assert.Equal(file, (string?)e!["headers"]!["import-file"]);
                Assert.Equal(2, (int)e["headers"]!["import-line"]!);
            });
        }
    }

    /// <summary>A district merged down its communes, as appendices print them, is each commune's district.</summary>
    [Fact]
    public async Task A_district_merged_down_its_communes_is_each_one_s()
    {
        object?[] Row(string code, string? district) =>
            [Province, code, $"UBND xã Gộp {code}", "commune", district, null, 2021, new DateOnly(2021, 11, 19), "x"];
        var workbook = TestWorkbooks.Build(new TestSheet("Sheet1",
            [ReportCsv.Header.Split(','), Row("WB-MG-1", "Cam Lộ"), Row("WB-MG-2", null)], "E2:E3"));

        await Import(workbook).Expect(200);

        Assert.Equal("Cam Lộ",
            (string?)(await Host.Get("/api/units/WB-MG-2/state?asOf=2021-12-31").Expect(200)).Json["district"]);
    }

    /// <summary>Row <paramref name="row"/> of inline texts in the columns given (<c>C</c>), and in
    /// <paramref name="formulaAt"/> a formula saved without its value, as a library that does not calculate writes it.
    /// </summary>
    private static string Row(int row, string? formulaAt, params (string Column, string Text)[] texts) =>
        $"<row r=\"{row}\">" + string.Concat(texts
            .Select(text => (text.Column, Xml: $"<c r=\"{text.Column}{row}\" t=\"inlineStr\"><is><t>{text.Text}</t>"
                + "</is></c>"))
            .Concat(formulaAt is null ? [] : [(formulaAt, $"<c r=\"{formulaAt}{row}\"><f>2019+1</f></c>")])
            .OrderBy(cell => cell.Column, StringComparer.Ordinal).Select(cell => cell.Xml)) + "</row>";

    /// <summary>A formula saved without its value (as a library writes it) is refused at its cell with the column the
    /// header names there, as the import's other errors of a cell name it: by both imports, in the first row below
    /// the header as further down, under an appendix's two-row header by the word under its group. It had been
    /// refused with no column. In the header it names no column, and says that the column has no name to read.
    /// </summary>
    [Fact]
    public async Task A_formula_never_calculated_is_refused_at_the_column_its_header_names()
    {
        var report = TestWorkbooks.Raw(TestWorkbooks.SheetXml(
            TestWorkbooks.InlineRow(1, [.. ReportCsv.Header.Split(',')])
            + Row(2, "G", ("A", Province), ("B", "WB-UF-1"), ("C", "UBND xã Một"), ("D", "commune"))));
        var restructurings = TestWorkbooks.Raw(TestWorkbooks.SheetXml(
            TestWorkbooks.InlineRow(1, "decision_no", "effective_on", "from_code")
            + TestWorkbooks.InlineRow(2, "NQ 1", "2025-07-01", "WB-UF-2")
            + Row(3, "B", ("A", "NQ 1"), ("C", "WB-UF-3"))));
        var appendix = TestWorkbooks.Raw(TestWorkbooks.SheetXml(
            TestWorkbooks.InlineRow(1, "TT", "Đơn vị", "Duy trì áp dụng")
            + Row(2, null, ("C", "Đ/giá nội bộ"), ("D", "HĐKP"))
            + Row(3, "C", ("A", "1"), ("B", "Sở Công thương"), ("D", "x"))));
        var header = TestWorkbooks.Raw(TestWorkbooks.SheetXml(
            Row(1, "B", ("A", "decision_no"), ("C", "from_code"), ("D", "effective_on"))
            + TestWorkbooks.InlineRow(2, "NQ 1", "", "WB-UF-4", "2025-07-01")));
        const string given = "?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&year=2021&reportDate=2021-11-19";

        foreach (var (path, file, refused) in new[]
                 {
                     ("/api/imports", report, (2, "year", "Cell G2 holds a formula")),
                     ("/api/restructurings/import", restructurings, (3, "effective_on", "Cell B3 holds a formula")),
                     ("/api/imports" + given, appendix, (3, "Đ/giá nội bộ", "Cell C3 holds a formula")),
                     ("/api/restructurings/import", header, (1, (string?)null, "Cell B1, in the header, holds a")),
                 })
        {
            var answer = await Import(file, path: path).Expect(422);

            var error = Assert.Single(answer.Json["errors"]!.AsArray());
            Assert.Equal((refused.Item1, refused.Item2), ((int)error!["line"]!, (string?)error["column"]));
            Assert.StartsWith(refused.Item3, (string?)error["reason"]);
        }
    }
}
