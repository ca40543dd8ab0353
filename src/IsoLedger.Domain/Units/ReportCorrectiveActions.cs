using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record ReportCorrectiveActions(int Year, DateOnly ReportedOn) : IYearlyStep
{
    public DateOnly BusinessDate => ReportedOn;

    public bool SetsOutTheYear => false;

    public Decision Decide(Unit unit, RuleBook rules) =>
        Decision.Accept(new CorrectiveActionsReported(Year, ReportedOn));
}

/// <summary>A unit's yearly report says corrective actions (HĐKP) were taken in <paramref name="Year"/>, without
/// naming the nonconformities they answered (as the provinces' report tables record it).</summary>
public sealed record CorrectiveActionsReported(int Year, DateOnly ReportedOn) : IUnitEvent
{
    public DateOnly BusinessDate => ReportedOn;
}
