using System.Globalization;
using System.Text;
using System.Xml;
using IsoLedger.Api.Reports;
using IsoLedger.Domain;

namespace IsoLedger.Api.Imports;

/// <summary>A worksheet's rows as a table's records, much as Excel saves the sheet as CSV: each row with a value is a
/// record numbered as the sheet numbers its row, its cells' values as the sheet shows them in text (a shared or
/// inline text, its runs one after the other; a formula's value as last calculated; a number in invariant digits,
/// 2015 not 2015.0; a number shown as a date as its day in ISO form; TRUE or FALSE) or empty. A range merged down
/// rows below the header gives its value to each of its rows in its first column, as the sheet shows it there (a
/// district merged down its communes); the other cells of a merged range are empty. Rows without a value of their own
/// are left out, as CSV's blank lines are. A row holds at most <see cref="CsvReader.MaxRecordLength"/> characters,
/// counting a separator between cells. The sheet is unpacked once as it is read: a workbook lists the merged ranges
/// after the rows, so the rows below the header are first read to the end of the sheet into a file of their fields
/// (in the <see cref="TempFolder"/>, deleted when the reader is disposed), and given from there once the ranges are
/// known, which keeps what the reader holds to a row. Disposing it closes the sheet (the workbook stays open:
/// <see cref="WorkbookTables"/> owns it).</summary>
public sealed class SheetReader : IDisposable
{
    /// <summary>A sheet's last column (XFD) and row, in Excel.</summary>
    private const int MaxColumns = 16_384, MaxRows = 1_048_576;

    private readonly Workbook workbook;
    private readonly string part;
    private readonly XmlReader xml;
    private readonly TempFolder temp;

    /// <summary>The row read last, or being read.</summary>
    private int row;

    /// <summary>The header, once read (to choose the sheet, or as the first record), and whether
    /// <see cref="Read"/> has given it.</summary>
    private CsvRecord? header;
    private bool headerRead, headerGiven;

    private SheetReader(Workbook workbook, string part, TempFolder temp)
    {
        (this.workbook, this.part, this.temp) = (workbook, part, temp);
        xml = Workbook.Guarded(() => 1, part, () => workbook.Part(part));
    }

    public void Dispose()
    {
        xml.Dispose();
        spooled?.Dispose();
    }

    /// <summary>The workbook's table: its sheets a person sees (not hidden) whose first row with a value names the
    /// <paramref name="required"/> columns (a header, as a CSV file's first line is), read one after the other, each
    /// by its own header (a sheet per district, per year or per tier); or its one sheet, whose header is then judged
    /// as a CSV file's. A sheet without such a header (a cover, notes) is passed over, and so is a hidden one (an old
    /// copy, the lists a form looks up: nobody reading the workbook sees it). Null with the errors when a shown sheet
    /// holds the header under a title (which reading the others alone would pass over unseen), or when no sheet is a
    /// table: then an error for each sheet saying what it lacks: a header, or one that is the first row with a value
    /// (a title above it), or to be shown (a hidden sheet with the table's header).</summary>
    public static WorkbookTables? Table(
        Workbook workbook, IReadOnlyList<string> required, List<ImportError> errors, TempFolder temp)
    {
        if (workbook.Sheets.Count == 0) throw new TableFormatException(1, "The workbook has no sheet.");
        var several = workbook.Sheets.Count > 1;
        var lookedAt = new List<ImportError>();
        var titled = new List<ImportError>();
        var tables = new List<(string Part, string? Sheet, string Name)>();
        foreach (var (name, part, hidden) in workbook.Sheets)
        {
            // Every error and imported event names its sheet: a name longer than any Excel gives one (31 characters)
            // is cut as a quoted value is, so that an answer does not grow with it.
            var sheet = several ? UnicodeText.Excerpt(name) : null;
            if (part is null)
            {
                lookedAt.Add(new ImportError(1, null, "The sheet is a chart: it holds no table.", sheet));
                continue;
            }
            // Each sheet is looked at by its first rows, and read again from its start if it is a table.
            using var reader = new SheetReader(workbook, part, temp);
            var first = reader.First();
            var missing = first is null ? required : CsvHeader.Missing(first, required);
            if (first is not null && missing.Count == 0 && !(hidden && several))
            {
                tables.Add((part, sheet, name));
                continue;
            }
            var below = missing.Count > 0 && first is not null ? reader.HeaderBelow(required) : null;
            if (!several && below is null)
            {
                tables.Add((part, sheet, name));
                continue;
            }
            var title = below is null ? null : new ImportError(below.Line, null, $"The table's header is row "
                + $"{below.Line}, below a title (row {first!.Line}): the header is the sheet's first row with a value, "
                + "as it is a CSV file's first line; delete the rows above it.", sheet);
            if (title is not null && !hidden) titled.Add(title);
            lookedAt.Add(first is null ? new ImportError(1, null, "The sheet is empty.", sheet)
                : missing.Count == 0 ? new ImportError(first.Line, null, "The sheet is hidden: its first row names "
                    + "the table's columns, but a hidden sheet is not imported, as nobody reading the workbook sees "
                    + "it (it may be an old copy); unhide it, or copy the table to a sheet that is shown.", sheet)
                : title ?? new ImportError(first.Line, null, "No header of this table: the sheet's first row with a "
                    + $"value does not name {string.Join(", ", missing)}.", sheet));
        }
        if (tables.Count > 0 && titled.Count == 0) return new WorkbookTables(workbook, tables, temp);
        errors.AddRange(tables.Count > 0 ? titled : lookedAt);
        return null;
    }

