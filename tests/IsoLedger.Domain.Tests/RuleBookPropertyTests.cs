using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>Property-based: whatever a unit's history, an entry an administrator adds to the rule book changes no
/// judgement as of a day before the entry takes effect, and every flag a judgement raises cites an entry that was in
/// force on the date it judged.</summary>
public class RuleBookPropertyTests
{
    private static readonly RuleBook Book = ShippedRuleBook.Table;
    private static readonly DateOnly First = new(2006, 1, 1);
    private static readonly DateOnly Last = new(2032, 12, 31);

    private static readonly Gen<DateOnly> Days =
        Gen.Choose(First.DayNumber, Last.DayNumber).Select(DateOnly.FromDayNumber);

    private static readonly Gen<Edition> Editions = Gen.Elements(Book.Editions.Select(e => e.Edition).ToArray());

    /// <summary>Facts that the edition rules judge: documentation, declarations, conversions, scope changes, audits
    /// and reviews, each on a random day and edition.</summary>
    private static readonly Gen<object> Facts = Gen.OneOf(
        Days.Zip(Editions, (on, edition) =>
            (object)new DocumentationIssued(on, edition, null, true, true, true, 6, 1, 10, 10)),
        Days.Zip(Editions, (on, edition) => (object)new ConformityDeclared(on, edition, null, null, false)),
        Days.Zip(Editions, (on, to) => (object)new StandardConverted(on, null, Edition.Iso9001V2008, to)),
        Days.Select(on => (object)new ScopeChanged(on, "Thêm TTHC", 3)),
        Days.Select(on => (object)new InternalAuditHeld(on, null, null)),
        Days.Select(on => (object)new ManagementReviewHeld(on, null)));

    private static readonly UnitRegistered Registered =
        new("QT-P", "Sở Nội vụ", UnitLevel.Department, "Quảng Trị", null, null, First);

    /// <summary>A history, a new edition with an obligation on new systems and a conversion deadline taking effect on
    /// a day, and a day to judge.</summary>
    private static readonly Arbitrary<(object[] Facts, DateOnly TakesEffect, DateOnly Deadline, DateOnly AsOf)> Cases =
        (from facts in Gen.ArrayOf(Facts)
         from takesEffect in Days
         from grace in Gen.Choose(0, 2000)
         from asOf in Days
         select (facts, takesEffect, takesEffect.AddDays(grace), asOf)).ToArbitrary();

    private static RuleBook WithNewEdition(DateOnly takesEffect, DateOnly deadline)
    {
        var edition = new Edition("2033");
        return Book
            .Evolve(new EditionAdded(new EditionEntry(edition, "TCVN ISO 9001:2033", "ISO 9001:2033",
                new DateOnly(2033, 1, 1), null, "test"), "admin", "test"), 1)
            .Evolve(new ObligationAdded(new Obligation("new-systems-on-2033", ObligationKind.NewSystemsOnEdition,
                takesEffect, null, "test", "test", Edition: edition), "admin", "test"), 2)
            .Evolve(new ObligationAdded(new Obligation("conversion-to-2033", ObligationKind.ConversionDeadline,
                takesEffect, null, "test", "test", Edition: edition, Deadline: deadline), "admin", "test"), 3);
    }

    private static Unit Replay(object[] facts) => UnitDecider.Replay([Registered, .. facts])!;

    [Property(MaxTest = 300)]
    public Property An_entry_changes_nothing_judged_before_it_takes_effect() =>
        Prop.ForAll(Cases, c =>
        {
            var unit = Replay(c.Facts);
            var before = c.AsOf < c.TakesEffect ? c.AsOf : c.TakesEffect.AddDays(-1);
            return Compliance.Flags(unit, before, Book)
                .SequenceEqual(Compliance.Flags(unit, before, WithNewEdition(c.TakesEffect, c.Deadline)));
        });

    [Property(MaxTest = 300)]
    public Property Every_flag_cites_an_entry_in_force_on_a_day_it_judged() =>
        Prop.ForAll(Cases, c =>
        {
            var book = WithNewEdition(c.TakesEffect, c.Deadline);
            return Compliance.Flags(Replay(c.Facts), c.AsOf, book).All(flag => flag.Basis is not { } basis
                || (basis.ValidFrom <= c.AsOf && book.Obligations.Contains(basis)));
        });
}
