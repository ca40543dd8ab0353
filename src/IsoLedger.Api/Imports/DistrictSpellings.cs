using IsoLedger.Domain;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Imports;

/// <summary>One spelling per district of a province: "Huyện Hải Lăng", "hải lăng", "HẢI  LĂNG" and "H. Hải Lăng" are
/// the district recorded (or first listed) as "Hải Lăng". Kept as written, each spelling had become a district of its
/// own, with its own totals, in every table grouped by district.</summary>
public sealed class DistrictSpellings
{
    /// <summary>The word a table may put before a rural district's name (huyện, or h.). Not thị xã or thành phố: a
    /// province may have a huyện and a thị xã of one name (Hà Tĩnh's Kỳ Anh), which are two districts.</summary>
    private static readonly string[] Prefixes = ["huyện ", "h. "];

    private readonly Dictionary<(string Province, string Key), string> spellings = [];

    /// <summary>The spellings recorded so far, by province.</summary>
    public static async Task<DistrictSpellings> Recorded(IQuerySession session, CancellationToken cancellation)
    {
        var recorded = new DistrictSpellings();
        var units = await session.Query<Unit>().Where(u => u.District != null)
            .Select(u => new { u.Province, u.District }).ToListAsync(cancellation);
        foreach (var unit in units.OrderBy(u => u.District, StringComparer.Ordinal))
            recorded.spellings.TryAdd((unit.Province, Key(unit.District!)), unit.District!);
        return recorded;
    }

    /// <summary><paramref name="row"/> with its district as recorded, or as first listed when it is new.</summary>
    public ReportRow Spelled(ReportRow row)
    {
        if (row.District is not { } district) return row;
        var known = spellings.TryAdd((row.Province, Key(district)), district)
            ? district
            : spellings[(row.Province, Key(district))];
        return known == district ? row : row with { District = known };
    }

    /// <summary>The name without case, runs of spaces or a leading administrative word.</summary>
    private static string Key(string district)
    {
        var text = UnicodeText.Comparable(district);
        var prefix = Prefixes.FirstOrDefault(p =>
            text.StartsWith(p, StringComparison.Ordinal) && text.Length > p.Length);
        return prefix is null ? text : text[prefix.Length..];
    }
}
