namespace IsoLedger.Api.Hosting;

/// <summary>Today's date where the units are: a business date is "in the future" by the calendar of the
/// province that records it (Vietnam, UTC+7, no daylight saving), not by the server's UTC date.</summary>
public sealed class BusinessClock(TimeProvider time)
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public DateOnly Today => DateOf(time.GetUtcNow());

    public DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(VietnamOffset).DateTime);

    /// <summary>The moment <paramref name="day"/> begins where the units are.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), VietnamOffset);
}
