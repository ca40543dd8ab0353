using System.Text;
using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.LegalBasis;

/// <summary>The rules as data: the editions of the standard in their order, and the obligations with their legal
/// basis and validity. It starts as the table shipped with the ledger (<see cref="ShippedRuleBook"/>) and grows by
/// the entries an administrator adds (<see cref="EditionAdded"/>, <see cref="ObligationAdded"/>,
/// <see cref="ObligationEnded"/>).</summary>
public sealed partial record RuleBook
{
    /// <summary>The one stream of the rule book's changes.</summary>
    public const string StreamId = "rule-book";

    /// <summary>The editions, oldest first: ordered by publication.</summary>
    public required IReadOnlyList<EditionEntry> Editions { get; init; }

    public required IReadOnlyList<Obligation> Obligations { get; init; }

    /// <summary>The version of the rule book's stream these entries reflect; 0 for the shipped table alone.</summary>
    public long Version { get; init; }

    public EditionEntry? Find(Edition edition) => Editions.FirstOrDefault(e => e.Edition == edition);

    public bool Knows(Edition edition) => Find(edition) is not null;

    /// <summary>The edition with the names documents give it ("TCVN ISO 9001:2015", "ISO 9001:2015").</summary>
    public Term? NameOf(Edition edition) =>
        Find(edition) is { } entry ? new Term(entry.Edition.Name, entry.NameVi, entry.NameEn) : null;

    /// <summary>Whether <paramref name="edition"/> had been published by <paramref name="on"/>.</summary>
    public bool Published(Edition edition, DateOnly on) => Find(edition) is { } entry && entry.PublishedOn <= on;

    /// <summary>The edition <paramref name="text"/> names: its name ("2015") or how documents write it
    /// ("TCVN ISO 9001:2015", "ISO 9001:2015", "ISO 9001-2015"), in any case; null if none.</summary>
    public Edition? Named(string text)
    {
        // As documents write an edition: "TCVN ISO 9001:2015", "TCVN 9001:2015", "ISO 9001:2015" are one.
        var written = Bare(text);
        return Editions.FirstOrDefault(e => new[] { e.Edition.Name, e.NameVi, e.NameEn }
            .Any(name => Bare(name) == written))?.Edition;
    }

    private static string Bare(string name)
    {
        // Form KC: a full-width colon typed by an East Asian input method is the colon. A noncharacter (a standard=
        // query of U+FFFE) cannot be normalised: read as U+FFFD, it names no edition instead of failing.
        var colon = StandardDash().Replace(UnicodeText.Normalized(name, NormalizationForm.FormKC), "9001:");
        var words = colon.ToUpperInvariant().Replace(":", " : ")
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Where(word => word is not ("TCVN" or "ISO"))).Replace(" : ", ":");
    }

    /// <summary>A dash for the colon between the standard's number and its year, as tables write it: "ISO
    /// 9001-2015", "ISO 9001 – 2008".</summary>
    [GeneratedRegex(@"9001\s*[-\u2010\u2011\u2012\u2013\u2014]\s*(?=[0-9]{4})")]
    private static partial Regex StandardDash();

    /// <summary>Whether <paramref name="edition"/> is older than <paramref name="other"/>; an edition the book does
    /// not know is older than any it knows.</summary>
    public bool Precedes(Edition edition, Edition other) => Rank(edition) < Rank(other);

    /// <summary>The next edition after <paramref name="edition"/>, amendments left out (a system takes an amendment in
    /// only when a conversion names it), or null for the latest.</summary>
    public Edition? After(Edition edition) =>
        Editions.Skip(Rank(edition) + 1).Where(e => e.Amends is null).Select(e => (Edition?)e.Edition)
            .FirstOrDefault();

    /// <summary>The edition reports of <paramref name="year"/> count as current: the latest published before the
    /// year began (TCVN ISO 9001:2015 from 2016).</summary>
    public Edition CurrentIn(int year) =>
        Editions.LastOrDefault(e => e.PublishedOn < new DateOnly(year, 1, 1))?.Edition ?? Editions[0].Edition;

    /// <summary>Whether a system on <paramref name="edition"/> counts as on the current edition of
    /// <paramref name="year"/>: it is that edition, the edition the current amendment amends, or a later one (a system
    /// converted during the year to an edition published in it is not on an older one).</summary>
    public bool IsCurrentIn(Edition edition, int year)
    {
        var current = CurrentIn(year);
        return !Precedes(edition, current) || Find(current)?.Amends == edition;
    }

    public IEnumerable<Obligation> InForce(ObligationKind kind, DateOnly date) =>
        Obligations.Where(o => o.Kind == kind && o.InForceOn(date));

    /// <summary>The entry of <paramref name="kind"/> in force on <paramref name="date"/> that took effect
    /// last.</summary>
    public Obligation? Governing(ObligationKind kind, DateOnly date) =>
        InForce(kind, date).MaxBy(o => o.ValidFrom);

    /// <summary>Whether units of <paramref name="level"/> had to apply a system on <paramref name="date"/>.</summary>
    public bool MustApply(UnitLevel level, DateOnly date) =>
        InForce(ObligationKind.MustApply, date).Any(o => o.Level == level);

    /// <summary>The edition a system first built on <paramref name="date"/> had to be built on.</summary>
    public Edition? RequiredForNewSystemsOn(DateOnly date) =>
        Governing(ObligationKind.NewSystemsOnEdition, date)?.Edition;

    public RuleBook Evolve(object @event, long version) => (@event switch
    {
        EditionAdded added => this with
        {
            Editions = [.. Editions.Append(added.Entry).OrderBy(e => e.PublishedOn)],
        },
        ObligationAdded added => this with { Obligations = [.. Obligations, added.Entry] },
        ObligationEnded ended => this with
        {
            Obligations = [.. Obligations.Select(o => o.Id == ended.Id ? o with { ValidTo = ended.ValidTo } : o)],
        },
        _ => this,
    }) with
    { Version = version };

    private int Rank(Edition edition)
    {
        for (var i = 0; i < Editions.Count; i++)
            if (Editions[i].Edition == edition) return i;
        return -1;
    }
}
