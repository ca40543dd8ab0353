using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>A heading row a table keeps from its report's appendix, above the rows it groups: a district ("Huyện Cam
/// Lộ:", "2. Thị xã Quảng Trị", "1.1 TP. Đông Hà", "Q. Bình Thạnh": its kind as <see cref="DistrictNames"/> reads
/// it) or a tier ("I. Sở, ban, ngành", "II. Cấp xã"), numbered or not, its colon or not. Any other text is no
/// heading: a row holding only a unit's name is a row missing its data.</summary>
/// <param name="District">The district the heading names, written as a district is ("Huyện Cam Lộ"), or null for
/// a tier's heading.</param>
/// <param name="Level">The level of the rows under it: a tier's ("I. Các Sở, ban, ngành", "III. UBND cấp xã"), or
/// communes under a district's heading (an appendix groups a district's communes under it).</param>
public sealed partial record TableHeading(string? District, UnitLevel Level)
{
    /// <summary>The heading <paramref name="text"/> is, or null.</summary>
    public static TableHeading? Read(string text)
    {
        var written = text.Trim();
        // A letter before a full stop numbers a heading ("A. Cấp tỉnh") or abbreviates a district's kind ("Q. Bình
        // Thạnh", "H.Tuy Phong"): read as a number first, then as written.
        return ReadUnnumbered(Numbering().Replace(written, "")) ?? ReadUnnumbered(written);
    }

    private static TableHeading? ReadUnnumbered(string text)
    {
        var heading = DistrictNames.Written(text);
        if (LevelWords.Read(heading) is { } tier) return new TableHeading(District: null, tier);
        // A district's proper name holds no comma: "Huyện, thị xã, thành phố" is a tier.
        return !heading.Contains(',') && DistrictNames.WithKind(heading) is not null
            ? new TableHeading(heading, UnitLevel.Commune)
            : null;
    }

    /// <summary>Whether <paramref name="text"/> is the number alone an appendix's row number column ("TT") gives a
    /// heading row: "I", "II.", "A", "2".</summary>
    public static bool IsNumber(string text) => NumberAlone().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:[IVXLC]+|\d+|[A-Za-z])[.)]?$")]
    private static partial Regex NumberAlone();

    /// <summary>The number an appendix gives a heading: "I.", "II)", "2.", "A.", or under another's "1.1", "2.3.".
    /// </summary>
    [GeneratedRegex(@"^(?:\d+(?:\.\d+)+[.)]?\s+|(?:[IVXLC]+|\d+|[A-Za-z])[.)]\s*)")]
    private static partial Regex Numbering();
}
