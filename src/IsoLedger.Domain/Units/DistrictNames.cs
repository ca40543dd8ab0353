namespace IsoLedger.Domain.Units;

/// <summary>How people write one district: "Huyện Hải Lăng", "hải lăng", "HẢI  LĂNG", "H. Hải Lăng" and "H.Hải Lăng"
/// are "Hải Lăng"; "TP. Hà Tĩnh", "TP Hà Tĩnh" and "Th phố Hà Tĩnh" are "Thành phố Hà Tĩnh", "TX. Kỳ Anh" is "Thị xã
/// Kỳ Anh", "Q.1" is "Quận 1". A "Thị xã" or "Thành phố" stays in the name: a province may have a huyện and a thị
/// xã of one name (Hà Tĩnh's Kỳ Anh), which are two districts. A heading's colon after the name ("Huyện Hải Lăng:") is
/// no part of it.</summary>
public static class DistrictNames
{
    /// <summary>The word a table may put before a rural district's name (huyện, or h.).</summary>
    private static readonly string[] Rural = ["huyện ", "h. ", "h."];

    /// <summary>How tables abbreviate the kinds of district that stay in the name, longest first.</summary>
    private static readonly (string Written, string Kind)[] Abbreviations =
    [
        ("thành phố ", "thành phố "), ("th phố ", "thành phố "), ("tp. ", "thành phố "), ("tp.", "thành phố "),
        ("tp ", "thành phố "), ("thị xã ", "thị xã "), ("tx. ", "thị xã "), ("tx.", "thị xã "), ("tx ", "thị xã "),
        ("q. ", "quận "), ("q.", "quận "),
    ];

    /// <summary>The colons a heading ends in, its own and the full-width one of East Asian input.</summary>
    private static readonly char[] HeadingEnd = [':', '\uFF1A'];

    /// <summary>The district as written, without the colon ending it where a table copies it from the heading row of
    /// its communes ("Huyện Cam Lộ:"), which is no part of its name.</summary>
    public static string Written(string district)
    {
        var name = district.TrimEnd().TrimEnd(HeadingEnd).TrimEnd();
        return name.Length == 0 ? district : name;
    }

    /// <summary>The name without letter case, runs of spaces, a leading "Huyện" or the tone marks' placement, its kind
    /// written out.</summary>
    public static string Comparable(string district)
    {
        var text = UnicodeText.Lowered(Written(district));
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

    /// <summary>The kinds of district as a name writes them (the words compared as <see cref="Comparable"/> does), the
    /// longest first; a name without one is a huyện's, as tables write them ("Hải Lăng").</summary>
    private static readonly (string[] Words, string Kind)[] Kinds =
    [
        (["thành", "phố"], "Thành phố"), (["th", "phố"], "Thành phố"), (["tp."], "Thành phố"), (["tp"], "Thành phố"),
        (["thị", "xã"], "Thị xã"), (["tx."], "Thị xã"), (["tx"], "Thị xã"), (["quận"], "Quận"), (["q."], "Quận"),
        (["huyện"], "Huyện"),
        (["h."], "Huyện"),
    ];

    private const string RuralKind = "Huyện";

    /// <summary>The abbreviations a table writes against the name, without a space.</summary>
    private static readonly string[] Glued = ["tp.", "tx.", "q.", "h."];

    /// <summary>A district's kind ("Thành phố", "Thị xã", "Quận", "Huyện") and its proper name as written ("Sông
    /// Công"), from a district's name (<paramref name="committee"/> false: without a kind it is a huyện) or from its
    /// committee's, a district unit's name ("UBND thành phố Sông Công"; without a kind it names none); null when
    /// there is no proper name.</summary>
    public static (string Kind, string ProperName)? Parts(string name, bool committee = false)
    {
        var words = Words(name);
        var governed = PeoplesCommittee.WordsBefore(words);
        if (governed > 0 && governed < words.Count) words = words[governed..];
        else if (committee) return null;
        return KindAndName(words, kindWritten: committee);
    }

    /// <summary>The kind and proper name of a district named with its kind written out or abbreviated ("Huyện Cam
    /// Lộ", "TP. Đông Hà", "Q.1"), as an appendix's heading names one; null for a name without a kind ("Cam Lộ"),
    /// one of a committee ("UBND huyện Cam Lộ": a unit's) or without a proper name.</summary>
    public static (string Kind, string ProperName)? WithKind(string name)
    {
        var words = Words(name);
        return PeoplesCommittee.WordsBefore(words) > 0 ? null : KindAndName(words, kindWritten: true);
    }

    private static List<string> Words(string name) => UnicodeText.Normalized(Written(name))
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();

    private static (string Kind, string ProperName)? KindAndName(List<string> words, bool kindWritten)
    {
        bool Starts(string[] pattern) => words.Count > pattern.Length && pattern.Select((w, i) => (w, i))
            .All(p => UnicodeText.Comparable(words[p.i]) == UnicodeText.Comparable(p.w));
        // "TP.Sông Công", "Q.1": the abbreviation written against the name.
        var glued = words.Count == 0 ? null : Glued.FirstOrDefault(a => words[0].Length > a.Length
            && UnicodeText.Lowered(words[0][..a.Length]) == a);
        if (glued is not null) words = [words[0][..glued.Length], words[0][glued.Length..], .. words.Skip(1)];
        var (kindWords, kind) = Kinds.FirstOrDefault(k => Starts(k.Words));
        if (kindWords is not null) words = words[kindWords.Length..];
        else if (kindWritten) return null;
        return words.Count == 0 ? null : (kind ?? RuralKind, string.Join(' ', words));
    }

    /// <summary>The district a district unit stands for on <paramref name="on"/>: the one it is recorded in, or
    /// else the one its name says ("UBND thị xã Sông Công": "Thị xã Sông Công").</summary>
    public static string? OfDistrictUnit(Unit district, DateOnly on) =>
        district.DistrictOn(on)
        ?? (Parts(district.NameOn(on), committee: true) is var (kind, name) ? $"{kind} {name}" : null);

    /// <summary>The district <paramref name="district"/> is called once its unit is renamed
    /// <paramref name="unitName"/>, when that name gives it another kind under the same proper name ("Thị xã Sông
    /// Công", renamed "UBND thành phố Sông Công": "Thành phố Sông Công"), or null. Such a change of kind (huyện → thị
    /// xã → thành phố) is the same district under a new name, not a new one.</summary>
    public static string? RenamedAs(string district, string unitName) =>
        Parts(district) is var (kind, name) && Parts(unitName, committee: true) is var (newKind, newName)
        && kind != newKind && UnicodeText.Comparable(name) == UnicodeText.Comparable(newName)
            ? $"{newKind} {name}"
            : null;

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> have one proper name under two kinds ("Thị xã
    /// Sông Công", "Thành phố Sông Công"): one district renamed, or (as Hà Tĩnh's huyện and thị xã Kỳ Anh) two.
    /// </summary>
    public static bool OtherKindOfOneName(string a, string b) =>
        Parts(a) is var (kind, name) && Parts(b) is var (otherKind, otherName) && kind != otherKind
        && UnicodeText.Comparable(name) == UnicodeText.Comparable(otherName);
}
