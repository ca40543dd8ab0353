using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Units;

/// <summary>One unit's name however a table writes it. Besides what <see cref="UnicodeText.Comparable"/> sets aside
/// (letter case, runs of spaces, invisible characters, where the tone mark stands), a clerk's table adds what is not
/// the name: a note in brackets on what the unit was formed from ("UBND xã Ba Lòng. (xã Ba Lòng + Hải Phúc)", "UBND
/// xã Hải Định (sáp nhập xã Hải Thiện và Hải Thành)"), a full stop after it, the row's number before it ("1. UBND
/// Phường 1." or "1- Chi cục TCĐLCL", as the seeds' appendices number them), the people's committee written out ("Ủy
/// ban nhân dân xã" for "UBND xã"), typed twice ("UBND UBND xã Ba Nang") or left out ("Phường Trần Hưng Đạo"), its
/// kind abbreviated ("UBND P. Phú Thủy", "UBND TT. Liên Hương"), a note after a dash on a restructuring
/// (<see cref="WithoutRestructuringNote"/>). None of these names another unit, so none makes a recorded unit look
/// renamed; a name outside the brackets that differs is a rename still.</summary>
public static partial class UnitNameSpelling
{
    /// <summary>At most this many names are kept compared in each way: several times a country's units' (some 11 000
    /// communes and districts before 2025), a few megabytes.</summary>
    private const int NamesKept = 50_000;

    /// <summary>Each name as compared, kept: an import compares each row's name with its unit's recorded one and with
    /// the other units', and a registration the names of every unit of its level in its province (10 → 15 ms
    /// median with 800 communes, Debug build), so that working them out again took much of their time.</summary>
    private static readonly TextMemo<string> Compared = new(name => Compare(name, keepNotes: false), NamesKept);

    private static readonly TextMemo<string> ComparedWithNotes = new(name => Compare(name, keepNotes: true), NamesKept);

    private static readonly TextMemo<string> ComparedWithProvince =
        new(name => Compare(name, keepNotes: false, keepProvince: true), NamesKept);

    /// <summary>The name as compared: lower case, without a number before it, notes in brackets (unless
    /// <paramref name="keepNotes"/>) or punctuation at its end, "UBND" for the people's committee
    /// (<see cref="PeoplesCommittee"/>), each word's tone mark at its end, without the province it may end with
    /// (<see cref="ProvinceQualifier"/>) unless <paramref name="keepProvince"/> (which tells a department's name,
    /// "Thanh tra tỉnh", from a unit's of another level).</summary>
    public static string Comparable(string name, bool keepNotes = false, bool keepProvince = false) =>
        keepProvince ? ComparedWithProvince[name] : keepNotes ? ComparedWithNotes[name] : Compared[name];

    private static string Compare(string name, bool keepNotes, bool keepProvince = false)
    {
        var text = UnicodeText.Lowered(WithoutRestructuringNote(name));
        var bare = UnicodeText.Lowered(Numbered().Replace(keepNotes ? text : Annotation().Replace(text, " "), ""))
            .TrimEnd('.', ',', ';', ':', ' ');
        // A name that is nothing but a note is compared as written.
        if (bare.Length == 0) bare = text;
        var committee = PeoplesCommittee.Abbreviated(bare);
        var written = Kind().Replace(committee, kind =>
            kind.Groups["cut"].Success ? Kinds["th " + kind.Groups["cut"].Value] + " "
            : Kinds[kind.Groups["kind"].Value] + " ");
        // A commune or district is its committee: "Phường Trần Hưng Đạo" and "Huyện Hải Hậu", as tables list them
        // too, are "UBND phường Trần Hưng Đạo" and "UBND huyện Hải Hậu".
        if (LocalKind.IsMatch(written)) written = PeoplesCommittee.Abbreviation + " " + written;
        // A number is its value: "Phường 01" is "Phường 1".
        var words = string.Join(' ', BetweenWords().Split(written).Where(word => word.Length > 0 && word != And)
            .Select(word => word.Length > 1 && word[0] == '0' && word.All(char.IsAsciiDigit)
                ? word.TrimStart('0') is { Length: > 0 } value ? value : "0"
                : word));
        var compared = UnicodeText.TonesAtWordEnds(words.Length > 0 ? words : written);
        return !keepProvince && ProvinceQualifier.Replace(compared, "") is { Length: > 0 } unqualified
            ? unqualified
            : compared;
    }

