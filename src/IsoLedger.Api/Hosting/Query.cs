using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IsoLedger.Api.Hosting;

/// <summary>Parses query-string values strictly, reporting what is wrong through a <see cref="Validation"/>.</summary>
public static partial class Query
{
    private static readonly JsonSerializerOptions EnumJson = new()
    {
        Converters = { new StrictEnums() },
    };

    public static int Int(Validation validation, string name, string? value, int fallback, int min, int max)
    {
        if (value is null) return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            && parsed >= min
            && parsed <= max)
            return parsed;
        validation.Add(name, $"Must be a whole number from {min} to {max}.");
        return fallback;
    }

    /// <summary>A flag: <c>true</c> or <c>false</c> exactly; absent is false.</summary>
    public static bool Flag(Validation validation, string name, string? value)
    {
        if (value is null or "false") return false;
        if (value == "true") return true;
        validation.Add(name, "Must be true or false.");
        return false;
    }

    public static long Long(Validation validation, string name, string? value, long fallback, long min)
    {
        if (value is null) return fallback;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min)
            return parsed;
        validation.Add(name, $"Must be a whole number from {min} to {long.MaxValue}.");
        return fallback;
    }

    public static DateOnly? Date(Validation validation, string name, string? value)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(
                value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        // A day the calendar lacks (2023-02-29), written as asked: told it was not so written, its sender looked for a
        // typing mistake there was not.
        validation.Add(name, IsWrittenAsDay(value) ? NoDay(value) : "Must be a date as YYYY-MM-DD.");
        return null;
    }

    /// <summary>Whether <paramref name="value"/> is written as a day is asked for, YYYY-MM-DD, whether the calendar
    /// has that day or not.</summary>
    public static bool IsWrittenAsDay(string value) => DayDigits().IsMatch(value);

    /// <summary>What a day written as asked, that the calendar lacks (2023-02-29), is told.</summary>
    public static string NoDay(string value) =>
        $"'{value}' is no day of the calendar: give one that is, as YYYY-MM-DD.";

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DayDigits();

    /// <summary>The date a state is judged on: no later than the end of next year, as far as any business date may
    /// reach (judging a ledger on 9999-12-31 walked every year up to it, seconds of CPU for one request).</summary>
    public static DateOnly? AsOf(Validation validation, string? value, DateOnly today)
    {
        var date = Date(validation, "asOf", value);
        var latest = new DateOnly(today.Year + 1, 12, 31);
        if (date <= latest) return date;
        if (date is not null) validation.Add("asOf", $"Must be no later than {latest:yyyy-MM-dd}.");
        return null;
    }

    /// <summary>A moment, in UTC: PostgreSQL's timestamps with time zone take no other offset.</summary>
    public static DateTimeOffset? Timestamp(Validation validation, string name, string? value)
    {
        if (value is null) return null;
        // RFC 3339 with its offset only: a lenient parse read "12/01/2026" month first and took a time without an
        // offset for UTC. RFC 3339 (5.6) allows a lower-case "t" and "z", which .NET does not read: made upper case.
        // Any number of second's digits is RFC 3339's; .NET reads seven (100 ns, finer than PostgreSQL's microseconds):
        // the rest are dropped.
        var match = IsoTimestamp().Match(value);
        var local = match.Groups["local"].Value.ToUpperInvariant() + match.Groups["fraction"].Value[..Math.Min(
            match.Groups["fraction"].Length, 8)];
        if (match.Success && DateTimeOffset.TryParse(local + match.Groups["offset"].Value.ToUpperInvariant(),
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
            return timestamp.ToUniversalTime();
        // A day and time that exist, whose offset puts the moment before year 1 or after year 9999 in UTC.
        var outOfRange = match.Success
            && DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        validation.Add(name, outOfRange
            ? "Must be a moment from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z; at its offset this one is not."
            : "Must be an RFC 3339 timestamp with its offset, e.g. 2026-11-23T10:15:00Z.");
        return null;
    }

    /// <summary>An enum by its API name (the same names JSON bodies use).</summary>
    public static T? Enum<T>(Validation validation, string name, string? value) where T : struct, Enum
    {
        if (value is null) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value), EnumJson);
        }
        catch (JsonException)
        {
            validation.Add(name, $"Must be one of: {string.Join(", ", StrictEnums.NamesOf(typeof(T)))}.");
            return null;
        }
    }

    [GeneratedRegex(
        @"\A(?<local>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2})?)(?<fraction>(?<=:\d{2}:\d{2})\.\d+)?"
        + @"(?<offset>[Zz]|[+-]\d{2}:\d{2})\z")]
    private static partial Regex IsoTimestamp();
}
