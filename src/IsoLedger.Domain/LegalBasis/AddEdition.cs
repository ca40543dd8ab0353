namespace IsoLedger.Domain.LegalBasis;

/// <summary>Adds an edition of the standard (a new edition, or an amendment).</summary>
public sealed record AddEdition(EditionEntry Entry, string RecordedBy, string Reason)
{
    /// <summary>An edition is already defined when any of its names names one the book has, as an import or a
    /// declaration reads an edition's name (<see cref="RuleBook.Named"/>): the first of a name would take the other's
    /// declarations, and both would be labelled alike. One published after <paramref name="today"/> has not been
    /// published: added by a slip (9999 for 2026), it would come after every edition for ever, as nothing can be
    /// added before the latest one and nothing is ever removed.</summary>
    public Decision Decide(RuleBook book, DateOnly today) =>
        Entry.PublishedOn > today ? Decision.Reject(Rules.FutureBusinessDate)
        : new[] { Entry.Edition.Name, Entry.NameVi, Entry.NameEn }.Any(name => book.Named(name) is not null)
            ? Decision.Reject(Rules.EditionAlreadyDefined)
        : Entry.Amends is { } amended && !book.Knows(amended) ? Decision.Reject(Rules.EditionUnknown)
        : OutOfOrder(book) is { } detail ? new Rejected(Rules.EditionOutOfOrder, Detail: detail)
        : Decision.Accept(new EditionAdded(Entry, RecordedBy, Reason));

    /// <summary>Why the entry would not come after the book's editions, or null. The book orders editions by
    /// publication, and that order is what a conversion without a target goes to, what converts forward and what a
    /// past year counted as current: an edition published before the latest, or an amendment of an edition already
    /// superseded (ranked after its successor), would change what facts recorded before it mean.</summary>
    private string? OutOfOrder(RuleBook book)
    {
        var latest = book.Editions[^1];
        if (Entry.PublishedOn <= latest.PublishedOn)
        {
            return $"The rule book's latest edition, {latest.Edition}, was published on "
                + $"{latest.PublishedOn:yyyy-MM-dd}; {Entry.Edition}, published on {Entry.PublishedOn:yyyy-MM-dd}, "
                + "would be placed before it.";
        }
        var edition = book.Editions.Last(e => e.Amends is null).Edition;
        return Entry.Amends is { } amended && amended != edition
            ? $"An amendment amends the latest edition, {edition}; {amended} is not it."
            : null;
    }
}

public sealed record EditionAdded(EditionEntry Entry, string RecordedBy, string Reason) : IRuleBookChange;
