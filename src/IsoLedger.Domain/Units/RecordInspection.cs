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

public sealed record InspectionRecorded(
    int Year, DateOnly InspectedOn, bool OnSite, InspectionResult Result, string? Inspector, string? Notes) : IUnitEvent
{
    public DateOnly BusinessDate => InspectedOn;
}
