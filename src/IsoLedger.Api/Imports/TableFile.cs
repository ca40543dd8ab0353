namespace IsoLedger.Api.Imports;

/// <summary>A table's records, one at a time: the lines of a CSV file or the rows of a workbook's sheets, a sheet
/// after another. Disposing it closes what it reads (a workbook's archive and the part being unpacked).</summary>
public interface ITableReader : IDisposable
{
    /// <summary>The next record of the sheet (its header first), or null at its end. Throws
    /// <see cref="TableFormatException"/> where the file cannot be read on.</summary>
    CsvRecord? Read();

    /// <summary>The sheet the records come from, when the file is a workbook of several sheets; null otherwise, where
    /// a line number says all.</summary>
    string? Sheet { get; }

    /// <summary>The name of the sheet the records come from, in a workbook of one sheet too (whose errors need not name
    /// it): a sheet named after a district is its communes' (<see cref="Domain.Imports.SheetDistricts"/>). Null for a
    /// CSV file.</summary>
    string? SheetName { get; }

    /// <summary>Moves to the next sheet holding the table, whose header <see cref="Read"/> gives next; false when
    /// there is none.</summary>
    bool NextSheet();
}

/// <summary>Where a record of a table file is: its line (a workbook's: the row of its sheet, as Excel numbers it) and,
/// in a workbook of several sheets, its sheet.</summary>
public readonly record struct TablePlace(int Line, string? Sheet)
{
    public ImportError Error(string? column, string reason) => new(Line, column, reason, Sheet);

    /// <summary>As a sentence names it: <c>line 5</c>, or <c>sheet "Cam Lộ", row 5</c>.</summary>
    public string Named => Sheet is null ? $"line {Line}" : $"sheet \"{Sheet}\", row {Line}";
}

/// <summary>Where a table file cannot be read on: <see cref="Line"/> is the line of a CSV file, the row of a
/// workbook's sheet; <see cref="ColumnIndex"/> the column (from 0) of the one cell that cannot be read, if that is
/// the problem, which the reader of the rows names by its header.</summary>
public sealed class TableFormatException(int line, string message, int? columnIndex = null) : Exception(message)
{
    public int Line { get; } = line;

    public int? ColumnIndex { get; } = columnIndex;

    /// <summary>The error, its cell's column named by <paramref name="columnAt"/> (the header's name of the column at
    /// an index, or null where it names none).</summary>
    public ImportError Error(Func<int, string?> columnAt) =>
        new(Line, ColumnIndex is { } index ? columnAt(index) : null, Message);
}

/// <summary>Opens an uploaded table by what its bytes are, whatever the file is named or sent as: a workbook (XLSX,
/// a zip archive) or CSV text; an old Excel workbook (.xls) or a password-protected one is refused saying so.
/// </summary>
public static class TableFile
{
    /// <summary>The bytes a zip archive, and so a workbook, starts with: a file's header, or the end of an empty
    /// archive.</summary>
    private static readonly byte[][] ZipSignatures = ["PK\u0003\u0004"u8.ToArray(), "PK\u0005\u0006"u8.ToArray()];

    /// <summary>The bytes a Compound File (OLE2) starts with: Excel 97–2003 workbooks (.xls) and the encrypted
    /// container Excel saves a password-protected .xlsx in.</summary>
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public const string CompoundFile = "The file is an Excel workbook protected by a password, or one in the old "
        + "Excel 97–2003 format (.xls), neither of which the import reads: remove the password, or save it as Excel "
        + "Workbook (.xlsx) or CSV UTF-8, and import that.";

    /// <summary>The table of <paramref name="file"/> (a seekable stream, from its start): its CSV text, or the shown
    /// sheets of its workbook whose first row with a value names <paramref name="required"/>. Null with the errors when
    /// a workbook of several sheets has no such sheet (each sheet looked at and what its first row lacks), or a shown
    /// sheet holds the table under a title. A sheet's rows are spooled in <paramref name="temp"/>.</summary>
    public static ITableReader? Open(
        Stream file, IReadOnlyList<string> required, List<ImportError> errors, TempFolder temp)
    {
        var start = new byte[CompoundFileSignature.Length];
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        file.Position = 0;
        if (read == start.Length && start.AsSpan().SequenceEqual(CompoundFileSignature))
            throw new TableFormatException(1, CompoundFile);
        if (!ZipSignatures.Any(signature => start.AsSpan().StartsWith(signature)))
            return CsvReader.Open(file, separatorFromHeader: true);
        var workbook = Workbook.Open(file);
        ITableReader? table = null;
        try
        {
            return table = SheetReader.Table(workbook, required, errors, temp);
        }
        finally
        {
            // The table's reader closes the workbook; without one (no table, or a sheet that cannot be read), here.
            if (table is null) workbook.Dispose();
        }
    }
}
