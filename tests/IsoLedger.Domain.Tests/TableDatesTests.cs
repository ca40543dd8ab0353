using IsoLedger.Domain.Imports;

namespace IsoLedger.Domain.Tests;

/// <summary>Days as other provinces' clerks write them in their report tables.</summary>
public class TableDatesTests
{
    [Theory]
    [InlineData("2021-11-19")]
    [InlineData("19/11/2021")]
    [InlineData("19.11.2021")]
    [InlineData("19-11-2021")]
    [InlineData("ngày 19/11/2021")]
    [InlineData("Ngày 19.11.2021")]
    [InlineData("19 tháng 11 năm 2021")]
    [InlineData("ngày 19 tháng 11 năm 2021")]
    [InlineData("NGÀY 19/11/2021")]
    [InlineData("19 / 11 / 2021")]
    [InlineData("2021/11/19")]
    [InlineData("19/11/2021 0:00")]
    [InlineData("19/11/2021 00:00:00")]
    [InlineData("2021-11-19T00:00:00")]
    [InlineData("2021-11-19 14:30:05.123")]
    [InlineData("ngày 19.11.2021 23:59")]
    [InlineData("19/11/2021 12:00 AM")]
    [InlineData("19/11/2021 9:15 SA")]
    public void A_day_written_as_tables_write_it_is_that_day(string text) =>
        Assert.Equal(new DateOnly(2021, 11, 19), TableDates.Read(text));

    [Theory]
    [InlineData("5/3/2014", 2014, 3, 5)]
    [InlineData("05.03.2014", 2014, 3, 5)]
    [InlineData("ngay 5/3/2014", null, 0, 0)]
    public void The_day_comes_before_the_month(string text, int? year, int month, int day) =>
        Assert.Equal(year is { } y ? new DateOnly(y, month, day) : null, TableDates.Read(text));

    [Theory]
    [InlineData("11/2021", "names a month, not a day")]
    [InlineData("tháng 11/2021", "names a month, not a day")]
    [InlineData("tháng 11 năm 2021", "names a month, not a day")]
    [InlineData("11.2021", "names a month, not a day")]
    [InlineData("2021-11", "names a month, not a day")]
    [InlineData("44519", "it is 19/11/2021")]
    [InlineData("31/02/2021", "no day of the calendar")]
    [InlineData("19/11-2021", "is no date")]
    [InlineData("19/11/21", "is no date")]
    [InlineData("2021", "is no date")]
    [InlineData("19/11/2021 24:00", "is no date")]
    [InlineData("19/11/2021 13:00 PM", "is no date")]
    [InlineData("19/11/2021 0:00Z", "is no date")]
    [InlineData("44519 0:00", "it is 19/11/2021")]
    [InlineData("", "Required")]
    public void What_is_no_day_is_refused_saying_what_it_is(string text, string reason)
    {
        Assert.Null(TableDates.Read(text));
        Assert.Contains(reason, TableDates.NotADay(text));
    }
}
