using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record RecordInspection(
    int Year, DateOnly InspectedOn, bool OnSite, InspectionResult Result, string? Inspector, string? Notes)
    : IYearlyStep
{
    public DateOnly BusinessDate => InspectedOn;

    public bool SetsOutTheYear => false;

    public Decision Decide(Unit unit, RuleBook rules) =>
        Decision.Accept(new InspectionRecorded(Year, InspectedOn, OnSite, Result, Inspector, Notes));
}

/// <summary>The province inspected the unit's system for a year (kiểm tra), or a report table of the year said what
/// it found.</summary>
/// <param name="Year">The year inspected.</param>
/// <param name="InspectedOn">The day of the inspection; for one known only from a report table, the report's
/// date.</param>
/// <param name="OnSite">Whether the inspection was held on site (false where the source does not say).</param>
/// <param name="Result">The verdict: passed or failed; or, from a report table, maintained or no report.</param>
/// <param name="Inspector">Who inspected; null when the source does not say.</param>
/// <param name="Notes">The findings; null when there are none on record.</param>
public sealed record InspectionRecorded(
    int Year, DateOnly InspectedOn, bool OnSite, InspectionResult Result, string? Inspector, string? Notes) : IUnitEvent
{
    /// <summary>The day the fact happened, by which the rules judge it: its <c>inspectedOn</c>.</summary>
    public DateOnly BusinessDate => InspectedOn;
}
