using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A province's table kept as a workbook with a sheet per district, per year or per tier imports every shown
/// sheet that holds it, each by its own header, as one import: all or nothing, once, every error naming its sheet and
/// the sheet's row.</summary>
public class WorkbookSheetsImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Province = "Quảng Trị";
    private static readonly IReadOnlyList<object?> Header = ReportCsv.Header.Split(',');
    private IAlbaHost Host => api.Host;

    private Task<Answer> Import(byte[] workbook, string query = "") =>
        Host.PostBytes("/api/imports" + query, workbook, TestWorkbooks.MediaType);

    private static object?[] Commune(string code, string district, int year = 2021, string declared = "x") =>
        [Province, code, $"UBND xã {code}", "commune", district, null, year, new DateOnly(year, 11, 19), declared];

    private static IEnumerable<(int Line, string? Column, string? Sheet, string Reason)> Errors(Answer answer) =>
        answer.Json["errors"]!.AsArray()
            .Select(e => ((int)e!["line"]!, (string?)e["column"], (string?)e["sheet"], (string)e["reason"]!));

    /// <summary>A sheet per district, each with its own header (another column order, other columns, under an empty
    /// row), after a cover: every shown sheet's rows are imported, the hidden copy, the cover and a sheet holding its
    /// header alone passed over; the answer counts all sheets, each event names its sheet and row, and importing it
    /// again appends nothing. (A table on several sheets had been refused, naming each.)</summary>
    [Fact]
    public async Task A_sheet_per_district_imports_every_sheet_each_by_its_own_header()
    {
        IReadOnlyList<object?> otherHeader =
            ["unit_code", "level", "unit_name", "district", "province", "report_date", "year", "declared", "standard"];
        var workbook = TestWorkbooks.Build(
            new TestSheet("Bìa", [["BÁO CÁO NĂM 2021"]]),
            new TestSheet("Hải Lăng", [Header, Commune("WB-SD-1", "Hải Lăng"), Commune("WB-SD-2", "Hải Lăng")]),
            new TestSheet("Cam Lộ",
            [
                null, otherHeader,
                ["WB-SD-3", "commune", "UBND xã WB-SD-3", "Cam Lộ", Province, new DateOnly(2021, 11, 19), 2021, "x",
                    2015],
            ]),
            new TestSheet("Gio Linh", [Header]),
            new TestSheet("Cũ", [Header, Commune("WB-SD-4", "Cam Lộ")]) { Hidden = "hidden" });

        var dry = await Import(workbook, "?dryRun=true").Expect(200);
        Assert.Equal((3, 3), ((int)dry.Json["rows"]!, (int)dry.Json["unitsCreated"]!));
        await Host.Get("/api/units/WB-SD-1").Expect(404);

        var imported = await Import(workbook).Expect(200);
        Assert.Equal((3, 3), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));
        var events = (int)imported.Json["eventsAppended"]!;
        Assert.True(events >= 6, $"{events} events");
        Assert.Equal("Cam Lộ",
            (string?)(await Host.Get("/api/units/WB-SD-3/state?asOf=2021-12-31").Expect(200)).Json["district"]);
        await Host.Get("/api/units/WB-SD-4").Expect(404);
        var history = (await Host.Get("/api/units/WB-SD-3/history", Keys.Auditor).Expect(200)).Json.AsArray();
        Assert.All(history, e => Assert.Equal(("Cam Lộ", 3),
            ((string?)e!["headers"]!["import-sheet"], (int)e["headers"]!["import-line"]!)));

        var again = await Import(workbook).Expect(200);
        Assert.Equal((3, 0, 0), ((int)again.Json["rows"]!, (int)again.Json["unitsCreated"]!,
            (int)again.Json["eventsAppended"]!));
    }

    /// <summary>A sheet per year lists a unit once a year: each year is its own row, and the unit's years are all
    /// recorded. The same unit and year on two sheets with other data is refused naming both sheets and rows, as two
    /// lines of a CSV file are; listed alike, it is one row.</summary>
    [Fact]
    public async Task A_sheet_per_year_records_each_year_and_a_year_listed_twice_otherwise_is_refused()
    {
        object?[] Reported(string code, int year) =>
            [.. Commune(code, "Cam Lộ", year), 2015, null, "x", "x", "x", "x", "x", "x", "x"];
        var years = TestWorkbooks.Build(
            new TestSheet("2020", [Header, Commune("WB-SY-1", "Cam Lộ", 2020)]),
            new TestSheet("2021", [Header, Reported("WB-SY-1", 2021), Commune("WB-SY-2", "Cam Lộ")]),
            new TestSheet("2021 (bản sao)", [Header, Commune("WB-SY-2", "Cam Lộ")]));

        var imported = await Import(years).Expect(200);
        Assert.Equal((4, 2), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));
        var history = (await Host.Get("/api/units/WB-SY-1/history", Keys.Auditor).Expect(200)).Json.AsArray();
        Assert.Equal(["2020", "2021"],
            history.Select(e => (string?)e!["headers"]!["import-sheet"]).Distinct().Order().ToList());

        var conflicting = TestWorkbooks.Build(
            new TestSheet("Cam Lộ", [Header, Commune("WB-SY-3", "Cam Lộ")]),
            new TestSheet("Hải Lăng", [null, null, Header, Commune("WB-SY-4", "Hải Lăng"),
                Commune("WB-SY-3", "Hải Lăng")]));
        var refused = await Import(conflicting).Expect(422);
        var error = Assert.Single(Errors(refused));
        Assert.Equal((5, "unit_code", "Hải Lăng"), (error.Line, error.Column, error.Sheet));
        Assert.Contains("on sheet \"Cam Lộ\", row 2 too", error.Reason);
        await Host.Get("/api/units/WB-SY-3").Expect(404);
    }

    /// <summary>A bad row on the second sheet refuses the whole workbook, nothing of the first sheet written, and
    /// is named by its sheet and the sheet's row; so is a bad header of a sheet, while the other sheets' rows are
    /// still checked.</summary>
    [Fact]
    public async Task A_bad_row_or_header_on_a_later_sheet_is_named_there_and_nothing_is_imported()
    {
        var badRow = TestWorkbooks.Build(
            new TestSheet("Hải Lăng", [Header, Commune("WB-SB-1", "Hải Lăng")]),
            new TestSheet("Cam Lộ", [Header, Commune("WB-SB-2", "Cam Lộ"), null,
                [Province, "WB-SB-3", "UBND xã WB-SB-3", "huyện lỵ", "Cam Lộ", null, 2021, "2021-11-19"]]));

        var refused = await Import(badRow).Expect(422);
        Assert.Equal([(4, "level", "Cam Lộ")], Errors(refused).Select(e => (e.Line, e.Column, e.Sheet)));
        await Host.Get("/api/units/WB-SB-1").Expect(404);
        await Host.Get("/api/units/WB-SB-2").Expect(404);

        var badHeader = TestWorkbooks.Build(
            new TestSheet("Hải Lăng", [[.. Header, "so_trang"], Commune("WB-SB-4", "Hải Lăng")]),
            new TestSheet("Cam Lộ", [Header, [Province, "WB-SB-5", "UBND xã WB-SB-5", "commune", "Cam Lộ", null,
                2021, "11/2021"]]));
        var both = await Import(badHeader).Expect(422);
        Assert.Equal([(1, "so_trang", "Hải Lăng"), (2, "report_date", "Cam Lộ")],
            Errors(both).Select(e => (e.Line, e.Column, e.Sheet)));
        await Host.Get("/api/units/WB-SB-4").Expect(404);
    }

    /// <summary>A restructuring table on a sheet per district imports every sheet too, a bad row named by its
    /// sheet.</summary>
    [Fact]
    public async Task A_restructuring_table_on_a_sheet_per_district_imports_every_sheet()
    {
        foreach (var code in new[] { "WB-SR-A", "WB-SR-B", "WB-SR-C" }) await Host.RegisterCommune(code, "2015-01-01");
        var effective = new DateOnly(2025, 7, 1);
        IReadOnlyList<object?> header = ["decision_no", "effective_on", "from_code", "into_code", "into_name",
            "into_level", "into_province"];
        IReadOnlyList<object?> dissolving = ["from_code", "effective_on", "decision_no", "kind"];
        object?[] Merge(string from) => ["NQ 1680", effective, from, "WB-SR-NEW", "UBND Xã Mới", "commune", Province];
        TestSheet Dissolved(object? effectiveOn) => new("Cam Lộ", [dissolving, ["WB-SR-C", effectiveOn, "NQ 1681",
            "dissolve"]]);
        var bad = TestWorkbooks.Build(new TestSheet("Hải Lăng", [header, Merge("WB-SR-A"), Merge("WB-SR-B")]),
            Dissolved("1/7"));

        var refused = await Host.PostBytes("/api/restructurings/import", bad, TestWorkbooks.MediaType).Expect(422);
        Assert.Equal([(2, "effective_on", "Cam Lộ")], Errors(refused).Select(e => (e.Line, e.Column, e.Sheet)));

        var workbook = TestWorkbooks.Build(new TestSheet("Hải Lăng", [header, Merge("WB-SR-A"), Merge("WB-SR-B")]),
            Dissolved(effective));
        var imported = await Host.PostBytes("/api/restructurings/import", workbook, TestWorkbooks.MediaType)
            .Expect(200);
        Assert.Equal(2, imported.Json["restructurings"]!.AsArray().Count);
        Assert.Equal("WB-SR-NEW",
            (string?)(await Host.Get("/api/units/WB-SR-B").Expect(200)).Json["mergedInto"]!["intoCode"]);
        Assert.NotNull((await Host.Get("/api/units/WB-SR-C").Expect(200)).Json["dissolved"]);
    }

    /// <summary>A sheet's name, which every error of its rows gives, is cut to 100 characters as a quoted value is:
    /// a workbook naming a sheet with half a megabyte (no spreadsheet names one so) does not make the answer grow with
    /// it.</summary>
    [Fact]
    public async Task A_sheet_s_long_name_is_cut_in_its_errors()
    {
        var longName = new string('x', 500_000);
        var workbook = TestWorkbooks.Build(
            new TestSheet("Hải Lăng", [Header, Commune("WB-SL-1", "Hải Lăng")]),
            new TestSheet(longName, [.. Enumerable.Repeat<IReadOnlyList<object?>>(Header, 1),
                .. Enumerable.Range(0, 50).Select(i => (IReadOnlyList<object?>)
                    [Province, $"WB-SL-{i + 2}", "UBND xã", "huyện lỵ", "Hải Lăng", null, 2021, "2021-11-19"])]));

        var refused = await Import(workbook).Expect(422);

        Assert.Equal(50, Errors(refused).Count());
        Assert.All(Errors(refused), e => Assert.Equal(new string('x', 100) + "…", e.Sheet));
        Assert.InRange(refused.Text.Length, 1, 200_000);
    }

    /// <summary>A shown sheet holding the table under a title, beside sheets that hold it as their first row, is
    /// refused at its header saying to delete the rows above it: imported without it, its rows would be passed over
    /// unseen.</summary>
    [Fact]
    public async Task A_sheet_with_its_table_under_a_title_beside_others_is_refused_there()
    {
        var workbook = TestWorkbooks.Build(
            new TestSheet("Hải Lăng", [Header, Commune("WB-ST-1", "Hải Lăng")]),
            new TestSheet("Cam Lộ", [["DANH SÁCH CẤP XÃ"], Header, Commune("WB-ST-2", "Cam Lộ")]));

        var refused = await Import(workbook).Expect(422);

        var error = Assert.Single(Errors(refused));
        Assert.Equal((2, "Cam Lộ"), (error.Line, error.Sheet));
        Assert.Contains("delete the rows above it", error.Reason);
        await Host.Get("/api/units/WB-ST-1").Expect(404);
    }
}
