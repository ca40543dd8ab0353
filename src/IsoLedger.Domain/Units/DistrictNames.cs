namespace IsoLedger.Domain.Units;

/// <summary>How people write one district: "Huyện Hải Lăng", "hải lăng", "HẢI  LĂNG" and "H. Hải Lăng" are "Hải Lăng";
/// "TP. Hà Tĩnh", "TP Hà Tĩnh" and "Th phố Hà Tĩnh" are "Thành phố Hà Tĩnh", "TX. Kỳ Anh" is "Thị xã Kỳ Anh". A
/// "Thị xã" or "Thành phố" stays in the name: a province may have a huyện and a thị xã of one name (Hà Tĩnh's Kỳ
/// Anh), which are two districts.</summary>
public static class DistrictNames
{
    /// <summary>The word a table may put before a rural district's name (huyện, or h.).</summary>
    private static readonly string[] Rural = ["huyện ", "h. "];

    /// <summary>How tables abbreviate the kinds of district that stay in the name, longest first.</summary>
    private static readonly (string Written, string Kind)[] Abbreviations =
    [
        ("thành phố ", "thành phố "), ("th phố ", "thành phố "), ("tp. ", "thành phố "), ("tp.", "thành phố "),
        ("tp ", "thành phố "), ("thị xã ", "thị xã "), ("tx. ", "thị xã "), ("tx.", "thị xã "), ("tx ", "thị xã "),
    ];

    /// <summary>The name without letter case, runs of spaces, a leading "Huyện" or the tone marks' placement, its kind
    /// written out.</summary>
    public static string Comparable(string district)
    {
        var text = UnicodeText.Lowered(district);
        var rural = Rural.FirstOrDefault(p => text.StartsWith(p, StringComparison.Ordinal) && text.Length > p.Length);
        if (rural is not null) return UnicodeText.TonesAtWordEnds(text[rural.Length..]);
        var (written, kind) = Abbreviations.FirstOrDefault(a =>
            text.StartsWith(a.Written, StringComparison.Ordinal) && text.Length > a.Written.Length);
        return UnicodeText.TonesAtWordEnds(written is null ? text : kind + text[written.Length..].TrimStart());
    }

    /// <summary>One spelling for each district among <paramref name="districts"/>, the most used (ties: the first in
    /// ordinal order), so that a table groups and labels a district once however its units were recorded.</summary>
    public static Func<string, string> OneSpelling(IEnumerable<string> districts)
    {
        var spelling = districts.GroupBy(Comparable).ToDictionary(g => g.Key, g => g.GroupBy(d => d)
            .OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key);
        return district => spelling.GetValueOrDefault(Comparable(district), district);
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name one district.</summary>
    public static bool Same(string? a, string? b) =>
        a is null || b is null ? a == b : Comparable(a) == Comparable(b);
}
