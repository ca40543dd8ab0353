using IsoLedger.Domain;

namespace IsoLedger.Api.Imports;

/// <summary>Reads a table's header: columns in any order and any case, each known and present once, the required
/// ones there. Columns without a name are left out, as the empty columns a spreadsheet adds after the table when it
/// saves it as CSV; a row holding a value in one is refused (<see cref="UnnamedValue"/>).</summary>
public static class CsvHeader
{
    /// <summary>Each column's position, or null with the errors (at most <paramref name="maxErrors"/>) when the header
    /// is not usable. With <paramref name="appendix"/>, a header cell may also name columns in an appendix's words
    /// (<see cref="AppendixColumns"/>): one cell may stand for several ("CSCL, MTCL").</summary>
    public static Dictionary<string, int>? Positions(
        CsvRecord header, IReadOnlyList<string> columns, IReadOnlyList<string> required, List<ImportError> errors,
        int maxErrors = ReportImporter.MaxErrors, bool appendix = false)
    {
        var before = errors.Count;
        // UTF-16 without the byte order mark that says so reads as UTF-8 with a zero byte after each letter.
        if (header.Fields.Any(f => f.Contains('\0')))
        {
            errors.Add(new(header.Line, null, Utf8Lines.Utf16WithoutMark));
            return null;
        }
        var positions = new Dictionary<string, int>();
        // The columns are listed at the first unknown one only: listed at each of a thousand, they made an answer of
        // megabytes out of one line.
        string? firstUnknown = null;
        for (var i = 0; i < header.Fields.Count && errors.Count < maxErrors; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            if (name.Length == 0) continue;
            var named = columns.Contains(name) ? [name]
                : appendix ? AppendixColumns.Read(header.Fields[i]) ?? [] : [];
            if (named.Count == 0)
            {
                var column = UnicodeText.Excerpt(header.Fields[i]);
                errors.Add(new(header.Line, column, firstUnknown is null
                    ? $"Unknown column; the columns are: {string.Join(", ", columns)}"
                        + (appendix ? $"; {AppendixColumns.Hint}." : ".")
                    : $"Unknown column; the columns are listed at the first unknown one, \"{firstUnknown}\"."));
                firstUnknown ??= column;
            }
            foreach (var column in named.Where(column => !positions.TryAdd(column, i)))
                errors.Add(new(header.Line, column, "The column appears twice."));
        }
        foreach (var missing in required.Where(c => !positions.ContainsKey(c)).Take(maxErrors - errors.Count))
            errors.Add(new(header.Line, missing, "This column is required."));
        return errors.Count == before ? positions : null;
    }

    /// <summary>How many rows with a value below a table's first are looked at for a header under a title: a title,
    /// the country's motto and the province's name take a few.</summary>
    public const int TitleRows = 20;

