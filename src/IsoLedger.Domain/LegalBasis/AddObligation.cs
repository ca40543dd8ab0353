namespace IsoLedger.Domain.LegalBasis;

/// <summary>Adds an obligation: a new act, a new deadline, a level that must apply from a date.</summary>
public sealed record AddObligation(Obligation Entry, string RecordedBy, string Reason)
{
    public Decision Decide(RuleBook book) =>
        book.Obligations.Any(o => o.Id == Entry.Id) ? Decision.Reject(Rules.ObligationAlreadyDefined)
        : Entry.Edition is { } edition && !book.Knows(edition) ? Decision.Reject(Rules.EditionUnknown)
        : Decision.Accept(new ObligationAdded(Entry, RecordedBy, Reason));
}

public sealed record ObligationAdded(Obligation Entry, string RecordedBy, string Reason) : IRuleBookChange;
