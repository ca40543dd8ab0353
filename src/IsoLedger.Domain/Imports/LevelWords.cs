using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>A unit's level as a table writes it, the one rule of every import that reads one (a report table's
/// <c>level</c>, a restructuring table's <c>into_level</c>): the vocabulary's value ("commune") or Vietnamese label, or
/// the words the provinces' tables write beyond the labels: the tier a report groups its units under ("Sở, ban,
/// ngành", "Sở, ngành", "Ban, ngành", "Cấp sở", "Cấp tỉnh"; "Chi cục"; "Cấp huyện", "Huyện, thị xã, thành phố";
/// "Cấp xã", "Xã, phường, thị trấn"), in any letter case, with commas, slashes or dashes between the words or none,
/// and the people's committee (<see cref="PeoplesCommittee"/>) before them. Anything else is no such word: a level the
/// import cannot read is refused, not guessed.</summary>
public static partial class LevelWords
{
    private static readonly Dictionary<string, UnitLevel> Phrases = new (string Phrase, UnitLevel Level)[]
    {
        ("sở", UnitLevel.Department), ("sở ban ngành", UnitLevel.Department),
        ("sở ban ngành tỉnh", UnitLevel.Department), ("sở ban ngành cấp tỉnh", UnitLevel.Department),
        ("cấp tỉnh", UnitLevel.Department), ("cơ quan cấp tỉnh", UnitLevel.Department),
        ("cơ quan chuyên môn thuộc tỉnh", UnitLevel.Department), ("sở ngành", UnitLevel.Department),
        ("ban ngành", UnitLevel.Department), ("ban ngành tỉnh", UnitLevel.Department),
        ("cấp sở", UnitLevel.Department),
        ("chi cục", UnitLevel.SubDepartment), ("chi cục thuộc sở", UnitLevel.SubDepartment),
        ("huyện", UnitLevel.District), ("cấp huyện", UnitLevel.District),
        ("huyện thị xã thành phố", UnitLevel.District), ("quận huyện", UnitLevel.District),
        ("xã", UnitLevel.Commune), ("cấp xã", UnitLevel.Commune), ("xã phường thị trấn", UnitLevel.Commune),
        ("xã phường", UnitLevel.Commune),
    }.ToDictionary(p => UnicodeText.Comparable(p.Phrase), p => p.Level);

    /// <summary>The level <paramref name="text"/> words, or null.</summary>
    public static UnitLevel? Read(string? text)
    {
        if (text is null) return null;
        if (Vocabulary.Levels.TryParse(text, out var valued) || Vocabulary.Levels.TryParseLabel(text, out valued))
            return valued;
        var words = UnicodeText.Lowered(
            string.Concat(text.Select(c => c is ',' or '/' or ';' or '-' or '–' ? ' ' : c)));
        // "Các" (the) before a tier: "I. Các Sở, ban, ngành", "UBND các huyện, thị xã, thành phố".
        var tier = UnicodeText.TonesAtWordEnds(Plural().Replace(PeoplesCommittee.WithoutLeading(words), ""));
        return Phrases.TryGetValue(tier, out var level) ? level : null;
    }

    [GeneratedRegex("^các ")]
    private static partial Regex Plural();
}
