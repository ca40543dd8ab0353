using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Alba;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IsoLedger.Api.Imports;
using Microsoft.Extensions.Configuration;
using MiniExcelLibs;

namespace IsoLedger.Api.Tests;

/// <summary>The sample province's table as other programs save a workbook reads as the records of its CSV, row for
/// row: a library (MiniExcel; the Open XML SDK writing element by element, without cell references or shared texts)
/// and the shapes LibreOffice, Google Sheets and WPS give a workbook (inline texts, no shared texts, absolute part
/// names, rows and cells without references, days from 1904, format codes in capitals, an East Asian built-in date
/// format, a sheet named in Vietnamese). What none of them can be read as is refused as a 422 saying why.</summary>
public class WorkbookWritersTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string SampleCsv = File.ReadAllText(Repository.File("ops/sample-data/quang-tri-2020.csv"));
    private static readonly List<IReadOnlyList<object?>?> SampleRows =
        TestWorkbooks.FromCsv(SampleCsv, "report_date", "declared_by");
    private IAlbaHost Host => api.Host;

    private static List<(int Line, List<string> Fields)> Records(Stream file)
    {
        var errors = new List<ImportError>();
        using var table = TableFile.Open(
            file, ReportRowParser.Required, errors, TempFolder.From(new ConfigurationBuilder().Build()));
        Assert.True(table is not null, string.Join("\n", errors));
        var records = new List<(int, List<string>)>();
        while (table.Read() is { } record) records.Add((record.Line, [.. record.Fields]));
        return records;
    }

    private static readonly List<(int Line, List<string> Fields)> CsvRecords =
        Records(new MemoryStream(Encoding.UTF8.GetBytes(SampleCsv)));

    public static TheoryData<string> Writers() =>
        ["miniexcel", "openxml-writer", "libreoffice", "google-sheets", "wps"];

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_workbook_from_another_writer_reads_as_its_CSV(string writer)
    {
        var records = Records(new MemoryStream(Workbook(writer)));

        Assert.Equal(CsvRecords.Count, records.Count);
        foreach (var (csv, sheet) in CsvRecords.Zip(records))
        {
            Assert.Equal(csv.Line, sheet.Line);
            Assert.Equal(csv.Fields, sheet.Fields);
        }
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task A_workbook_from_another_writer_imports_as_its_CSV(string writer)
    {
        var csv = await Host.PostBytes("/api/imports?dryRun=true", Encoding.UTF8.GetBytes(SampleCsv)).Expect(200);
        var sheet = await Host.PostBytes("/api/imports?dryRun=true", Workbook(writer), TestWorkbooks.MediaType)
            .Expect(200);

        foreach (var count in new[] { "rows", "unitsCreated", "eventsAppended" })
            Assert.Equal((int)csv.Json[count]!, (int)sheet.Json[count]!);
    }

    private static byte[] Workbook(string writer) => writer switch
    {
        "miniexcel" => MiniExcelWorkbook(),
        "openxml-writer" => OpenXmlWriterWorkbook(),
        // LibreOffice: shared texts, a custom date format in capitals, references on rows and cells.
        "libreoffice" => Written(new Shape("Phụ lục 1", References: true, SharedStrings: true, Date1904: false,
            DateFormat: 164, DateCode: "DD/MM/YYYY", AbsoluteTargets: false)),
        // Google Sheets and programs like it: inline texts and no shared texts part, rows and cells without
        // references, part names from the package's root, a workbook counting from 1904 (as one made on a Mac).
        "google-sheets" => Written(new Shape("Báo cáo năm 2020", References: false, SharedStrings: false,
            Date1904: true, DateFormat: 165, DateCode: "yyyy\\-mm\\-dd", AbsoluteTargets: true)),
        // WPS in a Chinese region: a built-in East Asian date format named by its number alone.
        _ => Written(new Shape("Bảng tổng hợp", References: true, SharedStrings: true, Date1904: false,
            DateFormat: 57, DateCode: null, AbsoluteTargets: true)),
    };

    /// <summary>The sample's rows by its header, as MiniExcel writes them: its texts as <c>t="str"</c>, part names
    /// from the package's root, dates as dates.</summary>
    private static byte[] MiniExcelWorkbook()
    {
        var header = SampleRows[0]!.Cast<string>().ToList();
        var rows = SampleRows.Skip(1).Select(row => header.Select((name, i) => (name, value: row![i] switch
        {
            DateOnly day => day.ToDateTime(TimeOnly.MinValue),
            var value => value,
        })).ToDictionary(c => c.name, c => c.value)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "Phụ lục");
        return stream.ToArray();
    }

    /// <summary>The sample's rows written element by element with the Open XML SDK's writer, as a program streaming
    /// a large table does: inline texts, no shared texts or styles, no references, dates as ISO 8601 date cells.
    /// </summary>
    private static byte[] OpenXmlWriterWorkbook()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var part = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                foreach (var values in SampleRows)
                {
                    writer.WriteStartElement(new Row());
                    foreach (var value in values!)
                    {
                        writer.WriteElement(value switch
                        {
                            null => new Cell(),
                            string text => new Cell(new InlineString(new Text(text)))
                            {
                                DataType = CellValues.InlineString,
                            },
                            DateOnly day => new Cell(
                                new CellValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                            {
                                DataType = CellValues.Date,
                            },
                            _ => new Cell(new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!)),
                        });
                    }
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(part),
                SheetId = 1,
                Name = "Dữ liệu",
            }));
        }
        return stream.ToArray();
    }

    /// <summary>How a workbook of one sheet is written: its sheet's name, whether rows and cells carry references,
    /// texts are shared or inline, days count from 1904, the date format (a custom code, or a built-in one by number
    /// alone) and whether relationships name parts from the package's root.</summary>
    private sealed record Shape(string SheetName, bool References, bool SharedStrings, bool Date1904, int DateFormat,
        string? DateCode, bool AbsoluteTargets);

    /// <summary>The sample as a workbook of <paramref name="shape"/>, written part by part.</summary>
    private static byte[] Written(Shape shape)
    {
        const string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const string package = "http://schemas.openxmlformats.org/package/2006/relationships";
        var epoch = shape.Date1904 ? new DateOnly(1904, 1, 1) : new DateOnly(1899, 12, 30);
        var strings = new List<string>();
        var sheet = new StringBuilder($"""<worksheet xmlns="{TestWorkbooks.Main}"><sheetData>""");
        for (var index = 0; index < SampleRows.Count; index++)
        {
            var row = index + 1;
            sheet.Append(shape.References ? $"<row r=\"{row}\">" : "<row>");
            var values = SampleRows[index]!;
            for (var column = 0; column < values.Count; column++)
            {
                var reference = shape.References ? $" r=\"{TestWorkbooks.Reference(column, row)}\"" : "";
                sheet.Append(values[column] switch
                {
                    null => $"<c{reference}/>",
                    string text when shape.SharedStrings => $"<c{reference} t=\"s\"><v>{Shared(text)}</v></c>",
                    string text => $"""<c{reference} t="inlineStr"><is><t xml:space="preserve">"""
                        + $"{SecurityElement.Escape(text)}</t></is></c>",
                    DateOnly day => $"<c{reference} s=\"1\"><v>{day.DayNumber - epoch.DayNumber}</v></c>",
                    var number => $"<c{reference}><v>{number}</v></c>",
                });
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        int Shared(string text)
        {
            strings.Add(text);
            return strings.Count - 1;
        }

        var folder = shape.AbsoluteTargets ? "/xl/" : "";
        string Related(string id, string type, string target) =>
            $"""<Relationship Id="{id}" Type="{relationships}/{type}" Target="{folder}{target}"/>""";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] =
                """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""",
            ["_rels/.rels"] = $"""<Relationships xmlns="{package}"><Relationship Id="rId1" """
                + $"""Type="{relationships}/officeDocument" Target="/xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = $"""<workbook xmlns="{TestWorkbooks.Main}" xmlns:r="{relationships}">"""
                + (shape.Date1904 ? """<workbookPr date1904="true"/>""" : "")
                + $"""<sheets><sheet name="{SecurityElement.Escape(shape.SheetName)}" sheetId="1" r:id="rId1"/>"""
                + "</sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = $"""<Relationships xmlns="{package}">"""
                + Related("rId1", "worksheet", "worksheets/sheet1.xml") + Related("rId2", "styles", "styles.xml")
                + (shape.SharedStrings ? Related("rId3", "sharedStrings", "sharedStrings.xml") : "")
                + "</Relationships>",
            ["xl/styles.xml"] = $"""<styleSheet xmlns="{TestWorkbooks.Main}">"""
                + (shape.DateCode is { } code
                    ? $"""<numFmts count="1"><numFmt numFmtId="{shape.DateFormat}" """
                        + $"""formatCode="{SecurityElement.Escape(code)}"/></numFmts>"""
                    : "")
                + $"""<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="{shape.DateFormat}" applyNumberFormat="1"/>"""
                + "</cellXfs></styleSheet>",
            ["xl/worksheets/sheet1.xml"] = sheet.ToString(),
        };
        if (shape.SharedStrings)
        {
            parts["xl/sharedStrings.xml"] = $"""<sst xmlns="{TestWorkbooks.Main}">"""
                + string.Concat(strings.Select(text =>
                    $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></si>"))
                + "</sst>";
        }
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var (name, xml) in parts)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                entry.Write(xml);
            }
        }
        return file.ToArray();
    }
}
