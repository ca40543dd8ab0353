using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>The province's inspection verdict as the provinces' tables word it beyond the vocabulary's labels ("Đạt",
/// "Không đạt", "Duy trì", "Ko có Bc"): "Đạt yêu cầu" (passed); "Chưa đạt", "Không đạt yêu cầu" (failed); "Duy trì
/// tốt", "Có duy trì" (maintained); "Không có báo cáo", "Chưa báo cáo", "Ko có BC" (no report came); in any letter
/// case, with "ko" for "không", "bc" for "báo cáo" and a full stop after. Anything else ("Tốt", "Khá") is no such
/// word: a verdict the import cannot read is refused, not guessed.</summary>
public static partial class InspectionWords
{
    /// <summary>The verdict <paramref name="text"/> words, or null.</summary>
    public static InspectionResult? Read(string? text)
    {
        var written = UnicodeText.Lowered(text ?? "").TrimEnd('.', ' ');
        if (Passed().IsMatch(written)) return InspectionResult.Passed;
        if (Failed().IsMatch(written)) return InspectionResult.Failed;
        if (Maintained().IsMatch(written)) return InspectionResult.Maintained;
        if (NoReport().IsMatch(written)) return InspectionResult.NoReport;
        return null;
    }

    /// <summary>Whether <paramref name="verdict"/> was given on a report the unit sent, so that a table without a
    /// report column (the 2020 report's appendices B and C) says by it that the report came: its "Đạt" and "Không
    /// đạt" judge a report and its records (the report counts the communes that reported by their "Đạt", 44 of 109),
    /// "Ko có Bc" says none came, and "Duy trì" is given to a unit that sent none as well (Sở Y tế's row).</summary>
    public static bool JudgesAReport(InspectionResult verdict) =>
        verdict is InspectionResult.Passed or InspectionResult.Failed;

    [GeneratedRegex(@"^đạt(?: yêu cầu)?$")]
    private static partial Regex Passed();

    [GeneratedRegex(@"^(?:không|ko|chưa) đạt(?: yêu cầu)?$")]
    private static partial Regex Failed();

    [GeneratedRegex(@"^(?:có |đang )?duy trì(?: tốt)?$")]
    private static partial Regex Maintained();

    [GeneratedRegex(@"^(?:(?:không|ko|chưa)(?: có)? (?:báo cáo|bc))$")]
    private static partial Regex NoReport();
}
