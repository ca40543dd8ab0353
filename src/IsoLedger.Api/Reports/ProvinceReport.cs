using IsoLedger.Api.Dashboards;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Reports;

/// <summary>One figure of the report: <c>count</c> of <c>of</c> units, the share in percent (two decimals), and the
/// units counted, by code. <c>id</c> names its sentence (GET /api/vocabulary, <c>reportHeadlines</c>); <c>level</c>
/// the level it is about, for a per-level figure.</summary>
public sealed record Headline(
    string Id, UnitLevel? Level, int Count, int Of, decimal Percent, IReadOnlyList<string> Units)
{
    public static Headline Counting(string id, IReadOnlyCollection<AnnualRow> rows, Func<AnnualRow, bool> counts,
        UnitLevel? level = null)
    {
        var counted = rows.Where(counts).Select(r => r.Code).ToList();
        return new(id, level, counted.Count, rows.Count, Shares.Percent(counted.Count, rows.Count), counted);
    }
}

/// <summary>A part of the report (GET /api/vocabulary, <c>reportSections</c>): its units in the appendix layout with
/// their totals, and its headline figures.</summary>
public sealed record ReportPart(
    string Id, IReadOnlyList<Headline> Headlines, IReadOnlyList<AnnualRow> Rows, AnnualTotals Totals, int Existing);

/// <summary>A province's annual report as it is written, computed from the dashboards' read model: the mandatory
/// bodies (departments, sub-departments, districts: appendix A) with those that reported and where they stand on the
/// way to 2015; the communes applying since earlier years (first declared before the year, themselves or the units a
/// merge or split formed them from: appendix B) with those that reported; the communes that built their system in the
/// year (first declared in it: appendix C) with each step they completed; and the summary table (Phụ lục 9). The
/// units and the day are those of the year's table (<see cref="AnnualTable"/>): the units that existed at some time of
/// the year, judged on its end, today for the running year, or the day asked.</summary>
public sealed record ProvinceReport(
    string Province, int Year, DateOnly JudgedOn, IReadOnlyList<ReportPart> Parts, SummaryTable Summary)
{
    public static ProvinceReport Of(
        string province, IEnumerable<Unit> units, int year, DateOnly today, RuleBook rules,
        DateOnly? asOf = null, DateOnly? factsBy = null)
    {
        var all = units.ToList();
        var judgedOn = AnnualTable.JudgedOnFor(year, today, asOf);
        var table = AnnualTable.Of(province, all, year, today, asOf, factsBy);
        var byCode = all.ToDictionary(u => u.Code);
        var yearBegan = new DateOnly(year, 1, 1);
        // Since when a unit applies its system, by the day judged: from its first declaration, or, for a unit a merge
        // or split formed from units of which one had declared, from theirs. Such a unit inherits their documents and
        // history and declares again for its new scope; it does not build a system anew: the 2020 report lists "xã Hải
        // Định (xã Hải Thiện + Hải Thành)", formed on 1 January 2020, among the communes applying since 2015–2019. A
        // predecessor not among the units judged had declared by its last day, as the restructuring recorded.
        DateOnly? SystemSince(Unit unit)
        {
            var own = unit.Declarations.Where(d => d.DeclaredOn <= judgedOn).Min(d => (DateOnly?)d.DeclaredOn);
            if (unit.FormedBy is not { } formed || formed.EffectiveOn > judgedOn) return own;
            var inherited = formed.Predecessors.Min(p => byCode.TryGetValue(p.Code, out var predecessor)
                ? SystemSince(predecessor)
                : p.Declared ? formed.EffectiveOn.AddDays(-1) : null);
            return inherited < own || own is null ? inherited : own;
        }
        Standing StandingOf(AnnualRow row) => Standings.Of(byCode[row.Code], judgedOn, rules);

        var bodies = table.Rows.Where(r => r.Level != UnitLevel.Commune).ToList();
        var communes = table.Rows.Where(r => r.Level == UnitLevel.Commune).ToList();
        var earlier = communes.Where(r => SystemSince(byCode[r.Code]) < yearBegan).ToList();
        var newer = communes.Where(r => SystemSince(byCode[r.Code]) >= yearBegan).ToList();

        // The headline figures count the units that exist on the day judged, as a report written then does: a unit
        // that ended within the year (a commune merged away on 1 July 2025, a district body when the level ended) is
        // listed in its appendix, dated its last day, but could not report for the year nor be converting at its end,
        // and counted it made a merged province's 2025 report say that none of its earlier communes had reported.
        List<AnnualRow> Existing(List<AnnualRow> rows) => [.. rows.Where(r => byCode[r.Code].ExistsOn(judgedOn))];
        var (bodiesThen, earlierThen, newerThen) = (Existing(bodies), Existing(earlier), Existing(newer));
        bool Moving(AnnualRow row) => StandingOf(row) is Standing.Converting or Standing.Converted;
        List<Headline> bodyHeadlines =
        [
            Headline.Counting("reported", bodiesThen, r => r.ReportSubmitted),
            Headline.Counting("notReported", bodiesThen, r => !r.ReportSubmitted),
            Headline.Counting("convertedOrConverting", bodiesThen, Moving),
            .. bodiesThen.GroupBy(r => r.Level).Select(g =>
                Headline.Counting("levelConvertedOrConverting", g.ToList(), Moving, g.Key)),
            Headline.Counting("on2008", bodiesThen, r => StandingOf(r) == Standing.On2008),
            // Said only when some body is still on 2000, as the reports of the years after 2008 say it.
            .. bodiesThen.Any(r => StandingOf(r) == Standing.On2000)
                ? [Headline.Counting("on2000", bodiesThen, r => StandingOf(r) == Standing.On2000)]
                : Array.Empty<Headline>(),
        ];
        List<Headline> earlierHeadlines =
        [
            Headline.Counting("reported", earlierThen, r => r.ReportSubmitted),
            Headline.Counting("notReported", earlierThen, r => !r.ReportSubmitted),
        ];
        List<Headline> newHeadlines =
        [
            Headline.Counting("steeringBoard", newerThen,
                r => byCode[r.Code].SteeringBoards.Any(b => b.FormedOn <= judgedOn)),
            Headline.Counting("documentation", newerThen,
                r => byCode[r.Code].Documentation.Any(d => d.IssuedOn <= judgedOn)),
            Headline.Counting("declared", newerThen, r => r.Declared),
            Headline.Counting("internalAudit", newerThen, r => r.InternalAudit),
            Headline.Counting("correctiveActions", newerThen, r => r.CorrectiveActions),
            Headline.Counting("managementReview", newerThen, r => r.ManagementReview),
            Headline.Counting("passed", newerThen, r => r.Inspection == InspectionResult.Passed),
        ];
        return new(province, year, judgedOn,
        [
            Part("bodies", bodyHeadlines, bodies, bodiesThen.Count),
            Part("earlierCommunes", earlierHeadlines, earlier, earlierThen.Count),
            Part("newCommunes", newHeadlines, newer, newerThen.Count),
        ], SummaryTable.Of(province, all, year, today, rules, asOf, factsBy));
    }

    private static ReportPart Part(string id, IReadOnlyList<Headline> headlines, List<AnnualRow> rows, int existing) =>
        new(id, headlines, rows, AnnualTotals.Of(id, rows), existing);
}
