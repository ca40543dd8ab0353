using System.Globalization;
using System.Text;
using IsoLedger.Api.Hosting;
using IsoLedger.Domain;

namespace IsoLedger.Api.Imports;

/// <summary>A CSV record with the line it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>Reads RFC 4180 CSV one record at a time: comma separated, fields optionally in double quotes (a quote
/// inside doubled), LF, CRLF or CR line ends (Excel for Mac's "CSV (Macintosh)" ends its lines with CR alone), UTF-8
/// with or without BOM. Every field is returned in Unicode form C. A record is at most <see cref="MaxRecordLength"/>
/// characters long, so that what a record holds in memory does not grow with the file.</summary>
public sealed class CsvReader(TextReader text)
{
    /// <summary>The longest record read, in characters: far above any table row (a few dozen fields of at most
    /// <see cref="Validation.MaxText"/> characters), far below the size of an upload.</summary>
    public const int MaxRecordLength = 100_000;

    private int line = 1;

    public static CsvReader Open(Stream stream) =>
        new(new StreamReader(
            stream,
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true));

    /// <summary>The next record, or null at the end. Throws <see cref="CsvFormatException"/> on a broken
    /// quote.</summary>
    public CsvRecord? Read()
    {
        if (text.Peek() < 0) return null;
        var startLine = line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var inQuotes = false;
        var length = 0;
        while (true)
        {
            var c = text.Read();
            if (++length > MaxRecordLength)
            {
                throw new CsvFormatException(startLine, $"The line is longer than {MaxRecordLength} characters, "
                    + "as no row of a table is: is the file a CSV table?");
            }
            if (inQuotes)
            {
                if (c < 0)
                    throw new CsvFormatException(startLine, "A quoted field is not closed before the end of the file.");
                if (c == '"')
                {
                    if (text.Peek() == '"') { text.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n' || c == '\r' && text.Peek() != '\n') line++;
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
                    throw new CsvFormatException(line,
                        "A quote may only stand at the start of a field (write it doubled inside a quoted field).");
                case ',':
                    fields.Add(Normalized(field.ToString()));
                    field.Clear();
                    quoted = false;
                    break;
                case '\r' when text.Peek() == '\n':
                    break;
                case '\n' or '\r' or -1:
                    if (c != -1) line++;
                    fields.Add(Normalized(field.ToString()));
                    return new CsvRecord(startLine, fields);
                default:
                    if (quoted)
                        throw new CsvFormatException(line,
                            "Nothing may follow a quoted field but a comma or the line end.");
                    field.Append((char)c);
                    break;
            }
        }
    }

    /// <summary>The field in Unicode form C; a field holding what is no text (a noncharacter, half a surrogate pair),
    /// which .NET cannot normalise, as it is, for the column's check to reject.</summary>
    private static string Normalized(string field) =>
        UnicodeText.FirstNotText(field) < 0 ? field.Normalize() : field;

    /// <summary>A date as ISO writes it, or as Vietnamese tables do (19/11/2020): the date formats of every
    /// import.</summary>
    public static bool TryDate(string? text, out DateOnly date) => DateOnly.TryParseExact(
        text, ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Why a date column's text is no date.</summary>
    public static string NotADate(string? text) => string.IsNullOrEmpty(text)
        ? "Required: a date as YYYY-MM-DD or DD/MM/YYYY."
        : $"'{Problems.Echo(text)}' is no date: write YYYY-MM-DD or DD/MM/YYYY.";
}

public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>Finds where a file stops being UTF-8.</summary>
public static class Utf8Lines
{
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
