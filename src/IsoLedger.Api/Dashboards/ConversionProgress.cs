using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Dashboards;

/// <summary>How many units stand where on the way to ISO 9001:2015, each by its standing (GET /api/vocabulary,
/// <c>conversionColumns</c>); the five standings add up to the total.</summary>
/// <param name="Total">The units counted.</param>
/// <param name="NotDeclared">Units that had declared no system yet ("Chưa công bố").</param>
/// <param name="On2000">Units on an edition older than 2008 (TCVN ISO 9001:2000), not converting to 2015.</param>
/// <param name="On2008">Units on 2008, their conversion to 2015 not started ("Áp dụng 2008").</param>
/// <param name="Converting">Units whose conversion to 2015 is under way ("Đang chuyển đổi").</param>
/// <param name="Converted">Units on 2015 or a later edition: converted, or built on it from the start.</param>
public sealed record ConversionCounts(
    int Total, int NotDeclared, int On2000, int On2008, int Converting, int Converted)
{
    /// <summary>Units converting or converted: the report's "đã và đang chuyển đổi" figure.</summary>
    public int ConvertedOrConverting => Converting + Converted;

    public static ConversionCounts Of(IEnumerable<Standing> standings)
    {
        var list = standings.ToList();
        int Counted(Standing standing) => list.Count(s => s == standing);
        return new(list.Count, Counted(Standing.NotDeclared), Counted(Standing.On2000), Counted(Standing.On2008),
            Counted(Standing.Converting), Counted(Standing.Converted));
    }
}

/// <summary>The conversion counts of one level's units.</summary>
/// <param name="Level">The level.</param>
/// <param name="Counts">Its units by standing.</param>
public sealed record LevelConversion(UnitLevel Level, ConversionCounts Counts);

/// <summary>The conversion counts of the units in one district on the date.</summary>
/// <param name="District">The district's name, one spelling for every way its units were recorded.</param>
/// <param name="Counts">Its units by standing.</param>
public sealed record DistrictConversion(string District, ConversionCounts Counts);

/// <summary>Where one unit stands, named and placed as on the date asked.</summary>
/// <param name="Code">The unit's code.</param>
/// <param name="Name">Its name on the date.</param>
/// <param name="District">The district it is in on the date; null for a unit of the province and from 1 July 2025,
/// when the district level ended.</param>
/// <param name="Standing">Where its system stands on the way to ISO 9001:2015.</param>
/// <param name="FormerDistrict">The district it was in before the district level ended (1 July 2025); null
/// otherwise.</param>
/// <param name="FormerProvince">The province it was recorded in when that is not its province on the date (Quảng
/// Bình's units in Quảng Trị from 1 July 2025); null otherwise.</param>
public sealed record UnitConversion(
    string Code, string Name, string? District, Standing Standing, string? FormerDistrict, string? FormerProvince);

/// <summary>A province's conversion progress as of a date, per level, per district and in all, over the units
/// that existed on that date; for one <c>level</c> only (its districts, and its units one by one), when
/// asked.</summary>
/// <param name="Province">The province, as asked.</param>
/// <param name="AsOf">The date the units are judged as of.</param>
/// <param name="Level">The level asked for; null when every level is counted.</param>
/// <param name="Totals">The counts of every unit counted.</param>
/// <param name="ByLevel">The counts of each level with units, in the levels' order.</param>
/// <param name="ByDistrict">The counts of each district's units (those with a district on the date), in Vietnamese
/// alphabetical order.</param>
/// <param name="Units">For one level asked, each of its units with its standing, by district and code; null when
/// every level is counted.</param>
public sealed record ConversionProgress(
    string Province, DateOnly AsOf, UnitLevel? Level, ConversionCounts Totals, IReadOnlyList<LevelConversion> ByLevel,
    IReadOnlyList<DistrictConversion> ByDistrict, IReadOnlyList<UnitConversion>? Units)
{
    public static ConversionProgress Of(
        string province, IEnumerable<Unit> units, DateOnly asOf, RuleBook rules, UnitLevel? level = null)
    {
        var active = units.Where(u => u.ExistsOn(asOf) && (level is null || u.Level == level))
            .Select(u => (Unit: u, Standing: Standings.Of(u, asOf, rules)))
            .ToList();
        // One group per district however its units were recorded (TP. Đông Hà, Thành phố Đông Hà), as the annual table.
        var spelling = DistrictNames.OneSpelling(active.Select(a => a.Unit.LastDistrictOn(asOf)).OfType<string>());
        return new(
            province,
            asOf,
            level,
            ConversionCounts.Of(active.Select(a => a.Standing)),
            active.GroupBy(a => a.Unit.Level).OrderBy(g => g.Key)
                .Select(g => new LevelConversion(g.Key, ConversionCounts.Of(g.Select(a => a.Standing)))).ToList(),
            active.Where(a => a.Unit.DistrictOn(asOf) is not null).GroupBy(a => spelling(a.Unit.DistrictOn(asOf)!))
                .OrderBy(g => g.Key, UnicodeText.VietnameseOrder)
                .Select(g => new DistrictConversion(g.Key, ConversionCounts.Of(g.Select(a => a.Standing)))).ToList(),
            level is null
                ? null
                : [.. active.Select(a => new UnitConversion(
                        a.Unit.Code, a.Unit.NameOn(asOf), a.Unit.DistrictOn(asOf) is { } d ? spelling(d) : null,
                        a.Standing, a.Unit.FormerDistrictOn(asOf) is { } former ? spelling(former) : null,
                        a.Unit.FormerProvinceOn(asOf)))
                    .OrderBy(u => u.District, UnicodeText.VietnameseOrder)
                    .ThenBy(u => u.Code, StringComparer.Ordinal)]);
    }
}
