namespace IsoLedger.Api.Reports;

/// <summary>A column of a report's table: its label, and the label of the group it belongs to where the report
/// heads several columns together (the summary's tiers under "Chia ra theo cấp hành chính").</summary>
public sealed record ReportColumn(string Label, string? Group = null);

/// <summary>A part of a report's rows that a workbook gives a sheet of its own (an appendix's level group), with
/// the sheet's name (at most 31 characters, as spreadsheets allow), and its own columns where they differ from the
/// table's (a report of several tables).</summary>
public sealed record ReportSection(
    string Name, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<ReportColumn>? Columns = null);

/// <summary>A report's table described once for every format: its columns and its rows in sections, each cell a
/// string (text, always written through <see cref="SpreadsheetText.Neutralise"/>) or a number. CSV writes the
/// columns' labels and then every section's rows (a section with columns of its own after a blank line and its own
/// labels); a workbook gives each section a sheet under the grouped header.</summary>
public sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportSection> Sections)
{
    public byte[] ToCsv()
    {
        var csv = new CsvWriter();
        IReadOnlyList<ReportColumn>? written = null;
        foreach (var section in Sections)
        {
            var columns = section.Columns ?? Columns;
            if (!ReferenceEquals(columns, written))
            {
                if (written is not null) csv.Row();
                csv.Row(columns.Select(c => c.Label));
                written = columns;
            }
            foreach (var row in section.Rows) csv.Row(row);
        }
        return csv.ToBytes();
    }

    public byte[] ToXlsx() => XlsxWriter.Write(this);
}
