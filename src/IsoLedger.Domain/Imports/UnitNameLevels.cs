using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>The level a unit's name says by its leading words, for a table that gives its units' level neither in a
/// column nor by a tier heading above them, as Quảng Trị's 2020 appendix A lists its departments, their Chi cục and
/// the districts in one run: "Sở …", "Ban … tỉnh", "Ban Dân tộc", "Ban Quản lý Khu kinh tế …", "Văn phòng UBND
/// tỉnh", "Văn phòng HĐND tỉnh", "Thanh tra tỉnh" are departments; "Chi cục …" a sub-department; "UBND huyện …",
/// "UBND quận …", "UBND thị xã …", "UBND thành phố …" and the same without "UBND" ("Huyện Hải Lăng") a district, on a
/// date before the district level ended (1 July 2025); "UBND xã …", "UBND phường …", "UBND thị trấn …", "UBND đặc khu
/// …" and the same without "UBND" a commune. The name is read as <see cref="UnitNameSpelling"/> compares it: its row
/// number before it ("1- ", "1.1 "), the committee written out, the kinds abbreviated ("UBND TP. Đông Hà", "UBND Th
/// trấn Diên Sanh", "UBND P. Phú Thủy") are set aside. A name that says no level, or more than one, is not guessed:
/// "UBND thành phố X" where X is the row's province is the committee of a centrally-run city (no unit of these levels)
/// or of a province's capital of the same name (Thành phố Hà Tĩnh, a district); the boards at a Chi cục's rank within
/// the Sở Nội vụ ("Ban Tôn giáo", "Ban Thi đua – Khen thưởng") are not departments; "Văn phòng điều phối …" is no
/// office of the province's councils.</summary>
public static partial class UnitNameLevels
{
    /// <summary>The words a name starts with, as compared, and the level they say. A district's and a commune's kinds
    /// say their level with the committee before them or without it.</summary>
    private static readonly (string Words, UnitLevel Level)[] Leading =
    [
        ("Sở", UnitLevel.Department), ("Thanh tra tỉnh", UnitLevel.Department),
        ("Ban Dân tộc", UnitLevel.Department), ("Ban Quản lý Khu kinh tế", UnitLevel.Department),
        ("Chi cục", UnitLevel.SubDepartment),
        .. UnitNameSpelling.LocalKinds.SelectMany(level => level.Value.Select(kind => (kind, level.Key))),
        // Cut short, as Quảng Trị's 2020 report writes them.
        ("Th phố", UnitLevel.District), ("Th trấn", UnitLevel.Commune),
    ];

    private static readonly (string Words, UnitLevel Level)[] Compared =
        [.. Leading.Select(w => (Worded(w.Words) + " ", w.Level))];

    /// <summary>The boards named "Ban … tỉnh" that rank as a Chi cục within the Sở Nội vụ, as compared.</summary>
    private static readonly string[] BoardsWithinASở =
        [.. new[] { "Ban Tôn giáo", "Ban Thi đua" }.Select(b => Worded(b) + " ")];

    /// <summary>The level <paramref name="name"/> says, of a row of <paramref name="province"/> whose facts are dated
    /// <paramref name="on"/>, or null when it says none unambiguously.</summary>
    public static UnitLevel? Of(string name, string province, DateOnly on)
    {
        // A tier's words ("Phường, xã, thị trấn", "Sở, ban, ngành và tương đương") name no unit: such a row, with a
        // value beside them, is no heading either.
        if (LevelWords.Read(Numbering().Replace(name.Trim(), "")) is not null) return null;
        var words = Words(name);
        if (IsOfficeOfTheCouncils(words)) return UnitLevel.Department;
        var governed = PeoplesCommittee.WithoutLeading(words);
        var committee = governed.Length < words.Length;
        var (leading, level) =
            Compared.FirstOrDefault(w => (governed + " ").StartsWith(w.Words, StringComparison.Ordinal));
        if (leading is null)
        {
            // A board of the province ("Ban … tỉnh"), unless it ranks as a Chi cục within the Sở Nội vụ.
            return !committee && words.StartsWith(Board, StringComparison.Ordinal)
                && words.Split(' ').Contains(Province)
                && !BoardsWithinASở.Any(b => words.StartsWith(b, StringComparison.Ordinal))
                    ? UnitLevel.Department
                    : null;
        }
        var rest = (governed + " ")[leading.Length..].Trim();
        // A department's or a Chi cục's name is not its committee's; a district or commune has a proper name.
        if (committee && level is UnitLevel.Department or UnitLevel.SubDepartment
            || rest.Length == 0 && level is not UnitLevel.Department)
            return null;
        if (level is not UnitLevel.District) return level;
        // The district level ended on 1 July 2025: a district's committee is no unit of a later day's table.
        return Levels.DistrictsEndedBy(on) || Cities.Contains(leading) && CityOfTheProvince(rest, province)
            ? null
            : level;
    }

