using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Imports;

/// <summary>The declared column as tables write it: a mark (<see cref="TableMarks"/>), or, as a list of the units that
/// declared ("danh sách cơ quan đã công bố") gives it, the declaration's day ("15/8/2018", "ngày 15/8/2018",
/// <see cref="TableDates"/>) or the decision that declared ("Số 85/QĐ-UBND ngày 15/8/2018", "QĐ số 85/QĐ-UBND",
/// "85/QĐ-UBND (15/8/2018)", "12/2019/QĐ-UBND"): the unit declared, on the day the cell gives, if it gives one, by the
/// decision numbered as written. A decision followed by anything but a day, or any other text, is refused, not
/// guessed.</summary>
/// <param name="Declared">Whether the unit is declared.</param>
/// <param name="On">The day the cell gives the declaration, or null.</param>
/// <param name="DecisionNo">The number of the decision the cell gives ("85/QĐ-UBND"), in its own letter case, or
/// null.</param>
public sealed partial record DeclarationCell(bool Declared, DateOnly? On, string? DecisionNo = null)
{
    /// <summary>The declaration <paramref name="text"/> gives, or null when it reads as none.</summary>
    public static DeclarationCell? Read(string? text)
    {
        if (TableMarks.Read(text) is { } marked) return new(marked, null);
        if (TableDates.Read(text) is { } day) return new(true, day);
        var spaced = UnicodeText.Spaced(text ?? "");
        if (Decision().Match(spaced.ToLowerInvariant()) is not { Success: true } decision) return null;
        var number = decision.Groups["number"];
        // A sentence's full stop after the number ("… 85/QĐ-UBND.") is no part of it.
        var decisionNo = spaced.Substring(number.Index, number.Length).TrimEnd('.', '-');
        var after = decision.Groups["after"].Value.Trim(' ', ',', ';', '(', ')');
        return after.Length == 0 ? new(true, null, decisionNo)
            : TableDates.Read(after) is { } on ? new(true, on, decisionNo)
            : null;
    }

    /// <summary>The cell giving a declaration on <paramref name="on"/> by the decision <paramref name="decisionNo"/> as
    /// a list of declared units writes it ("Số 85/QĐ-UBND ngày 15/8/2018"), or null when <see cref="Read"/> would not
    /// read that back as the same day and number (a number in a form no decision here has, or with a full stop at its
    /// end): such a cell would be refused, or lose the number.</summary>
    public static string? Written(DateOnly on, string decisionNo)
    {
        var text = $"Số {decisionNo} ngày {on.Day}/{on.Month}/{on.Year}";
        return Read(text) is { Declared: true } read && read.On == on && read.DecisionNo == decisionNo ? text : null;
    }

    /// <summary>Why <paramref name="text"/> is no declaration, or no other <paramref name="fact"/> a cell gives in
    /// the same forms (the import layout's steering board and documentation).</summary>
    public static string NotADeclaration(string? text, string fact = "declaration") =>
        TableMarks.NotAMark(text).TrimEnd('.') + $"; or the {fact}'s day (15/8/2018) or decision (Số 85/QĐ-UBND "
        + "ngày 15/8/2018).";

    /// <summary>A decision's number ("85/QĐ-UBND", with its year when written so: "12/2019/QĐ-UBND"), behind
    /// "Quyết định", "QĐ" or "số", and what follows it.</summary>
    [GeneratedRegex(
        @"^(?:(?:quyết định|qđ|qd) ?)?(?:số ?)?:? ?(?<number>[0-9]{1,6}(?:/[0-9]{4})?/(?:qđ|qd)-[\p{L}0-9&.\-]+)"
        + "(?<after>.*)$")]
    private static partial Regex Decision();
}
