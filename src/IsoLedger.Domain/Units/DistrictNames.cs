namespace IsoLedger.Domain.Units;

/// <summary>How people write one district: "Huyện Hải Lăng", "hải lăng", "HẢI  LĂNG" and "H. Hải Lăng" are "Hải Lăng".
/// Not "Thị xã" or "Thành phố": a province may have a huyện and a thị xã of one name (Hà Tĩnh's Kỳ Anh), which are
/// two districts.</summary>
public static class DistrictNames
{
    /// <summary>The word a table may put before a rural district's name (huyện, or h.).</summary>
    private static readonly string[] Prefixes = ["huyện ", "h. "];

    /// <summary>The name without letter case, runs of spaces or a leading "Huyện".</summary>
    public static string Comparable(string district)
    {
        var text = UnicodeText.Comparable(district);
        var prefix = Prefixes.FirstOrDefault(p =>
            text.StartsWith(p, StringComparison.Ordinal) && text.Length > p.Length);
        return prefix is null ? text : text[prefix.Length..];
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name one district.</summary>
    public static bool Same(string? a, string? b) =>
        a is null || b is null ? a == b : Comparable(a) == Comparable(b);
}
