using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Imports;

/// <summary>One spelling per district of a province (<see cref="DistrictNames"/>): a row's district is kept as written
/// when a unit of the province has it recorded so, and otherwise written as the province's units have it recorded
/// (the spelling most of them have), or as first listed in the file. Kept as written, "Huyện Hải Lăng" beside
/// "Hải Lăng" had become a district of its own, with its own totals, in every table grouped by district.</summary>
public sealed class DistrictSpellings
{
    private readonly HashSet<(string Province, string District)> recorded = [];
    private readonly Dictionary<(string Province, string Key), string> spellings = [];

    /// <summary>The spellings recorded so far, by province.</summary>
    public static async Task<DistrictSpellings> Recorded(IQuerySession session, CancellationToken cancellation)
    {
        var known = new DistrictSpellings();
        var units = await session.Query<Unit>().Where(u => u.District != null)
            .Select(u => new { u.Province, u.District }).ToListAsync(cancellation);
        var counted = units.GroupBy(u => (u.Province, District: u.District!))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.District, StringComparer.Ordinal);
        foreach (var spelling in counted)
        {
            known.recorded.Add(spelling.Key);
            known.spellings.TryAdd(
                (spelling.Key.Province, DistrictNames.Comparable(spelling.Key.District)), spelling.Key.District);
        }
        return known;
    }

    /// <summary><paramref name="row"/> with its district as recorded, or as first listed when it is new.</summary>
    public ReportRow Spelled(ReportRow row)
    {
        if (row.District is not { } district || recorded.Contains((row.Province, district))) return row;
        var key = (row.Province, DistrictNames.Comparable(district));
        var known = spellings.TryAdd(key, district) ? district : spellings[key];
        return known == district ? row : row with { District = known };
    }
}
