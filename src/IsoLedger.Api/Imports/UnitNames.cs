using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Imports;

/// <summary>One unit, one code: a row that lists a new code under the name of a unit already recorded (or listed
/// above) at the same level in the same district of the province is the same unit typed under another code
/// ("QT-XA-0001" for "QT-XA-001"). Taken for a new unit, it would be counted twice, and the year's table and the
/// reports already published would change with it. Names are compared as <see cref="UnitNameSpelling"/> does, their
/// notes kept: a new code listed as "UBND xã Ba Lòng (xã Ba Lòng + Hải Phúc)" beside the recorded "UBND xã Ba Lòng"
/// is the commune their merge formed, under the name of one of them.</summary>
public sealed class UnitNames
{
    private readonly Dictionary<(string Province, UnitLevel Level, string District, string Name), SortedSet<string>>
        codes = [];

    /// <summary>The units recorded as merged, split or dissolved.</summary>
    private readonly HashSet<string> ended = new(StringComparer.Ordinal);

    /// <summary>Every unit recorded, ended or not.</summary>
    private readonly HashSet<string> recorded = new(StringComparer.Ordinal);

    /// <summary>The provinces counted as a row's on its date, by province and date (a file has few of either).
    /// </summary>
    private readonly Dictionary<(string Province, DateOnly On), string[]> countedAs = [];

    /// <summary>The units recorded: the names of those that still exist (a new unit may take the name of one merged
    /// into it), and which have ended.</summary>
    public static async Task<UnitNames> Recorded(IQuerySession session, CancellationToken cancellation)
    {
        var names = new UnitNames();
        var units = await session.Query<Unit>()
            .Select(u => new
            {
                u.Code,
                u.Province,
                u.Level,
                u.District,
                u.Name,
                Ended = u.Merger != null || u.Split != null || u.Dissolution != null,
            })
            .ToListAsync(cancellation);
        foreach (var unit in units)
        {
            names.recorded.Add(unit.Code);
            if (unit.Ended) names.ended.Add(unit.Code);
            else names.Add(Key(unit.Province, unit.Level, unit.District, unit.Name), unit.Code);
        }
        return names;
    }

    /// <summary>A code recorded or listed under <paramref name="row"/>'s name when the row's own is none of them, or
    /// null. Looked for in every province that counts as the row's on its date (a 2025 report of Quảng Trị lists the
    /// former Quảng Bình units, recorded under Quảng Bình). A unit's own row is never refused for a recorded unit's
    /// name, even where the API let another unit take its name; a unit that has ended since leaves its name to the
    /// recorded units formed in its place (a year's table lists both), not to a new code in the file.</summary>
    public string? OtherCodeOf(ReportRow row)
    {
        var on = row.StepDate;
        if (!countedAs.TryGetValue((row.Province, on), out var counted))
        {
            counted = countedAs[(row.Province, on)] =
                [.. Provinces.NamesCountedAs(Provinces.On(row.Province, on), on).Append(row.Province).Distinct()];
        }
        var own = Key(row.Province, row.Level, row.District, row.UnitName);
        // Whose name a row may not take: an ended unit's, that of a code new in the file; a recorded unit's, that of
        // another unit still existing; a new unit's, any.
        Func<string, bool> rivals = ended.Contains(row.UnitCode) ? code => !recorded.Contains(code)
            : recorded.Contains(row.UnitCode) ? code => !ended.Contains(code)
            : _ => true;
        string? other = null;
        var listedHere = false;
        foreach (var province in counted)
        {
            var key = province == row.Province ? own : Key(province, row.Level, row.District, row.UnitName);
            if (!codes.TryGetValue(key, out var named)) continue;
            listedHere |= named.Contains(row.UnitCode);
            var rival = named.FirstOrDefault(rivals);
            if (rival is not null && (other is null || string.CompareOrdinal(rival, other) < 0)) other = rival;
        }
        Add(own, row.UnitCode);
        return listedHere ? null : other;
    }

    private void Add((string, UnitLevel, string, string) key, string code)
    {
        if (!codes.TryGetValue(key, out var named)) codes[key] = named = new SortedSet<string>(StringComparer.Ordinal);
        named.Add(code);
    }

    private static (string, UnitLevel, string, string) Key(
        string province, UnitLevel level, string? district, string name) =>
        (province, level, DistrictNames.Comparable(district ?? ""),
            UnitNameSpelling.Comparable(name, keepNotes: true));
}
