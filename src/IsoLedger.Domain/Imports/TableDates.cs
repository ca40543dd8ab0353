using System.Globalization;
using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Imports;

/// <summary>A day as the provinces' tables write it: <c>2021-11-19</c>; <c>19/11/2021</c>, <c>19.11.2021</c> or
/// <c>19-11-2021</c> (day first, as Vietnamese writes it); <c>19 tháng 11 năm 2021</c>, as a report's heading does;
/// each of these behind the word "ngày" (day), and any of them followed by a time of day (<c>19/11/2021 0:00</c>,
/// <c>2021-11-19T00:00:00</c>), as a spreadsheet saves a cell that holds a date and a time. A month without its day
/// (<c>11/2021</c>) and a spreadsheet's day number (<c>44519</c>, what a date cell formatted as a number is saved as)
/// are no day: each is refused naming what it is, since any day chosen for it could be wrong (a month is thirty days
/// wide; a day number counts from 1900 or, in workbooks made on a Mac, from 1904).</summary>
public static partial class TableDates
{
    /// <summary>The day <paramref name="text"/> names, or null.</summary>
    public static DateOnly? Read(string? text)
    {
        var written = Written(text);
        if (DayFirst().Match(written) is { Success: true } dayFirst)
            return Day(dayFirst.Groups["year"].Value, dayFirst.Groups["month"].Value, dayFirst.Groups["day"].Value);
        if (YearFirst().Match(written) is { Success: true } yearFirst)
            return Day(yearFirst.Groups["year"].Value, yearFirst.Groups["month"].Value, yearFirst.Groups["day"].Value);
        return null;
    }

    /// <summary>Why <paramref name="text"/> is no day, for a column that needs one.</summary>
    public static string NotADay(string? text)
    {
        const string Formats = "write the day as DD/MM/YYYY (19/11/2021) or YYYY-MM-DD (2021-11-19)";
        var written = Written(text);
        if (written.Length == 0) return $"Required: {Formats}.";
        if (MonthOnly().IsMatch(written))
            return $"'{text}' names a month, not a day: {Formats}.";
        if (int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is >= FirstDayNumber and <= LastDayNumber)
        {
            return $"'{text}' is a number, as a spreadsheet saves a date cell formatted as a number (counted from "
                + $"1900, it is {SpreadsheetEpoch.AddDays(number):dd/MM/yyyy}): format the column as a date and "
                + $"save the table again, or {Formats}.";
        }
        if (DayFirst().Match(written) is { Success: true } || YearFirst().Match(written) is { Success: true })
            return $"'{text}' is no day of the calendar: {Formats}.";
        return $"'{UnicodeText.Excerpt(text ?? "")}' is no date: {Formats}.";
    }

    /// <summary>The day before a spreadsheet's day 1 (1900-01-01), counting its day 60, the 29 February 1900 that
    /// was not, as every spreadsheet does: day 44519 is 19/11/2021.</summary>
    private static readonly DateOnly SpreadsheetEpoch = new(1899, 12, 30);

    /// <summary>The day numbers read as such: those of five digits, 1927 to 2173 (a smaller number in a date column
    /// is no day number anyone meant).</summary>
    private const int FirstDayNumber = 10_000, LastDayNumber = 99_999;

    /// <summary>The text in lower case, its runs of spaces one, without the word "ngày" before it or a time of day
    /// after it (the fact is dated by its day; the time a spreadsheet adds to a date cell says nothing more).</summary>
    private static string Written(string? text)
    {
        var lowered = TimeOfDay().Replace(UnicodeText.Lowered(text ?? ""), "");
        return lowered.StartsWith("ngày", StringComparison.Ordinal) ? lowered[4..].TrimStart() : lowered;
    }

    private static DateOnly? Day(string year, string month, string day) =>
        DateOnly.TryParseExact($"{year}-{month.PadLeft(2, '0')}-{day.PadLeft(2, '0')}", "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    [GeneratedRegex(@"^(?<day>[0-9]{1,2}) ?(?:(?<sep>[/.\-]) ?(?<month>[0-9]{1,2}) ?\k<sep> ?"
        + @"|tháng (?<month>[0-9]{1,2}) năm )(?<year>[0-9]{4})$")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?<sep>[/.\-])(?<month>[0-9]{1,2})\k<sep>(?<day>[0-9]{1,2})$")]
    private static partial Regex YearFirst();

    /// <summary>A time of day after a day: 24-hour (<c>0:00</c>, <c>14:30:05</c>, <c>T00:00:00.000</c>) or 12-hour
    /// with its half of the day (<c>12:00 am</c>, <c>9:15 sa</c>, Vietnamese for a.m., <c>ch</c> for p.m.).</summary>
    [GeneratedRegex(@"(?<=[0-9])(?: |t)(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,7})?)?"
        + @"|(?:0?[1-9]|1[0-2]):[0-5][0-9](?::[0-5][0-9])? ?(?:am|pm|sa|ch))$")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^(?:tháng )?[0-9]{1,2} ?(?:[/.\-]|năm) ?[0-9]{4}$|^[0-9]{4}[/.\-][0-9]{1,2}$")]
    private static partial Regex MonthOnly();
}
