using System.Globalization;
using System.Text;

namespace IsoLedger.Api.Imports;

/// <summary>A workbook's dates: a date cell holds a number of days (and a fraction of a day for its time) and a format
/// that shows it as a date; the import reads it as its day.</summary>
public static class WorkbookDates
{
    /// <summary>Whether a built-in number format shows a date or a time: 14–22 (the short date in the computer's
    /// region, d-mmm-yy, …, m/d/yy h:mm), 45–47 (mm:ss, [h]:mm:ss, mmss.0), and the East Asian ones, 27–36 and 50–58.
    /// Those differ by the region of the computer that shows them (ECMA-376 §18.8.30 lists them for Chinese, Japanese
    /// and Korean: yyyy"年"m"月"d"日", ge.m.d, mm-dd, h"時"mm"分", …), but in each of those every one shows a date or
    /// a time, and elsewhere (a Vietnamese or an English Excel) 27–31 and 50–58 show the short date, as 14 does; a
    /// workbook saved in such a region (by Excel or WPS) may name them without writing their codes. The Thai ones
    /// (ECMA-376 lists them for th-TH) are dates and times from 71 to 81 (ว/ด/ปปปป, ว-ดดด-ปป, ว-ดดด, ดดด-ปป, ช:นน,
    /// ช:นน:ทท, ว/ด/ปปปป ช:นน, นน:ทท, [ช]:นน:ทท, นน:ทท.0, and d/m/bb, whose bb is the Buddhist year), while 59–62
    /// and 67–70 are numbers in Thai digits (t0, t#,##0.00, t0%, t# ?/?, …).</summary>
    public static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47
        or >= 50 and <= 58 or >= 71 and <= 81;

    /// <summary>Whether a format code shows a date: it writes a day, a month or a year (d, m or y outside quoted text,
    /// brackets and escaped characters; an m beside h or s, or beside an elapsed time in brackets, in a format without
    /// d or y, is minutes).</summary>
    public static bool IsDateFormat(string code)
    {
        var written = Letters(code);
        return written.Contains('d') || written.Contains('y')
            || written.Contains('m') && !written.Contains('h') && !written.Contains('s');
    }

    /// <summary>How a date cell of format <paramref name="code"/> is read, as a .NET format of its day: the day
    /// (<c>yyyy-MM-dd</c>), or what the format shows where it shows no day: the month and year (<c>mmmm yyyy</c>,
    /// <c>mm/yyyy</c>, as Excel formats "6/2021" typed into a cell, whose first day no one wrote) or the year
    /// alone.</summary>
    public static string Shown(string code) => Letters(code) is var written && written.Contains('d') ? FullDay
        : written.Contains('m') ? MonthAndYear
        : written.Contains('y') ? "yyyy"
        : FullDay;

    /// <summary>How a built-in date format is read (<see cref="Shown"/>): 17, mmm-yy, shows the month and year.
    /// </summary>
    public static string BuiltInShown(int id) => id == 17 ? MonthAndYear : FullDay;

    private const string FullDay = "yyyy-MM-dd", MonthAndYear = "M/yyyy";

    /// <summary>The letters of a format code in lower case, outside quoted text and escaped or padding characters; an
    /// elapsed time in brackets as h.</summary>
    private static string Letters(string code)
    {
        var letters = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    i = code.IndexOf('"', i + 1) is var close and >= 0 ? close : code.Length;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1) is var bracketEnd and >= 0 ? bracketEnd : code.Length;
                    // An elapsed time ([h], [mm], [ss]) is a time, so an m beside it is minutes.
                    if (end > i + 1 && !code.AsSpan(i + 1, end - i - 1).ContainsAnyExcept("hHmMsS"))
                        letters.Append('h');
                    i = end;
                    break;
                // The character after these is written as it is (\), or repeated (*) or spaced by (_) as padding.
                case '\\' or '*' or '_':
                    i++;
                    break;
                default:
                    letters.Append(char.ToLowerInvariant(code[i]));
                    break;
            }
        }
        return letters.ToString();
    }

    /// <summary>The day of a date cell's number: days since 1 January 1904 in a workbook that counts from 1904, else
    /// Excel's days from 1900, where day 60 is 29 February 1900 (a day that never was, kept from Lotus 1-2-3), so that
    /// days from 61 on are since 30 December 1899. Null for a number that is no day (before the first, after
    /// 9999).</summary>
    public static DateOnly? Day(double number, bool date1904)
    {
        // To the millisecond, as a spreadsheet rounds a time: 23:59:59.9999 is the next day.
        var days = Math.Floor(Math.Round(number * 86_400_000) / 86_400_000);
        DateOnly epoch = date1904 ? new(1904, 1, 1) : days < 60 ? new(1899, 12, 31) : new(1899, 12, 30);
        if (double.IsNaN(days) || days < (date1904 ? 0 : 1) || days == 60 && !date1904
            || days > DateOnly.MaxValue.DayNumber - epoch.DayNumber)
            return null;
        return epoch.AddDays((int)days);
    }

    /// <summary>The day of a cell that holds a date as ISO 8601 text (<c>t="d"</c>, as some programs write them): the
    /// day it writes, its time and offset read past (a fact is dated by its day, and the day must not move with the
    /// server's time zone); else the text as it is (a time alone, a day in another order), as a text cell's.</summary>
    public static string IsoDay(string text) =>
        text.Length >= IsoDayLength && (text.Length == IsoDayLength || text[IsoDayLength] == 'T')
        && DateOnly.TryParseExact(text.AsSpan(0, IsoDayLength), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _)
            ? text[..IsoDayLength]
            : Workbook.Text(text);

    private const int IsoDayLength = 10;
}
