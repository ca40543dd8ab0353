using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record TakeCorrectiveAction(string NonconformityId, DateOnly TakenOn, string RootCause, string Action)
    : IUnitCommand
{
    public DateOnly BusinessDate => TakenOn;

    public Decision Decide(Unit unit, RuleBook rules)
    {
        var nonconformity = unit.FindNonconformity(NonconformityId);
        if (nonconformity is null) return Decision.Reject(Rules.NonconformityNotFound);
        // Judged on the action's own date: one found later but taken while the nonconformity was open (its closing day
        // included, as closing on an action's day is accepted) is history.
        if (nonconformity.ClosedOn < TakenOn) return Decision.Reject(Rules.NonconformityAlreadyClosed);
        if (TakenOn < nonconformity.RaisedOn) return Decision.Reject(Rules.DateBeforePrecedingStep);
        return Decision.Accept(new CorrectiveActionTaken(NonconformityId, TakenOn, RootCause, Action));
    }
}

public sealed record CorrectiveActionTaken(string NonconformityId, DateOnly TakenOn, string RootCause, string Action)
    : IUnitEvent
{
    public DateOnly BusinessDate => TakenOn;
}
