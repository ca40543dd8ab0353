using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Dashboards;

/// <summary>The years units have yearly facts for: a year's steps, internal audits, management reviews.</summary>
public static class DataYears
{
    /// <summary>The years, of the facts dated by <paramref name="by"/> when it is given: an answer as of a day shows
    /// no year whose only facts came later (a year's report sent the next spring, an audit back-filled after the day).
    /// </summary>
    public static IReadOnlyList<int> Of(IEnumerable<Unit> units, DateOnly? by = null) =>
    [
        .. units.SelectMany(u => (by is { } day
                    ? u.Years.Where(y => y.Value.HasStepBy(day)).Select(y => y.Key)
                    : u.Years.Keys)
                .Concat(u.InternalAudits.Where(d => !(d > by)).Select(d => d.Year))
                .Concat(u.ManagementReviews.Where(d => !(d > by)).Select(d => d.Year)))
            .Distinct().Order(),
    ];
}
