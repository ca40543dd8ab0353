using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>What an upload holds in memory and answers does not grow with what a hostile file puts in it: a line is at
/// most as long as the reader takes, a value is quoted in its error at most 100 characters long, and a restructuring
/// table has at most as many rows as the country has units. A 49 MB line had been held whole (RSS +300 MB) and sent
/// back in the 422 as an "unknown column" (a 51 MB answer); a million restructuring rows took 24 s and 950 MB before
/// their 409.</summary>
public class HostileUploadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private const string RestructuringHeader = "decision_no,effective_on,from_code";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("/api/imports")]
    [InlineData("/api/restructurings/import")]
    public async Task A_line_longer_than_any_table_row_is_refused_naming_its_line(string route)
    {
        var file = Utf8(new string('<', 300_000) + "\n");

        var answer = await Host.PostBytes(route, file).Expect(422);

        var error = Assert.Single(answer.Json["errors"]!.AsArray());
        Assert.Equal(1, (int)error!["line"]!);
        Assert.Contains("longer than 100000 characters", (string?)error["reason"]);
        Assert.True(answer.Text.Length < 2_000, $"The answer is {answer.Text.Length} characters long.");
    }

    [Theory]
    [InlineData("upload.csv%0A%5B22:00:00%20INF%5D%20forged")]
    [InlineData("upload.csv%0D")]
    [InlineData("upload%E2%80%A8.csv")]
    public async Task A_file_name_of_several_lines_is_refused_and_nothing_is_imported(string fileName)
    {
        // The name is logged and stamped on every event imported: a line break in it forged a line of the log.
        var file = ReportCsv.Rows(
            "Quảng Trị,QT-UP-NAME,UBND Xã Tên,commune,Hải Lăng,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,passed");

        var answer = await Host.PostBytes($"/api/imports?fileName={fileName}", file).Expect(400);

        Assert.Contains("line", (string?)answer.Json["errors"]!["fileName"]![0]);
        await Host.Get("/api/units/QT-UP-NAME").Expect(404);
    }

    [Fact]
    public async Task A_long_line_in_the_rows_is_refused_too_and_nothing_is_imported()
    {
        var file = ReportCsv.Rows(
            "Quảng Trị,QT-UP-1,UBND Xã Một,commune,Hải Lăng,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,passed",
            "Quảng Trị,QT-UP-2,UBND Xã Hai,commune,Hải Lăng,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,\""
            + new string('x', 150_000) + "\"");

        var answer = await Host.PostBytes("/api/imports", file).Expect(422);

        var error = Assert.Single(answer.Json["errors"]!.AsArray());
        Assert.Equal(3, (int)error!["line"]!);
        Assert.Contains("longer than", (string?)error["reason"]);
        await Host.Get("/api/units/QT-UP-1").Expect(404);
    }

    [Theory]
    [InlineData("declared")]
    [InlineData("standard")]
    [InlineData("inspection")]
    [InlineData("report_date")]
    [InlineData("header")]
    public async Task A_bad_value_is_quoted_in_its_error_at_most_100_characters_long(string where)
    {
        var value = new string('<', 60_000);
        var columns = ReportCsv.Header.Split(',');
        var cells = "Quảng Trị,QT-UP-3,UBND Xã Ba,commune,Hải Lăng,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,passed"
            .Split(',');
        var header = ReportCsv.Header;
        if (where == "header") header += "," + value;
        else cells[Array.IndexOf(columns, where)] = value;

        var answer = await Host.PostBytes("/api/imports", ReportCsv.Lines(header, string.Join(',', cells)))
            .Expect(422);

        var reason = (string)answer.Json["errors"]![0]!["reason"]!;
        var column = (string?)answer.Json["errors"]![0]!["column"];
        Assert.Contains(new string('<', 100) + "…", where == "header" ? column : reason);
        Assert.True(answer.Text.Length < 2_000, $"The answer is {answer.Text.Length} characters long.");
    }

    [Fact]
    public async Task A_restructuring_table_of_more_rows_than_the_country_has_units_is_refused_before_it_is_decided()
    {
        var rows = Enumerable.Range(0, 20_001).Select(i => $"NQ 1,2021-01-01,QT-NONE-{i}");

        var answer = await Host.PostBytes("/api/restructurings/import?dryRun=true",
            Utf8(string.Join("\n", rows.Prepend(RestructuringHeader)) + "\n"), key: Keys.Recorder).Expect(422);

        var error = Assert.Single(answer.Json["errors"]!.AsArray());
        Assert.Equal(20_002, (int)error!["line"]!);
        Assert.Contains("at most 20000 rows", (string?)error["reason"]);
    }
}
