namespace IsoLedger.Domain.LegalBasis;

/// <summary>Adds an edition of the standard (a new edition, or an amendment).</summary>
public sealed record AddEdition(EditionEntry Entry, string RecordedBy, string Reason)
{
    public Decision Decide(RuleBook book) =>
        book.Knows(Entry.Edition) ? Decision.Reject(Rules.EditionAlreadyDefined)
        : Entry.Amends is { } amended && !book.Knows(amended) ? Decision.Reject(Rules.EditionUnknown)
        : Decision.Accept(new EditionAdded(Entry, RecordedBy, Reason));
}

public sealed record EditionAdded(EditionEntry Entry, string RecordedBy, string Reason) : IRuleBookChange;
