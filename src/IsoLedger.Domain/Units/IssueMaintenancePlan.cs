using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record IssueMaintenancePlan(int Year, DateOnly IssuedOn) : IYearlyStep
{
    public DateOnly BusinessDate => IssuedOn;

    public bool SetsOutTheYear => true;

    public Decision Decide(Unit unit, RuleBook rules) => Decision.Accept(new MaintenancePlanIssued(Year, IssuedOn));
}

public sealed record MaintenancePlanIssued(int Year, DateOnly IssuedOn) : IUnitEvent
{
    public DateOnly BusinessDate => IssuedOn;
}
