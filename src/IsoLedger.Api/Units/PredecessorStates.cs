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
}
