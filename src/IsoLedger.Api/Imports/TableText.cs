using System.Text;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Reports;
using IsoLedger.Domain;
using IsoLedger.Domain.Imports;

namespace IsoLedger.Api.Imports;

/// <summary>What is wrong with a text cell of an imported table (a report's or a restructuring's), or null: a character
/// the API refuses, a spreadsheet's error value, or letters lost to an encoding on the way (decoded in the wrong one,
/// replaced by U+FFFD or by "?"). A cell with a problem is not read further: a province holding a noncharacter cannot
/// be looked up, and a unit named with question marks would be another unit to the next table.</summary>
public static class TableText
{
    /// <summary>Windows-1252 dropping what it cannot encode, so that a text holding such a character encodes to
    /// fewer bytes than it has characters (every character it can encode is one byte).</summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(
        1252, new EncoderReplacementFallback(""), DecoderFallback.ReplacementFallback)!;

    /// <summary>The problem of <paramref name="value"/>, or null. A question mark touching a letter is a letter lost
    /// (<see cref="LostLetters"/>) but where <paramref name="questionMarksAllowed"/>: free text (a declaration's scope,
    /// an inspection's notes) may end a question with one, and a code's pattern refuses one, saying what a code is.
    /// </summary>
    public static string? Problem(string value, bool questionMarksAllowed = false)
    {
        if ((Validation.TextProblem(value) ?? SpreadsheetText.ErrorProblem(value)) is { } problem) return problem;
        if (Misread(value) is { } meant)
        {
            return $"Reads like \"{meant}\" decoded in the wrong encoding (Windows-1252): save the table as CSV UTF-8 "
                + "from the original.";
        }
        if (value.Contains('\uFFFD'))
            return "Holds U+FFFD (�), a character lost when the file went through another encoding.";
        if (!questionMarksAllowed && LostLetters.In(value))
        {
            return $"'{UnicodeText.Excerpt(value)}' has \"?\" in place of letters: its Vietnamese letters were lost to "
                + "an encoding without them when the table was saved (as Excel's plain \"CSV (Comma delimited)\" may). "
                + "Save it again from the original as \"CSV UTF-8 (Comma delimited)\" or as a workbook.";
        }
        return null;
    }

    /// <summary>The text <paramref name="value"/> was before a program read its UTF-8 bytes as Windows-1252 ("UBND
    /// XÃ£ Gia CÃ¡t" for "UBND Xã Gia Cát"), or null when it does not read so. Vietnamese written correctly never does:
    /// its letters outside Windows-1252 cannot be encoded back, and those inside do not form UTF-8. Judged without
    /// exceptions: nearly every Vietnamese text of an import fails one of the two tests, and an encoder's or
    /// decoder's exception per field was the largest single cost of reading a table.</summary>
    private static string? Misread(string value)
    {
        if (value.All(char.IsAscii)) return null;
        var bytes = Windows1252.GetBytes(value);
        if (bytes.Length != value.Length || !System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        var meant = Encoding.UTF8.GetString(bytes).Normalize();
        return meant != value ? meant : null;
    }
}
