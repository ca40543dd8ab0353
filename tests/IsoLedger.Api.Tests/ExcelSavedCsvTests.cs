using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>CSV files as offices save and join them: a header repeated below the rows (two tables joined into one
/// file) is named once at its line, not judged as a row of bad values; a file saved in a Vietnamese code page instead
/// of UTF-8 is refused saying which encodings it may be in and how to save it.</summary>
public class ExcelSavedCsvTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Row(string code) =>
        $"Quảng Trị,{code},UBND Xã {code},commune,Hải Lăng,,2020,2020-11-19,x,2015,none,x,x,x,x,x,x,x,passed";

    [Fact]
    public async Task A_header_repeated_below_the_rows_is_named_once_at_its_line()
    {
        var reordered = string.Join(",", ReportCsv.Header.Split(',').Reverse()).ToUpperInvariant();

        var errors = await Host.RejectedImport(ReportCsv.Rows(
            Row("XC1-A"), ReportCsv.Header, Row("XC1-B"), reordered, Row("XC1-C")));

        Assert.Equal([(3, null), (5, null)], errors.Select(e => (e.Line, e.Column)));
        Assert.All(errors, e => Assert.Contains("is the header again (line 1)", e.Reason));
        await Host.Get("/api/units/XC1-A").Expect(404);
    }

    [Fact]
    public async Task A_header_repeated_in_a_restructuring_table_is_named_once_at_its_line()
    {
        await Host.RegisterCommune("XC2-A", "2015-01-01");
        const string header = "decision_no,effective_on,from_code,name";
        var table = $"{header}\nNQ 1,2020-01-01,XC2-A,UBND Xã XC2-A Mới\n{header}\n";

        var answer = await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(table)).Expect(422);

        var error = answer.Json["errors"]!.AsArray().Single()!;
        Assert.Equal(3, (int)error["line"]!);
        Assert.Contains("is the header again (line 1)", (string?)error["reason"]);
    }

    /// <summary>A restructuring table's text is judged as a report table's: letters lost to an encoding ("?" or
    /// U+FFFD in their place) or decoded in the wrong one are refused at their column, where they had renamed a unit
    /// "UBND X? M?i" or recorded it in a province of that name.</summary>
    [Fact]
    public async Task A_restructuring_table_with_letters_lost_to_an_encoding_is_refused_at_their_columns()
    {
        await Host.RegisterCommune("XC4-A", "2015-01-01");
        const string header = "decision_no,effective_on,from_code,name,district";
        var table = $"{header}\nNQ 4,2020-01-01,XC4-A,UBND X? M?i,Hải Lăng\n"
            + "NQ 4,2020-01-01,XC4-A,UBND Xã Mới,H\uFFFDi Lăng\nNQ 4,2020-01-01,XC4-A,UBND XÃ£ Má»›i,Hải Lăng\n";

        var answer = await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(table)).Expect(422);

        var errors = answer.Json["errors"]!.AsArray()
            .Select(e => ((int)e!["line"]!, (string?)e["column"], (string)e["reason"]!)).ToList();
        Assert.Equal([(2, "name"), (3, "district"), (4, "name")], errors.Select(e => (e.Item1, e.Item2)));
        Assert.Contains("\"?\" in place of letters", errors[0].Item3);
        Assert.Contains("U+FFFD", errors[1].Item3);
        Assert.Contains("Reads like \"UBND Xã Mới\"", errors[2].Item3);
        Assert.Equal("UBND Xã XC4-A", (string?)(await Host.Get("/api/units/XC4-A").Expect(200)).Json["name"]);
    }

    [Fact]
    public async Task A_restructuring_table_of_a_header_alone_is_refused_as_a_report_table_is()
    {
        foreach (var table in new[]
                 { "decision_no,effective_on,from_code,name\n", "decision_no;effective_on;from_code\n;;\n" })
        {
            var answer = await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(table))
                .Expect(422);

            var error = answer.Json["errors"]!.AsArray().Single()!;
            Assert.Equal((1, "The file has a header but no rows."), ((int)error["line"]!, (string?)error["reason"]));
        }
    }

    [Fact]
    public async Task A_file_in_a_Vietnamese_code_page_is_refused_naming_the_encodings_it_may_be_in()
    {
        var windows1258 = CodePagesEncodingProvider.Instance.GetEncoding(1258)!;
        var file = windows1258.GetBytes(ReportCsv.Header + "\n" + Row("XC3-A") + "\n");

        var errors = await Host.RejectedImport(file);

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("Windows-1258", error.Reason);
        Assert.Contains("CSV UTF-8", error.Reason);
    }

    /// <summary>A table saved as UTF-16 without its byte order mark, longer than what a reader reads ahead of the
    /// line it is on (a kilobyte): refused saying what it is, as a short one is. It had answered 500: the search for
    /// the first line that is not UTF-8 moved the copy's one position, and the table's reader, closing, sought back
    /// before its start.</summary>
    [Fact]
    public async Task A_long_table_in_UTF_16_without_its_byte_order_mark_is_told_as_such()
    {
        var rows = Enumerable.Range(1, 20).Select(i => Row($"XC4-{i}"));
        var file = Encoding.Unicode.GetBytes(string.Join("\r\n", [ReportCsv.Header, .. rows]) + "\r\n");

        var error = Assert.Single(await Host.RejectedImport(file));

        Assert.Equal(1, error.Line);
        Assert.Contains("UTF-16", error.Reason);
        await Host.Get("/api/units/XC4-1").Expect(404);
    }
}
