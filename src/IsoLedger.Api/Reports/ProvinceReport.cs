using IsoLedger.Api.Dashboards;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Reports;

/// <summary>One figure of the report: <c>count</c> of <c>of</c> units, the share in percent, and the units counted.
/// </summary>
/// <param name="Id">The figure's sentence (GET /api/vocabulary, <c>reportHeadlines</c>), e.g. <c>reported</c>.</param>
/// <param name="Level">The level a per-level figure is about (<c>levelConvertedOrConverting</c>); null for a figure of
/// the whole part.</param>
/// <param name="Count">The units the figure counts.</param>
/// <param name="Of">The units it counts them out of: the part's units (or, for a per-level figure, the level's) that
/// exist on the day judged.</param>
/// <param name="Percent">count ÷ of × 100, in percent, rounded to two decimals (half away from zero); 0 when of is
/// 0.</param>
/// <param name="Units">The codes of the units counted, in the appendix's order.</param>
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
/// <param name="Id">The part: <c>bodies</c> (departments, sub-departments and districts: appendix A),
/// <c>earlierCommunes</c> (communes applying since before the year: appendix B) or <c>newCommunes</c> (communes that
/// built their system in the year: appendix C).</param>
/// <param name="Headlines">The part's figures, in the report's order.</param>
/// <param name="Rows">The part's appendix: a row per unit of the year's table in it, a unit that ended within the year
/// too, in the annual table's order.</param>
/// <param name="Totals">The column counts of the rows (group: the part's id).</param>
/// <param name="Existing">The rows whose unit exists on the day judged: the units the headlines count out of (a unit
/// that ended within the year is listed, not counted).</param>
public sealed record ReportPart(
    string Id, IReadOnlyList<Headline> Headlines, IReadOnlyList<AnnualRow> Rows, AnnualTotals Totals, int Existing);

/// <summary>A province's annual report as it is written, computed from the dashboards' read model: the mandatory
/// bodies (departments, sub-departments, districts: appendix A) with those that reported and where they stand on the
/// way to 2015; the communes applying since earlier years (first declared before the year, themselves or the units a
/// merge or split formed them from: appendix B) with those that reported; the communes that built their system in the
/// year (first declared in it: appendix C) with each step they completed; and the summary table (Phụ lục 9). The
/// units and the day are those of the year's table (<see cref="AnnualTable"/>): the units that existed at some time of
/// the year, judged on its end, today for the running year, or the day asked.</summary>
/// <param name="Province">The province, as asked.</param>
/// <param name="Year">The report's year.</param>
/// <param name="JudgedOn">The day the year is judged on: <c>asOf</c> when asked, otherwise 31 December of the year, or
/// today for the running year.</param>
/// <param name="Parts">The report's three parts, in its order: <c>bodies</c>, <c>earlierCommunes</c>,
/// <c>newCommunes</c>.</param>
/// <param name="Summary">The report's summary table (Phụ lục 9).</param>
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
