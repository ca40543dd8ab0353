using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Units;

/// <summary>The people's committee (Ủy ban nhân dân, "UBND") as tables write it before a unit's name, a district or a
/// tier: written out (the tone mark of "ủy" in its new or old place) or abbreviated, once or typed twice ("UBND UBND
/// xã Ba Nang"). The one definition of these words for every rule that reads names.</summary>
public static partial class PeoplesCommittee
{
    /// <summary>The committee's abbreviation, as names are compared.</summary>
    public const string Abbreviation = "ubnd";

    /// <summary><paramref name="lowered"/> (in <see cref="UnicodeText.Lowered"/> form) with each writing of the
    /// committee as <see cref="Abbreviation"/>.</summary>
    public static string Abbreviated(string lowered) => Committee().Replace(lowered, Abbreviation);

    /// <summary>How many of <paramref name="words"/> write the committee before the rest (0 when they don't begin with
    /// it).</summary>
    public static int WordsBefore(IReadOnlyList<string> words)
    {
        var leading = LeadingCommittee().Match(UnicodeText.Lowered(string.Join(' ', words)));
        return leading.Success ? leading.Value.Count(c => c == ' ') + 1 : 0;
    }

    /// <summary><paramref name="lowered"/> (in <see cref="UnicodeText.Lowered"/> form) without the committee written
    /// before the rest ("ubnd cấp xã": "cấp xã").</summary>
    public static string WithoutLeading(string lowered)
    {
        var leading = LeadingCommittee().Match(lowered);
        return leading.Success ? lowered[leading.Length..].TrimStart() : lowered;
    }

    /// <summary>The committee written once or more, as whole words.</summary>
    private const string Written = @"(?:(?:ủy|uỷ) ban nhân dân|ubnd)(?: (?:(?:ủy|uỷ) ban nhân dân|ubnd))*(?!\w)";

    [GeneratedRegex(@"(?<!\w)" + Written)]
    private static partial Regex Committee();

    [GeneratedRegex("^" + Written)]
    private static partial Regex LeadingCommittee();
}
