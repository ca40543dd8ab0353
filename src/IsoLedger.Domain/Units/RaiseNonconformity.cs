using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>Raises a nonconformity; its id (<c>NC-1</c>, <c>NC-2</c>, …) is the next in the unit.</summary>
public sealed record RaiseNonconformity(
    DateOnly RaisedOn, NonconformitySource Source, string Description, NonconformitySeverity Severity,
    string? Clause, DateOnly? DueOn)
    : IUnitCommand
{
    public DateOnly BusinessDate => RaisedOn;

    public static string NextId(Unit unit) => $"NC-{unit.Nonconformities.Count + 1}";

    public Decision Decide(Unit unit, RuleBook rules)
    {
        if (DueOn < RaisedOn) return Decision.Reject(Rules.DateBeforePrecedingStep);
        return Decision.Accept(
            new NonconformityRaised(NextId(unit), RaisedOn, Source, Description, Severity, Clause, DueOn));
    }
}

public sealed record NonconformityRaised(
    string NonconformityId, DateOnly RaisedOn, NonconformitySource Source, string Description,
    NonconformitySeverity Severity, string? Clause, DateOnly? DueOn) : IUnitEvent
{
    public DateOnly BusinessDate => RaisedOn;
}
