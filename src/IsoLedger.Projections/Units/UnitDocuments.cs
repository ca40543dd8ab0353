using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Projections.Units;

/// <summary>Each unit's state (<see cref="Unit"/>) is kept as a document at its stream's version. The writers that
/// decide on it (the unit write path, restructurings, imports) hold the new state in memory already and store it in
/// the transaction that appends its events, so a state is never read back from the database only to apply the
/// events it was just decided with.</summary>
public static class UnitDocuments
{
    /// <summary>The unit's events and its state document.</summary>
    public static void AddUnitDocuments(this StoreOptions options)
    {
        foreach (var eventType in UnitEvents.All) options.Events.AddEventType(eventType);
        options.Schema.For<Unit>()
            .Identity(unit => unit.Code)
            .Index(unit => unit.Province)
            .Index(unit => unit.Level);
    }

    /// <summary>The state after <paramref name="events"/>, at the stream version they bring it to.</summary>
    public static Unit Evolve(Unit? state, IEnumerable<object> events, long version) =>
        events.Aggregate(state, Unit.Evolve)! with { Version = version };
}
