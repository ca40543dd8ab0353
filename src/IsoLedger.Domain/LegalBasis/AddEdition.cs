namespace IsoLedger.Domain.LegalBasis;

/// <summary>Adds an edition of the standard (a new edition, or an amendment).</summary>
public sealed record AddEdition(EditionEntry Entry, string RecordedBy, string Reason)
{
    /// <summary>An edition is already defined when any of its names names one the book has, as an import or a
    /// declaration reads an edition's name (<see cref="RuleBook.Named"/>): the first of a name would take the other's
    /// declarations, and both would be labelled alike.</summary>
    public Decision Decide(RuleBook book) =>
        new[] { Entry.Edition.Name, Entry.NameVi, Entry.NameEn }.Any(name => book.Named(name) is not null)
            ? Decision.Reject(Rules.EditionAlreadyDefined)
        : Entry.Amends is { } amended && !book.Knows(amended) ? Decision.Reject(Rules.EditionUnknown)
        : Decision.Accept(new EditionAdded(Entry, RecordedBy, Reason));
}

public sealed record EditionAdded(EditionEntry Entry, string RecordedBy, string Reason) : IRuleBookChange;
