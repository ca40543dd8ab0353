using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>Closes a nonconformity with the verdict of the effectiveness review (ISO 9001 §10.2).</summary>
public sealed record CloseNonconformity(string NonconformityId, DateOnly ClosedOn, bool Effective) : IUnitCommand
{
    public DateOnly BusinessDate => ClosedOn;

    public Decision Decide(Unit unit, RuleBook rules)
    {
        var nonconformity = unit.FindNonconformity(NonconformityId);
        if (nonconformity is null) return Decision.Reject(Rules.NonconformityNotFound);
        if (nonconformity.ClosedOn is not null) return Decision.Reject(Rules.NonconformityAlreadyClosed);
        if (nonconformity.CorrectiveActions.Count == 0)
            return Decision.Reject(Rules.NonconformityWithoutCorrectiveAction);
        if (!Effective) return Decision.Reject(Rules.CorrectiveActionNotEffective);
        if (ClosedOn < nonconformity.CorrectiveActions.Max(a => a.TakenOn))
            return Decision.Reject(Rules.DateBeforePrecedingStep);

        var closed = new NonconformityClosed(NonconformityId, ClosedOn, Effective);
        return nonconformity.DueOn < ClosedOn && Compliance.OverdueBasis(nonconformity, rules) is not null
            ? new Accepted([closed], [Rules.NonconformityOverdue])
            : Decision.Accept(closed);
    }
}

/// <summary>The nonconformity was closed after its corrective action was verified effective (ISO 9001
/// §10.2).</summary>
public sealed record NonconformityClosed(string NonconformityId, DateOnly ClosedOn, bool Effective) : IUnitEvent
{
    public DateOnly BusinessDate => ClosedOn;
}
