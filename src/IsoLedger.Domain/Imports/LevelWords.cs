using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>A unit's level as a table writes it, the one rule of every import that reads one (a report table's
/// <c>level</c>, a restructuring table's <c>into_level</c>): the vocabulary's value ("commune") or Vietnamese label, or
/// the words the provinces' tables write beyond the labels: the tier a report groups its units under ("Sở, ban,
/// ngành", "Sở, ngành", "Ban, ngành", "Cấp sở", "Cấp tỉnh"; "Chi cục"; "Cấp huyện", "Huyện, thị xã, thành phố";
/// "Cấp xã", "Xã, phường, thị trấn"), in any letter case, with commas, slashes or dashes between the words or none,
/// and the people's committee (<see cref="PeoplesCommittee"/>) before them; a level's kinds listed in any order
/// ("Phường, xã, thị trấn", "Thành phố, thị xã, huyện"), behind "các", "khối" or "cấp", followed by "và tương đương"
/// or not. Anything else is no such word: a level the import cannot read is refused, not guessed.</summary>
public static partial class LevelWords
{
    private static readonly Dictionary<string, UnitLevel> Phrases = new (string Phrase, UnitLevel Level)[]
    {
        ("sở", UnitLevel.Department), ("sở ban ngành", UnitLevel.Department),
        ("sở ban ngành tỉnh", UnitLevel.Department), ("sở ban ngành cấp tỉnh", UnitLevel.Department),
        ("cấp tỉnh", UnitLevel.Department), ("cơ quan cấp tỉnh", UnitLevel.Department),
        ("cơ quan chuyên môn thuộc tỉnh", UnitLevel.Department), ("sở ngành", UnitLevel.Department),
        ("cơ quan chuyên môn", UnitLevel.Department), ("cơ quan chuyên môn tỉnh", UnitLevel.Department),
        ("cơ quan chuyên môn cấp tỉnh", UnitLevel.Department),
        ("cơ quan chuyên môn thuộc ubnd tỉnh", UnitLevel.Department),
        ("ban ngành", UnitLevel.Department), ("ban ngành tỉnh", UnitLevel.Department),
        ("cấp sở", UnitLevel.Department),
        ("chi cục", UnitLevel.SubDepartment), ("chi cục thuộc sở", UnitLevel.SubDepartment),
        ("chi cục trực thuộc", UnitLevel.SubDepartment), ("chi cục trực thuộc sở", UnitLevel.SubDepartment),
        ("huyện", UnitLevel.District), ("cấp huyện", UnitLevel.District),
        ("huyện thị xã thành phố", UnitLevel.District), ("quận huyện", UnitLevel.District),
        ("xã", UnitLevel.Commune), ("cấp xã", UnitLevel.Commune), ("xã phường thị trấn", UnitLevel.Commune),
        ("xã phường", UnitLevel.Commune),
    }.ToDictionary(p => UnicodeText.Comparable(p.Phrase), p => p.Level);

    /// <summary>The kinds of unit a tier lists, in any order and any number ("Phường, xã, thị trấn", "Huyện, thành
    /// phố", "Thành phố, thị xã, huyện"; "Sở, ban, ngành"), as compared: each list's words are one level's kinds.
    /// </summary>
    private static readonly (string[] Kinds, UnitLevel Level)[] Kinds =
    [
        ([.. new[] { "xã", "phường", "thị trấn", "đặc khu" }.Select(UnicodeText.Comparable)], UnitLevel.Commune),
        ([.. new[] { "huyện", "quận", "thị xã", "thành phố" }.Select(UnicodeText.Comparable)], UnitLevel.District),
        ([.. new[] { "sở", "ban", "ngành" }.Select(UnicodeText.Comparable)], UnitLevel.Department),
    ];

