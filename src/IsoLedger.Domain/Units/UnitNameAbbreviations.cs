using System.Text;
using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Units;

/// <summary>A unit's name with some of its words written as their initials, as tables write the long names: "Sở
/// NN&amp;PTNT" and "Sở Nông nghiệp &amp; PTNT" for "Sở Nông nghiệp và Phát triển nông thôn", "Sở LĐ-TB&amp;XH" for
/// "Sở Lao động - Thương binh và Xã hội", "Chi cục TCĐLCL" for "Chi cục Tiêu chuẩn Đo lường Chất lượng". An
/// abbreviation is a word of two or more capital letters; it stands for as many words of the other name, each starting
/// with its letter (its tone and vowel marks aside, "Đ" and "D" alike: some tables drop the stroke), and every other
/// word must be the other name's next word as <see cref="UnitNameSpelling"/> compares them. So "UBND xã Hải Phú" is
/// not "UBND xã Hải Phong", whose initials are the same. A word cut short before a full stop or a slash and the next
/// word ("M.trường", "Ph/triển Ng.thôn", "H.đảo", as Quảng Trị's 2020 report writes them) stands for one word that
/// starts with its first letter and holds its others in order, marks aside ("Ng" for "Nông"): "Chi cục Bảo vệ
/// M.trường" is "Chi cục Bảo vệ Môi trường".</summary>
public static partial class UnitNameAbbreviations
{
    /// <summary>Whether one of <paramref name="a"/> and <paramref name="b"/> writes the other with some words
    /// abbreviated.</summary>
    public static bool EitherAbbreviates(string a, string b) => Abbreviates(a, b) || Abbreviates(b, a);

    /// <summary>Whether <paramref name="abbreviated"/> writes <paramref name="full"/> with some words abbreviated.
    /// </summary>
    public static bool Abbreviates(string abbreviated, string full)
    {
        var abbreviations = Abbreviations(abbreviated);
        var truncations = Truncations(abbreviated);
        if (abbreviations.Count == 0 && truncations.Count == 0) return false;
        var shortWords = Words(abbreviated);
        var fullWords = Words(full);
        // aligned[i, j]: the short name's words from i on write the full name's words from j on.
        var aligned = new bool?[shortWords.Length + 1, fullWords.Length + 1];
        return Aligned(0, 0);

        bool Aligned(int i, int j)
        {
            if (aligned[i, j] is { } known) return known;
            var result = i == shortWords.Length ? j == fullWords.Length
                : j < fullWords.Length && shortWords[i] == fullWords[j] && Aligned(i + 1, j + 1)
                    || j < fullWords.Length && truncations.Contains(shortWords[i])
                    && Shortens(Letters(shortWords[i]), Letters(fullWords[j])) && Aligned(i + 1, j + 1)
                    || abbreviations.Contains(shortWords[i]) && Expands(shortWords[i], j) is var next && next > j
                    && Aligned(i + 1, next);
            aligned[i, j] = result;
            return result;
        }

        // Whether a word cut short keeps the full word's first letter and some of the others, in order ("Ng" for
        // "Nông", "Ph" for "Phát").
        static bool Shortens(string cut, string word)
        {
            if (cut[0] != word[0]) return false;
            var matched = 1;
            for (var k = 1; k < word.Length && matched < cut.Length; k++)
            {
                if (word[k] == cut[matched]) matched++;
            }
            return matched == cut.Length;
        }

        // The index after the words from j on that the abbreviation's letters begin, or j when they do not.
        int Expands(string abbreviation, int j)
        {
            var letters = Letters(abbreviation);
            if (j + letters.Length > fullWords.Length) return j;
            for (var k = 0; k < letters.Length; k++)
            {
                if (Letters(fullWords[j + k])[0] != letters[k]) return j;
            }
            return j + letters.Length;
        }
    }

    /// <summary>The letters <paramref name="name"/>'s words begin with, each abbreviation's letters for its own (a
    /// number whole): two names of which one abbreviates the other have one skeleton, so a name is looked for by it
    /// among few others before <see cref="Abbreviates"/> compares them.</summary>
    public static string Skeleton(string name) => Skeletons[name];

    /// <summary>Each name's skeleton, kept: a registration works out those of every unit of its level in its province
    /// (as many as <see cref="UnitNameSpelling"/> keeps compared names).</summary>
    private static readonly TextMemo<string> Skeletons = new(SkeletonOf, 50_000);

    private static string SkeletonOf(string name)
    {
        var abbreviations = Abbreviations(name);
        var skeleton = new StringBuilder();
        foreach (var word in Words(name))
        {
            var letters = Letters(word);
            skeleton.Append(abbreviations.Contains(word) || char.IsDigit(letters[0]) ? letters : letters[..1]);
        }
        return skeleton.ToString();
    }

    /// <summary>Whether <paramref name="name"/> writes a word short: initials, or a word cut short.</summary>
    public static bool HasAbbreviation(string name) => Abbreviations(name).Count > 0 || Truncations(name).Count > 0;

    /// <summary>The words of <paramref name="name"/> as <see cref="UnitNameSpelling"/> compares it.</summary>
    private static string[] Words(string name) => UnitNameSpelling.Comparable(name).Split(' ');

    /// <summary>The words of two or more capital letters, as compared, that are words of the name as compared: not the
    /// people's committee ("UBND", the committee's one spelling already) nor the abbreviated kind of a unit, which
    /// the comparison writes out ("TP. Đông Hà").</summary>
    private static HashSet<string> Abbreviations(string name)
    {
        var capitals = Capitals().Matches(UnicodeText.Normalized(name));
        if (capitals.Count == 0) return [];
        var words = Words(name);
        return
        [
            .. capitals.Select(m => m.Value)
                // Initials carry no vowel's marks ("Đ" is a letter of its own): a capital word with them is a word
                // of a name in capitals ("SỞ KH&ĐT": "SỞ" a word, "KH" and "ĐT" initials).
                .Where(word => word.Count(char.IsLetter) >= 2
                    && word.Normalize(NormalizationForm.FormD).Length == word.Length)
                .Select(UnicodeText.Comparable)
                .Where(word => word != PeoplesCommittee.Abbreviation && words.Contains(word)),
        ];
    }

    /// <summary>The words cut short before a full stop or a slash and the next word, as compared, that are words of
    /// the name as compared (not a unit's abbreviated kind, "P.Phú Thủy", which the comparison writes out).</summary>
    private static HashSet<string> Truncations(string name)
    {
        var cut = CutShort().Matches(UnicodeText.Normalized(name));
        if (cut.Count == 0) return [];
        var words = Words(name);
        return [.. cut.Select(m => UnicodeText.Comparable(m.Groups["word"].Value)).Where(words.Contains)];
    }

    /// <summary>A word's letters without their marks, "đ" as "d" (never empty: a word of marks alone is a space).
    /// </summary>
    private static string Letters(string word) => UnicodeText.Unmarked(word) is { Length: > 0 } letters ? letters : " ";

    /// <summary>A word followed by a full stop or a slash and, without a space, the next word.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{M}])(?<word>\p{L}[\p{L}\p{M}]*)[./](?=\p{L})")]
    private static partial Regex CutShort();

    /// <summary>A word of capital letters only (with the marks of its vowels).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{M}])\p{Lu}[\p{Lu}\p{M}]*(?![\p{L}\p{M}])")]
    private static partial Regex Capitals();
}
