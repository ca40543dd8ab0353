using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Dashboards;

public sealed record LevelCount(UnitLevel Level, int Units);

/// <summary>One province in the national view: its units of the year by level, those declared, those on the year's
/// current edition, and those that reported for the year (with the share, reported ÷ units × 100).</summary>
public sealed record ProvinceOverview(
    string Province, int Units, IReadOnlyList<LevelCount> ByLevel, int Declared, int OnCurrentEdition, int Reported,
    decimal ReportedPercent);

/// <summary>Every province side by side for the ministry, each counted as its own dashboards count it: the units of the
/// year's table (the units that existed at some time of the year), judged on the same day, under the province they
/// belong to then (from 1 July 2025 a merged province's units under the new one).</summary>
public sealed record NationalOverview(
    int Year, DateOnly JudgedOn, Edition CurrentEdition, IReadOnlyList<ProvinceOverview> Provinces)
{
    public static NationalOverview Of(
        IEnumerable<Unit> units, int year, DateOnly today, RuleBook rules, DateOnly? asOf = null)
    {
        var judgedOn = AnnualTable.JudgedOnFor(year, today, asOf);
        var edition = rules.CurrentIn(year);
        var provinces = AnnualTable.UnitsOf(units, year, judgedOn)
            .GroupBy(u => Domain.Provinces.Provinces.On(u.RecordedProvinceOn(judgedOn), judgedOn))
            .OrderBy(g => g.Key, UnicodeText.VietnameseOrder)
            .Select(g =>
            {
                var rows = g.Select(u => (Unit: u, Row: AnnualRow.Of(u, year, judgedOn, asOf))).ToList();
                var reported = rows.Count(r => r.Row.ReportSubmitted);
                return new ProvinceOverview(g.Key, rows.Count,
                    [
                        .. rows.GroupBy(r => r.Unit.Level).OrderBy(l => l.Key)
                            .Select(l => new LevelCount(l.Key, l.Count())),
                    ],
                    rows.Count(r => r.Row.Declared),
                    rows.Count(r => r.Unit.StandardOn(judgedOn) is { } on && rules.IsCurrentIn(on, year)), reported,
                    Shares.Percent(reported, rows.Count));
            });
        return new(year, judgedOn, edition, [.. provinces]);
    }
}
