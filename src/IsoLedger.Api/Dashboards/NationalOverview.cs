using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Dashboards;

/// <summary>How many of a province's units of the year are of one level.</summary>
/// <param name="Level">The level.</param>
/// <param name="Units">The province's units of that level in the year's table.</param>
public sealed record LevelCount(UnitLevel Level, int Units);

/// <summary>One province in the national view: its units of the year by level, those declared, those on the year's
/// current edition, and those that reported for the year (with the share, reported ÷ units × 100).</summary>
/// <param name="Province">The province, as it is on the day judged.</param>
/// <param name="Units">Its units in the year's table: those that existed at some time of the year.</param>
/// <param name="ByLevel">Those units per level, for every level with units, in the levels' order.</param>
/// <param name="Declared">Units that had declared their system by the day judged (the annual table's
/// <c>declared</c>).</param>
/// <param name="OnCurrentEdition">Units whose system was, on the day judged, on the year's current edition
/// (<c>currentEdition</c>), the edition its current amendment amends, or a later one.</param>
/// <param name="Reported">Units that sent their yearly report for the year (the annual table's
/// <c>reportSubmitted</c>).</param>
/// <param name="ReportedPercent">reported ÷ units × 100, in percent, rounded to two decimals (half away from zero); 0
/// for a province of no units.</param>
public sealed record ProvinceOverview(
    string Province, int Units, IReadOnlyList<LevelCount> ByLevel, int Declared, int OnCurrentEdition, int Reported,
    decimal ReportedPercent);

/// <summary>Every province side by side for the ministry, each counted as its own dashboards count it: the units of the
/// year's table (the units that existed at some time of the year), judged on the same day, under the province they
/// belong to then (from 1 July 2025 a merged province's units under the new one).</summary>
/// <param name="Year">The year of the view.</param>
/// <param name="JudgedOn">The day every province is judged on: <c>asOf</c> when asked, otherwise 31 December of the
/// year, or today for the running year.</param>
/// <param name="CurrentEdition">The edition the year's reports count as current: the latest published before the
/// year began (2015 from 2016).</param>
/// <param name="Provinces">One line per province with units in the year, in Vietnamese alphabetical order.</param>
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
