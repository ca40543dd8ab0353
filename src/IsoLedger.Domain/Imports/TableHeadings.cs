using System.Globalization;
using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>A heading row a table keeps from its report's appendix, above the rows it groups: a district ("Huyện Cam
/// Lộ:", "2. Thị xã Quảng Trị", "1.1 TP. Đông Hà", "Q. Bình Thạnh": its kind as <see cref="DistrictNames"/> reads
/// it) or a tier ("I. Sở, ban, ngành", "II. Cấp xã", "III. Phường, xã, thị trấn"), numbered or not ("1.1", "ii.",
/// "1-", "- "), its colon or not, its count or a note after it or not ("Huyện Can Lộc (05 đơn vị)"), or a section of
/// the report's appendices, one under another in one table ("A/ Các cơ quan chuyên môn cấp Tỉnh, Chi cục trực thuộc,
/// UBND các huyện, thị xã, thành phố:", "B/ UBND các Phường, xã, thị trấn áp dụng từ năm 2015 – 2019: (109 Phường,
/// xã, thị trấn)"): one tier or several, the years its units applied their systems in after it or not. Any other
/// text is no heading: a row holding only a unit's name is a row missing its data.</summary>
/// <param name="District">The district the heading names, written as a district is ("Huyện Cam Lộ"), or null for
/// a tier's heading.</param>
/// <param name="Level">The level of the rows under it: a tier's ("I. Các Sở, ban, ngành", "III. UBND cấp xã"), or
/// communes under a district's heading (an appendix groups a district's communes under it); null under a heading
/// naming several tiers ("A/ Các cơ quan chuyên môn cấp Tỉnh, Chi cục trực thuộc, UBND các huyện, thị xã, thành
/// phố"), whose rows each say their level by their name.</param>
/// <param name="AppliedIn">The years a section's units applied their systems in, as its heading states them ("B/ …
/// áp dụng từ năm 2015 – 2019"), or null.</param>
public sealed partial record TableHeading(string? District, UnitLevel? Level, ApplicationYears? AppliedIn = null)
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
        // A note after the district's name is no part of it: its count ("Huyện Can Lộc (05 đơn vị)", "Huyện Can Lộc -
        // 05 xã", "Huyện Can Lộc: 05 đơn vị"), a note in brackets ("Huyện Bình Sơn (cũ):"), the punctuation it ends
        // with; nor, after a tier, the years its units applied their systems in ("… áp dụng từ năm 2015 – 2019",
        // whose dash is no count's).
        var unbracketed = Bracketed().Replace(UnicodeText.Normalized(text), "").TrimEnd(HeadingEnds);
        var applying = Applying().Match(unbracketed);
        var years = applying.Success ? ApplicationYears.Of(applying) : null;
        if (applying.Success && years is null) return null;
        var words = applying.Success ? unbracketed[..applying.Index] : unbracketed;
        var heading = DistrictNames.Written(Count().Replace(words, "").TrimEnd(HeadingEnds));
        if (LevelWords.Read(heading) is { } tier) return new TableHeading(District: null, tier, years);
        if (LevelWords.Tiers(heading) is not null) return new TableHeading(District: null, Level: null, years);
        // A district's proper name holds no comma: "Huyện, thị xã, thành phố" is a tier.
        return !heading.Contains(',') && DistrictNames.WithKind(heading) is not null
            ? new TableHeading(heading, UnitLevel.Commune, years)
            : null;
    }

    /// <summary>The heading as it holds under <paramref name="above"/>, the heading before it: a district's heading
    /// within a section keeps the years the section's units applied in ("I. Thành phố Đông Hà:" under "B/ UBND các
    /// Phường, xã, thị trấn áp dụng từ năm 2015 – 2019:"); a tier's heading begins a section of its own.</summary>
    public TableHeading Under(TableHeading? above) =>
        District is not null && AppliedIn is null && above?.AppliedIn is { } years ? this with { AppliedIn = years }
            : this;

    /// <summary>Whether <paramref name="text"/> is the number alone an appendix's row number column ("TT") gives a
    /// heading row: "I", "II.", "A", "2".</summary>
    public static bool IsNumber(string text) => NumberAlone().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:(?:[IVXLC]+|[ivxlc]+|\d+)(?:\.\d+)*|[A-Za-z])[.)/-]?$")]
    private static partial Regex NumberAlone();

    /// <summary>The number an appendix gives a heading: "I.", "II)", "ii.", "2.", "2-", "2/", "A.", "A/", or under
    /// another's "1.1", "2.3.", "II.1"; a Roman numeral alone before the words ("II Cấp xã"); or the mark it is
    /// indented with ("- ", "+ ", "* ", "• ").</summary>
    [GeneratedRegex(@"^(?:(?:[IVXLC]+|\d+)(?:\.\d+)+[.)]?\s+|(?:[IVXLC]+|[ivxlc]+|\d+|[A-Za-z])(?:[.)/]|\s?-)\s*"
        + @"|[IVXLC]+\s+|[-+*•–]\s+)")]
    private static partial Regex Numbering();

    private static readonly char[] HeadingEnds = [':', ';', ',', '.', ' ', '：'];

    /// <summary>A note in brackets ("(05 đơn vị)", "(cũ)", "(109 Phường, xã, thị trấn)").</summary>
    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Bracketed();

    /// <summary>A count after a dash or a colon at the end ("- 05 đơn vị", ": 05 xã").</summary>
    [GeneratedRegex(@"\s*[-–—:：]\s*\d+\s*[\p{L}\p{M} ]*$")]
    private static partial Regex Count();

    /// <summary>The years a section's units applied their systems in, after its tier: "áp dụng từ năm 2015 – 2019",
    /// "xây dựng áp dụng năm 2020", "áp dụng từ 2015 đến 2019".</summary>
    [GeneratedRegex(@"\s+(?:(?:xây dựng|triển khai)(?:,| và)?\s+)?áp dụng\s+(?:mới\s+)?(?:từ\s+)?(?:năm\s+)?"
        + @"(?<first>\d{4})(?:\s*(?:[-–—]|đến)\s*(?:năm\s+)?(?<last>\d{4}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Applying();
}

/// <summary>The years a section's units applied their systems in, from <paramref name="First"/> to
/// <paramref name="Last"/>, as its heading states them: "áp dụng từ năm 2015 – 2019" (the communes of Quảng Trị's
/// 2020 appendix B), "xây dựng áp dụng năm 2020" (appendix C's, new in 2020).</summary>
public sealed record ApplicationYears(int First, int Last)
{
    /// <summary>The years a match of a heading's words gives (its groups <c>first</c> and <c>last</c>), or null
    /// when they are no span of years.</summary>
    internal static ApplicationYears? Of(Match match)
    {
        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        var last = match.Groups["last"].Success
            ? int.Parse(match.Groups["last"].Value, CultureInfo.InvariantCulture)
            : first;
        return first <= last ? new(first, last) : null;
    }

    /// <summary>The last day by which a unit listed so in a table of <paramref name="year"/> had first declared: the
    /// last year's last day, when that is before the table's year (the communes "applying since 2015–2019" had
    /// declared by 31 December 2019); null when the years reach the table's, whose declarations are dated as its
    /// facts are.</summary>
    public DateOnly? DeclaredBy(int year) => Last < year ? new DateOnly(Last, 12, 31) : null;

    public override string ToString() => First == Last ? $"{First}" : $"{First}–{Last}";
}
