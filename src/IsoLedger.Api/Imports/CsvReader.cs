using System.Text;
using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using IsoLedger.Domain.Imports;

namespace IsoLedger.Api.Imports;

/// <summary>A CSV record with the line it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>Reads RFC 4180 CSV one record at a time: fields optionally in double quotes (a quote inside doubled), LF,
/// CRLF or CR line ends (Excel for Mac's "CSV (Macintosh)" ends its lines with CR alone), UTF-8 with or without BOM,
/// or UTF-16 with its BOM. Fields are separated by commas or, for a table whose header names its columns
/// (<paramref name="separatorFromHeader"/>), by semicolons or tabs as its first line shows: the one it holds most
/// often outside quotes (commas before semicolons before tabs, as often). Excel saves "CSV" with the list separator
/// of the computer's region (';' where the decimal separator is ',', as in Vietnamese) and "Unicode Text", the one
/// table older versions of Excel save Vietnamese in, as UTF-16 with tabs. Every field is returned in Unicode form C.
/// A record is at most <see cref="MaxRecordLength"/> characters long, so that what a record holds in memory does not
/// grow with the file.</summary>
public sealed class CsvReader(TextReader text, bool separatorFromHeader = false) : ITableReader
{
    /// <summary>The longest record read, in characters: far above any table row (a few dozen fields of at most
    /// <see cref="Validation.MaxText"/> characters), far below the size of an upload.</summary>
    public const int MaxRecordLength = 100_000;

    private int line = 1;

    /// <summary>A CSV file is one table.</summary>
    public string? Sheet => null;

    public string? SheetName => null;

    public bool NextSheet() => false;

    public void Dispose() => text.Dispose();

    /// <summary>The file's separator, once its first line has been read ahead to find it.</summary>
    private char? separator;

    /// <summary>The first line, read ahead, and how much of it the records have taken.</summary>
    private string firstLine = "";
    private int firstLineRead;

    private int Next() => firstLineRead < firstLine.Length ? firstLine[firstLineRead++] : text.Read();

    private int Peek() => firstLineRead < firstLine.Length ? firstLine[firstLineRead] : text.Peek();

    /// <summary>Reads the first line ahead (with its line end) and finds the separator in it.</summary>
    private char FirstLineSeparator()
    {
        var read = new StringBuilder();
        int c;
        while (read.Length <= MaxRecordLength && (c = text.Read()) >= 0)
        {
            read.Append((char)c);
            if (c == '\n') break;
            if (c != '\r') continue;
            if (text.Peek() == '\n') read.Append((char)text.Read());
            break;
        }
        firstLine = read.ToString();
        // The one the header holds most often outside quotes: a header's name may hold another ("CSCL, MTCL" or "Duy
        // trì áp dụng, cải tiến" unquoted in a table separated by semicolons or tabs, as Excel saves them).
        char[] separators = [',', ';', '\t'];
        var unquoted = new int[separators.Length];
        var inQuotes = false;
        foreach (var letter in firstLine)
        {
            if (letter == '"') inQuotes = !inQuotes;
            else if (!inQuotes && Array.IndexOf(separators, letter) is var i and >= 0) unquoted[i]++;
        }
        var most = 0;
        for (var i = 1; i < separators.Length; i++) if (unquoted[i] > unquoted[most]) most = i;
        return separators[most];
    }

    public static CsvReader Open(Stream stream, bool separatorFromHeader = false) =>
        new(new StreamReader(
            stream,
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true), separatorFromHeader);

