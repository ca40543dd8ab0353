namespace IsoLedger.Api.Imports;

/// <summary>A table whose header takes two rows, as an appendix prints it: a merged top cell ("Tình hình áp dụng",
/// "Duy trì áp dụng", "Ghi chú") over the columns it groups ("Xây dựng", "Công bố", "Duy trì"; "Áp dụng 2008",
/// "Áp dụng 2015"), the columns without sub-columns ("TT", "Đơn vị") merged down both rows. A workbook leaves the
/// merged span's other cells empty; a CSV file holds the top cell repeated over its span, or blank. Read as one header
/// on the first row's line: each column named by its cell in the second row, or where that is empty by the first.
/// The second row is taken for part of the header only when every value in it names a column (a row of data never
/// does) and the first names a column down both rows (a title above a header does not); otherwise it is
/// the table's first row, as before. A column merged down both rows is empty in the second (CSV) or holds its value
/// again (a workbook gives a range merged down from the header to the rows below it).</summary>
public sealed class TwoRowHeader(ITableReader inner) : ITableReader
{
    private CsvRecord? held;
    private bool started;

    /// <summary>The header's width, when its second row is wider than its first in a workbook: a sheet's rows are
    /// as wide as its header's first row, or their last cell, and are read as wide as the header.</summary>
    private int width;

    /// <summary>Why the row after the header's first cannot be read: a cell of it (a formula never calculated). It
    /// is no header's second row but the table's first, refused where it is read, where the header is known that
    /// names the cell's column.</summary>
    private TableFormatException? unreadable;

    /// <summary>The rows the last header was read from: its first, and its second where it takes two.</summary>
    public IReadOnlyList<CsvRecord> HeaderRows { get; private set; } = [];

    /// <summary>The reader of the table's file.</summary>
    public ITableReader Inner => inner;

    public string? Sheet => inner.Sheet;

    public string? SheetName => inner.SheetName;

    public CsvRecord? Read()
    {
        if (started)
        {
            if (unreadable is { } cell)
            {
                unreadable = null;
                throw cell;
            }
            var next = held ?? inner.Read();
            held = null;
            return next is not null && next.Fields.Count < width
                ? next with { Fields = [.. next.Fields, .. Enumerable.Repeat("", width - next.Fields.Count)] }
                : next;
        }
        started = true;
        if (inner.Read() is not { } top) return null;
        HeaderRows = [top];
        try
        {
            held = inner.Read();
        }
        catch (TableFormatException cell) when (cell.ColumnIndex is not null)
        {
            unreadable = cell;
            return top;
        }
        if (held is null || Combined(top, held) is not { } header) return top;
        HeaderRows = [top, held];
        held = null;
        if (inner is not CsvReader) width = header.Fields.Count;
        return header;
    }

    /// <summary>The next sheet's header may take two rows too, and be as wide as its own.</summary>
    public bool NextSheet()
    {
        (started, held, width, unreadable) = (false, null, 0, null);
        return inner.NextSheet();
    }

    /// <summary>The header <paramref name="top"/> and <paramref name="below"/> form, or null when
    /// <paramref name="below"/> is no second row of it.</summary>
    public static CsvRecord? Combined(CsvRecord top, CsvRecord below)
    {
        static bool Names(string cell) =>
            ReportRowParser.Columns.Contains(cell.Trim().ToLowerInvariant()) || AppendixColumns.Read(cell) is not null;
        static bool Empty(string cell) => cell.Trim().Length == 0;
        if (below.Fields.All(Empty) || !below.Fields.Where(cell => !Empty(cell)).All(Names)) return null;
        // A workbook's row ends at its last cell: the top row may end before the columns below its last group.
        var width = Math.Max(top.Fields.Count, below.Fields.Count);
        string Top(int i) => i < top.Fields.Count ? top.Fields[i] : "";
        string Below(int i) => i < below.Fields.Count ? below.Fields[i] : "";
        // A column down both rows: empty below (CSV), or its value again (a workbook's range merged down).
        bool Down(int i) => (Empty(Below(i)) || Below(i).Trim() == Top(i).Trim()) && Names(Top(i));
        if (!Enumerable.Range(0, width).Any(Down)) return null;
        return top with { Fields = [.. Enumerable.Range(0, width).Select(i => Empty(Below(i)) ? Top(i) : Below(i))] };
    }

    public void Dispose() => inner.Dispose();
}
