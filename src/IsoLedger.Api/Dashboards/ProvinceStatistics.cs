using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Dashboards;

/// <summary>One level's line of the report's summary: units, declared, on 2015, and complete — declared and did
/// every yearly step the rules ask for (policy or objectives, maintenance plan, internal audit, management review,
/// report).</summary>
/// <param name="Level">The level.</param>
/// <param name="Mandatory">Whether the rule book obliged units of the level to build and keep a system on the day
/// judged; false where they apply one voluntarily (communes).</param>
/// <param name="Units">The level's units in the year's table: those that existed at some time of the year.</param>
/// <param name="Declared">Those that had declared their system by the day judged.</param>
/// <param name="On2015">Those whose system was on ISO 9001:2015 or a later edition on the day judged.</param>
/// <param name="Complete">Those declared that also did every yearly step: a quality policy or objectives, a
/// maintenance plan, an internal audit, a management review and the yearly report.</param>
public sealed record LevelStatistics(
    UnitLevel Level, bool Mandatory, int Units, int Declared, int On2015, int Complete);

/// <summary>A province's statistics for a year, per level and in all, over the units of the year's table.</summary>
/// <param name="Province">The province, as asked.</param>
/// <param name="Year">The year.</param>
/// <param name="JudgedOn">The day the units are judged on: <c>asOf</c> when asked, otherwise 31 December of the
/// year, or today for the running year.</param>
/// <param name="ByLevel">One line per level with units, in the levels' order.</param>
/// <param name="Totals">The sums of the levels' lines.</param>
public sealed record ProvinceStatistics(
    string Province, int Year, DateOnly JudgedOn, IReadOnlyList<LevelStatistics> ByLevel, LevelTotals Totals)
{
    public static ProvinceStatistics Of(
        string province, IEnumerable<Unit> units, int year, DateOnly today, RuleBook rules,
        DateOnly? asOf = null)
    {
        var judgedOn = AnnualTable.JudgedOnFor(year, today, asOf);
        var rows = AnnualTable.UnitsOf(units, year, judgedOn).Select(u => AnnualRow.Of(u, year, judgedOn, asOf))
            .ToList();
        var levels = rows.GroupBy(r => r.Level).OrderBy(g => g.Key).Select(g => new LevelStatistics(
            g.Key, Mandatory: rules.MustApply(g.Key, judgedOn), g.Count(), g.Count(r => r.Declared),
            g.Count(r => Edition.IsWellFormed(r.Standard)
                && !rules.Precedes(new Edition(r.Standard), Edition.Iso9001V2015)),
            g.Count(IsComplete))).ToList();
        return new(province, year, judgedOn, levels, new LevelTotals(
            levels.Sum(l => l.Units), levels.Sum(l => l.Declared), levels.Sum(l => l.On2015),
            levels.Sum(l => l.Complete)));
    }

    public static bool IsComplete(AnnualRow row) =>
        row.Declared && (row.QualityPolicy || row.QualityObjectives) && row.MaintenancePlan && row.InternalAudit
        && row.ManagementReview && row.ReportSubmitted;
}

/// <summary>The sums of every level's statistics.</summary>
/// <param name="Units">The units of the year's table.</param>
/// <param name="Declared">Those that had declared their system by the day judged.</param>
/// <param name="On2015">Those on ISO 9001:2015 or a later edition on the day judged.</param>
/// <param name="Complete">Those declared that did every yearly step.</param>
public sealed record LevelTotals(int Units, int Declared, int On2015, int Complete);
