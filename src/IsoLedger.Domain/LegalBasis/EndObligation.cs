namespace IsoLedger.Domain.LegalBasis;

/// <summary>Ends an obligation on <paramref name="ValidTo"/> (its last day in force), e.g. when an act replaces
/// it.</summary>
public sealed record EndObligation(string Id, DateOnly ValidTo, string RecordedBy, string Reason)
{
    public Decision Decide(RuleBook book) =>
        book.Obligations.FirstOrDefault(o => o.Id == Id) is not { } obligation
            ? Decision.Reject(Rules.ObligationNotFound)
        : obligation.ValidTo is not null ? Decision.Reject(Rules.ObligationAlreadyEnded)
        : ValidTo < obligation.ValidFrom ? Decision.Reject(Rules.ObligationEndsBeforeItStarts)
        : Decision.Accept(new ObligationEnded(Id, ValidTo, RecordedBy, Reason));
}

public sealed record ObligationEnded(string Id, DateOnly ValidTo, string RecordedBy, string Reason)
    : IRuleBookChange;
