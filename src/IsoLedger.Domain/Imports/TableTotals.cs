using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Imports;

/// <summary>A totals row a table keeps from its report's appendix, below the rows it sums: a label ("Tổng cộng",
/// "Tổng số", "Cộng: 01 đơn vị", "Cộng huyện Cam Lộ", "Tổng (29 đơn vị)"; "Toàn tỉnh", "Cả tỉnh", "Toàn huyện Cam
/// Lộ", "Tính chung", as other provinces' reports write it; "Cộng I", "Cộng Sở, ban, ngành"; "Σ", as Quảng Trị's 2020
/// appendix A sums its editions; "Tỷ lệ (%)", a row of percentages) and counts ("29", "44/109", "40,37%", "2/2
/// (100%)", "2 đơn vị", "-", "Đạt: 2; Không đạt: 1") in the columns of steps. It records nothing a unit's rows do
/// not: it is passed over, as a heading row is. Any other text is no such label ("Tổng cục Hải quan" is a unit's
/// name), and a mark, a date or a word is no count.</summary>
public static partial class TableTotals
{
    /// <summary>Whether <paramref name="text"/> labels a totals row.</summary>
    public static bool IsLabel(string text) => Label().IsMatch(UnicodeText.Lowered(text));

    /// <summary>Whether <paramref name="text"/> is a count of units: a number, a fraction or a percentage.</summary>
    public static bool IsCount(string text) => Count().IsMatch(UnicodeText.Lowered(text));

    /// <summary>The label's words, then the end, a colon or bracket and anything, or what the total is of: the units,
    /// the province, a district, a tier; or the whole province's or district's ("toàn tỉnh", "cả huyện …", "tính
    /// chung"), then anything.</summary>
    [GeneratedRegex(@"^(?:(?:tổng cộng|tổng số|tổng|cộng)(?:$|\s*[:(].*$|\s+(?:số\s+)?(?:đơn vị|toàn tỉnh|chung|các|"
        + @"cấp|huyện|quận|thị xã|thành phố|tp\.?|tx\.?|sở|ban|khối|xã|phường|[ivxlc]+\.?|[a-z]\.?)(?:\s.*)?$)"
        + @"|(?:(?:toàn|cả)\s+(?:tỉnh|huyện|quận|thị xã|thành phố)|tính chung)(?:$|\s*[:(].*$|\s.*$)"
        + @"|[σ∑]|t[ỷỉ] lệ(?:\s*\(?%\)?)?:?)$")]
    private static partial Regex Label();

    /// <summary>A number, a fraction or a percentage, alone or with the percentage or the units it counts after it
    /// ("2/2 (100%)", "2 đơn vị"); a dash for none; or counts by what they count, as a report's totals write the
    /// verdicts and editions ("Đạt: 2; Không đạt: 1", "2015: 3").</summary>
    [GeneratedRegex(@"^(?:(?:\d{1,6}(?: ?/ ?\d{1,6})?|\d{1,3}(?:[.,]\d{1,2})? ?%)(?: ?\(\d{1,3}(?:[.,]\d{1,2})? ?%\)"
        + @"| (?:đơn vị|đv|xã|phường|huyện|sở|cơ quan)\.?)?|[-–—]|(?:[^;]{1,60}?: ?\d{1,6}(?:;\s*|$))+)$")]
    private static partial Regex Count();
}
