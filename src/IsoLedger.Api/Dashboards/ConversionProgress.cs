using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Dashboards;

/// <summary>How many units stand where on the way to ISO 9001:2015, each by its standing.</summary>
public sealed record ConversionCounts(
    int Total, int NotDeclared, int On2000, int On2008, int Converting, int Converted)
{
    public int ConvertedOrConverting => Converting + Converted;

    public static ConversionCounts Of(IEnumerable<Standing> standings)
    {
        var list = standings.ToList();
        int Counted(Standing standing) => list.Count(s => s == standing);
        return new(list.Count, Counted(Standing.NotDeclared), Counted(Standing.On2000), Counted(Standing.On2008),
            Counted(Standing.Converting), Counted(Standing.Converted));
    }
}

public sealed record LevelConversion(UnitLevel Level, ConversionCounts Counts);

public sealed record DistrictConversion(string District, ConversionCounts Counts);

/// <summary>Where one unit stands, named and placed as on the date asked: <paramref name="FormerDistrict"/> is the
/// district it was in before the district level ended (1 July 2025), <paramref name="FormerProvince"/> the province it
/// was recorded in when that is not its province on the date (Quảng Bình's units in Quảng Trị from 1 July 2025).
/// </summary>
public sealed record UnitConversion(
    string Code, string Name, string? District, Standing Standing, string? FormerDistrict, string? FormerProvince);

/// <summary>A province's conversion progress as of a date, per level, per district and in all, over the units
/// that existed on that date; for one <c>level</c> only (its districts, and its units one by one), when
/// asked.</summary>
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
