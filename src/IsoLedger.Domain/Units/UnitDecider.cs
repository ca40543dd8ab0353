
namespace IsoLedger.Domain.Units;

/// <summary>The unit decider: <c>(state, command) → events | rule violation</c>, with the invariants every
/// command shares, and the compliance rules the recorded fact finds broken as warnings.</summary>
public static class UnitDecider
{
    public static Decision Decide(Unit? unit, IUnitCommand command, DateOnly today)
    {
        if (unit is null) return Decision.Reject(Rules.UnitNotRegistered);
        if (command.BusinessDate > today) return Decision.Reject(Rules.FutureBusinessDate);
        if (unit.Merger is not null && command.BusinessDate > unit.Merger.MergedOn)
            return Decision.Reject(Rules.UnitMerged);

        var decision = command.Decide(unit);
        if (decision is not Accepted accepted) return decision;

        var after = accepted.Events.Aggregate(unit, (state, e) => Unit.Evolve(state, e)!);
        var warnings = accepted.Warnings
            .Concat(Compliance.PointInTimeFlags(after, command.BusinessDate).Select(flag => flag.Rule))
            .Distinct()
            .ToList();
        return accepted with { Warnings = warnings };
    }

    public static Unit? Replay(IEnumerable<object> events) => events.Aggregate((Unit?)null, Unit.Evolve);
}