    /// <summary>The sheet <paramref name="part"/> of <paramref name="workbook"/> as a table, from its first row.
    /// </summary>
    public static SheetReader Open(Workbook workbook, string part, TempFolder temp) => new(workbook, part, temp);

    /// <summary>A row below the first, among the next <see cref="CsvHeader.TitleRows"/>, that names the
    /// <paramref name="required"/> columns, or null: a header under a title, which the import names rather than
    /// judge the title as a header.</summary>
    private CsvRecord? HeaderBelow(IReadOnlyList<string> required)
    {
        try
        {
            for (var looked = 0; looked < CsvHeader.TitleRows && Next(0) is { } record; looked++)
                if (CsvHeader.Missing(record, required).Count == 0) return record;
        }
        catch (Exception e) when (e is TableFormatException or XmlException or InvalidDataException)
        {
            // A sheet that cannot be read this far is judged by its first row, as any other.
        }
        return null;
    }

    public CsvRecord? Read()
    {
        if (!headerGiven)
        {
            headerGiven = true;
            return First();
        }
        return Workbook.Guarded(() => row, part, () =>
        {
            spooled ??= Spooled();
            return Replayed(header?.Fields.Count ?? 0);
        });
    }

    /// <summary>The header: the first row with a value.</summary>
    private CsvRecord? First()
    {
        if (headerRead) return header;
        headerRead = true;
        header = Workbook.Guarded(() => row, part, () => Next(0));
        if (uncalculated is { } column) throw Uncalculated(column, inHeader: true);
        return header;
    }

