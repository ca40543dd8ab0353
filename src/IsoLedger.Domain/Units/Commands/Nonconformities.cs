namespace IsoLedger.Domain.Units.Commands;

/// <summary>Raises a nonconformity; its id (<c>NC-1</c>, <c>NC-2</c>, …) is the next in the unit.</summary>
public sealed record RaiseNonconformity(
    DateOnly RaisedOn, NonconformitySource Source, string Description, NonconformitySeverity Severity, string? Clause, DateOnly? DueOn)
    : IUnitCommand
{
    public DateOnly BusinessDate => RaisedOn;

    public static string NextId(Unit unit) => $"NC-{unit.Nonconformities.Count + 1}";

    public Decision Decide(Unit unit)
    {
        if (DueOn < RaisedOn) return Decision.Reject(Rules.DateBeforePrecedingStep);
        return Decision.Accept(new NonconformityRaised(NextId(unit), RaisedOn, Source, Description, Severity, Clause, DueOn));
    }
}

public sealed record TakeCorrectiveAction(string NonconformityId, DateOnly TakenOn, string RootCause, string Action) : IUnitCommand
{
    public DateOnly BusinessDate => TakenOn;

    public Decision Decide(Unit unit)
    {
        var nonconformity = unit.FindNonconformity(NonconformityId);
        if (nonconformity is null) return Decision.Reject(Rules.NonconformityNotFound);
        if (nonconformity.ClosedOn is not null) return Decision.Reject(Rules.NonconformityAlreadyClosed);
        if (TakenOn < nonconformity.RaisedOn) return Decision.Reject(Rules.DateBeforePrecedingStep);
        return Decision.Accept(new CorrectiveActionTaken(NonconformityId, TakenOn, RootCause, Action));
    }
}

/// <summary>Closes a nonconformity with the verdict of the effectiveness review (ISO 9001 §10.2).</summary>
public sealed record CloseNonconformity(string NonconformityId, DateOnly ClosedOn, bool Effective) : IUnitCommand
{
    public DateOnly BusinessDate => ClosedOn;

    public Decision Decide(Unit unit)
    {
        var nonconformity = unit.FindNonconformity(NonconformityId);
        if (nonconformity is null) return Decision.Reject(Rules.NonconformityNotFound);
        if (nonconformity.ClosedOn is not null) return Decision.Reject(Rules.NonconformityAlreadyClosed);
        if (nonconformity.CorrectiveActions.Count == 0) return Decision.Reject(Rules.NonconformityWithoutCorrectiveAction);
        if (!Effective) return Decision.Reject(Rules.CorrectiveActionNotEffective);
        if (ClosedOn < nonconformity.CorrectiveActions.Max(a => a.TakenOn)) return Decision.Reject(Rules.DateBeforePrecedingStep);

        var closed = new NonconformityClosed(NonconformityId, ClosedOn, Effective);
        return nonconformity.DueOn < ClosedOn
            ? new Accepted([closed], [Rules.NonconformityOverdue])
            : Decision.Accept(closed);
    }
}
