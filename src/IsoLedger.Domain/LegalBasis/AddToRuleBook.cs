namespace IsoLedger.Domain.LegalBasis;

/// <summary>A change to the rule book by an administrator: who made it (<c>RecordedBy</c>, the API key's name) and
/// why (<c>Reason</c>, e.g. the act that requires it) are kept with the change.</summary>
public interface IRuleBookChange
{
    string RecordedBy { get; }
    string Reason { get; }
}

/// <summary>Adds an edition of the standard (a new edition, or an amendment).</summary>
public sealed record AddEdition(EditionEntry Entry, string RecordedBy, string Reason)
{
    public Decision Decide(RuleBook book) =>
        book.Knows(Entry.Edition) ? Decision.Reject(Rules.EditionAlreadyDefined)
        : Entry.Amends is { } amended && !book.Knows(amended) ? Decision.Reject(Rules.EditionUnknown)
        : Decision.Accept(new EditionAdded(Entry, RecordedBy, Reason));
}

public sealed record EditionAdded(EditionEntry Entry, string RecordedBy, string Reason) : IRuleBookChange;

/// <summary>Adds an obligation: a new act, a new deadline, a level that must apply from a date.</summary>
public sealed record AddObligation(Obligation Entry, string RecordedBy, string Reason)
{
    public Decision Decide(RuleBook book) =>
        book.Obligations.Any(o => o.Id == Entry.Id) ? Decision.Reject(Rules.ObligationAlreadyDefined)
        : Entry.Edition is { } edition && !book.Knows(edition) ? Decision.Reject(Rules.EditionUnknown)
        : Decision.Accept(new ObligationAdded(Entry, RecordedBy, Reason));
}

public sealed record ObligationAdded(Obligation Entry, string RecordedBy, string Reason) : IRuleBookChange;

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
