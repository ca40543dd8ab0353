using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Units;

/// <summary>The recorded states of the units a unit took over, to judge it with them
/// (<see cref="Unit.WithPredecessorsAsRecorded"/>): none read for a unit that took none over.</summary>
public static class PredecessorStates
{
    public static async Task<IReadOnlyDictionary<string, Unit>> Of(
        IQuerySession session, Unit unit, CancellationToken cancellation)
    {
        var codes = unit.TookOver.SelectMany(t => t.Predecessors).Select(p => p.Code).Distinct().ToArray();
        return codes.Length == 0
            ? new Dictionary<string, Unit>()
            : (await session.LoadManyAsync<Unit>(cancellation, codes)).ToDictionary(u => u.Code);
    }

    /// <summary>The states of the units <paramref name="unit"/> took over as they were recorded at
    /// <paramref name="moment"/>: a read of what was known then judges a successor with its predecessors as known
    /// then, a fact back-filled on one later unseen, one recorded before seen.</summary>
    public static async Task<IReadOnlyDictionary<string, Unit>> KnownAt(
        IQuerySession session, Unit unit, DateTimeOffset moment, CancellationToken cancellation)
    {
        var states = new Dictionary<string, Unit>();
        foreach (var code in unit.TookOver.SelectMany(t => t.Predecessors).Select(p => p.Code).Distinct())
        {
            var events = await session.Events.FetchStreamAsync(code, timestamp: moment, token: cancellation);
            if (UnitDecider.Replay(events.Select(e => e.Data)) is { } state) states[code] = state;
        }
        return states;
    }
}