    /// <summary>The province a department's name may end with, as its decisions write it ("Sở Tư pháp tỉnh Quảng
    /// Trị") and tables often do not ("Sở Tư pháp"; Quảng Trị's 2020 report: "Ban Quản lý Khu Kinh tế tỉnh", "Thanh
    /// tra Tỉnh"): "tỉnh" and a province's name after it, or "tỉnh" alone, at the name's end, as compared. Not "thành
    /// phố" and a name: a district's town is often named as its province ("UBND thành phố Lạng Sơn").</summary>
    private static readonly Regex ProvinceQualifier = new(
        $" {Regex.Escape(Lowered("tỉnh"))}(?: (?:{string.Join("|", Provinces.Provinces.Names
            .Select(name => Regex.Escape(Lowered(name))).OrderByDescending(name => name.Length))}))?$",
        RegexOptions.CultureInvariant);

    /// <summary>A province's name as a name's words are compared ("Bà Rịa - Vũng Tàu" as "bà rịa vũng tàu").</summary>
    private static string Lowered(string text) => UnicodeText.TonesAtWordEnds(
        string.Join(' ', BetweenWords().Split(UnicodeText.Lowered(text)).Where(word => word.Length > 0)));

    /// <summary>The conjunction, which tables write as "và", "&amp;" or a comma or dash ("Sở Văn hóa, Thể thao và Du
    /// lịch", "Sở Văn hóa - Thể thao &amp; Du lịch"), as compared: a name is compared as its words alone.</summary>
    private static readonly string And = UnicodeText.Lowered("và");

    /// <summary>What stands between a name's words: spaces and punctuation, except the apostrophe within a proper
    /// name ("Ea H'leo") and the brackets of a note kept (a name that differs by its note is another).</summary>
    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}'()\[\]]+")]
    private static partial Regex BetweenWords();

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name one unit: spelt alike, or one writing some
    /// of the other's words as their initials (<see cref="UnitNameAbbreviations"/>).</summary>
    public static bool Same(string a, string b) => Comparable(a) == Comparable(b)
        || UnitNameAbbreviations.EitherAbbreviates(a, b);

    /// <summary>The kinds of unit tables abbreviate before a name, written out.</summary>
    private static readonly Dictionary<string, string> Kinds = new (string Abbreviation, string Kind)[]
    {
        ("tp", "thành phố"), ("tx", "thị xã"), ("tt", "thị trấn"), ("p", "phường"), ("x", "xã"), ("h", "huyện"),
        ("q", "quận"), ("th phố", "thành phố"), ("th trấn", "thị trấn"),
    }.ToDictionary(k => k.Abbreviation, k => k.Kind);

    /// <summary>A unit's kind abbreviated at the name's start or after "ubnd": "P. Phú Thủy", "TT.Liên Hương",
    /// "TX La Gi", "Q.1" (a letter alone with its full stop, as "P Phú Thủy" could be anything), or its first word
    /// cut short, as Quảng Trị's 2020 report writes "UBND Th phố Đông Hà" and "UBND Th trấn Diên Sanh".</summary>
    [GeneratedRegex(@"(?<=^|ubnd )(?:th(?:\. ?| )(?<cut>phố|trấn) |(?<kind>tp|tx|tt)(?:\. ?| )|(?<kind>p|x|h|q)\. ?)")]
    private static partial Regex Kind();

    /// <summary>The kinds of commune and of district, written out, which a name at their level begins with ("Xã Hải
    /// Anh", "UBND thị xã Kỳ Anh").</summary>
    public static readonly IReadOnlyDictionary<UnitLevel, string[]> LocalKinds = new Dictionary<UnitLevel, string[]>
    {
        [UnitLevel.Commune] = ["Xã", "Phường", "Thị trấn", "Đặc khu"],
        [UnitLevel.District] = ["Huyện", "Quận", "Thị xã", "Thành phố"],
    };

    /// <summary>A commune's or a district's kind, as compared, and a name after it.</summary>
    private static readonly Regex LocalKind = new(
        $"^(?:{string.Join("|", LocalKinds.Values.SelectMany(kinds => kinds).Select(UnicodeText.Lowered))}) \\S",
        RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\([^()]*\)|\[[^\[\]]*\]")]
    private static partial Regex Annotation();

    /// <summary>Whether a note in brackets after <paramref name="name"/> names the unit itself among the units it was
    /// formed from ("UBND xã Ba Lòng (xã Ba Lòng + Hải Phúc)": formed under a predecessor's name, so not that
    /// predecessor), rather than only others ("UBND xã Long Vĩnh (xã Hương Long + xã Hương Vĩnh)": the unit recorded
    /// under its name) or nothing of the kind ("(ghi chú)").</summary>
    public static bool NoteNamesItself(string name)
    {
        var compared = Comparable(name);
        var proper = CommitteePrefixes.FirstOrDefault(compared.StartsWith) is { } prefix
            ? compared[prefix.Length..]
            : compared;
        return Annotation().Matches(name).Any(note =>
            $" {Comparable(note.Value[1..^1])} ".Contains($" {proper} ", StringComparison.Ordinal));
    }

    /// <summary>A commune's or district's committee and kind as compared ("ubnd xã "), longest first.</summary>
    private static readonly string[] CommitteePrefixes =
    [
        .. LocalKinds.Values.SelectMany(kinds => kinds)
            .Select(kind => Compare($"{PeoplesCommittee.Abbreviation} {kind} x", keepNotes: false)[..^1])
            .OrderByDescending(prefix => prefix.Length),
    ];

    /// <summary><paramref name="name"/> without a note after a dash on the restructuring the unit went through ("Sở
    /// Kế hoạch và Đầu tư - đã hợp nhất vào Sở Tài chính", "UBND xã Hải Định – sáp nhập từ xã Hải Thiện, xã Hải
    /// Thành"), which a table writes where others write it in brackets: no part of the name. An import does not read
    /// restructurings from notes (they are recorded from their own table), so the name is kept clean of it. A dash
    /// within a name ("Chi cục Chăn nuôi - Thú y") is not followed by such words and stays.</summary>
    public static string WithoutRestructuringNote(string name) =>
        RestructuringNote().Match(UnicodeText.Normalized(name)) is { Success: true } note
            ? UnicodeText.Normalized(name)[..note.Index].TrimEnd()
            : name;

    /// <summary>A dash (hyphen, en or em dash) with a space on either side or both, then the words a restructuring
    /// note begins with, in any letter case.</summary>
    [GeneratedRegex(@"(?:\s[-–—]\s?|\s?[–—]\s)(?:đã |được )*(?:hợp nhất|sáp nhập|nhập|chia tách|tách|giải thể|đổi tên|"
        + @"thành lập trên cơ sở|nguyên là|trước là)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RestructuringNote();

    /// <summary>The name without the row's number a table writes before it ("10- Chi cục Kiểm lâm", "7. UBND thị trấn
    /// Nghèn"): what a unit listed so is registered under, so that the table of another year, numbering its rows
    /// otherwise or not at all, names the same unit.</summary>
    public static string WithoutRowNumber(string name) =>
        Numbered().Match(name) is { Success: true, Length: var length } && length < name.Length ? name[length..] : name;

    /// <summary>A row's number before the name: "12. ", "3) ", "11.", "1- ", "2 – ", "1/ ", "1.1 " (a Chi cục
    /// numbered under its Sở), or a number and a space before a letter ("3 UBND xã …").</summary>
    [GeneratedRegex(@"^[0-9]{1,3}(?:(?:\.[0-9]{1,3})+[.)]? ?| ?(?:[.)/]|[-–—](?![0-9])) ?| (?=\p{L}))")]
    private static partial Regex Numbered();
}
