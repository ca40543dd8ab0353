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
/// date lies in that year, or the year before for a step setting the year out, or the year after for one accounting
/// for it (<see cref="Rules.YearlyStepOutsideItsYear"/>).</summary>
public interface IYearlyStep : IUnitCommand
{
    int Year { get; }

    /// <summary>Whether the step sets the year out (a maintenance plan, quality objectives), issued ahead or during
    /// it, rather than accounting for it (a report, corrective actions, an inspection, a listing in a province's
    /// table), during it or after its end.</summary>
    bool SetsOutTheYear { get; }

    /// <summary>Whether <paramref name="step"/> is dated within its year's window: its year or the year before for a
    /// step setting the year out, its year or the year after for one accounting for it.</summary>
    static bool DatedNear(IYearlyStep step) =>
        YearsOf(step.Year, step.SetsOutTheYear) is var (first, last)
        && step.BusinessDate.Year >= first && step.BusinessDate.Year <= last;

    /// <summary>The years a step of <paramref name="year"/> may be dated in, whether it
    /// <paramref name="setsOutTheYear"/> (the year before and the year) or accounts for it (the year and the one
    /// after).</summary>
    static (int First, int Last) YearsOf(int year, bool setsOutTheYear) =>
        setsOutTheYear ? (year - 1, year) : (year, year + 1);
}
