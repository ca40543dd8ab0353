using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>A year's table lists the units that ended within the year as on their last day: a row of such a unit,
/// dated the table's day, is read so (<see cref="ReportRow.For"/>).</summary>
public class ReportRowLastDayTests
{
    private static ReportRow Row(string province, int year, DateOnly reportDate) =>
        new(province, "QB-TP", "Sở Tư pháp", UnitLevel.Department, null, null, year, reportDate, true, null, null,
            false, false, false, false, false, false, false, null);

    private static Unit Department(string province, params object[] events) => UnitDecider.Replay(
    [
        new UnitRegistered("QB-TP", "Sở Tư pháp", UnitLevel.Department, province, null, null,
            new DateOnly(2010, 1, 1)),
        .. events,
    ])!;

    private static readonly DateOnly Merger = new(2025, 7, 1);

    [Fact]
    public void A_unit_merged_away_within_the_year_is_listed_on_its_last_day_in_its_province_then()
    {
        var unit = Department("Quảng Bình", new UnitMerged(Merger, "QT-TP"));

        var row = Row("Quảng Trị", 2025, new DateOnly(2025, 12, 15)).For(unit);

        Assert.Equal((new DateOnly(2025, 6, 30), "Quảng Bình"), (row.StepDate, row.Province));
    }

    [Fact]
    public void A_unit_dissolved_within_the_year_is_listed_on_its_last_day()
    {
        var unit = Department("Quảng Trị", new UnitDissolved(new DateOnly(2025, 3, 1), null, null));

        Assert.Equal(new DateOnly(2025, 2, 28), Row("Quảng Trị", 2025, new DateOnly(2026, 1, 20)).For(unit).StepDate);
    }

    [Fact]
    public void A_district_body_of_2025_is_listed_on_the_district_level_s_last_day()
    {
        var unit = UnitDecider.Replay([new UnitRegistered("LS-H", "UBND huyện Cao Lộc", UnitLevel.District,
            "Lạng Sơn", "Cao Lộc", null, new DateOnly(2010, 1, 1))])!;
        var row = Row("Lạng Sơn", 2025, new DateOnly(2025, 11, 20)) with { UnitCode = "LS-H" };

        Assert.Equal(new DateOnly(2025, 6, 30), row.For(unit).StepDate);
    }

    /// <summary>A unit that ended in an earlier year, or on the row's year's first day (its last day the year
    /// before), or after the row's date, or that counts under another province, is no unit of the year listed as on
    /// its last day: the row stays as it is, to be judged so.</summary>
    [Theory]
    [InlineData("Quảng Bình", "2024-07-01", "Quảng Trị", "2025-12-15")]
    [InlineData("Quảng Trị", "2025-01-01", "Quảng Trị", "2025-12-15")]
    [InlineData("Quảng Bình", "2025-07-01", "Quảng Bình", "2025-06-20")]
    [InlineData("Quảng Bình", "2025-07-01", "Hà Tĩnh", "2025-12-15")]
    public void Any_other_row_stays_as_it_is(string recordedIn, string endedOn, string province, string reportDate)
    {
        var unit = Department(recordedIn, new UnitMerged(DateOnly.Parse(endedOn), "QT-TP"));
        var row = Row(province, 2025, DateOnly.Parse(reportDate));

        Assert.Same(row, row.For(unit));
        Assert.Same(row, row.For(null));
    }
}