    private static readonly string Board = Worded("Ban") + " ";

    private static readonly string[] Cities =
        [.. new[] { "Thành phố", "Th phố" }.Select(city => Worded(city) + " ")];

    private static readonly string Province = Worded("tỉnh");

    private static readonly string Office = Worded("Văn phòng") + " ";

    private static readonly string[] Councils = [PeoplesCommittee.Abbreviation, Worded("HĐND")];

    /// <summary>Whether <paramref name="words"/> (as compared) name an office of the province's councils ("Văn phòng
    /// UBND tỉnh", "Văn phòng HĐND tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"), not another office ("Văn phòng Điều
    /// phối nông thôn mới tỉnh", within a Sở).</summary>
    private static bool IsOfficeOfTheCouncils(string words)
    {
        if (!words.StartsWith(Office, StringComparison.Ordinal)) return false;
        var after = words[Office.Length..].Split(' ');
        return after.Zip(after.Skip(1)).Any(pair => Councils.Contains(pair.First) && pair.Second == Province);
    }

    /// <summary>Whether <paramref name="name"/> is a Chi cục's ("Chi cục Kiểm lâm", "1- Chi cục TCĐLCL", "1.1 Chi
    /// cục Thủy sản"): a sub-department, where a tier heading of departments ("I. Các Sở, ban, ngành") lists it under
    /// its Sở. Any other name under that heading ("Ban Quản lý …", "Văn phòng …") is a department's, as the 2020
    /// appendix counts them.</summary>
    public static bool IsSubDepartment(string name) => Compared.Any(w =>
        w.Level is UnitLevel.SubDepartment && (Words(name) + " ").StartsWith(w.Words, StringComparison.Ordinal));

    /// <summary>The department a sub-department's name says it is in ("Chi cục Kiểm lâm thuộc Sở Nông nghiệp và
    /// PTNT", "… trực thuộc Sở Y tế": "Sở Nông nghiệp và PTNT"), as written, or null.</summary>
    public static string? DepartmentNamed(string name) =>
        Within().Match(UnicodeText.Normalized(name)) is { Success: true } within
            ? within.Groups["department"].Value.TrimEnd('.', ',', ';', ':', ' ', ')')
            : null;

    /// <summary>The name as compared, without the numbers a table puts before a unit under another ("1- ", "1.1 ",
    /// "a) ") or the marks it indents one with ("- ", "+ ").</summary>
    private static string Words(string name) => Worded(Numbering().Replace(name.Trim(), ""));

    /// <summary>A name's words as compared, "tỉnh" at its end kept: it tells a province's office or board.</summary>
    private static string Worded(string name) => UnitNameSpelling.Comparable(name, keepProvince: true);

    /// <summary>Whether <paramref name="properName"/> is the proper name of <paramref name="province"/>.</summary>
    private static bool CityOfTheProvince(string properName, string province) =>
        Provinces.Provinces.Canonical(properName) is { } named && named == Provinces.Provinces.Canonical(province);

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*\s?[-.)]?\s*|[a-zđ]\)\s*|[-+•–]\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex Numbering();

    [GeneratedRegex(@"\b(?:trực )?thuộc\s+(?<department>sở\s.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Within();
}
