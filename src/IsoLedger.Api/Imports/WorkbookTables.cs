namespace IsoLedger.Api.Imports;

/// <summary>A workbook's table as the sheets that hold it (<see cref="SheetReader.Table"/>: a sheet per district, per
/// year or per tier), read one after the other, each from its own header: columns may be in another order, or others,
/// on each. One sheet is open at a time, and its rows spooled while it is read, so what the reader holds does not grow
/// with the number of sheets; the workbook's limits (<see cref="Workbook.MaxUnpackedBytes"/>) count every sheet read.
/// Disposing it closes the sheet and the workbook.</summary>
public sealed class WorkbookTables : ITableReader
{
    private readonly Workbook workbook;
    private readonly IReadOnlyList<(string Part, string? Sheet, string Name)> sheets;
    private readonly TempFolder temp;
    private int current;
    private SheetReader reader;

    public WorkbookTables(
        Workbook workbook, IReadOnlyList<(string Part, string? Sheet, string Name)> sheets, TempFolder temp)
    {
        (this.workbook, this.sheets, this.temp) = (workbook, sheets, temp);
        reader = SheetReader.Open(workbook, sheets[0].Part, temp);
    }

    public string? Sheet => sheets[current].Sheet;

    public string SheetName => sheets[current].Name;

    public CsvRecord? Read() => reader.Read();

    public bool NextSheet()
    {
        if (current + 1 == sheets.Count) return false;
        reader.Dispose();
        current++;
        reader = SheetReader.Open(workbook, sheets[current].Part, temp);
        return true;
    }

    public void Dispose()
    {
        reader.Dispose();
        workbook.Dispose();
    }
}
