using System.Text;

namespace IsoLedger.Api.Reports;

/// <summary>Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A string field
/// is text, written through <see cref="SpreadsheetText.Neutralise"/>; any other field (a number) is written as it
/// is.</summary>
public sealed class CsvWriter
{
    private readonly StringBuilder text = new();

    public CsvWriter Row(params IEnumerable<object?> fields)
    {
        text.AppendJoin(',', fields.Select(field => Escape(field is string cell
            ? SpreadsheetText.Neutralise(cell)
            : Convert.ToString(field, System.Globalization.CultureInfo.InvariantCulture) ?? "")));
        text.Append("\r\n");
        return this;
    }

    private static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";

    /// <summary>UTF-8 with a byte-order mark, so that spreadsheet programs read the Vietnamese letters right.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
}
