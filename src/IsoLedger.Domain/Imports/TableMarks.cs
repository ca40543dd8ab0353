using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Imports;

/// <summary>A mark as the provinces' tables write it in a column of steps (the step was taken that year): <c>x</c>
/// (also as the multiplication sign × a word processor's symbols give, or the full-width ｘ of East Asian input), a
/// tick (✓, ✔, √, ☑, ✅, also with the emoji variation selector an editor adds unseen), the words "có" (yes) and
/// "đạt" (achieved), "đã" (done) alone or with the step ("Đã thực hiện", "Đã ban hành", "Đã báo cáo"), or 1 (the
/// tick of a table that sums its columns), in any letter case and in brackets too ("(x)"); an empty cell, or
/// "không", "ko", "chưa" (no, not yet), 0 or a dash alone, or one of these and the step ("Chưa thực hiện"), is no
/// mark. A ditto ("-nt-", "như trên": as above) is refused: it repeats the row above, which the row
/// cannot be read without.</summary>
public static partial class TableMarks
{
    private static readonly HashSet<string> Yes = ["x", "×", "ｘ", "✓", "✔", "√", "☑", "✅", "có", "đạt", "đã", "1"];
    private static readonly HashSet<string> No = ["", "không", "ko", "chưa", "0", "-", "–", "—"];
    private static readonly HashSet<string> Ditto = ["nt", "-nt-", "như trên", "〃"];

    /// <summary>Whether <paramref name="text"/> marks the step, or null when it is no mark.</summary>
    public static bool? Read(string? text)
    {
        var written = Written(text);
        if (Yes.Contains(written) || Done().IsMatch(written)) return true;
        return No.Contains(written) || NotDone().IsMatch(written) ? false : null;
    }

    /// <summary>The steps a table says were taken ("Đã thực hiện", "Đã ban hành") or not ("Chưa thực hiện").</summary>
    private const string Steps =
        "(?:thực hiện|ban hành|báo cáo|tổ chức|xây dựng|công bố|thành lập|kiện toàn|hoàn thành)";

    [GeneratedRegex("^đã " + Steps + "\\.?$")]
    private static partial Regex Done();

    [GeneratedRegex("^(?:chưa|không|ko) " + Steps + "\\.?$")]
    private static partial Regex NotDone();

    /// <summary>Why <paramref name="text"/> is no mark.</summary>
    public static string NotAMark(string? text) => Ditto.Contains(Written(text))
        ? $"'{text}' (như trên, as above) repeats the row above: write the mark itself (x) or leave the cell empty."
        : $"'{UnicodeText.Excerpt(text ?? "")}' is not a mark: write x (or a tick ✓, √, or có, đạt, đã, 1) or leave "
            + "it empty (or không, chưa, 0).";

    private static string Written(string? text)
    {
        var written = UnicodeText.Lowered((text ?? "").Replace("\uFE0F", "").Replace("\uFE0E", ""));
        return Bracketed().Match(written) is { Success: true } inner ? inner.Groups[1].Value.Trim() : written;
    }

    [GeneratedRegex(@"^[(\[]([^()\[\]]*)[)\]]$")]
    private static partial Regex Bracketed();
}
