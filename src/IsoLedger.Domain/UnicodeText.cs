using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IsoLedger.Domain;

/// <summary>What Unicode says is no text: a noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF and their kin in every plane)
/// or half of a surrogate pair. .NET cannot normalise such a string, XML cannot carry it, and no person types it.
/// </summary>
public static partial class UnicodeText
{
    /// <summary>The order Vietnamese lists names in (the alphabet's: a ă â b c d đ e ê …, the tones after the base
    /// letter), as a report lists its districts and provinces: "Hải Lăng" before "Hướng Hóa", "Đông Hà" after "Cam
    /// Lộ" and before "Gio Linh". Ordinal order put every name beginning with Đ last.</summary>
    public static readonly StringComparer VietnameseOrder =
        StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.None);

    /// <summary>Where the first character that is no text begins in <paramref name="text"/>, or -1.</summary>
    public static int FirstNotText(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) != OperationStatus.Done
                || IsNoncharacter(rune.Value))
                return text.Length - rest.Length;
            rest = rest[length..];
        }
        return -1;
    }

    /// <summary><paramref name="text"/> with each character that is no text shown as U+FFFD, so that it can be
    /// normalised (and then matches nothing it should not).</summary>
    public static string Readable(string text)
    {
        if (FirstNotText(text) < 0) return text;
        var readable = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(rest, out var rune, out var length);
            readable.Append(status != OperationStatus.Done || IsNoncharacter(rune.Value) ? "\uFFFD" : rest[..length]);
            rest = rest[length..];
        }
        return readable.ToString();
    }

    /// <summary><paramref name="text"/> in Unicode form <paramref name="form"/>, each character that is no text read as
    /// U+FFFD (<see cref="Readable"/>): .NET refuses to normalise a noncharacter, and a cell or a query someone sent
    /// may hold one, which is refused where it is read, not by a failure on the way there.</summary>
    public static string Normalized(string text, NormalizationForm form = NormalizationForm.FormC) =>
        Readable(text).Normalize(form);

    /// <summary>A name as it is kept: in Unicode form C, its runs of white space one space, trimmed, without invisible
    /// formatting characters. A cell wrapped by hand (Alt+Enter), a no-break space a word processor put in, two spaces
    /// typed or a zero-width space copied from a web page give a name another that looks the same, which a search does
    /// not find, a rename to it records, and an export prints over two lines.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', Visible(text).Normalize().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>How many characters <paramref name="text"/> has as a limit counts them, and JSON Schema's
    /// <c>maxLength</c> with it: code points, so that a character outside the Basic Multilingual Plane (a Hán-Nôm
    /// character, an emoji) is one, not the two UTF-16 units of .NET's <see cref="string.Length"/>.</summary>
    public static int Characters(string text)
    {
        var characters = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (!char.IsSurrogatePair(text[i], text[i + 1])) continue;
            characters--;
            i++;
        }
        return characters;
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>Text as people compare what they wrote: one Unicode form, letter case, runs of spaces and where a
    /// Vietnamese word carries its tone mark aside ("UBND  xã" and "ubnd Xã" are one name, and so are "Hoà Bình" and
    /// "Hòa Bình", "Thuỵ" and "Thụy": the old and the new placement, both in use in one province's tables).</summary>
    public static string Comparable(string text) => TonesAtWordEnds(Lowered(text));

    /// <summary>A value someone sent, as a message repeats it: at most 100 characters, so that an answer never grows
    /// with what was sent.</summary>
    public static string Excerpt(string text) => text.Length <= 100 ? text : text[..100] + "…";

    /// <summary>The text in Unicode form KC (one form, and what East Asian input methods type full width, "ＵＢＮＤ",
    /// read as the letters it stands for) and lower case, its runs of spaces (a no-break space among them) one space,
    /// trimmed, without invisible formatting characters (a zero-width space, a soft hyphen, a byte order mark, a tag
    /// character), which text copied from web pages and word processors carries unseen, and each apostrophe the
    /// straight one: the Central Highlands' names hold one ("Cư M'gar", "Ea H'leo"), which a word processor turns into
    /// ’ and others type as ʼ, ‘ or `. What is no text is compared as U+FFFD (<see cref="Readable"/>): such a value is
    /// refused where it is read, and comparing it must not fail first.</summary>
    public static string Lowered(string text) => Spaced(text).ToLowerInvariant();

    /// <summary>The text as <see cref="Lowered"/> gives it, in its own letter case: lowering keeps each character's
    /// place, so a match in the lowered text is the same span of this one (a decision's number as it was
    /// written).</summary>
    public static string Spaced(string text) =>
        // The apostrophes first: form KC writes the acute accent alone (´) as a space and a combining accent.
        string.Join(' ', Apostrophes().Replace(Readable(Visible(text)), "'").Normalize(NormalizationForm.FormKC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The apostrophes people type for the straight one: right and left single quotation marks, the
    /// modifier letter apostrophe, the grave and acute accents alone, the prime.</summary>
    [GeneratedRegex("[\u2019\u2018\u02BC\u0060\u00B4\u2032]")]
    private static partial Regex Apostrophes();

    /// <summary>Whether <paramref name="text"/> is blank: nothing but spaces, invisible formatting characters, in
    /// any plane (the tag characters U+E0001–U+E007F and the musical formatting ones are outside the first, so a test
    /// of its UTF-16 units alone sees none of them), the fillers that show nothing (<see cref="Fillers"/>) and marks
    /// with no letter to sit on.</summary>
    public static bool IsBlank(string text) => text.EnumerateRunes().All(rune => IsBlank(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark);

    /// <summary>Letters and symbols that show nothing: the Hangul fillers, the blank Braille pattern, the combining
    /// grapheme joiner.</summary>
    private static readonly HashSet<Rune> Fillers =
        [new(0x115F), new(0x1160), new(0x3164), new(0xFFA0), new(0x2800), new(0x034F)];

    /// <summary>Whether <paramref name="c"/> is a bidirectional embedding, override or isolate (U+202A–U+202E,
    /// U+2066–U+2069): invisible itself, it makes the text after it display in another order, so that a name shows as
    /// something other than what it is.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary><paramref name="text"/> without the invisible formatting characters among the spaces at its ends: a
    /// byte order mark where two files were joined, a zero-width space or a word joiner copied from a web page, which
    /// no one means as part of a value, nor can see to remove. The spaces stay, for whoever reads the value to trim
    /// or keep (a text's tab or line break is its own), and so does a bidirectional control (<see
    /// cref="IsBidiControl"/>), for the check that refuses it as the JSON API does: it changed how the value showed
    /// where it was written, a spreadsheet's cell among them.</summary>
    public static string WithoutInvisibleEnds(string text)
    {
        var start = 0;
        while (start < text.Length
               && Rune.DecodeFromUtf16(text.AsSpan(start), out var rune, out var length) == OperationStatus.Done
               && IsInvisibleEnd(rune))
            start += length;
        var end = text.Length;
        while (end > start
               && Rune.DecodeLastFromUtf16(text.AsSpan(start, end - start), out var rune, out var length)
               == OperationStatus.Done
               && IsInvisibleEnd(rune))
            end -= length;
        // Nearly every field starts and ends with a letter: it is returned as it is, with nothing looked at again.
        if (start == 0 && end == text.Length) return text;
        var head = text[..start];
        var tail = text[end..];
        if (!head.EnumerateRunes().Any(IsFormat) && !tail.EnumerateRunes().Any(IsFormat)) return text;
        return Visible(head) + text[start..end] + Visible(tail);
    }

    private static bool IsBlank(Rune rune) => Rune.IsWhiteSpace(rune) || IsFormat(rune) || Fillers.Contains(rune);

    private static bool IsInvisibleEnd(Rune rune) => IsBlank(rune) && !(rune.IsBmp && IsBidiControl((char)rune.Value));

    private static string Visible(string text)
    {
        if (!text.EnumerateRunes().Any(IsFormat)) return text;
        var visible = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes().Where(r => !IsFormat(r))) visible.Append(rune);
        return visible.ToString();
    }

    private static bool IsFormat(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;

    /// <summary>The Vietnamese tone marks (grave, acute, tilde, hook above, dot below) as combining characters.
    /// </summary>
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";

    /// <summary><paramref name="text"/> without any diacritic (tone and vowel marks), "Đ" and "đ" as "D" and "d": as
    /// it is typed where Vietnamese cannot be ("Quang Tri", a file's or a sheet's name), and as initials write it.
    /// </summary>
    public static string Unmarked(string text) => new([
        .. Normalized(text, NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => c switch { 'đ' => 'd', 'Đ' => 'D', _ => c }),
    ]);

    /// <summary>Each word of <paramref name="text"/> with its tone mark moved to its end, for comparing only: a
    /// syllable has one tone, so where it stands is spelling, not meaning.</summary>
    public static string TonesAtWordEnds(string text) =>
        string.Join(' ', Normalized(text, NormalizationForm.FormD).Split(' ').Select(word =>
                word.AsSpan().IndexOfAny(ToneMarks) < 0
                    ? word
                    : new string([.. word.Where(c => !ToneMarks.Contains(c)), .. word.Where(ToneMarks.Contains)])))
            .Normalize(NormalizationForm.FormC);
}
