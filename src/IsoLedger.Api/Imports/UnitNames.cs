using IsoLedger.Domain;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Imports;

/// <summary>One unit, one code: a row that lists a new code under the name of a unit already recorded (or listed
/// above) at the same level in the same district of the province is the same unit typed under another code
/// ("QT-XA-0001" for "QT-XA-001"). Taken for a new unit, it had been counted twice, and the year's table and the
/// reports already published had changed with it.</summary>
public sealed class UnitNames
{
    private readonly Dictionary<(string Province, UnitLevel Level, string District, string Name), SortedSet<string>>
        codes = [];

    /// <summary>The units recorded as merged, split or dissolved.</summary>
    private readonly HashSet<string> ended = new(StringComparer.Ordinal);

    /// <summary>The units recorded that still exist (a new unit may take the name of one merged into it).</summary>
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
            if (unit.Ended) names.ended.Add(unit.Code);
            else names.Add(Key(unit.Province, unit.Level, unit.District, unit.Name), unit.Code);
        }
        return names;
    }

    /// <summary>A code recorded or listed under <paramref name="row"/>'s name when the row's own is none of them, or
    /// null (a unit's own row is never refused, even where the API let another unit take its name). The row of a
    /// unit that has ended leaves its name to the unit formed in its place (a year's table lists both).</summary>
    public string? OtherCodeOf(ReportRow row)
    {
        if (ended.Contains(row.UnitCode)) return null;
        var key = Key(row.Province, row.Level, row.District, row.UnitName);
        if (codes.TryGetValue(key, out var named) && !named.Contains(row.UnitCode)) return named.Min;
        Add(key, row.UnitCode);
        return null;
    }

    private void Add((string, UnitLevel, string, string) key, string code)
    {
        if (!codes.TryGetValue(key, out var named)) codes[key] = named = new SortedSet<string>(StringComparer.Ordinal);
        named.Add(code);
    }

    private static (string, UnitLevel, string, string) Key(
        string province, UnitLevel level, string? district, string name) =>
        (province, level, DistrictNames.Comparable(district ?? ""), UnicodeText.Comparable(name));

}
