using IsoLedger.Domain.Units;
using IsoLedger.Projections.Dashboards;
using IsoLedger.Projections.Units;
using JasperFx.Events.Projections;
using Marten;

namespace IsoLedger.Projections;

public static class ProjectionRegistration
{
    /// <summary>The asynchronous projections, by the name the admin endpoints and the rebuild verb use.</summary>
    public static readonly IReadOnlyList<string> AsyncProjections = [DashboardUnitProjection.ProjectionName];

    public static void AddIsoLedgerProjections(this StoreOptions options)
    {
        options.Schema.For<Unit>()
            .Identity(unit => unit.Code)
            .Index(unit => unit.Province)
            .Index(unit => unit.Level);
        options.Projections.Add(new UnitAggregation(), ProjectionLifecycle.Inline);

        options.Schema.For<DashboardUnit>().Index(unit => unit.Province);
        options.Projections.Add(new DashboardUnitProjection(), ProjectionLifecycle.Async);

        // One event a projection cannot apply is skipped and kept as a dead letter, so the rest carry on.
        foreach (var errors in new[] { options.Projections.Errors, options.Projections.RebuildErrors })
        {
            errors.SkipApplyErrors = true;
            errors.SkipSerializationErrors = true;
            errors.SkipUnknownEvents = true;
        }
    }
}
