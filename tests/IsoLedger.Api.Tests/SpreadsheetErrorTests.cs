using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A cell whose formula failed shows an error (<c>#REF!</c>, <c>#N/A</c>, LibreOffice's <c>Err:502</c>), which
/// a workbook stores as an error cell and CSV saves as its text: no name, code or district anybody wrote. The import
/// refuses it at its row and column, whichever table it is in, rather than record a unit named "#REF!".</summary>
public class SpreadsheetErrorTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Row(string code, string name, string district) =>
        $"Quảng Trị,{code},{name},commune,{district},,2020,2020-11-19,x,2015,none,x,x,x,x,x,x,x,passed";

    [Theory]
    [InlineData("#REF!")]
    [InlineData("#N/A")]
    [InlineData("#NAME?")]
    [InlineData("#DIV/0!")]
    [InlineData("#SPILL!")]
    [InlineData("Err:502")]
    public async Task An_error_saved_as_text_is_a_bad_row_naming_it(string error)
    {
        var errors = await Host.RejectedImport(ReportCsv.Rows(
            Row("SE1-A", error, "Hải Lăng"), Row("SE1-B", "UBND Xã SE1-B", error)));

        Assert.Equal([(2, "unit_name"), (3, "district")], errors.Select(e => (e.Line, e.Column)));
        Assert.All(errors, e => Assert.Contains($"spreadsheet error {error}", e.Reason));
        await Host.Get("/api/units/SE1-A").Expect(404);
    }

    [Fact]
    public async Task An_error_cell_of_a_workbook_is_a_bad_row_naming_it()
    {
        var header = ReportCsv.Header.Split(',');
        var cells = Row("SE2-A", "UBND Xã SE2-A", "Hải Lăng").Split(',');
        var row = string.Concat(cells.Select((text, column) => column == 2
            ? $"""<c r="C2" t="e"><f>VLOOKUP(B2,Sheet2!A:B,2,0)</f><v>#N/A</v></c>"""
            : $"""<c r="{TestWorkbooks.Reference(column, 2)}" t="inlineStr"><is><t>{text}</t></is></c>"""));
        var workbook = TestWorkbooks.Raw(TestWorkbooks.SheetXml(
            TestWorkbooks.InlineRow(1, header) + $"""<row r="2">{row}</row>"""));

        var answer = await Host.PostBytes("/api/imports", workbook, TestWorkbooks.MediaType).Expect(422);

        var error = answer.Json["errors"]!.AsArray().Single()!;
        Assert.Equal((2, "unit_name"), ((int)error["line"]!, (string?)error["column"]));
        Assert.Contains("spreadsheet error #N/A", (string?)error["reason"]);
        await Host.Get("/api/units/SE2-A").Expect(404);
    }

    [Fact]
    public async Task An_error_in_a_restructuring_table_is_a_bad_row_naming_it()
    {
        await Host.RegisterCommune("SE3-A", "2015-01-01");
        var table = "decision_no,effective_on,from_code,name\nNQ 1,2020-01-01,SE3-A,#REF!\n";

        var answer = await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(table)).Expect(422);

        var error = answer.Json["errors"]!.AsArray().Single()!;
        Assert.Equal((2, "name"), ((int)error["line"]!, (string?)error["column"]));
        Assert.Contains("spreadsheet error #REF!", (string?)error["reason"]);
        Assert.Equal("UBND Xã SE3-A", (string?)(await Host.Get("/api/units/SE3-A").Expect(200)).Json["name"]);
    }
}
