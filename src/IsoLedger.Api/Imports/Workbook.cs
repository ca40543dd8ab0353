using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace IsoLedger.Api.Imports;

/// <summary>An Office Open XML workbook (XLSX, transitional or strict) read as table files: its sheets in order, the
/// texts its cells share and which of its cell styles show a date. Read from its zip archive with
/// <see cref="XmlReader"/> one node at a time, never as a document tree, and within limits that no table reaches but
/// a hostile file would pass (a zip bomb, an XML entity, a table of a million texts): a file past one is refused, and
/// what the reader holds stays within a few tens of MB whatever the file holds. Disposing it closes its archive (not
/// the file).</summary>
public sealed partial class Workbook : IDisposable
{
    /// <summary>The most files its zip archive may list: a workbook holds a few dozen.</summary>
    public const int MaxParts = 10_000;

    /// <summary>The most bytes read out of the archive: some 300 000 rows of a table, and a deflated part unpacks to
    /// at most about a thousand times its size, so a 50 MB zip bomb is cut off after this.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>The longest run of XML without a tag end (<c>&gt;</c>) read: the reader holds a whole tag or text
    /// node, which in a workbook is at most one cell's text (32 767 characters, a few bytes each).</summary>
    public const int MaxMarkupRun = 1024 * 1024;

    /// <summary>The most texts, and characters in all, of the table of texts the cells share, which is held while the
    /// sheet is read: a table's cells share far fewer.</summary>
    public const int MaxSharedStrings = 500_000, MaxSharedCharacters = 8_000_000;

    /// <summary>The most cell formats and number formats a workbook has: Excel's own limit.</summary>
    public const int MaxCellFormats = 64_000;

    public const string Damaged = "The workbook's zip archive is damaged or cut short: save the workbook again as "
        + "Excel Workbook (.xlsx), or the sheet as CSV UTF-8, and import that.";

    private static readonly XmlReaderSettings Xml = new()
    {
        // A workbook's XML never declares a document type: no entity of one is expanded, no external file read.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive zip;
    private readonly Dictionary<string, ZipArchiveEntry> parts;
    private long unpacked;
    private string[] shared = [];
    private (bool Date, string Shown, bool Quoted, string? Digits)[] cellFormats = [];

    private Workbook(ZipArchive zip)
    {
        this.zip = zip;
        parts = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries) parts.TryAdd(entry.FullName, entry);
    }

    public void Dispose() => zip.Dispose();

    /// <summary>The sheets in the workbook's order, each with its part (null for a chart sheet, which holds no
    /// cells) and whether it is hidden (<c>hidden</c>, or <c>veryHidden</c>: shown only to macros).</summary>
    public IReadOnlyList<(string Name, string? Part, bool Hidden)> Sheets { get; private set; } = [];

    /// <summary>Whether the workbook counts its days from 1904 (as Excel for Mac once did) rather than 1900.</summary>
    public bool Date1904 { get; private set; }

