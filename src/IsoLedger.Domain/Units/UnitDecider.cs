using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>The unit decider: <c>(state, command) → events | rule violation</c>, with the invariants every
/// command shares, and the compliance rules the recorded fact finds broken as warnings.</summary>
public static class UnitDecider
{
    public static Decision Decide(
        Unit? unit, IUnitCommand command, DateOnly today, RuleBook rules)
    {
        var decision = DecideFact(unit, command, today, rules);
        if (decision is not Accepted accepted) return decision;

        var after = accepted.Events.Aggregate(unit!, (state, e) => Unit.Evolve(state, e)!);
        var warnings = accepted.Warnings
            .Concat(Compliance.PointInTimeFlags(after, command.BusinessDate, rules).Select(flag => flag.Rule))
            .Distinct()
            .ToList();
        return accepted with { Warnings = warnings };
    }

    /// <summary>The command's decision under the invariants every command shares, without the compliance rules the
    /// fact finds broken: what a report table's rows are decided by (<see cref="Imports.ReportRowDecider"/>), whose
    /// answer counts rows and events, not warnings; judging every fact of a province's table for them was a tenth of
    /// an import's time.</summary>
    public static Decision DecideFact(Unit? unit, IUnitCommand command, DateOnly today, RuleBook rules)
    {
        if (unit is null) return Decision.Reject(Rules.UnitNotRegistered);
        if (OutsideExistence(unit, command.BusinessDate, today) is { } broken)
            return new Rejected(broken, Detail: OutsideExistenceDetail(broken, unit, command.BusinessDate, today));
        if (command is IYearlyStep step && !IYearlyStep.DatedNear(step))
            return Decision.Reject(Rules.YearlyStepOutsideItsYear);
        if (command is IYearlyStep yearly && YearOutsideExistence(unit, yearly.Year) is { } outside)
            return Decision.Reject(outside);
        return command.Decide(unit, rules);
    }

    /// <summary>The rule a step of <paramref name="year"/> breaks when the unit existed on no day of it: the year
    /// ended before its establishment, or began on or after the day it ended. Dated within its window (a plan issued
    /// the year before, a report sent the year after), such a step had given the unit a year it never had.</summary>
    public static Rule? YearOutsideExistence(Unit unit, int year) =>
        unit.EstablishmentDated && new DateOnly(year, 12, 31) < unit.RegisteredOn ? Rules.FactBeforeEstablishment
        : OutsideExistence(unit, new DateOnly(year, 1, 1), DateOnly.MaxValue) is { } ended
            && ended != Rules.FactBeforeEstablishment ? ended
        : null;

    /// <summary>The rule a fact dated <paramref name="date"/> breaks by lying outside the unit's existence: in the
    /// future, before its establishment date, or on or after the day it ended. A merge, split or dissolution effective
    /// on a day ends the unit that day, as the end of its level does (<see cref="Unit.ExistsOn"/>): that day's facts
    /// are its successor's, and no dashboard counts the unit that day.</summary>
    public static Rule? OutsideExistence(Unit unit, DateOnly date, DateOnly today) =>
        date > today ? Rules.FutureBusinessDate
        : unit.EstablishmentDated && date < unit.RegisteredOn ? Rules.FactBeforeEstablishment
        : date >= Levels.EndOf(unit.Level) ? Rules.LevelEnded
        : date >= unit.Merger?.MergedOn || date >= unit.Split?.SplitOn ? Rules.UnitMerged
        : date >= unit.Dissolution?.DissolvedOn ? Rules.UnitDissolved
        : null;

    /// <summary>The rule's sentence and the days it is judged by: the fact's, and today's or the unit's bound it
    /// crossed, so that a refusal says which day to correct.</summary>
    private static string OutsideExistenceDetail(Rule broken, Unit unit, DateOnly date, DateOnly today)
    {
        var bound = broken == Rules.FutureBusinessDate ? $"today is {today:yyyy-MM-dd}"
            : broken == Rules.FactBeforeEstablishment ? $"the unit was established on {unit.RegisteredOn:yyyy-MM-dd}"
            : $"the unit ended on {unit.EndedOn:yyyy-MM-dd}";
        return $"{broken.Sentence} The fact is dated {date:yyyy-MM-dd}; {bound}.";
    }

    public static Unit? Replay(IEnumerable<object> events) => events.Aggregate((Unit?)null, Unit.Evolve);
}
