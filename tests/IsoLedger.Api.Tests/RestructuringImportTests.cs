using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A restructuring table (old code → new code, as provinces publish them) imports all or nothing, and
/// importing it again records nothing more.</summary>
public class RestructuringImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private const string Header =
        "decision_no,effective_on,kind,from_code,into_code,into_name,into_level,into_province,into_district\n";

    private async Task Communes(string prefix, params string[] codes)
    {
        foreach (var code in codes) await Host.RegisterCommune($"{prefix}-{code}", "2015-01-01");
    }

    private Task<Answer> Import(string rows, string query = "") =>
        Host.PostBytes($"/api/restructurings/import{query}", Encoding.UTF8.GetBytes(Header + rows));

    private async Task<int> HistoryLength(string code) =>
        (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count;

    [Fact]
    public async Task A_table_of_merges_and_a_dissolution_imports_once()
    {
        await Communes("RI1", "A", "B", "C", "D", "E", "X");
        var rows = """
            NQ 1680,2025-07-01,,RI1-A,RI1-NEW,UBND Xã Mới,commune,Quảng Trị,
            NQ 1680,2025-07-01,,RI1-B,RI1-NEW,UBND Xã Mới,commune,Quảng Trị,
            NQ 1680,2025-07-01,,RI1-C,RI1-NEW,UBND Xã Mới,commune,Quảng Trị,
            NQ 1680,2025-07-01,,RI1-D,RI1-E,,,,
            NQ 1681,2025-07-01,dissolve,RI1-X,,,,,
            """;

        var first = await Import(rows).Expect(200);
        Assert.Equal(2, first.Json["restructurings"]!.AsArray().Count);
        var status = (await Host.Get("/api/units/RI1-NEW/state?asOf=2025-07-01").Expect(200)).Json;
        Assert.Equal(["RI1-A", "RI1-B", "RI1-C"],
            status["predecessors"]![0]!["predecessors"]!.AsArray().Select(p => (string)p!["code"]!).Order());
        Assert.Equal("RI1-E",
            (string?)(await Host.Get("/api/units/RI1-D").Expect(200)).Json["mergedInto"]!["intoCode"]);
        Assert.NotNull((await Host.Get("/api/units/RI1-X").Expect(200)).Json["dissolved"]);

        var lengths = new[] { "RI1-A", "RI1-E", "RI1-NEW", "RI1-X" }.Select(HistoryLength).ToArray();
        var before = await Task.WhenAll(lengths);
        var again = await Import(rows).Expect(200);
        Assert.Empty(again.Json["restructurings"]!.AsArray());
        Assert.Equal(before, await Task.WhenAll(new[] { "RI1-A", "RI1-E", "RI1-NEW", "RI1-X" }.Select(HistoryLength)));
    }

    /// <summary>A province that imported its yearly tables (the merged commune listed from 2020) before the merge
    /// table as published (the new commune's name, level, province and district): the merge takes the commune on
    /// record as its successor, which it describes as recorded; one described otherwise is refused as registered.
    /// </summary>
    [Fact]
    public async Task A_merge_table_imported_after_the_yearly_tables_takes_the_listed_commune_as_its_successor()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Quảng Trị,RI5-THIEN,UBND Xã Hải Thiện,commune,Hải Lăng,,2019,2019-11-22,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,RI5-THANH,UBND Xã Hải Thành,commune,Hải Lăng,,2019,2019-11-22,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,RI5-DINH,UBND xã Hải Định,commune,Hải Lăng,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,"))
            .Expect(200);
        var rows = """
            832/NQ-UBTVQH14,01/01/2020,,RI5-THIEN,RI5-DINH,UBND Xã  Hải Định,commune,Quảng Trị,Huyện Hải Lăng
            832/NQ-UBTVQH14,01/01/2020,,RI5-THANH,RI5-DINH,UBND Xã  Hải Định,commune,Quảng Trị,Huyện Hải Lăng
            """;

        var otherName = await Import(rows.Replace("Hải Định,commune", "Hải Đình,commune")).Expect(409);
        Assert.Equal("unit-already-registered", (string?)otherName.Json["rule"]);
        var merged = await Import(rows).Expect(200);
        Assert.Equal("RI5-DINH", (string?)merged.Json["restructurings"]![0]!["parts"]![0]!["intoCode"]);
        var status = (await Host.Get("/api/units/RI5-DINH").Expect(200)).Json;
        Assert.Equal(["RI5-THANH", "RI5-THIEN"], status["predecessors"]![0]!["predecessors"]!.AsArray()
            .Select(p => (string)p!["code"]!).Order(StringComparer.Ordinal));
        Assert.Empty((await Import(rows).Expect(200)).Json["restructurings"]!.AsArray());
    }

    [Fact]
    public async Task A_bad_row_imports_nothing_and_names_its_line_and_column()
    {
        await Communes("RI2", "A", "B");
        var answer = await Import("""
            NQ 1,2025-07-01,,RI2-A,RI2-NEW,UBND Xã Mới,commune,Quảng Trj,
            NQ 1,2025-07-01,,RI2-B,RI2-B2,,,,
            NQ 1,2025-13-01,,RI2-B,RI2-NEW,,,,
            NQ 2,01/01/0001,,RI2-A,RI2-B,,,,
            """).Expect(422);
        var errors = answer.Json["errors"]!.AsArray();
        Assert.Contains(errors, e => (int)e!["line"]! == 2 && (string?)e["column"] == "into_province");
        Assert.Contains(errors, e => (int)e!["line"]! == 4 && (string?)e["column"] == "effective_on");
        // A day before 2000, as the API and the report import refuse it.
        Assert.Contains(errors, e => (int)e!["line"]! == 5 && (string?)e["column"] == "effective_on");
        Assert.Equal(1, await HistoryLength("RI2-A"));
        Assert.Equal(404, (await Host.Get("/api/units/RI2-NEW")).Status);
    }

    /// <summary>A table of one act that breaks a rule names the act, as a table of several does: it had answered
    /// <c>decisionNo: null</c>.</summary>
    [Fact]
    public async Task A_rule_one_act_breaks_names_the_act()
    {
        await Communes("RI9", "A");

        var refused = await Import("NQ 9/2021,2021-01-01,,RI9-A,RI9-A,,,,\n").Expect(409);

        Assert.Equal("NQ 9/2021", (string?)refused.Json["decisionNo"]);
        Assert.StartsWith("NQ 9/2021: ", (string?)refused.Json["detail"]);
    }

    /// <summary>A new unit's level read as the report import reads a row's: a tier as the tables word it, behind
    /// "UBND" or not; a level no rule reads is a bad row.</summary>
    [Fact]
    public async Task A_new_units_level_may_be_written_as_a_reports_tier()
    {
        await Communes("RI6", "A", "B", "C");
        var unread = await Import("NQ 6,2025-07-01,,RI6-C,RI6-BAD,UBND Xã Khác,Phòng,Quảng Trị,\n").Expect(422);
        Assert.Contains(unread.Json["errors"]!.AsArray(), e => (string?)e!["column"] == "into_level");

        await Import("""
            NQ 6,2025-07-01,,RI6-A,RI6-NEW,UBND Xã Mới Sáu,Cấp xã,Quảng Trị,
            NQ 6,2025-07-01,,RI6-B,RI6-NEW2,UBND Xã Mới Bảy,"UBND xã, phường, thị trấn",Quảng Trị,
            """).Expect(200);
        Assert.Equal("commune", (string?)(await Host.Get("/api/units/RI6-NEW").Expect(200)).Json["level"]);
        Assert.Equal("commune", (string?)(await Host.Get("/api/units/RI6-NEW2").Expect(200)).Json["level"]);
    }

    [Fact]
    public async Task A_broken_guard_in_one_act_records_nothing_of_the_others()
    {
        await Communes("RI3", "A", "B", "C");
        await Host.Post("/api/units/RI3-C/internal-audits", """{"heldOn":"2025-08-01"}""").Expect(200);
        var answer = await Import("""
            NQ 10,2025-07-01,,RI3-A,RI3-B,,,,
            NQ 11,2025-07-01,,RI3-C,RI3-B,,,,
            """).Expect(409);
        Assert.Equal("predecessor-has-later-facts", (string?)answer.Json["rule"]);
        Assert.Equal("RI3-C", (string?)answer.Json["unit"]);
        Assert.Equal(1, await HistoryLength("RI3-A"));
        Assert.Equal(1, await HistoryLength("RI3-B"));
    }

    [Fact]
    public async Task A_dry_run_decides_and_writes_nothing()
    {
        await Communes("RI4", "A", "B");
        var answer = await Import("NQ 1,2025-07-01,,RI4-A,RI4-B,,,,\n", "?dryRun=true").Expect(200);
        Assert.True((bool)answer.Json["dryRun"]!);
        Assert.Single(answer.Json["restructurings"]!.AsArray());
        Assert.Equal(1, await HistoryLength("RI4-A"));
    }

    /// <summary>A line of another width than the header's is refused for its width alone, naming its line and both
    /// counts, as a report table's is: a wider one (a comma in a name not in quotes) had been refused for values read
    /// under other columns, a narrower one (a separator lost) recorded with its missing cells read as empty.</summary>
    [Theory]
    [InlineData("RI12", "NQ 12,2025-07-01,,RI12-A,RI12-NEW,UBND Xã Hải An, Hải Lăng,commune,Quảng Trị,", 10)]
    [InlineData("RI13", "NQ 13,2025-07-01,,RI13-A,RI13-B", 5)]
    public async Task A_line_of_another_width_than_the_header_s_is_refused_for_its_width_alone(
        string prefix, string line, int count)
    {
        await Communes(prefix, "A", "B");

        var refused = await Import(line + "\n").Expect(422);

        var error = Assert.Single(refused.Json["errors"]!.AsArray());
        Assert.Equal((2, (string?)null), ((int)error!["line"]!, (string?)error["column"]));
        Assert.StartsWith($"Line 2 has {count} fields; the header (line 1) has 9:", (string?)error["reason"]);
        Assert.Equal(1, await HistoryLength($"{prefix}-A"));
        Assert.Equal(1, await HistoryLength($"{prefix}-B"));
    }

    /// <summary>A workbook's row with a value past its header's last cell is refused for its width alone by both
    /// imports alike (it had been a value in an unnamed column in a restructuring table); one ending before it reads
    /// its cells after its last as empty, in both.</summary>
    [Fact]
    public async Task A_workbook_row_wider_than_its_header_is_refused_as_a_report_table_s()
    {
        IReadOnlyList<object?> header = ["decision_no", "effective_on", "kind", "from_code", "into_code"];
        var restructurings = TestWorkbooks.Build(new TestSheet("Sheet1",
            [header, ["NQ 14", "2025-07-01", null, "RI14-A", "RI14-B", "Ghi chú"]]));
        var report = TestWorkbooks.Build(new TestSheet("Sheet1",
            [ReportCsv.Header.Split(','), [.. ReportCsv.Header.Split(',').Select(_ => "x"), "Ghi chú"]]));

        foreach (var (path, file, width) in new[]
                 {
                     ("/api/restructurings/import", restructurings, 5), ("/api/imports", report, 19),
                 })
        {
            var refused = await Host.PostBytes(path, file, TestWorkbooks.MediaType).Expect(422);

            var error = Assert.Single(refused.Json["errors"]!.AsArray());
            Assert.Equal((2, (string?)null), ((int)error!["line"]!, (string?)error["column"]));
            Assert.StartsWith($"Line 2 has {width + 1} fields; the header (line 1) has {width}:",
                (string?)error["reason"]);
            // Said for a workbook too, not only as CSV's quoting.
            Assert.Contains("in a workbook, a cell past the header's last", (string?)error["reason"]);
        }
    }
}
