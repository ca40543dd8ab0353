using System.Text.Json.Nodes;
using Alba;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using IsoLedger.Api.Reports;

namespace IsoLedger.Api.Tests;

/// <summary>The annual report and the summary table as workbooks: the same figures as the JSON, the report's
/// Vietnamese labels, values and never formulas, formula-like names written as the CSV writes them.</summary>
public class XlsxExportTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Hostile = "Kon Tum";
    private static readonly byte[] Sample = File.ReadAllBytes(Repository.File("ops/sample-data/quang-tri-2020.csv"));
    private static readonly string Province = Uri.EscapeDataString("Quảng Trị");
    private IAlbaHost Host => api.Host;

    /// <summary>Once per class: xunit runs this before each test on the class's one database.</summary>
    public async Task InitializeAsync()
    {
        await Host.PostBytes("/api/imports?fileName=quang-tri-2020.csv", Sample).Expect(200);
        if ((await Host.Get("/api/units/KT-EQ")).Status == 200) return;
        foreach (var (code, name) in new[]
                 {
                     ("KT-EQ", "=HYPERLINK(\"http://x\")"), ("KT-PLUS", "+1"), ("KT-AT", "@SUM(A1)"),
                 })
        {
            await Host.Post("/api/units",
                $$"""{"code":"{{code}}","name":{{JsonValue.Create(name).ToJsonString()}},"level":"department","""
                + $$"""
                    "province":"{{Hostile}}","registeredOn":"2015-01-01"}
                    """,
                Keys.Recorder).Expect(201);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The workbook a report answers, checked for its content type and file name.</summary>
    private async Task<byte[]> Download(string url, string fileName)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("X-Api-Key", Keys.Viewer);
            s.StatusCodeShouldBe(200);
        });
        Assert.Equal(Xlsx, result.Context.Response.ContentType);
        Assert.Contains($"filename={fileName}", result.Context.Response.Headers.ContentDisposition.ToString());
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    /// <summary>A workbook's sheets by name, each as rows of cells by column letter: (text, is a number); no sheet
    /// holds a formula, each has its header frozen, and the workbook is valid Office Open XML.</summary>
    private async Task<Dictionary<string, List<Dictionary<string, (string Text, bool Number)>>>> Workbook(
        string url, string fileName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await Download(url, fileName)), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheets = new Dictionary<string, List<Dictionary<string, (string, bool)>>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            Assert.Empty(part.Worksheet.Descendants<CellFormula>());
            var pane = part.Worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            sheets[sheet.Name!] = [.. part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().ToDictionary(
                cell => new string([.. cell.CellReference!.Value!.TakeWhile(char.IsLetter)]),
                cell => cell.DataType?.Value == CellValues.InlineString
                    ? (cell.InlineString!.InnerText, false)
                    : (cell.CellValue?.Text ?? "", cell.DataType?.Value == CellValues.Number)))];
        }
        return sheets;
    }

    [Fact]
    public async Task The_summary_workbook_has_the_reports_grouped_header_and_the_JSONs_figures()
    {
        var url = $"/api/reports/summary/2020?province={Province}&consistent=true";
        var data = (await Host.Get(url, Keys.Viewer).Expect(200)).Json["data"]!;
        var sheets = await Workbook($"{url}&format=xlsx", "iso-2020-summary.xlsx");

        var rows = Assert.Single(sheets, s => s.Key == "Thống kê số liệu thực hiện ISO").Value;
        Assert.Equal(["STT", "Tiêu chí", "Tổng số", "Chia ra theo cấp hành chính", "Ghi chú"],
            rows[0].Values.Where(c => c.Text != "").Select(c => c.Text));
        Assert.Equal(["Cấp tỉnh", "Cấp huyện", "Cấp xã"], [rows[1]["D"].Text, rows[1]["E"].Text, rows[1]["F"].Text]);

        // The declared row as numbers: 165 = 30 + 10 + 125 in the sample.
        var declared = SampleSummaryTests.Cells(data, "declared").Select(c => c.Split('/')[0]).ToList();
        Assert.Equal(["165", "30", "10", "125"], declared);
        string[] figures = ["C", "D", "E", "F"];
        Assert.Equal(declared, figures.Select(c => rows[2][c].Text));
        Assert.All(figures.Prepend("A"), c => Assert.True(rows[2][c].Number, c));
        Assert.Equal(SampleSummaryTests.Cells(data, "complied"), figures.Select(c => rows[3][c].Text));
        Assert.Equal(
            SampleSummaryTests.Cells(data, "implementingCurrentEdition"), figures.Select(c => rows[4][c].Text));
        Assert.StartsWith("Còn áp dụng phiên bản cũ: Cấp tỉnh 10", rows[4]["G"].Text);
    }

    [Fact]
    public async Task The_summary_workbook_merges_the_tier_header_across_its_three_columns()
    {
        var bytes = await Download($"/api/reports/summary/2020?province={Province}&format=xlsx&lang=en",
            "iso-2020-summary.xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Contains("D1:F1", worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value));
        Assert.Contains("A1:A2", worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value));
        Assert.Equal("ISO implementation statistics", document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>()
            .Single().Name!.Value);
    }

    [Fact]
    public async Task The_annual_workbook_has_a_sheet_per_level_with_the_JSONs_units()
    {
        var url = $"/api/reports/annual/2020?province={Province}";
        var json = (await Host.Get($"{url}&format=json", Keys.Viewer).Expect(200)).Json["rows"]!.AsArray();
        var sheets = await Workbook($"{url}&format=xlsx", "iso-2020-report.xlsx");

        Assert.Equal(
            ["Sở, ban, ngành cấp tỉnh", "Chi cục thuộc Sở", "UBND huyện, thị xã, thành phố",
                "UBND xã, phường, thị trấn", "Tổng"],
            sheets.Keys);
        foreach (var rows in sheets.Values)
        {
            Assert.Equal(["TT", "Đơn vị", "Công bố HT ISO", "CSCL", "MTCL", "KH duy trì áp dụng", "Đánh giá nội bộ",
                "HĐKP", "Xem xét LĐ", "Báo cáo", "Xác nhận", "Áp dụng"], rows[0].Values.Select(c => c.Text));
        }
        // Every unit of the JSON once, numbered as a number, with its name and its marks.
        var units = sheets.Values.SelectMany(rows => rows.Skip(1)).Where(r => r.ContainsKey("A")).ToList();
        Assert.Equal(json.Count, units.Count);
        Assert.All(units, r => Assert.True(r["A"].Number));
        Assert.Equal(json.Select(r => (string)r!["name"]!).Order(StringComparer.Ordinal),
            units.Select(r => r["B"].Text).Order(StringComparer.Ordinal));
        Assert.Equal(json.Count(r => (bool)r!["declared"]!),
            units.Count(r => r.TryGetValue("C", out var c) && c.Text == "x"));

        var total = Assert.Single(sheets["Tổng"].Skip(1));
        Assert.Equal($"Tổng: Quảng Trị ({json.Count} đơn vị)", total["B"].Text);
        Assert.Equal((json.Count(r => (bool)r!["declared"]!).ToString(), true), total["C"]);
        var communes = sheets["UBND xã, phường, thị trấn"];
        Assert.Equal(125, communes.Count(r => r.ContainsKey("A") && r["A"].Number));
    }

    [Fact]
    public async Task Formula_like_names_are_their_text_in_a_quote_prefix_style()
    {
        var url = $"/api/reports/annual/2020?province={Uri.EscapeDataString(Hostile)}&format=xlsx&lang=en";
        var sheets = await Workbook(url, "iso-2020-report.xlsx");
        Assert.Equal(["Departments", "Total"], sheets.Keys);
        var names = sheets["Departments"].Where(r => r.ContainsKey("A") && r["A"].Number).Select(r => r["B"])
            .ToList();
        Assert.Equal(["+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)"],
            names.Select(n => n.Text).Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.False(n.Number));

        // Each of them, and no other cell, is marked as text typed behind an apostrophe.
        using var document =
            SpreadsheetDocument.Open(new MemoryStream(await Download(url, "iso-2020-report.xlsx")), false);
        var formats =
            document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var cells = document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Where(c => c.DataType?.Value == CellValues.InlineString).ToList();
        bool Quoted(Cell cell) => formats[(int)(cell.StyleIndex?.Value ?? 0)].QuotePrefix?.Value == true;
        Assert.Equal(["+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)"],
            cells.Where(Quoted).Select(c => c.InlineString!.InnerText).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("annual", "format=xls", "format", "Must be csv, json or xlsx.")]
    [InlineData("summary", "format=xls", "format", "Must be csv, json or xlsx.")]
    [InlineData("annual", "format=json&layout=import", "layout", "The import layout is CSV or XLSX.")]
    public async Task Other_formats_are_refused(string report, string query, string field, string message)
    {
        var answer = await Host.Get($"/api/reports/{report}/2020?province={Province}&{query}", Keys.Viewer)
            .Expect(400);
        Assert.Equal(message, (string?)answer.Json["errors"]![field]![0]);
    }

    [Fact]
    public void A_workbook_shows_what_XML_cannot_carry_instead_of_failing()
    {
        var table = new ReportTable([new ReportColumn("Tên")],
            [new ReportSection("Sheet", [["Sở \uFFFF Tư pháp\u0001"], ["\uD800"]])]);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxWriter.Write(table)), false);
        var texts = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Text>()
            .Select(t => t.Text).ToList();
        Assert.Contains("Sở \uFFFD Tư pháp\uFFFD", texts);
        Assert.Contains("\uFFFD", texts);
    }
}
