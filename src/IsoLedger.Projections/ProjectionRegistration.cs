using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using JasperFx.Events.Projections;
using Marten;

namespace IsoLedger.Projections;

public static class ProjectionRegistration
{
    public static void AddIsoLedgerProjections(this StoreOptions options)
    {
        options.Schema.For<Unit>()
            .Identity(unit => unit.Code)
            .Index(unit => unit.Province)
            .Index(unit => unit.Level);
        options.Projections.Add(new UnitAggregation(), ProjectionLifecycle.Inline);
    }
}
