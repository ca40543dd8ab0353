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

    [Theory]
    [InlineData("OP-DT-1", "19.11.2021")]
    [InlineData("OP-DT-2", "19-11-2021")]
    [InlineData("OP-DT-3", "ngày 19/11/2021")]
    [InlineData("OP-DT-4", "19 tháng 11 năm 2021")]
    public async Task A_report_date_written_as_vietnamese_tables_write_it_dates_the_rows_facts(
        string code, string written)
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            $"Thái Nguyên,{code},UBND xã {code},commune,Sông Công,,2021,{written},x,2015,,x,x,x,x,x,x,x,passed"))
            .Expect(200);
        var status = (await Host.Get($"/api/units/{code}").Expect(200)).Json;
        Assert.Equal("2021-11-19", (string?)status["latestDeclaration"]!["declaredOn"]);
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
}