    /// <summary>Opens the workbook of <paramref name="file"/> (seekable, from its start): its sheets, shared texts and
    /// styles. Throws <see cref="TableFormatException"/> (line 1) when it is none.</summary>
    public static Workbook Open(Stream file)
    {
        // Every file the archive lists is held while it is read: their number is read first, from the archive's end.
        var listed = ListedParts(file);
        if (listed is null or < 0) throw new TableFormatException(1, Damaged);
        if (listed > MaxParts)
        {
            throw new TableFormatException(1, $"The zip archive lists {listed} files; a workbook holds a "
                + "few dozen: it is no workbook of a table.");
        }
        return Guarded(() => 1, "", () =>
        {
            var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            try
            {
                var workbook = new Workbook(zip);
                workbook.Load();
                return workbook;
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        });
    }

    /// <summary>The number of files the archive's end of central directory lists (a zip64 archive's from its zip64
    /// record), or null when there is no such record: the archive is cut short.</summary>
    private static long? ListedParts(Stream file)
    {
        // The record is 22 bytes and a comment of at most 65 535.
        const int record = 22;
        var tail = new byte[(int)Math.Min(file.Length, record + ushort.MaxValue)];
        file.Position = file.Length - tail.Length;
        file.ReadExactly(tail);
        file.Position = 0;
        for (var at = tail.Length - record; at >= 0; at--)
        {
            if (!tail.AsSpan(at).StartsWith("PK\u0005\u0006"u8)) continue;
            var listed = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            // A zip64 archive may write the most the field holds and its count in the zip64 record, which the
            // locator just before this record points to (some writers use zip64 for a small archive too).
            const int locator = 20;
            var zip64 = at >= locator && tail.AsSpan(at - locator).StartsWith("PK\u0006\u0007"u8);
            return listed == ushort.MaxValue && zip64
                ? Zip64Listed(file, BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at - locator + 8)))
                : listed;
        }
        return null;
    }

    /// <summary>The number of files the zip64 end of central directory record at <paramref name="offset"/> lists, or
    /// null when there is none there.</summary>
    private static long? Zip64Listed(Stream file, long offset)
    {
        var zip64 = new byte[40];
        if (offset < 0 || offset > file.Length - zip64.Length) return null;
        file.Position = offset;
        file.ReadExactly(zip64);
        file.Position = 0;
        return zip64.AsSpan().StartsWith("PK\u0006\u0006"u8)
            ? BinaryPrimitives.ReadInt64LittleEndian(zip64.AsSpan(32))
            : null;
    }

    private void Load()
    {
        var main = Relationships("").FirstOrDefault(r => r.Type.EndsWith("/officeDocument")).Target;
        if (main is null) throw new TableFormatException(1, NoWorkbook());
        if (main.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
        {
            throw new TableFormatException(1, "The file is an Excel Binary Workbook (.xlsb), which the import does "
                + "not read: save it as Excel Workbook (.xlsx) or CSV UTF-8, and import that.");
        }
        var related = Relationships(main);
        var named = new List<(string Name, string? Id, bool Hidden)>();
        Read(main, xml =>
        {
            if (xml.LocalName == "workbookPr")
                Date1904 = xml.GetAttribute("date1904") is "1" or "true";
            else if (xml.LocalName == "sheet")
            {
                if (named.Count == MaxParts) throw Beyond("sheets", MaxParts);
                // r:id, in the transitional or the strict relationships' namespace.
                string? id = null;
                while (xml.MoveToNextAttribute())
                    if (xml.LocalName == "id" && xml.NamespaceURI.Length > 0) id = xml.Value;
                xml.MoveToElement();
                named.Add((xml.GetAttribute("name") ?? $"Sheet {named.Count + 1}", id,
                    xml.GetAttribute("state") is "hidden" or "veryHidden"));
            }
        });
        Sheets = [.. named.Select(sheet => (sheet.Name,
            related.FirstOrDefault(r => r.Id == sheet.Id) is (_, { } type, var target) && type.EndsWith("/worksheet")
                ? target
                : null, sheet.Hidden))];
        // Without them, no cell is a shared text or a date: one that says it is, is refused where it is read.
        if (related.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings")).Target is { } strings
            && parts.ContainsKey(strings))
            shared = SharedStrings(strings);
        if (related.FirstOrDefault(r => r.Type.EndsWith("/styles")).Target is { } styles && parts.ContainsKey(styles))
            cellFormats = CellFormats(styles);
    }

    /// <summary>Why an archive without a workbook is none: an OpenDocument spreadsheet (.ods) says what it is in its
    /// first file.</summary>
    private string NoWorkbook()
    {
        if (parts.GetValueOrDefault("mimetype") is { Length: < 200 } mimetype)
        {
            using var reader = new StreamReader(mimetype.Open());
            if (reader.ReadToEnd().Contains("opendocument.spreadsheet"))
            {
                return "The file is an OpenDocument spreadsheet (.ods), which the import does not read: save it as "
                    + "Excel Workbook (.xlsx) or CSV UTF-8, and import that.";
            }
        }
        return "The file is a zip archive but no workbook (XLSX): it holds no workbook part.";
    }

    /// <summary>The relationships of <paramref name="part"/> ("" for the package's own) to parts of the package,
    /// their targets as part names.</summary>
    private List<(string Id, string Type, string Target)> Relationships(string part)
    {
        var folder = part.Contains('/') ? part[..(part.LastIndexOf('/') + 1)] : "";
        var name = $"{folder}_rels/{part[folder.Length..]}.rels";
        var found = new List<(string, string, string)>();
        if (!parts.ContainsKey(name)) return found;
        Read(name, xml =>
        {
            if (xml.LocalName != "Relationship" || xml.GetAttribute("TargetMode") == "External") return;
            if (found.Count == MaxParts) throw Beyond("relationships", MaxParts);
            found.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "",
                PartName(folder, xml.GetAttribute("Target") ?? "")));
        });
        return found;
    }

    /// <summary>The part a relationship's target names, relative to the folder of the part it is from or, with a
    /// leading slash, to the package.</summary>
    private static string PartName(string folder, string target)
    {
        var path = Uri.UnescapeDataString(target);
        var segments = new List<string>();
        foreach (var segment in (path.StartsWith('/') ? path : folder + path).Split('/'))
        {
            if (segment == ".." && segments.Count > 0) segments.RemoveAt(segments.Count - 1);
            else if (segment is not ("" or "." or "..")) segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    private string[] SharedStrings(string part)
    {
        var strings = new List<string>();
        var characters = 0;
        using var xml = Part(part);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
            {
                xml.Read();
                continue;
            }
            if (strings.Count == MaxSharedStrings) throw Beyond("shared texts", MaxSharedStrings);
            var text = RichText(xml, MaxSharedCharacters - characters);
            characters += text.Length;
            strings.Add(text.Length == 0 ? "" : Text(text));
        }
        return [.. strings];
    }

    /// <summary>Which cell formats (by index) show a number as a date, and which keep a text from being read as a
    /// formula (<c>quotePrefix</c>: typed behind an apostrophe).</summary>
    private (bool Date, string Shown, bool Quoted, string? Digits)[] CellFormats(string part)
    {
        var codes = new Dictionary<int, string>();
        var formats = new List<(int Id, bool Quoted)>();
        var inCellFormats = false;
        Read(part, xml =>
        {
            if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), out var id))
            {
                if (codes.Count == MaxCellFormats) throw Beyond("number formats", MaxCellFormats);
                codes[id] = xml.GetAttribute("formatCode") ?? "";
            }
            else if (xml.LocalName is "cellXfs" or "cellStyleXfs" or "dxfs")
                inCellFormats = xml.LocalName == "cellXfs" && !xml.IsEmptyElement;
            else if (xml.LocalName == "xf" && inCellFormats)
            {
                if (formats.Count == MaxCellFormats) throw Beyond("cell formats", MaxCellFormats);
                formats.Add((int.TryParse(xml.GetAttribute("numFmtId"), out var format) ? format : 0,
                    xml.GetAttribute("quotePrefix") is "1" or "true"));
            }
        });
        return [.. formats.Select(f => codes.TryGetValue(f.Id, out var code)
            ? (WorkbookDates.IsDateFormat(code), WorkbookDates.Shown(code), f.Quoted,
                ZeroPadded().IsMatch(code) ? code : null)
            : (WorkbookDates.IsBuiltInDate(f.Id), WorkbookDates.BuiltInShown(f.Id), f.Quoted, (string?)null))];
    }

    private static TableFormatException Beyond(string what, int limit) =>
        new(Here, $"The workbook holds more than {limit} {what}, as no workbook of a table does.");

    /// <summary>Calls <paramref name="element"/> on every element of <paramref name="part"/>, in order.</summary>
    private void Read(string part, Action<XmlReader> element)
    {
        using var xml = Part(part);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element) element(xml);
    }

    /// <summary>A part's XML, its bytes counted against the limits.</summary>
    public XmlReader Part(string name)
    {
        if (!parts.TryGetValue(name, out var entry))
            throw new TableFormatException(Here, $"The workbook lacks its part {name}: it is damaged. " + SaveAgain);
        return XmlReader.Create(new Unpacked(entry.Open(), this, name), Xml);
    }

    private const string SaveAgain = "Save it again as Excel Workbook (.xlsx), or the sheet as CSV UTF-8.";

    /// <summary>The text of a string item (<c>si</c>, <c>is</c>): its text, or its runs' texts one after the other,
    /// without the phonetic reading some East Asian texts carry. Leaves the reader after the item; throws past
    /// <paramref name="max"/> characters.</summary>
    public static string RichText(XmlReader xml, int max)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        var text = new StringBuilder();
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element) xml.Read();
            else if (xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
                if (text.Length > max) throw new TableFormatException(Here, LongText(max));
            }
            else if (xml.LocalName == "rPh") xml.Skip();
            else xml.Read();
        }
        xml.Read();
        return text.ToString();
    }

    public static string LongText(int max) => $"A text of the workbook is longer than {max} characters, as no "
        + "table's is.";

    /// <summary>The shared text at <paramref name="index"/> (a cell's value).</summary>
    public string? SharedString(string? index) =>
        int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at < shared.Length
            ? shared[at]
            : null;

    /// <summary>Whether the cell format <paramref name="style"/> (a cell's <c>s</c>) shows a number as a date.
    /// </summary>
    public bool IsDate(string? style) => CellFormat(style).Date;

    /// <summary>How a date of the cell format <paramref name="style"/> is read (<see cref="WorkbookDates.Shown"/>).
    /// </summary>
    public string DateShown(string? style) => CellFormat(style).Shown ?? "yyyy-MM-dd";

    /// <summary>Whether the cell format <paramref name="style"/> keeps its text from being read as a formula.
    /// </summary>
    public bool IsQuoted(string? style) => CellFormat(style).Quoted;

    /// <summary>The format <paramref name="style"/> shows a whole number in, when it writes its digits with leading
    /// zeros (<c>00000</c>, perhaps between quoted or escaped characters, <c>"QT-"0000</c>), as offices show the
    /// administrative units' codes (<c>00408</c>); null otherwise. Read without it, the code would lose its zeros.
    /// </summary>
    public string? Digits(string? style) => CellFormat(style).Digits;

    /// <summary>A custom number format of zeros (at least two) between text written as it is, quoted or behind a
    /// backslash; .NET's custom numeric formats read it alike.</summary>
    [GeneratedRegex("""\A(?:"[^"]*"|\\.)*0{2,}(?:"[^"]*"|\\.)*\z""")]
    private static partial Regex ZeroPadded();

    private (bool Date, string Shown, bool Quoted, string? Digits) CellFormat(string? style) =>
        int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at < cellFormats.Length
            ? cellFormats[at]
            : default;

    /// <summary>A cell's text as the table's: the characters XML cannot hold, which a workbook writes as
    /// <c>_xHHHH_</c> (a line break in a cell as <c>_x000D_</c>), written out, in Unicode form C as every field of a
    /// table is.</summary>
    public static string Text(string text) =>
        CsvReader.Normalized(text.Contains("_x") ? Escaped().Replace(text, m =>
            ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text);

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();

    /// <summary>The line of a problem found where the reader is: <see cref="Guarded{T}"/> says which row that is.
    /// </summary>
    private const int Here = 0;

    /// <summary>Runs <paramref name="read"/>, turning what a broken workbook throws into a
    /// <see cref="TableFormatException"/> at <paramref name="line"/> (the row being read).</summary>
    public static T Guarded<T>(Func<int> line, string part, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (TableFormatException e) when (e.Line == Here)
        {
            throw new TableFormatException(line(), e.Message);
        }
        catch (InvalidDataException)
        {
            throw new TableFormatException(line(), Damaged);
        }
        catch (Exception e) when (e is XmlException or NotSupportedException or EndOfStreamException)
        {
            var where = part.Length > 0 ? $"its part {part}" : "one of its parts";
            throw new TableFormatException(line(), $"The workbook is damaged: {where} is not the XML of a workbook "
                + $"({e.Message}). {SaveAgain}");
        }
    }

    /// <summary>A part's bytes as they are unpacked, counted: all parts together at most
    /// <see cref="MaxUnpackedBytes"/>, and no run without a tag end longer than <see cref="MaxMarkupRun"/>.</summary>
    private sealed class Unpacked(Stream inner, Workbook workbook, string part) : Stream
    {
        private int run;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            workbook.unpacked += read;
            if (workbook.unpacked > MaxUnpackedBytes)
            {
                throw new TableFormatException(Here, "The workbook unpacks to more than "
                    + $"{MaxUnpackedBytes / 1024 / 1024} MB, as no workbook of a table does (is it a zip bomb?).");
            }
            // The run that goes on from the bytes before ends at the first tag end, a run after the last goes on.
            var bytes = buffer[..read];
            var firstTagEnd = bytes.IndexOf((byte)'>');
            var runBefore = firstTagEnd < 0 ? run + read : run + firstTagEnd;
            run = firstTagEnd < 0 ? runBefore : read - bytes.LastIndexOf((byte)'>') - 1;
            if (Math.Max(run, runBefore) > MaxMarkupRun)
            {
                throw new TableFormatException(Here, $"The workbook's part {part} holds over "
                    + $"{MaxMarkupRun / 1024 / 1024} MB without a tag, as no workbook does.");
            }
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
