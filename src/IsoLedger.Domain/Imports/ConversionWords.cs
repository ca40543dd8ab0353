using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>The conversion from the 2008 edition to 2015 as the provinces' tables word it beyond the vocabulary's
/// labels: "Đang ch/đổi áp dụng" (converting, as the Quảng Trị 2020 appendices write it), "Đang chuyển đổi";
/// "Đã ch/đổi", "Đã chuyển đổi sang TCVN ISO 9001:2015", "Hoàn thành chuyển đổi" (converted); "Chưa chuyển đổi",
/// "Không chuyển đổi" (not converting); in any letter case, with "ch/đổi", "ch.đổi" or "c/đổi" for "chuyển đổi",
/// and a full stop after. Anything else is no such word: a cell the import cannot read as one of the three states
/// is refused, not guessed.</summary>
public static partial class ConversionWords
{
    /// <summary>The state <paramref name="text"/> words, or null.</summary>
    public static ConversionState? Read(string? text)
    {
        var written = Shortened().Replace(UnicodeText.Lowered(text ?? ""), "chuyển đổi").TrimEnd('.');
        if (Converting().IsMatch(written)) return ConversionState.InProgress;
        if (Converted().IsMatch(written)) return ConversionState.Done;
        if (NotConverting().IsMatch(written)) return ConversionState.None;
        return null;
    }

    [GeneratedRegex(@"c(?:h)? ?[/.] ?đổi")]
    private static partial Regex Shortened();

    [GeneratedRegex(
        @"^đang (?:thực hiện )?chuyển đổi(?: áp dụng)?(?: (?:sang|lên|theo) " + Edition2015 + ")?$")]
    private static partial Regex Converting();

    [GeneratedRegex(
        @"^(?:đã (?:hoàn thành )?|hoàn thành )chuyển đổi(?: (?:sang|lên|theo))?(?: " + Edition2015 + ")?$")]
    private static partial Regex Converted();

    [GeneratedRegex(@"^(?:chưa|không) chuyển đổi$")]
    private static partial Regex NotConverting();

    /// <summary>The 2015 edition as a table names it after the words: "2015", "9001:2015", "ISO 9001:2015",
    /// "TCVN ISO 9001:2015".</summary>
    private const string Edition2015 = @"(?:tcvn )?(?:iso )?(?:9001 ?: ?)?2015";
}
