using System.Text;

namespace IsoLedger.Domain.Provinces;

/// <summary>A provincial unit (tỉnh or thành phố trực thuộc trung ương) under one name for one period.</summary>
/// <param name="Name">The canonical short name, without "Tỉnh" or "Thành phố": "Quảng Trị", "Hồ Chí Minh".</param>
/// <param name="ValidFrom">The first day it exists; null: since before the ledger's earliest date.</param>
/// <param name="ValidTo">The last day it exists; null: still valid.</param>
/// <param name="MergedInto">The province it was merged into on 1 July 2025 (one of the 52 merged).</param>
/// <param name="Source">The legal act the period rests on.</param>
/// <param name="RenamedTo">What it became without a merger: Thừa Thiên Huế, the city of Huế.</param>
public sealed record Province(
    string Name, DateOnly? ValidFrom, DateOnly? ValidTo, string? MergedInto, string Source, string? RenamedTo = null)
{
    /// <summary>Where its units belong once it has ended.</summary>
    public string? Successor => MergedInto ?? RenamedTo;

    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}

/// <summary>The provinces as reference data with their validity periods, so that a province is one of the country's
/// provincial units on the date it is used for, and units of a former province count under its successor.</summary>
/// <remarks>
/// Sources:
/// <list type="bullet">
/// <item>The 63 provincial units before 2025: the list of Decision 124/2004/QĐ-TTg (Danh mục và mã số các đơn vị
/// hành chính Việt Nam) as changed by Resolution 15/2008/QH12 (Hà Tây merged into Hà Nội from 1 August 2008).</item>
/// <item>Huế: National Assembly Resolution 175/2024/QH15 of 30 November 2024 made Thừa Thiên Huế the centrally-run
/// city of Huế from 1 January 2025.</item>
/// <item>The 34 from 1 July 2025: National Assembly Resolution 202/2025/QH15 of 12 June 2025 on reorganising the
/// provincial administrative units (Article 1 names which provinces form each new one; the new provincial
/// governments operate from 1 July 2025). 52 provinces were merged into 23; 11 were not reorganised.</item>
/// </list>
/// Not modelled: the changes before 2008 (Resolution 22/2003/QH11 split Đắk Lắk, Cần Thơ and Lai Châu from 2004;
/// Hà Tây until 31 July 2008), so the 63 are taken as valid from the ledger's earliest date.
/// </remarks>
public static class Provinces
{
    /// <summary>The day the provinces of Resolution 202/2025/QH15 took office.</summary>
    public static readonly DateOnly Reorganised = new(2025, 7, 1);

    /// <summary>The day Thừa Thiên Huế became the city of Huế (Resolution 175/2024/QH15).</summary>
    public static readonly DateOnly HueBecameCity = new(2025, 1, 1);

    private const string Listed = "Decision 124/2004/QĐ-TTg as changed by Resolution 15/2008/QH12";
    private const string NotReorganised = Listed + "; not reorganised by Resolution 202/2025/QH15";
    private const string Resolution202 = "Resolution 202/2025/QH15 of 12 June 2025, Article 1 (in office 1 July 2025)";
    private const string Resolution175 = "Resolution 175/2024/QH15 of 30 November 2024 (from 1 January 2025)";

    /// <summary>The 10 provinces that neither Resolution 202/2025/QH15 nor 175/2024/QH15 changed; with Huế they are
    /// the 11 that Resolution 202/2025/QH15 did not reorganise.</summary>
    private static readonly string[] Unchanged =
    [
        "Hà Nội", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
        "Cao Bằng",
    ];

