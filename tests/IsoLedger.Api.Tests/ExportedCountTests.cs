using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Reports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Tests;

/// <summary>A count written into the text of an exported file (a totals line, a report's sentence, a trend's figure)
/// is written as the file's language writes counts, as the dashboard does: 1.234 in Vietnamese, 1,234 in English. A
/// province of more than 999 units had read "(1234 đơn vị)" and "1234/1500".</summary>
public class ExportedCountTests
{
    [Theory]
    [InlineData(false, "1.234")]
    [InlineData(true, "1,234")]
    public void A_totals_line_counts_its_units_as_the_language_writes_them(bool english, string written)
    {
        var rows = Enumerable.Range(1, 1234).Select(n => new AnnualRow($"C-{n}", $"Xã {n}", UnitLevel.Commune, null,
            true, false, false, false, false, false, false, true, InspectionResult.Passed, "2015",
            ConversionState.None)).ToList();
        var table = new AnnualTable("Quảng Trị", 2025, new DateOnly(2025, 12, 31), rows,
            AnnualTotals.Of("all", rows), [], []);

        var totals = AnnualReport.Table(table, english).Sections[0].Rows[^1].Select(c => c as string ?? "").ToList();

        Assert.Contains($"({written} ", totals[1]);
        Assert.StartsWith($"{written} (", totals[9]);
        Assert.EndsWith($": {written}", totals[10]);
        Assert.EndsWith($": {written}", totals[11]);
    }

    [Theory]
    [InlineData(false, "1.234/1.500")]
    [InlineData(true, "1,234 of 1,500")]
    public void A_headline_and_a_trend_figure_write_their_counts_as_the_language_does(bool english, string written)
    {
        var headline = new Headline("reported", null, 1234, 1500, 82.27m, []);
        Assert.Contains(written, ProvinceReportLayout.Sentence(headline, english));

        var trends = new ReportTrends("Quảng Trị", new DateOnly(2025, 12, 31), [new TrendPoint(2025,
            new DateOnly(2025, 12, 31), 1500,
            [.. ReportTrends.Followed.Select(key => new TrendFigure(key, 1234, 1500, 82.27m))],
            new ConversionCounts(0, 0, 0, 0, 0, 0), 1000, 1200)]);
        var figure = trends.Table(english).Sections[0].Rows[0][2] as string;
        Assert.StartsWith(english ? "1,234/1,500" : "1.234/1.500", figure);
    }
}