    /// <summary>The next record, or null at the end. Throws <see cref="TableFormatException"/> on a broken
    /// quote.</summary>
    public CsvRecord? Read()
    {
        separator ??= separatorFromHeader ? FirstLineSeparator() : ',';
        if (Peek() < 0) return null;
        var startLine = line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var inQuotes = false;
        var length = 0;
        while (true)
        {
            var c = Next();
            if (++length > MaxRecordLength)
            {
                throw new TableFormatException(startLine, $"The line is longer than {MaxRecordLength} characters, "
                    + "as no row of a table is: is the file a CSV table?");
            }
            if (inQuotes)
            {
                if (c < 0)
                {
                    throw new TableFormatException(
                        startLine, "A quoted field is not closed before the end of the file.");
                }
                if (c == '"')
                {
                    if (Peek() == '"') { Next(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n' || c == '\r' && Peek() != '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !quoted:
                    quoted = inQuotes = true;
                    break;
                case '"':
                    throw new TableFormatException(line,
                        "A quote may only stand at the start of a field (write it doubled inside a quoted field).");
                case ',' or ';' or '\t' when c == separator:
                    fields.Add(Normalized(field.ToString()));
                    field.Clear();
                    quoted = false;
                    break;
                case '\r' when Peek() == '\n':
                    break;
                case '\n' or '\r' or -1:
                    if (c != -1) line++;
                    fields.Add(Normalized(field.ToString()));
                    return new CsvRecord(startLine, fields);
                default:
                    if (quoted)
                        throw new TableFormatException(line,
                            "Nothing may follow a quoted field but the separator or the line end.");
                    field.Append((char)c);
                    break;
            }
        }
    }

    /// <summary>The field in Unicode form C, without invisible characters at its ends
    /// (<see cref="UnicodeText.WithoutInvisibleEnds"/>: a byte order mark that began a joined file's line is no part of
    /// the code it stands before); a field holding what is no text (a noncharacter, half a surrogate pair), which .NET
    /// cannot normalise, as it is, for the column's check to reject.</summary>
    public static string Normalized(string field)
    {
        var trimmed = UnicodeText.WithoutInvisibleEnds(field);
        return UnicodeText.FirstNotText(trimmed) < 0 ? trimmed.Normalize() : trimmed;
    }

    /// <summary>A date as ISO writes it, or as Vietnamese tables do (19/11/2020, 19.11.2020, ngày 19/11/2020, …;
    /// <see cref="TableDates"/>): the date formats of every import.</summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        var read = TableDates.Read(text);
        date = read.GetValueOrDefault();
        return read is not null;
    }

    /// <summary>Why a date column's text is no date.</summary>
    public static string NotADate(string? text) => TableDates.NotADay(text);
}

/// <summary>Finds where a file stops being UTF-8, and what it is instead.</summary>
public static class Utf8Lines
{
    /// <summary>Why a file of UTF-16 without its byte order mark is refused: read as UTF-8, its letters come with zero
    /// bytes between them.</summary>
    public const string Utf16WithoutMark = "The file holds zero bytes: it is UTF-16 (or another encoding) without the "
        + "byte order mark that names it. Save the table as CSV UTF-8, or as Excel's Unicode Text.";

    /// <summary>Why a file that is not UTF-8 is refused, and what it likely is: Excel's plain "CSV" on a Windows set to
    /// Vietnamese saves its code page, Windows-1258; older files use the fonts' own encodings, TCVN3 (ABC) or VNI.
    /// Neither says which it is, and reading one as the other records wrong names.</summary>
    public const string NotUtf8 = "The file is not UTF-8 text: it is in another encoding, such as Windows-1258 (as "
        + "Excel's \"CSV (Comma delimited)\" saves Vietnamese), TCVN3 (ABC) or VNI. Save the table as \"CSV UTF-8 "
        + "(Comma delimited)\", or as Excel's Unicode Text, and import that.";

    /// <summary>Why <paramref name="file"/>, read from its start, is no table the import reads: UTF-16 without its
    /// byte order mark, or text that is not UTF-8 from the line of its first bad byte.</summary>
    public static ImportError NotText(Stream file)
    {
        var start = new byte[2];
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        // A header's first letter in UTF-16, little or big endian: a zero byte beside it.
        if (read >= 2 && start[0] == 0 != (start[1] == 0)) return new ImportError(1, null, Utf16WithoutMark);
        file.Position = 0;
        return new ImportError(FirstInvalid(file), null, NotUtf8);
    }

    /// <summary>The line (from 1) holding the first byte sequence that is not UTF-8, or the last line if there is
    /// none.</summary>
    public static int FirstInvalid(Stream file)
    {
        var buffer = new byte[64 * 1024];
        var line = 1;
        var carried = 0;
        // A line ends at LF, at CR LF or at a CR alone, as the reader reads it.
        var afterCarriageReturn = false;
        int read;
        while ((read = file.Read(buffer.AsSpan(carried))) > 0 || carried > 0)
        {
            var end = read == 0;
            var chunk = buffer.AsSpan(0, carried + read);
            var status = System.Text.Unicode.Utf8.ToUtf16(chunk, new char[chunk.Length], out var valid, out _,
                replaceInvalidSequences: false, isFinalBlock: end);
            foreach (var b in chunk[..valid])
            {
                if (b == '\r' || b == '\n' && !afterCarriageReturn) line++;
                afterCarriageReturn = b == '\r';
            }
            if (status == System.Buffers.OperationStatus.InvalidData) return line;
            // An incomplete sequence at the chunk's end waits for the next chunk's bytes.
            carried = chunk.Length - valid;
            chunk[valid..].CopyTo(buffer);
            if (end) break;
        }
        return line;
    }
}
