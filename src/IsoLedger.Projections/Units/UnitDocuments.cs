using IsoLedger.Domain.Units;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace IsoLedger.Projections.Units;

/// <summary>Keeps each unit's state as a document in the same transaction as its events (inline), with the
/// domain's own pure <see cref="Unit.Evolve"/>: commands decide on it and reads map it to a status.</summary>
public sealed partial class UnitProjection : SingleStreamProjection<Unit, string>
{
    public override Unit? Evolve(Unit? snapshot, string id, IEvent e) =>
        Unit.Evolve(snapshot, e.Data) is { } unit ? unit with { Version = e.Version } : null;
}

public static class UnitProjectionRegistration
{
    /// <summary>The unit's events, its state document and the inline projection that keeps it.</summary>
    public static void AddUnitProjection(this StoreOptions options)
    {
        foreach (var eventType in UnitEvents.All) options.Events.AddEventType(eventType);
        options.Schema.For<Unit>()
            .Identity(unit => unit.Code)
            .Index(unit => unit.Province)
            .Index(unit => unit.Level);
        options.Projections.Add(new UnitProjection(), ProjectionLifecycle.Inline);
    }
}