    /// <summary>Resolution 202/2025/QH15, Article 1: each new province and the former ones that form it (the first
    /// gives the new one its name).</summary>
    private static readonly (string Province, string[] FormedFrom)[] Mergers =
    [
        ("Tuyên Quang", ["Tuyên Quang", "Hà Giang"]),
        ("Lào Cai", ["Lào Cai", "Yên Bái"]),
        ("Thái Nguyên", ["Thái Nguyên", "Bắc Kạn"]),
        ("Phú Thọ", ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"]),
        ("Bắc Ninh", ["Bắc Ninh", "Bắc Giang"]),
        ("Hưng Yên", ["Hưng Yên", "Thái Bình"]),
        ("Hải Phòng", ["Hải Phòng", "Hải Dương"]),
        ("Ninh Bình", ["Ninh Bình", "Hà Nam", "Nam Định"]),
        ("Quảng Trị", ["Quảng Trị", "Quảng Bình"]),
        ("Đà Nẵng", ["Đà Nẵng", "Quảng Nam"]),
        ("Quảng Ngãi", ["Quảng Ngãi", "Kon Tum"]),
        ("Gia Lai", ["Gia Lai", "Bình Định"]),
        ("Khánh Hòa", ["Khánh Hòa", "Ninh Thuận"]),
        ("Lâm Đồng", ["Lâm Đồng", "Đắk Nông", "Bình Thuận"]),
        ("Đắk Lắk", ["Đắk Lắk", "Phú Yên"]),
        ("Hồ Chí Minh", ["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]),
        ("Đồng Nai", ["Đồng Nai", "Bình Phước"]),
        ("Tây Ninh", ["Tây Ninh", "Long An"]),
        ("Cần Thơ", ["Cần Thơ", "Sóc Trăng", "Hậu Giang"]),
        ("Vĩnh Long", ["Vĩnh Long", "Bến Tre", "Trà Vinh"]),
        ("Đồng Tháp", ["Đồng Tháp", "Tiền Giang"]),
        ("Cà Mau", ["Cà Mau", "Bạc Liêu"]),
        ("An Giang", ["An Giang", "Kiên Giang"]),
    ];

    /// <summary>Spellings in common use besides the canonical one and its variants of case, form, prefix, hyphen
    /// and tone-mark placement, which <see cref="Key"/> absorbs.</summary>
    private static readonly (string Alias, string Name)[] Aliases =
    [
        ("Đăk Lăk", "Đắk Lắk"), ("Đắc Lắc", "Đắk Lắk"), ("Đăk Nông", "Đắk Nông"), ("Đắc Nông", "Đắk Nông"),
        ("Bắc Cạn", "Bắc Kạn"), ("Kontum", "Kon Tum"),
    ];

    /// <summary>What stands before a province's name in official and everyday use: "Tỉnh Quảng Trị", "Thành phố
    /// Huế", "TP. Hồ Chí Minh". Lower case, as <see cref="Words"/> compares them.</summary>
    private static readonly string[] Prefixes = ["tỉnh ", "thành phố ", "tp. ", "tp.", "tp "];

    /// <summary>Every period of every province, in the order of the sources above.</summary>
    public static readonly IReadOnlyList<Province> All =
    [
        .. Unchanged.Select(name => new Province(name, null, null, null, NotReorganised)),
        new("Thừa Thiên Huế", null, HueBecameCity.AddDays(-1), null, Listed, RenamedTo: "Huế"),
        new("Huế", HueBecameCity, null, null, Resolution175),
        .. Mergers.SelectMany(merger => merger.FormedFrom.Select(former =>
            new Province(former, null, Reorganised.AddDays(-1), merger.Province, Listed + "; " + Resolution202))),
        .. Mergers.Select(merger => new Province(merger.Province, Reorganised, null, null, Resolution202)),
    ];

    /// <summary>Every name a province has had, once.</summary>
    public static readonly IReadOnlyList<string> Names = All.Select(p => p.Name).Distinct().ToList();

    private static readonly Dictionary<string, string> CanonicalByKey = Names.Select(name => (Key(name), name))
        .Concat(Aliases.Select(alias => (Key(alias.Alias), alias.Name)))
        .ToDictionary(entry => entry.Item1, entry => entry.Item2);

    private static readonly ILookup<string, Province> PeriodsByName = All.ToLookup(p => p.Name);

    /// <summary>The canonical name of the province <paramref name="name"/> means, of any period; null if none.
    /// </summary>
    public static string? Canonical(string name) => CanonicalBySpelling[name];

    /// <summary>Each spelling's canonical name, kept: a table writes its province on every row, and each row's
    /// province is looked up several times.</summary>
    private static readonly TextMemo<string?> CanonicalBySpelling =
        new(name => CanonicalByKey.GetValueOrDefault(Key(name)), capacity: 10_000);

    public static bool IsValidOn(string name, DateOnly date) =>
        Canonical(name) is { } canonical && PeriodsByName[canonical].Any(p => p.IsValidOn(date));

    /// <summary>The province a unit recorded under <paramref name="name"/> belongs to on <paramref name="date"/>: a
    /// former province's successor once it has ended, Thừa Thiên Huế for Huế before 2025, otherwise the province
    /// itself (a name that is no province is returned as it is).</summary>
    public static string On(string name, DateOnly date)
    {
        if (Canonical(name) is not { } canonical) return name;
        var periods = PeriodsByName[canonical].ToList();
        if (periods.Any(p => p.IsValidOn(date))) return canonical;
        var ended = periods.Where(p => p.ValidTo < date && p.Successor is not null).MaxBy(p => p.ValidTo);
        if (ended is not null) return On(ended.Successor!, date);
        var predecessors = All.Where(p => p.Successor == canonical && p.Name != canonical).ToList();
        var before = predecessors.Count == 1 && periods.All(p => date < p.ValidFrom);
        return before ? On(predecessors[0].Name, date) : canonical;
    }

    /// <summary>What <paramref name="name"/> became when it ended — the province it became part of (a merged one)
    /// or its new name (Thừa Thiên Huế) — and the first day its units counted under it; null for a province that has
    /// not ended (or a name that is none).</summary>
    public static (string Successor, DateOnly From, bool Merged)? Ending(string name)
    {
        if (Canonical(name) is not { } canonical) return null;
        var ended = PeriodsByName[canonical].Where(p => p.ValidTo is not null && p.Successor is not null)
            .MaxBy(p => p.ValidTo);
        return ended is null ? null : (ended.Successor!, ended.ValidTo!.Value.AddDays(1), ended.MergedInto is not null);
    }

    /// <summary>Every name whose units count as <paramref name="province"/> on <paramref name="date"/>: from 1 July
    /// 2025 a new province and the former ones that formed it, before that the province itself. A province that is
    /// not one on that date (or a name that is none) counts its own units, so its former area can still be looked at.
    /// </summary>
    public static IReadOnlyList<string> NamesCountedAs(string province, DateOnly date)
    {
        if (Canonical(province) is not { } canonical) return [province];
        return IsValidOn(canonical, date) ? Names.Where(name => On(name, date) == canonical).ToList() : [canonical];
    }

    /// <summary>The former provinces counted as <paramref name="province"/> on <paramref name="date"/> (those of
    /// <see cref="NamesCountedAs"/> that had ended by then: Quảng Bình for Quảng Trị from 1 July 2025) and the first
    /// day they counted under it, the day it was formed of them or renamed (one act did it, so the day is one for
    /// them all); null when none does.</summary>
    public static (IReadOnlyList<string> Names, DateOnly Since)? FormersCountedAs(string province, DateOnly date)
    {
        var canonical = Canonical(province) ?? province;
        var formers = NamesCountedAs(canonical, date)
            .Where(name => name != canonical && Ending(name) is { } ending && ending.From <= date).ToList();
        return formers.Count == 0 ? null : (formers, formers.Max(name => Ending(name)!.Value.From));
    }

    /// <summary>The <paramref name="count"/> names of provinces valid on <paramref name="date"/> nearest to
    /// <paramref name="name"/>, ignoring case and diacritics.</summary>
    public static IReadOnlyList<string> Closest(string name, DateOnly date, int count = 3) =>
        Nearest(name, Names.Where(n => IsValidOn(n, date)), count);

    /// <summary>The <paramref name="count"/> names of provinces of any period nearest to <paramref name="name"/>.
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, int count = 3) => Nearest(name, Names, count);

    /// <summary>Why <paramref name="name"/> is not a province on <paramref name="date"/>, naming what to write
    /// instead; null if it is one.</summary>
    public static string? Problem(string name, DateOnly date)
    {
        var on = $"Not a province on {date:yyyy-MM-dd}";
        if (Canonical(name) is not { } canonical) return $"{on}; did you mean {Quoted(Closest(name, date))}?";
        if (IsValidOn(canonical, date)) return null;
        var successor = On(canonical, date);
        var ended = PeriodsByName[canonical].Where(p => p.ValidTo < date).MaxBy(p => p.ValidTo);
        if (ended is null)
        {
            var from = PeriodsByName[canonical].Min(p => p.ValidFrom);
            return $"{on}: \"{canonical}\" is one from {from:yyyy-MM-dd}; on that date it was \"{successor}\".";
        }
        var became = ended.MergedInto is not null ? "became part of" : "became";
        return $"{on}: \"{canonical}\" {became} \"{successor}\" on {ended.ValidTo!.Value.AddDays(1):yyyy-MM-dd}.";
    }

    /// <summary>Why <paramref name="name"/> is no province of any period, naming the closest; null if it is one.
    /// </summary>
    public static string? Problem(string name) =>
        Canonical(name) is null ? $"Not a province; did you mean {Quoted(Closest(name))}?" : null;

    private static string Quoted(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "nothing",
        1 => $"\"{names[0]}\"",
        _ => string.Join(", ", names.SkipLast(1).Select(n => $"\"{n}\"")) + $" or \"{names[^1]}\"",
    };

    private static List<string> Nearest(string name, IEnumerable<string> candidates, int count)
    {
        var folded = Fold(name);
        return candidates.Distinct().OrderBy(c => Distance(folded, Fold(c))).ThenBy(c => c, StringComparer.Ordinal)
            .Take(count).ToList();
    }

    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";

    /// <summary>The name as matching compares it: lower case, words split at spaces and hyphens, without the
    /// "Tỉnh" / "Thành phố" / "TP." prefix, and each word's tone mark moved to its end, so that "Hoà" (the old
    /// placement) and "Hòa", form C and form D, all give the same key.</summary>
    private static string Key(string name)
    {
        var words = Words(name).Select(word =>
        {
            var decomposed = UnicodeText.Normalized(word, NormalizationForm.FormD);
            var tones = decomposed.Where(c => ToneMarks.Contains(c));
            return new string([.. decomposed.Where(c => !ToneMarks.Contains(c)), .. tones]);
        });
        return string.Join(' ', words);
    }

    /// <summary>The name without any diacritic, for the distance between a misspelling and a province.</summary>
    private static string Fold(string name) => UnicodeText.Unmarked(string.Join(' ', Words(name)));

    private static string[] Words(string name)
    {
        // As names are compared: a no-break space, a zero-width space or a byte order mark copied with the name (from
        // a web page, or where two files were joined) is none of its letters.
        var text = UnicodeText.Lowered(name);
        var prefix = Prefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.Ordinal));
        if (prefix is not null) text = text[prefix.Length..];
        return text.Split((char[])[' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions of one character each count one.
    /// </summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1,
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