    /// <summary>The level <paramref name="text"/> words, or null.</summary>
    public static UnitLevel? Read(string? text)
    {
        if (text is null) return null;
        if (Vocabulary.Levels.TryParse(text, out var valued) || Vocabulary.Levels.TryParseLabel(text, out valued))
            return valued;
        var words = PeoplesCommittee.Abbreviated(UnicodeText.Lowered(
            string.Concat(text.Select(c => c is ',' or '/' or ';' or '-' or '–' or '&' ? ' ' : c))));
        // "Các" (the), "khối" (the block of), "cấp" (the level of) before a tier: "I. Các Sở, ban, ngành", "UBND các
        // huyện, thị xã, thành phố", "Khối Sở, ban, ngành"; "và tương đương" (and those of their rank) after it.
        var lowered = Equivalents().Replace(Plural().Replace(PeoplesCommittee.WithoutLeading(words), ""), "").Trim();
        if (Phrases.TryGetValue(UnicodeText.TonesAtWordEnds(lowered), out var level)) return level;
        var listed = UnicodeText.TonesAtWordEnds(Listed().Replace(Level().Replace(lowered, ""), " ")).Trim();
        return Kinds.FirstOrDefault(k => ListsKinds(listed, k.Kinds)) is { Kinds: not null } kinds ? kinds.Level : null;
    }

    /// <summary>The levels of the tiers <paramref name="text"/> lists one after another, two levels or more ("Các cơ
    /// quan chuyên môn cấp Tỉnh, Chi cục trực thuộc, UBND các huyện, thị xã, thành phố", as a section of a report's
    /// appendices heads the bodies of the province and its districts), between commas, semicolons or "và" (and); or
    /// null: one tier is <see cref="Read"/>'s, and anything else no tiers.</summary>
    public static IReadOnlyList<UnitLevel>? Tiers(string text)
    {
        var parts = TierSeparator().Split(text).Select(part => part.Trim()).Where(part => part.Length > 0).ToArray();
        // The levels of the parts before each part, read as tiers of one or more consecutive parts (a tier may list
        // its kinds between commas: "huyện, thị xã, thành phố"), or null where they read as none.
        var read = new List<UnitLevel>?[parts.Length + 1];
        read[0] = [];
        for (var end = 1; end <= parts.Length; end++)
        {
            for (var start = 0; start < end && read[end] is null; start++)
            {
                if (read[start] is { } before && Read(string.Join(", ", parts[start..end])) is { } level)
                    read[end] = [.. before, level];
            }
        }
        return read[^1] is { } tiers && tiers.Distinct().Count() > 1 ? tiers : null;
    }

    [GeneratedRegex(@"[,;]|\s+và\s+(?!tương đương)", RegexOptions.IgnoreCase)]
    private static partial Regex TierSeparator();

    /// <summary>Whether <paramref name="words"/> list two or more of <paramref name="kinds"/> and nothing else, the
    /// longer kinds read first ("thị xã" is not "xã"). One kind alone is a tier only as <see cref="Phrases"/> has it
    /// ("Thành phố" alone may be a centrally-run city's).</summary>
    private static bool ListsKinds(string words, string[] kinds)
    {
        var rest = " " + string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
        var listed = 0;
        foreach (var kind in kinds.OrderByDescending(k => k.Length))
        {
            while (rest.Contains(" " + kind + " ", StringComparison.Ordinal))
            {
                rest = rest.Replace(" " + kind + " ", " ", StringComparison.Ordinal);
                listed++;
            }
        }
        return listed >= 2 && rest.Trim().Length == 0;
    }

    [GeneratedRegex("^(?:(?:các|khối) )+")]
    private static partial Regex Plural();

    /// <summary>"Cấp" (the level of) before a list of kinds: "Cấp huyện, thị xã, thành phố".</summary>
    [GeneratedRegex("^cấp ")]
    private static partial Regex Level();

    [GeneratedRegex(" (?:và )?tương đương$")]
    private static partial Regex Equivalents();

    /// <summary>The conjunction between a tier's kinds, as compared.</summary>
    [GeneratedRegex(@"(?<= |^)và(?= |$)")]
    private static partial Regex Listed();
}
