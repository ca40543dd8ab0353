using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using JasperFx.Events.Projections;
using Marten;

namespace IsoLedger.Projections;

public static class ProjectionRegistration
{
    public static void AddIsoLedgerProjections(this StoreOptions options)
    {
        options.Schema.For<Unit>().Identity(unit => unit.Code);
        options.Projections.Add(new UnitAggregation(), ProjectionLifecycle.Live);
        options.Schema.For<UnitStatus>().Identity(status => status.Code);
        options.Projections.Add(new UnitStatusProjection(), ProjectionLifecycle.Inline);
    }
}
