using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Dashboards;

/// <summary>One level's line of the report's summary: units, declared, on 2015, and complete — declared and did
/// every yearly step the rules ask for (policy or objectives, maintenance plan, internal audit, management review,
/// report).</summary>
public sealed record LevelStatistics(
    UnitLevel Level, bool Mandatory, int Units, int Declared, int On2015, int Complete);

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

public sealed record LevelTotals(int Units, int Declared, int On2015, int Complete);