    /// <summary>The <paramref name="required"/> columns <paramref name="header"/> does not name, as written or in an
    /// appendix's words (<see cref="AppendixColumns"/>).</summary>
    public static List<string> Missing(CsvRecord header, IReadOnlyList<string> required)
    {
        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant())
            .Concat(header.Fields.SelectMany(f => AppendixColumns.Read(f) ?? [])).ToHashSet();
        return [.. required.Where(column => !names.Contains(column))];
    }

    /// <summary>The error for a CSV file whose header is under a title, as a spreadsheet saves an appendix with the
    /// title rows above its table ("PHỤ LỤC …" merged across the columns, written as a line of empty fields after
    /// it): a line among the <see cref="TitleRows"/> after <paramref name="first"/> naming the
    /// <paramref name="required"/> columns that <paramref name="first"/> lacks, read from <paramref name="reader"/>;
    /// or null. Named as a workbook's title is (<see cref="SheetReader"/>), rather than judging the title as a
    /// header.</summary>
    public static ImportError? TitleAbove(CsvRecord first, ITableReader reader, IReadOnlyList<string> required)
    {
        if (Missing(first, required).Count == 0) return null;
        for (var looked = 0; looked < TitleRows && reader.Read() is { } record; looked++)
        {
            if (Missing(record, required).Count == 0)
            {
                return new(record.Line, null, $"The table's header is line {record.Line}, below a title (line "
                    + $"{first.Line}): the header is the file's first line; delete the lines above it.");
            }
        }
        return null;
    }

    /// <summary>The column <paramref name="positions"/> finds at <paramref name="index"/> (the first, where a cell of
    /// an appendix's names several), or null where the header names none.</summary>
    public static string? ColumnAt(IReadOnlyDictionary<string, int> positions, int index) =>
        positions.FirstOrDefault(position => position.Value == index).Key;

    /// <summary>The error for <paramref name="record"/> when it has another number of fields than the header on
    /// <paramref name="headerLine"/> (<paramref name="width"/> fields; to <paramref name="headerLastLine"/>, a
    /// header of two rows, named by both, as the columns' names are read from both), or null. Such a line has values
    /// under other columns than the header names (a comma in a value not in quotes, a separator lost or added): read
    /// by the header, each column would be refused for another's value, burying the one error under those it
    /// causes, or a missing cell read as empty. A workbook's row is as wide as its header, unless it holds a value
    /// past the header's last cell.</summary>
    public static ImportError? OtherWidth(CsvRecord record, int headerLine, int width, int? headerLastLine = null) =>
        record.Fields.Count == width ? null
        : new(record.Line, null, $"Line {record.Line} has {record.Fields.Count} fields; the header ("
            + (headerLastLine is { } last && last != headerLine ? $"lines {headerLine}–{last}" : $"line {headerLine}")
            + $") has {width}: its values cannot be told to their columns. "
            + (record.Fields.Count > width
                ? "A value right of the header's last column belongs to none (in a workbook, a cell past the "
                    + "header's last); in CSV a value holding a comma is written in double quotes (\"Sở Nông nghiệp, "
                    + "PTNT\")."
                : "In CSV a value holding a comma is written in double quotes (\"Sở Nông nghiệp, PTNT\"), and every "
                    + "line has as many separators as the header."));

    /// <summary>The error for a value in a column the header gives no name, or null when every such column is empty
    /// in <paramref name="record"/>.</summary>
    public static ImportError? UnnamedValue(CsvRecord record, IReadOnlyDictionary<string, int> positions)
    {
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (record.Fields[i].Trim().Length == 0 || positions.Values.Contains(i)) continue;
            return new ImportError(record.Line, null,
                $"Column {i + 1} has no name in the header, but this line holds a value in it.");
        }
        return null;
    }
}

/// <summary>Tells a line that is a table's <paramref name="header"/> again, in its order or another (two tables joined
/// into one file, a district's block pasted with its header, a table copied from a report's pages with the header each
/// page repeats): read as a row, each of its names would be a bad value, and the rows below a header in another order
/// would be read in the wrong columns. A header of two rows (<paramref name="rows"/>, as an appendix prints it) is
/// told again by either row, the groups' words over the columns too; a name is compared by the column it names
/// (<paramref name="columnOf"/>: "HDKP" is "HĐKP", as one page of a report spells it and the next not), else by its
/// words. The header's names are gathered once, not again for every row.</summary>
public sealed class RepeatedHeader(
    CsvRecord header, IReadOnlyList<CsvRecord>? rows = null, Func<string, string?>? columnOf = null)
{
    private readonly HashSet<string> names =
        (rows ?? [header]).SelectMany(r => r.Fields).Select(f => Name(f, columnOf)).Where(f => f.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string Name(string cell, Func<string, string?>? columnOf) =>
        cell.Trim() is { Length: > 0 } value && columnOf?.Invoke(value) is { } column ? "column " + column
        : UnicodeText.Lowered(cell.Trim());

    /// <summary>The error for <paramref name="record"/> when it is the header again, or null.</summary>
    public ImportError? Of(CsvRecord record)
    {
        var values = 0;
        foreach (var field in record.Fields)
        {
            if (field.Trim().Length == 0) continue;
            if (!names.Contains(Name(field, columnOf))) return null;
            values++;
        }
        if (values < Math.Min(2, names.Count)) return null;
        return new ImportError(record.Line, null, $"The line is the header again (line {header.Line}): two tables "
            + "joined into one file, or a table copied from a report's pages with its header repeated on each? Delete "
            + "it, and check that the rows below it give their values in the columns of the first header.");
    }
}
