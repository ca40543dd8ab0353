namespace IsoLedger.Api.Tests;

/// <summary>The import command (<c>dotnet IsoLedger.Api.dll import file.xlsx</c>, as ops/run.sh runs it) reads a
/// workbook as <c>POST /api/imports</c> does: a dry run checks it and records nothing, an import records it, and a
/// workbook with bad rows or no table prints each problem by sheet and row and exits non-zero, recording nothing.
/// Run as a process of the API's own build, on this class's database.</summary>
public class ImportCommandTests(ApiFixture api) : IClassFixture<ApiFixture>, IDisposable
{
    private const string Province = "Quảng Trị";
    private readonly string folder = Directory.CreateTempSubdirectory("isoledger-import-command-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<(int ExitCode, string Output, string Errors)> Import(string file, params string[] options) =>
        Import(file, new Dictionary<string, string>(), options);

    private Task<(int ExitCode, string Output, string Errors)> Import(
        string file, IReadOnlyDictionary<string, string> settings, params string[] options) =>
        ApiCommand.Run(api.ConnectionString, ["import", file, .. options],
            settings.Prepend(new("Serilog__MinimumLevel__Default", "Warning")));

    private string Saved(string name, byte[] workbook)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, workbook);
        return path;
    }

    private static object?[] Row(string code, object level) =>
        [Province, code, $"UBND xã {code}", level, "Hải Lăng", null, 2021, new DateOnly(2021, 11, 19), "x", 2015];

    /// <summary>An appendix in its own columns takes its province, year and report date from the command's options,
    /// as an upload takes them from its parameters.</summary>
    [Fact]
    public async Task An_appendix_table_takes_its_province_year_and_date_from_the_options()
    {
        var path = Path.Combine(folder, "cam-lo-2021.csv");
        File.WriteAllText(path, "TT,Đơn vị,Công bố HT ISO\nIII,UBND cấp xã,\n,Huyện Cam Lộ:,\n1,UBND xã Cam Thành,x\n");
        var imported = await Import(
            path, "--province", Province, "--year", "2021", "--report-date", "19/11/2021");
        Assert.True(imported.ExitCode == 0, imported.Output + imported.Errors);
        Assert.Contains("Imported cam-lo-2021.csv: 1 rows, 1 units created", imported.Output);

        var without = await Import(path);
        Assert.NotEqual(0, without.ExitCode);
        Assert.Contains("line 1, province: This column is required.", without.Errors);
    }

    [Fact]
    public async Task A_workbook_is_checked_by_a_dry_run_then_imported()
    {
        var file = Saved("hai-lang-2021.xlsx", TestWorkbooks.Build(
            new TestSheet("Bìa", [["BÁO CÁO NĂM 2021"]]),
            new TestSheet("Phụ lục", [ReportCsv.Header.Split(','), Row("CLI-WB-1", "commune")])));

        var dryRun = await Import(file, "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.Output + dryRun.Errors);
        Assert.Contains("Dry run of hai-lang-2021.xlsx: 1 rows, 1 units created", dryRun.Output);
        await api.Host.Get("/api/units/CLI-WB-1").Expect(404);

        var imported = await Import(file);
        Assert.True(imported.ExitCode == 0, imported.Output + imported.Errors);
        Assert.Contains("Imported hai-lang-2021.xlsx: 1 rows, 1 units created", imported.Output);
        var unit = await api.Host.Get("/api/units/CLI-WB-1/state?asOf=2021-12-31").Expect(200);
        Assert.Equal("Hải Lăng", (string?)unit.Json["district"]);
    }

    [Fact]
    public async Task A_temporary_folder_that_cannot_be_written_is_named_and_nothing_is_imported()
    {
        // A sheet with merged cells is unpacked into the temporary folder; this one is a file, not a folder.
        var notFolder = Saved("not-a-folder", [1]);
        var file = Saved("merged.xlsx", TestWorkbooks.Build(new TestSheet("Phụ lục",
            [ReportCsv.Header.Split(','), Row("CLI-TMP-1", "commune"), Row("CLI-TMP-2", "commune")], "E2:E3")));

        var (exitCode, output, errors) = await Import(
            file, new Dictionary<string, string> { ["IsoLedger__Imports__TempFolder"] = notFolder });

        Assert.True(exitCode != 0, output + errors);
        Assert.Contains($"Nothing was imported: The temporary folder {notFolder} could not be written", errors);
        Assert.Contains("IsoLedger__Imports__TempFolder", errors);
        Assert.DoesNotContain("   at ", errors);
        await api.Host.Get("/api/units/CLI-TMP-1").Expect(404);
    }

    [Fact]
    public async Task A_workbook_with_bad_rows_prints_them_by_sheet_and_row_and_records_nothing()
    {
        var file = Saved("bad.xlsx", TestWorkbooks.Build(
            new TestSheet("Ghi chú", [["Bảng nhập"]]),
            new TestSheet("Phụ lục B",
                [ReportCsv.Header.Split(','), null, Row("CLI-BAD-1", "commune"), Row("CLI-BAD-2", "huyện lỵ")]),
            new TestSheet("Phụ lục C",
                [ReportCsv.Header.Split(','), Row("CLI-BAD-3", "commune"), Row("CLI-BAD-4", "huyện lỵ")])));

        foreach (var options in new[] { ["--dry-run"], Array.Empty<string>() })
        {
            var (exitCode, _, errors) = await Import(file, options);
            Assert.NotEqual(0, exitCode);
            Assert.Contains("Nothing was imported: 2 problem(s).", errors);
            Assert.Contains("  sheet \"Phụ lục B\", row 4, level: ", errors);
            Assert.Contains("  sheet \"Phụ lục C\", row 3, level: ", errors);
        }
        await api.Host.Get("/api/units/CLI-BAD-1").Expect(404);
        await api.Host.Get("/api/units/CLI-BAD-3").Expect(404);
    }

    [Fact]
    public async Task A_workbook_without_a_table_prints_what_each_sheet_lacks()
    {
        var file = Saved("no-table.xlsx", TestWorkbooks.Build(
            new TestSheet("Bìa", [["BÁO CÁO"]]),
            new TestSheet("Số liệu", [ReportCsv.Header.Split(','), Row("CLI-HID-1", "commune")])
            {
                Hidden = "hidden",
            }));

        var (exitCode, _, errors) = await Import(file, "--dry-run");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("  sheet \"Bìa\", row 1: No header of this table", errors);
        Assert.Contains("  sheet \"Số liệu\", row 1: The sheet is hidden", errors);
    }
}
