using IsoLedger.Domain;

namespace IsoLedger.Api.Imports;

/// <summary>Reads a table's header: columns in any order and any case, each known and present once, the required
/// ones there. Columns without a name are left out, as the empty columns a spreadsheet adds after the table when it
/// saves it as CSV; a row holding a value in one is refused (<see cref="UnnamedValue"/>).</summary>
public static class CsvHeader
{
    /// <summary>Each column's position, or null with the errors (at most <paramref name="maxErrors"/>) when the header
    /// is not usable.</summary>
    public static Dictionary<string, int>? Positions(
        CsvRecord header, IReadOnlyList<string> columns, IReadOnlyList<string> required, List<ImportError> errors,
        int maxErrors = ReportImporter.MaxErrors)
    {
        var before = errors.Count;
        // UTF-16 without the byte order mark that says so reads as UTF-8 with a zero byte after each letter.
        if (header.Fields.Any(f => f.Contains('\0')))
        {
            errors.Add(new(header.Line, null, Utf8Lines.Utf16WithoutMark));
            return null;
        }
        var positions = new Dictionary<string, int>();
        for (var i = 0; i < header.Fields.Count && errors.Count < maxErrors; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            if (name.Length == 0) continue;
            if (!columns.Contains(name))
            {
                errors.Add(new(header.Line, UnicodeText.Excerpt(header.Fields[i]),
                    $"Unknown column; the columns are: {string.Join(", ", columns)}."));
            }
            else if (!positions.TryAdd(name, i)) errors.Add(new(header.Line, name, "The column appears twice."));
        }
        foreach (var missing in required.Where(c => !positions.ContainsKey(c)).Take(maxErrors - errors.Count))
            errors.Add(new(header.Line, missing, "This column is required."));
        return errors.Count == before ? positions : null;
    }

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
