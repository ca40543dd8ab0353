using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>A command on a registered unit: it decides, from the unit's state and the rule book alone, which events
/// record it.</summary>
public interface IUnitCommand
{
    /// <summary>The day the recorded fact happened.</summary>
    DateOnly BusinessDate { get; }

    Decision Decide(Unit unit, RuleBook rules);
}

/// <summary>A command recording one of a calendar year's steps (a plan, objectives, the report, the inspection): its
/// date lies within a year of <see cref="Year"/> (<see cref="Rules.YearlyStepOutsideItsYear"/>).</summary>
public interface IYearlyStep : IUnitCommand
{
    int Year { get; }

    /// <summary>Whether a step of <paramref name="year"/> may be dated <paramref name="on"/>: in that year, the year
    /// before (issued ahead) or the year after (reported or inspected after the year's end).</summary>
    static bool DatedNear(int year, DateOnly on) => on.Year >= year - 1 && on.Year <= year + 1;
}
