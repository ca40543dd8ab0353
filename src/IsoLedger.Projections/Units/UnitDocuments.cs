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
            .Duplicate(unit => unit.Province)
            .Duplicate(unit => unit.Level)
            .FillFactor(HotUpdateFillFactor);
    }

    /// <summary>Every command rewrites its unit's state. With the fields lists filter on in columns of their own
    /// (an index computed from <c>data</c> changes with every rewrite) and room left in each page, PostgreSQL rewrites
    /// a state in place (a HOT update: no index entry written, none left dead for vacuum): 0 → 99.5 % of the state
    /// updates under ops/bench.sh's commands, about +7 % commands at 8 clients and +17 % at 32 (same-machine pairs),
    /// and a state table a quarter of the size after the run.</summary>
    public const int HotUpdateFillFactor = 70;

    /// <summary>The state after <paramref name="events"/>, at the stream version they bring it to.</summary>
    public static Unit Evolve(Unit? state, IEnumerable<object> events, long version) =>
        events.Aggregate(state, Unit.Evolve)! with { Version = version };
}
