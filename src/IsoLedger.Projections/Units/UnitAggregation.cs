using IsoLedger.Domain.Units;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IsoLedger.Projections.Units;

/// <summary>Lets Marten rebuild the domain's <see cref="Unit"/> from a stream (live, for deciding commands)
/// with the domain's own pure <see cref="Unit.Evolve"/>.</summary>
public sealed partial class UnitAggregation : SingleStreamProjection<Unit, string>
{
    public override Unit? Evolve(Unit? snapshot, string id, IEvent e) => Unit.Evolve(snapshot, e.Data);
}
