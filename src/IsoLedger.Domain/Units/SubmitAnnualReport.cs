using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record SubmitAnnualReport(int Year, DateOnly SubmittedOn) : IYearlyStep
{
    public DateOnly BusinessDate => SubmittedOn;

    public bool SetsOutTheYear => false;

    public Decision Decide(Unit unit, RuleBook rules) => Decision.Accept(new AnnualReportSubmitted(Year, SubmittedOn));
}

public sealed record AnnualReportSubmitted(int Year, DateOnly SubmittedOn) : IUnitEvent
{
    public DateOnly BusinessDate => SubmittedOn;
}
