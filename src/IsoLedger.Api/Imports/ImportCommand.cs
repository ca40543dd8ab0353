using IsoLedger.Api.Units;
using IsoLedger.Domain.LegalBasis;
using JasperFx.CommandLine;
using Marten;

namespace IsoLedger.Api.Imports;

public sealed class ImportInput : NetCoreInput
{
    [Description("The CSV file or workbook (XLSX) to import (the report-table format, see README)")]
    public string File { get; set; } = "";

    [Description("Check the file and say what it would do, without importing")]
    public bool DryRunFlag { get; set; }

    [Description("Import only into a ledger without any event (how ops/run.sh loads the sample once)")]
    public bool IfEmptyFlag { get; set; }

    [Description("The province of every row, for a table without a province column (an appendix's own columns)")]
    public string? ProvinceFlag { get; set; }

    [Description("The year of every row, for a table without a year column")]
    public string? YearFlag { get; set; }

    [Description("The report's date (YYYY-MM-DD, or as a table writes it) for a table without a report_date column")]
    public string? ReportDateFlag { get; set; }
}

/// <summary><c>dotnet run --project src/IsoLedger.Api -- import file.csv</c> (or a workbook, <c>file.xlsx</c>, known
/// by its content): the same import as <c>POST /api/imports</c>.</summary>
[Description("Import a province's yearly report table (CSV or XLSX) into the ledger")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        if (!System.IO.File.Exists(input.File))
        {
            Console.Error.WriteLine($"No such file: {input.File}");
            return false;
        }
        using var host = input.BuildHost();
        // The command runs no hosted service: an import must not fold its rows onto states an earlier fold stored.
        await host.Services.GetRequiredService<UnitStateReplay>().StartAsync(CancellationToken.None);
        if (input.IfEmptyFlag)
        {
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            // The units' events: rule-book changes and the store's placeholders of failed appends hold no unit.
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey != RuleBook.StreamId && e.StreamKey != JasperFx.Events.Tombstone.StreamKey)
                .CountAsync();
            if (events > 0)
            {
                Console.WriteLine($"The ledger holds {events} events of units: {Path.GetFileName(input.File)} is "
                    + "not imported.");
                return true;
            }
            Console.WriteLine($"The ledger is empty: importing {Path.GetFileName(input.File)}.");
        }
        var importer = host.Services.GetRequiredService<ReportImporter>();
        ImportOutcome outcome;
        try
        {
            outcome = await importer.Import(
                () => System.IO.File.OpenRead(input.File),
                Path.GetFileName(input.File),
                "import-command",
                Guid.NewGuid().ToString("N"),
                input.DryRunFlag,
                CancellationToken.None,
                new TableDefaults(input.ProvinceFlag, input.YearFlag, input.ReportDateFlag));
        }
        catch (TempStorageException storage)
        {
            // A workbook sheet with merged cells is unpacked into the temporary folder before its rows are decided.
            Console.Error.WriteLine($"Nothing was imported: {storage.Message}. Make room there, or name another "
                + "folder with IsoLedger:Imports:TempFolder (IsoLedger__Imports__TempFolder).");
            return false;
        }
        if (outcome is { Interrupted: not null, Result: { } written })
        {
            Console.Error.WriteLine($"The import stopped part way ({outcome.Interrupted}): {written.UnitsCreated} "
                + $"units created and {written.EventsAppended} events appended before; importing the file again "
                + "writes the rest.");
        }
        else if (outcome.Result is { } result)
        {
            Console.WriteLine($"{(result.DryRun ? "Dry run of" : "Imported")} {result.File}: {result.Rows} rows, " +
                $"{result.UnitsCreated} units created, " +
                $"{result.EventsAppended} events appended in {result.Seconds:0.00} s.");
            return true;
        }
        else Console.Error.WriteLine($"Nothing was imported: {outcome.Errors.Count} problem(s).");
        foreach (var error in outcome.Errors)
        {
            var column = error.Column is null ? "" : $", {error.Column}";
            Console.Error.WriteLine($"  {new TablePlace(error.Line, error.Sheet).Named}{column}: {error.Reason}");
        }
        return false;
    }
}
