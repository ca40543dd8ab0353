using IsoLedger.Api.Dashboards;
using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Reports;

/// <summary>A headline figure of one year: <c>key</c> is the part and headline ("bodies.reported"), a value of the
/// trends' columns (GET /api/vocabulary, <c>trendColumns</c>).</summary>
/// <param name="Key">The part and headline, as "part.headline" (e.g. <c>bodies.reported</c>).</param>
/// <param name="Count">The units the headline counts that year.</param>
/// <param name="Of">The units it counts them out of.</param>
/// <param name="Percent">count ÷ of × 100, in percent, rounded to two decimals (half away from zero); 0 when of is
/// 0.</param>
public sealed record TrendFigure(string Key, int Count, int Of, decimal Percent);

/// <summary>One year of the trends: the units of its table, the report's headline figures and the conversion counts
/// on the day it is judged, and the units a restructuring ended and formed during it.</summary>
/// <param name="Year">The year.</param>
/// <param name="JudgedOn">The day it is judged on: 31 December, today for the running year, or <c>asOf</c> for the
/// year of that day.</param>
/// <param name="Units">The units of the year's table: those of the province as it was then that existed at some time
/// of the year (a commune that never declared too).</param>
/// <param name="Figures">The headline figures followed over the years, in the trends' columns' order.</param>
/// <param name="Conversion">The conversion counts of the units existing on the day judged.</param>
/// <param name="Ended">Units that ended during the year, by the day judged: merged, split, dissolved, or their level
/// ended.</param>
/// <param name="Formed">Units a merge or split formed during the year, by the day judged.</param>
public sealed record TrendPoint(
    int Year, DateOnly JudgedOn, int Units, IReadOnlyList<TrendFigure> Figures, ConversionCounts Conversion,
    int Ended, int Formed);

/// <summary>The report's headline figures and conversion progress over every year the province has yearly facts
/// for, each judged as its report is (<see cref="ProvinceReport"/>): the units of each year as they were then, so that
/// after a restructuring the units before and after it are counted in their own years, and the year it happened says
/// how many ended and how many were formed.</summary>
/// <param name="Province">The province, as asked.</param>
/// <param name="AsOf">The day the trends are judged as of: <c>asOf</c> when asked, otherwise today.</param>
/// <param name="Years">One point per year the province has yearly facts for, up to the year of that day, in
/// ascending order.</param>
public sealed record ReportTrends(string Province, DateOnly AsOf, IReadOnlyList<TrendPoint> Years)
{
    /// <summary>The headline figures followed over the years, as "part.headline".</summary>
    public static readonly IReadOnlyList<string> Followed =
        [.. Vocabulary.TrendColumns.Select(c => c.Value).Where(v => v.Contains('.'))];

    public static ReportTrends Of(
        string province, IEnumerable<Unit> units, DateOnly today, RuleBook rules, DateOnly? asOf = null)
    {
        var all = units.ToList();
        var until = asOf ?? today;
        var points = DataYears.Of(all, asOf).Where(year => year <= until.Year).Select(year =>
        {
            var day = year == until.Year && asOf is not null ? asOf : null;
            // The province as it was counted that year: before a merger without the provinces it later took in.
            var judgedOn = AnnualTable.JudgedOnFor(year, today, day);
            var names = Provinces.NamesCountedAs(province, judgedOn);
            var counted = all.Where(u => names.Contains(u.RecordedProvinceOn(judgedOn))).ToList();
            // A year that ended before the day asked counts its steps sent by then (a report sent the next January
            // after the day asked is not yet counted).
            var report = ProvinceReport.Of(province, counted, year, today, rules, day, factsBy: asOf);
            var figures = Followed.Select(key =>
            {
                var (part, id) = (key[..key.IndexOf('.')], key[(key.IndexOf('.') + 1)..]);
                var headline = report.Parts.Single(p => p.Id == part).Headlines.First(h => h.Id == id);
                return new TrendFigure(key, headline.Count, headline.Of, headline.Percent);
            }).ToList();
            var conversion = ConversionProgress.Of(province, counted, report.JudgedOn, rules).Totals;
            // The units of the year's table (a commune that never declared is in it, though in no part of the report).
            var units = AnnualTable.UnitsOf(counted, year, report.JudgedOn).Count();
            // Ended and formed by the day judged: a year asked as of a day of it has not yet seen the restructurings
            // (or the end of the district level) that come later in it.
            return new TrendPoint(year, report.JudgedOn, units, figures, conversion,
                counted.Count(u => u.EndedOn is { } ended && ended.Year == year && ended <= report.JudgedOn),
                counted.Count(u => u.FormedBy?.EffectiveOn is { } formed && formed.Year == year
                    && formed <= report.JudgedOn));
        }).ToList();
        return new(province, until, points);
    }

    /// <summary>The trends as a table (CSV, workbook): a row per year, each figure as "count/of (percent %)".
    /// </summary>
    public ReportTable Table(bool english)
    {
        Func<Term, string> label = term => term.In(english);
        var rows = Years.Select(point => (IReadOnlyList<object?>)
        [
            point.Year, point.Units,
            .. point.Figures.Select(f =>
                $"{ProvinceReportLayout.Count(f.Count, english)}/{ProvinceReportLayout.Count(f.Of, english)} "
                + $"({ProvinceReportLayout.Percent(f.Percent, english)})"),
            point.Ended, point.Formed,
        ]).ToList();
        var columns = Vocabulary.TrendColumns.Select(c => new ReportColumn(label(c))).ToList();
        return new(columns, [new(label(Vocabulary.TrendsTitle), rows)]);
    }
}
