using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IsoLedger.Api.Reports;

/// <summary>Writes a <see cref="ReportTable"/> as an Office Open XML workbook: a sheet per section, a bold header
/// (two rows with merged cells where columns are grouped) frozen above the rows, widths fitted to the content. Cells
/// hold values, never formulas: text as inline strings through <see cref="SpreadsheetText.Neutralise"/>, numbers as
/// numbers; text a spreadsheet would read as a formula as it is, in a style marked <c>quotePrefix</c>.</summary>
public static partial class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Indexes into <see cref="Styles"/>' cell formats; each style's text-only twin follows it at
    /// <see cref="AsText"/> more.</summary>
    private const uint HeaderStyle = 1, BodyStyle = 2, AsText = 2;

    /// <summary>Widths in characters: narrow columns still show their header, long text wraps rather than making a
    /// column wider than a screen.</summary>
    private const int MinWidth = 5, MaxWidth = 60;

    public static byte[] Write(ReportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            foreach (var section in table.Sections)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(section.Columns ?? table.Columns, section.Rows);
                sheets.Append(new Sheet
                {
                    Id = workbook.GetIdOfPart(part),
                    SheetId = (uint)sheets.ChildElements.Count + 1,
                    Name = section.Name,
                });
            }
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(IReadOnlyList<ReportColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var merges = new MergeCells();
        var data = new SheetData();
        var header = Header(columns, merges);
        data.Append(header);
        var rowIndex = (uint)header.Count;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = ++rowIndex };
            for (var column = 0; column < values.Count; column++)
                if (values[column] is not (null or "")) row.Append(Cell(column, rowIndex, values[column], BodyStyle));
            data.Append(row);
        }

        var frozen = (uint)header.Count;
        var worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = frozen,
                TopLeftCell = Reference(0, frozen + 1),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 }),
            Widths(columns, rows),
            data);
        if (merges.HasChildren) worksheet.Append(merges);
        return worksheet;
    }

    /// <summary>One row of labels; or, where columns are grouped, the groups' labels merged across their columns
    /// above their columns' labels, and the ungrouped columns' labels merged down both rows.</summary>
    private static List<Row> Header(IReadOnlyList<ReportColumn> columns, MergeCells merges)
    {
        var top = new Row { RowIndex = 1 };
        if (columns.All(c => c.Group is null))
        {
            for (var i = 0; i < columns.Count; i++) top.Append(Cell(i, 1, columns[i].Label, HeaderStyle));
            return [top];
        }

        var bottom = new Row { RowIndex = 2 };
        for (var i = 0; i < columns.Count; i++)
        {
            var group = columns[i].Group;
            if (group is null)
            {
                top.Append(Cell(i, 1, columns[i].Label, HeaderStyle));
                bottom.Append(Cell(i, 2, null, HeaderStyle));
                merges.Append(new MergeCell { Reference = $"{Reference(i, 1)}:{Reference(i, 2)}" });
                continue;
            }
            bottom.Append(Cell(i, 2, columns[i].Label, HeaderStyle));
            if (i > 0 && columns[i - 1].Group == group)
            {
                top.Append(Cell(i, 1, null, HeaderStyle));
                continue;
            }
            top.Append(Cell(i, 1, group, HeaderStyle));
            var last = i;
            while (last + 1 < columns.Count && columns[last + 1].Group == group) last++;
            if (last > i) merges.Append(new MergeCell { Reference = $"{Reference(i, 1)}:{Reference(last, 1)}" });
        }
        return [top, bottom];
    }

    private static Cell Cell(int column, uint row, object? value, uint style)
    {
        var cell = new Cell { CellReference = Reference(column, row), StyleIndex = style };
        switch (value)
        {
            case string text:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(
                    new Text(Escaped(XmlText(text))) { Space = SpaceProcessingModeValues.Preserve });
                if (SpreadsheetText.ReadsAsFormula(text)) cell.StyleIndex = style + AsText;
                break;
            case not null:
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
        }
        return cell;
    }

    /// <summary>The text as a workbook's string is written (ECMA-376's ST_Xstring, as Excel writes it): a carriage
    /// return, which XML reads back as a line feed, as <c>_x000D_</c>, and an underscore that starts such an escape as
    /// <c>_x005F_</c>, so that a reader (our import's among them) gets the text back as it was.</summary>
    private static string Escaped(string text) =>
        text.Contains("_x") || text.Contains('\r')
            ? EscapeLike().Replace(text, "_x005F$0").Replace("\r", "_x000D_")
            : text;

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapeLike();

    /// <summary>The text with every character XML cannot carry (a control character, a noncharacter, half a surrogate
    /// pair) shown as U+FFFD: the API refuses such text now, but a ledger may hold some recorded before, and one cell
    /// must not make the whole workbook fail.</summary>
    private static string XmlText(string text)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe?.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe?.Append(text, i, 2);
                i++;
            }
            else
            {
                safe ??= new StringBuilder(text, 0, i, text.Length);
                safe.Append('\uFFFD');
            }
        }
        return safe?.ToString() ?? text;
    }

    private static Columns Widths(IReadOnlyList<ReportColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var widths = new Columns();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = i;
            var longest = rows.Where(r => r.Count > column)
                .Select(r => Convert.ToString(r[column], CultureInfo.InvariantCulture) ?? "")
                .Append(columns[column].Label)
                .Max(text => text.Split('\n').Max(line => line.Length));
            var width = Math.Clamp(longest + 2, MinWidth, MaxWidth);
            widths.Append(new Column
            {
                Min = (uint)column + 1,
                Max = (uint)column + 1,
                Width = width,
                CustomWidth = true,
            });
        }
        return widths;
    }

    /// <summary>A cell's A1 reference from a zero-based column and a one-based row.</summary>
    internal static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return $"{letters}{row}";
    }

    /// <summary>The default format, then the header's (bold, centred, wrapped) and the rows' (wrapped, at the
    /// top), then both again marked <c>quotePrefix</c> (text that would read as a formula); the two fills are the ones
    /// every workbook must start with.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(), Header(quoted: false), Body(quoted: false), Header(quoted: true), Body(quoted: true)));

    private static CellFormat Header(bool quoted) => new(new Alignment
    {
        Horizontal = HorizontalAlignmentValues.Center,
        Vertical = VerticalAlignmentValues.Center,
        WrapText = true,
    })
    { FontId = 1, ApplyFont = true, ApplyAlignment = true, QuotePrefix = quoted };

    private static CellFormat Body(bool quoted) =>
        new(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
        {
            ApplyAlignment = true,
            QuotePrefix = quoted,
        };
}