    /// <summary>The next row with a value, at least <paramref name="width"/> fields wide; the merged ranges the reader
    /// passes are kept.</summary>
    private CsvRecord? Next(int width)
    {
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element) xml.Read();
            else if (xml.LocalName == "row")
            {
                if (Row(width) is { } record) return record;
            }
            else if (xml.LocalName == "mergeCell")
            {
                Merged(xml.GetAttribute("ref"));
                xml.Read();
            }
            else xml.Read();
        }
        return null;
    }

    /// <summary>The row the reader is on, or null when it holds no value; leaves the reader after it.</summary>
    private CsvRecord? Row(int width)
    {
        var number = xml.GetAttribute("r") is { } r
            ? int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0
            : row + 1;
        if (number <= row || number > MaxRows)
        {
            throw new TableFormatException(row, $"The sheet's row numbers are out of order or out of range "
                + $"after row {row}, as in no sheet Excel writes.");
        }
        row = number;
        uncalculated = null;
        var fields = new List<string>();
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return null;
        }
        var depth = xml.Depth;
        var column = -1;
        var text = 0;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                xml.Read();
                continue;
            }
            var at = xml.GetAttribute("r") is { } reference ? Reference(reference).Column : column + 1;
            if (at <= column)
                throw new TableFormatException(row, "The row's cells are out of order, as in no sheet Excel writes.");
            column = at;
            var value = Cell(at);
            if (value.Length == 0) continue;
            // As CSV counts a line: every separator before the cell, and the cells' text.
            text += value.Length;
            if (at + text > CsvReader.MaxRecordLength)
            {
                throw new TableFormatException(row, $"The row is longer than {CsvReader.MaxRecordLength} characters, "
                    + "as no row of a table is.");
            }
            while (fields.Count < at) fields.Add("");
            fields.Add(value);
        }
        xml.Read();
        if (fields.Count == 0 && uncalculated is null) return null;
        while (fields.Count < width) fields.Add("");
        return new CsvRecord(row, fields);
    }

    /// <summary>The column of the first cell of the row read last holding a formula never calculated, or null. The
    /// problem is told where the row is given (<see cref="Read"/>), not where the sheet is spooled, so that the rows
    /// above it are read, and the header that names its column.</summary>
    private int? uncalculated;

    /// <summary>The error for a cell in <paramref name="column"/> of the row read last holding a formula never
    /// calculated: a cell of the header names no column, which it says; a cell below it is the header's column's
    /// (<see cref="TableFormatException.ColumnIndex"/>).</summary>
    private TableFormatException Uncalculated(int column, bool inHeader) =>
        new(row, $"Cell {XlsxWriter.Reference(column, (uint)row)}{(inHeader ? ", in the header," : "")} holds a "
            + "formula whose value was never calculated (a program wrote the workbook without calculating it)"
            + (inHeader ? ", so its column has no name to read" : "") + ": open it in Excel or LibreOffice and save "
            + "it, so that the values are saved, and import that.", inHeader ? null : column);

    /// <summary>The rows below the header, in a file deleted when it is closed: written to the end of the sheet,
    /// which passes the merged ranges, then read from the start.</summary>
    private BinaryReader? spooled;

    private BinaryReader Spooled()
    {
        var file = temp.Create();
        try
        {
            // Written through a buffer flushed here, so that a full disk fails while storing, not when it is closed.
            var buffered = new BufferedStream(file, SpoolBufferBytes);
            temp.Storing(() =>
            {
                using (var writer = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true))
                {
                    while (Next(0) is { } record)
                    {
                        writer.Write(record.Line);
                        writer.Write(record.Fields.Count);
                        foreach (var field in record.Fields) writer.Write(field);
                        writer.Write(uncalculated ?? -1);
                    }
                }
                buffered.Flush();
                return file.Position = 0;
            });
            return new BinaryReader(new BufferedStream(file, SpoolBufferBytes), Encoding.UTF8);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private const int SpoolBufferBytes = 1 << 16;

    /// <summary>The next row of <see cref="spooled"/> with a value a merged range does not cover, given the values
    /// merged down to it, at least <paramref name="width"/> fields wide; null at the end.</summary>
    private CsvRecord? Replayed(int width)
    {
        while (spooled!.BaseStream.Position < spooled.BaseStream.Length)
        {
            row = spooled.ReadInt32();
            var count = spooled.ReadInt32();
            var fields = new List<string>(Math.Max(width, count));
            while (fields.Count < count) fields.Add(spooled.ReadString());
            if (spooled.ReadInt32() is var column and >= 0) throw Uncalculated(column, inHeader: false);
            if (!Merge(fields)) continue;
            while (fields.Count < width) fields.Add("");
            return new CsvRecord(row, fields);
        }
        return null;
    }

    /// <summary>The most merged ranges a sheet has that the reader follows: far more than a table's.</summary>
    private const int MaxMergedRanges = 100_000;

    /// <summary>The merged ranges, by their first row: the first and last column of each, and its last row.</summary>
    private readonly Dictionary<int, List<(int Column, int LastColumn, int LastRow)>> merged = [];
    private int mergedRanges;

    /// <summary>The first rows of <see cref="merged"/> below the header in order, once the sheet is read, and how
    /// many of them the rows replayed so far have reached (a range over the header is the header's reader's).
    /// </summary>
    private int[]? mergeStarts;
    private int mergesStarted;

    /// <summary>The ranges covering the row being read and the rows below it: by first column, the last column and
    /// row, and the value of the range's first cell.</summary>
    private readonly Dictionary<int, (int LastColumn, int LastRow, string Value)> covering = [];

    /// <summary>Keeps the merged range <paramref name="reference"/> (<c>C3:C9</c>, <c>B2:D2</c>).</summary>
    private void Merged(string? reference)
    {
        if (reference?.Split(':') is not [var from, var to]) return;
        if (++mergedRanges > MaxMergedRanges)
        {
            throw new TableFormatException(row, $"The sheet merges more than {MaxMergedRanges} ranges, as no sheet "
                + "of a table does.");
        }
        var (column, first) = Reference(from);
        var (lastColumn, last) = Reference(to);
        if (last < first || lastColumn < column || (last == first && lastColumn == column)) return;
        if (!merged.TryGetValue(first, out var starting)) merged[first] = starting = [];
        starting.Add((column, lastColumn, last));
    }

    /// <summary>Shows the row as the sheet does: the cells a merged range covers (all but its first) empty, and the
    /// first column of a range merged down above it given the range's value (a district merged down its communes);
    /// starts the ranges that begin on it or on the empty rows before it. Whether the row has a value of its own,
    /// one no range covers.</summary>
    private bool Merge(List<string> fields)
    {
        mergeStarts ??= [.. merged.Keys.Where(first => first > (header?.Line ?? 0)).Order()];
        for (; mergesStarted < mergeStarts.Length && mergeStarts[mergesStarted] <= row; mergesStarted++)
        {
            var first = mergeStarts[mergesStarted];
            foreach (var (column, lastColumn, last) in merged[first])
            {
                var value = first == row && column < fields.Count ? fields[column] : "";
                covering[column] = (lastColumn, last, value);
            }
        }
        var filled = new List<(int Column, string Value)>();
        foreach (var (column, (lastColumn, last, value)) in covering.ToList())
        {
            if (last < row)
            {
                covering.Remove(column);
                continue;
            }
            var starts = merged.GetValueOrDefault(row)?.Any(range => range.Column == column) == true;
            for (var cell = starts ? column + 1 : column; cell <= lastColumn && cell < fields.Count; cell++)
                fields[cell] = "";
            if (!starts) filled.Add((column, value));
        }
        var own = fields.Any(field => field.Length > 0);
        foreach (var (column, value) in filled)
        {
            while (fields.Count <= column) fields.Add("");
            fields[column] = value;
        }
        if (fields.Count + fields.Sum(f => f.Length) > CsvReader.MaxRecordLength)
        {
            throw new TableFormatException(row, $"The row is longer than {CsvReader.MaxRecordLength} characters, "
                + "as no row of a table is.");
        }
        return own;
    }

    /// <summary>The column (from 0) and row (from 1) of a cell reference such as <c>AB12</c>.</summary>
    private (int Column, int Row) Reference(string reference)
    {
        var column = 0;
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]) && column <= MaxColumns)
            column = column * 26 + char.ToUpperInvariant(reference[letters++]) - 'A' + 1;
        if (letters == 0 || column > MaxColumns
            || !int.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            || at is < 1 or > MaxRows)
        {
            throw new TableFormatException(row, $"The cell reference '{reference[..Math.Min(reference.Length, 20)]}' "
                + "names no cell of a sheet (columns A to XFD, rows 1 to 1048576).");
        }
        return (column - 1, at);
    }

    /// <summary>The value of the cell the reader is on, in <paramref name="column"/>, as text; leaves the reader after
    /// the cell.</summary>
    private string Cell(int column)
    {
        var type = xml.GetAttribute("t");
        var style = xml.GetAttribute("s");
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        string? value = null, inline = null;
        var formula = false;
        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element) xml.Read();
            else if (xml.LocalName == "v") value = xml.ReadElementContentAsString();
            else if (xml.LocalName == "is") inline = Workbook.RichText(xml, CsvReader.MaxRecordLength);
            else
            {
                formula |= xml.LocalName == "f";
                xml.Skip();
            }
        }
        xml.Read();
        // A spreadsheet saves a formula's value as last calculated; a program that writes a workbook without
        // calculating it (a library) saves the formula alone, or with an empty value of no type (openpyxl), which a
        // calculated number or truth value never is (an empty text a formula gives is saved typed "str").
        if (formula && inline is null && (value is null || value.Length == 0 && type is null or "n" or "b"))
        {
            uncalculated ??= column;
            return "";
        }
        var text = type switch
        {
            "s" => value is null ? "" : workbook.SharedString(value) ?? throw new TableFormatException(row,
                $"A cell of the row names shared text {UnicodeText.Excerpt(value)}, which the workbook does not hold."),
            "inlineStr" => inline is null ? "" : Workbook.Text(inline),
            "b" => value switch { "1" => "TRUE", "0" => "FALSE", _ => value ?? "" },
            "str" or "e" => value is null ? "" : Workbook.Text(value),
            "d" => value is null ? "" : WorkbookDates.IsoDay(value),
            _ => value is null ? "" : Number(value, style),
        };
        // The import takes CSV's apostrophe before a formula character (or another apostrophe) as the mark of a text
        // kept from running, and drops it (SpreadsheetText.Restore); a workbook marks such a text with its cell's
        // style (quotePrefix), so a text in one is marked as CSV would mark it, and an apostrophe another text starts
        // with is its own, doubled for Restore to give it back.
        if (type is not ("s" or "inlineStr" or "str")) return text;
        if (workbook.IsQuoted(style)) return SpreadsheetText.Neutralise(text);
        return SpreadsheetText.Restore(text) != text ? "'" + text : text;
    }

    /// <summary>A number as the sheet shows it in text: its day, when its format shows a date (the time of day it
    /// holds read past, as a fact is dated by its day), or its month and year, or year, where that shows no day; its
    /// digits with the leading zeros its format writes (a code, <c>00408</c>); else in invariant digits, at most 15
    /// significant ones as a spreadsheet shows it.</summary>
    private string Number(string value, string? style)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return Workbook.Text(value);
        // A month shown without its day ("6/2021" typed, the month's first day held) reads as the month it shows,
        // which the import refuses for want of a day, as it does that month typed as text.
        if (workbook.IsDate(style) && WorkbookDates.Day(number, workbook.Date1904) is { } day)
            return day.ToString(workbook.DateShown(style), CultureInfo.InvariantCulture);
        if (workbook.Digits(style) is { } digits && Math.Abs(number) < 1e15)
            return number.ToString(digits, CultureInfo.InvariantCulture);
        return number.ToString("G15", CultureInfo.InvariantCulture);
    }
}
