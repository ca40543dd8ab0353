using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Dashboards;

/// <summary>The years units have yearly facts for: a year's steps, internal audits, management reviews.</summary>
public static class DataYears
{
    public static IReadOnlyList<int> Of(IEnumerable<Unit> units) =>
    [
        .. units.SelectMany(u => u.Years.Keys
                .Concat(u.InternalAudits.Select(d => d.Year))
                .Concat(u.ManagementReviews.Select(d => d.Year)))
            .Distinct().Order(),
    ];
}
