using System.Text.RegularExpressions;

namespace IsoLedger.Api.Reports;

/// <summary>The one rule for text cells of every spreadsheet export: a spreadsheet program runs a CSV cell that
/// starts with a formula character, so such text ("=HYPERLINK(…)", "+1", "@SUM(A1)") is written behind an apostrophe,
/// which spreadsheets show as text and hide (OWASP "CSV injection"). A workbook's text cell is a value and never runs;
/// one that <see cref="ReadsAsFormula"/> keeps its text as it is and is marked as text typed behind an apostrophe
/// (the cell style's <c>quotePrefix</c>), so that editing it in a spreadsheet does not turn it into a formula. Text
/// that already starts with an apostrophe before such a character, or before another apostrophe, gets one more, so
/// that <see cref="Restore"/> undoes <see cref="Neutralise"/> exactly and an import of our own export keeps the
/// original text. Only text goes through here: numbers the writers produce are never prefixed.</summary>
public static partial class SpreadsheetText
{
    private const char Escape = '\'';

    /// <summary>The characters a spreadsheet may read as the start of a formula: OWASP's list (a program that trims
    /// the tab or the carriage return reads what follows), the line feed for the same reason, and the fullwidth forms
    /// because some programs fold them to the ASCII ones.</summary>
    private static bool IsTrigger(char c) =>
        c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '＝' or '＋' or '－' or '＠';

    private static bool Escaped(string text) =>
        text.Length > 1 && text[0] == Escape && (IsTrigger(text[1]) || text[1] == Escape);

    /// <summary>Whether a spreadsheet would read the text, typed into a cell, as a formula.</summary>
    public static bool ReadsAsFormula(string text) => text.Length > 0 && IsTrigger(text[0]);

    /// <summary>The text as a spreadsheet cell that no program runs as a formula.</summary>
    public static string Neutralise(string text) =>
        (text.Length > 0 && IsTrigger(text[0])) || Escaped(text) ? Escape + text : text;

    /// <summary>The original text of a cell written by <see cref="Neutralise"/>.</summary>
    public static string Restore(string cell) => Escaped(cell) ? cell[1..] : cell;

    /// <summary>Why an imported cell's text is no value anybody wrote, or null: it is the error a spreadsheet shows
    /// where a formula failed (Excel's <c>#REF!</c>, <c>#N/A</c>, …, LibreOffice's <c>Err:502</c>), which a workbook
    /// stores as an error cell and CSV saves as its text; recorded, it would name a unit "#REF!".</summary>
    public static string? ErrorProblem(string text) => ShownError().IsMatch(text)
        ? $"Shows the spreadsheet error {text}: the formula in the cell failed (a row or sheet it refers to was "
            + "deleted, a lookup found nothing); correct it, or type the value, and import the file again."
        : null;

    [GeneratedRegex(@"\A(?:#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!"
        + @"|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)|Err:[0-9]{3})\z")]
    private static partial Regex ShownError();
}
