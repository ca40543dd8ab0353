using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IsoLedger.Api.Tests;

/// <summary>A cell written as an inline string rather than a shared one.</summary>
public sealed record Inline(string Text);

/// <summary>A shared string of runs, each its own format, as Excel saves a cell whose words are formatted apart.
/// </summary>
public sealed record Runs(params string[] Texts);

/// <summary>A formula cell with the value Excel calculated last.</summary>
public sealed record Formula(string Expression, object Cached);

/// <summary>A number shown in the format <paramref name="Code"/> (a custom number format).</summary>
public sealed record Formatted(double Number, string Code);

/// <summary>A sheet: its name, rows by row number from 1 (null for a row not written), the ranges it merges, and
/// whether it is hidden (<see cref="Hidden"/>: <c>hidden</c> or <c>veryHidden</c>).</summary>
public sealed record TestSheet(string Name, IReadOnlyList<IReadOnlyList<object?>?> Rows, params string[] Merged)
{
    public string? Hidden { get; init; }
}

/// <summary>Workbooks as Excel saves them, built with the Open XML SDK: texts shared, dates as numbers of days in a
/// date format (built-in 14, or the custom code of a <see cref="Formatted"/> cell), numbers as numbers.</summary>
public static class TestWorkbooks
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build(params TestSheet[] sheets) => Build(date1904: false, sheets);

    public static byte[] Build(bool date1904, params TestSheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            if (date1904) workbook.Workbook.Append(new WorkbookProperties { Date1904 = true });
            var strings = new List<SharedStringItem>();
            var formats = new List<string>();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var index = 0; index < sheet.Rows.Count; index++)
                {
                    if (sheet.Rows[index] is not { } values) continue;
                    var row = new Row { RowIndex = (uint)index + 1 };
                    for (var column = 0; column < values.Count; column++)
                    {
                        if (values[column] is { } value)
                            row.Append(Cell(Reference(column, index + 1), value, date1904, strings, formats));
                    }
                    data.Append(row);
                }
                part.Worksheet = new Worksheet(data);
                if (sheet.Merged.Length > 0)
                    part.Worksheet.Append(new MergeCells(sheet.Merged.Select(r => new MergeCell { Reference = r })));
                sheetList.Append(new Sheet
                {
                    Id = workbook.GetIdOfPart(part),
                    SheetId = (uint)sheetList.ChildElements.Count + 1,
                    Name = sheet.Name,
                    State = sheet.Hidden switch
                    {
                        "hidden" => SheetStateValues.Hidden,
                        "veryHidden" => SheetStateValues.VeryHidden,
                        _ => null,
                    },
                });
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new SharedStringTable(strings);
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles(formats);
        }
        return stream.ToArray();
    }

    /// <summary>Styles: 0 general, 1 the built-in date format 14, then one per custom format code from 164.</summary>
    private static Stylesheet Styles(List<string> formats) => new(
        new NumberingFormats(formats.Select((code, i) =>
            new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = code })),
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
        new Borders(new Border()),
        new CellStyleFormats(new CellFormat()),
        new CellFormats(
            [
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                .. formats.Select((_, i) =>
                    new CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true }),
            ]));

    private static Cell Cell(string reference, object value, bool date1904, List<SharedStringItem> strings,
        List<string> formats)
    {
        var epoch = date1904 ? new DateTime(1904, 1, 1) : new DateTime(1899, 12, 30);
        string Number(double n) => n.ToString(CultureInfo.InvariantCulture);
        Cell Shared(SharedStringItem text)
        {
            strings.Add(text);
            return new Cell
            {
                CellReference = reference,
                DataType = CellValues.SharedString,
                CellValue = new CellValue((strings.Count - 1).ToString(CultureInfo.InvariantCulture))
            };
        }
        uint Style(string code)
        {
            if (!formats.Contains(code)) formats.Add(code);
            return (uint)(2 + formats.IndexOf(code));
        }
        return value switch
        {
            string text => Shared(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve })),
            Runs runs => Shared(new SharedStringItem(runs.Texts.Select(t =>
                new Run(new Text(t) { Space = SpaceProcessingModeValues.Preserve })))),
            Inline inline => new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(inline.Text))
            },
            bool flag => new Cell
            {
                CellReference = reference,
                DataType = CellValues.Boolean,
                CellValue = new CellValue(flag ? "1" : "0")
            },
            int or long or double => new Cell
            {
                CellReference = reference,
                CellValue = new CellValue(Number(Convert.ToDouble(value, CultureInfo.InvariantCulture)))
            },
            DateOnly day => new Cell
            {
                CellReference = reference,
                StyleIndex = 1,
                CellValue = new CellValue(Number((day.ToDateTime(TimeOnly.MinValue) - epoch).TotalDays))
            },
            DateTime moment => new Cell
            {
                CellReference = reference,
                StyleIndex = Style("dd/mm/yyyy hh:mm"),
                CellValue = new CellValue(Number((moment - epoch).TotalDays))
            },
            Formatted formatted => new Cell
            {
                CellReference = reference,
                StyleIndex = Style(formatted.Code),
                CellValue = new CellValue(Number(formatted.Number))
            },
            Formula formula => new Cell(new CellFormula(formula.Expression),
                new CellValue(formula.Cached is string s ? s : Number(Convert.ToDouble(formula.Cached,
                    CultureInfo.InvariantCulture))))
            {
                CellReference = reference,
                DataType = formula.Cached is string ? CellValues.String : null,
            },
            _ => throw new ArgumentException($"No cell for {value.GetType()}"),
        };
    }

    public static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of a CSV file, as a sheet's: its header and rows, each text a shared string, a whole number
    /// a number and a date of <paramref name="dateColumns"/> a date cell.</summary>
    public static List<IReadOnlyList<object?>?> FromCsv(string csv, params string[] dateColumns)
    {
        var lines = new List<IReadOnlyList<object?>?>();
        var reader = IsoLedger.Api.Imports.CsvReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), true);
        var header = reader.Read()!;
        lines.Add([.. header.Fields]);
        var dates = dateColumns.Select(c => header.Fields.ToList().IndexOf(c)).ToHashSet();
        while (reader.Read() is { } record)
        {
            lines.Add([.. record.Fields.Select<string, object?>((field, i) =>
                field.Length == 0 ? null
                : dates.Contains(i) ? DateOnly.ParseExact(field, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : int.TryParse(field, out var number) ? number
                : field)]);
        }
        return lines;
    }

    /// <summary>A workbook written part by part into a zip archive, for what the SDK would not write: a hostile
    /// sheet, shared strings or styles, a workbook part of one's own. Each part is its XML, as it is.</summary>
    public static byte[] Raw(string sheet, string? sharedStrings = null, string? workbook = null, string? styles = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (name, xml) in Parts(sheet, sharedStrings, workbook, styles))
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                entry.Write(xml);
            }
        }
        return stream.ToArray();
    }

    /// <summary>The parts of <see cref="Raw"/>, by name.</summary>
    public static Dictionary<string, string> Parts(
        string sheet, string? sharedStrings = null, string? workbook = null, string? styles = null)
    {
        const string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const string package = "http://schemas.openxmlformats.org/package/2006";
        string Related(params (string Id, string Type, string Target)[] related) =>
            $"""<Relationships xmlns="{package}/relationships">"""
            + string.Concat(related.Select(r =>
                $"""<Relationship Id="{r.Id}" Type="{relationships}/{r.Type}" Target="{r.Target}"/>"""))
            + "</Relationships>";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = $"""<Types xmlns="{package}/content-types"><Default Extension="xml" """
                + """ContentType="application/xml"/></Types>""",
            ["_rels/.rels"] = Related(("rId1", "officeDocument", "xl/workbook.xml")),
            ["xl/workbook.xml"] = workbook ?? $"""<workbook xmlns="{Main}" xmlns:r="{relationships}"><sheets>"""
                + """<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = Related(("rId1", "worksheet", "worksheets/sheet1.xml"),
                ("rId2", "sharedStrings", "sharedStrings.xml"), ("rId3", "styles", "/xl/styles.xml")),
            ["xl/worksheets/sheet1.xml"] = sheet,
        };
        if (sharedStrings is not null) parts["xl/sharedStrings.xml"] = sharedStrings;
        if (styles is not null) parts["xl/styles.xml"] = styles;
        return parts;
    }

    /// <summary>A worksheet's XML around <paramref name="rows"/> (each a <c>row</c> element).</summary>
    public static string SheetXml(string rows) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>{rows}</sheetData>"""
        + "</worksheet>";

    /// <summary>The namespace of a workbook's parts.</summary>
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A row of inline strings from column A.</summary>
    public static string InlineRow(int row, params string[] cells) =>
        $"<row r=\"{row}\">" + string.Concat(cells.Select((text, column) =>
            $"<c r=\"{Reference(column, row)}\" t=\"inlineStr\"><is><t>{text}</t></is></c>")) + "</row>";

    /// <summary>A zip archive of the files given.</summary>
    public static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (name, text) in files)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open());
                entry.Write(text);
            }
        }
        return stream.ToArray();
    }

    /// <summary>A workbook whose shared strings, a few hundred kB deflated, unpack past the reader's limit.</summary>
    public static byte[] ZipBomb()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var (name, xml) in Parts(SheetXml("")))
            {
                using var part = zip.CreateEntry(name).Open();
                part.Write(Encoding.UTF8.GetBytes(xml));
            }
            using var strings = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            var empties = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<x/>", 1 << 16)));
            strings.Write("<sst>"u8);
            for (var written = 0L; written <= Imports.Workbook.MaxUnpackedBytes; written += empties.Length)
                strings.Write(empties);
            strings.Write("</sst>"u8);
        }
        return file.ToArray();
    }
}
