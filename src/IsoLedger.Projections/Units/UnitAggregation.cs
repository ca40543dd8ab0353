using IsoLedger.Domain.Units;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IsoLedger.Projections.Units;

/// <summary>Keeps each unit's state as a document in the same transaction as its events (inline), with the
/// domain's own pure <see cref="Unit.Evolve"/>: commands decide on it and reads map it to a
/// <see cref="UnitStatus"/>.</summary>
public sealed partial class UnitAggregation : SingleStreamProjection<Unit, string>
{
    public override Unit? Evolve(Unit? snapshot, string id, IEvent e) =>
        Unit.Evolve(snapshot, e.Data) is { } unit ? unit with { Version = e.Version } : null;
}
