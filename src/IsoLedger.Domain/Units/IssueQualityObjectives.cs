using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record IssueQualityObjectives(int Year, DateOnly IssuedOn, bool Policy, bool Objectives) : IYearlyStep
{
    public DateOnly BusinessDate => IssuedOn;

    public bool SetsOutTheYear => true;

    public Decision Decide(Unit unit, RuleBook rules) =>
        Decision.Accept(new QualityObjectivesIssued(Year, IssuedOn, Policy, Objectives));
}

/// <summary>The quality policy and/or objectives for <paramref name="Year"/> were issued (CSCL, MTCL).</summary>
public sealed record QualityObjectivesIssued(int Year, DateOnly IssuedOn, bool Policy, bool Objectives) : IUnitEvent
{
    public DateOnly BusinessDate => IssuedOn;
}
