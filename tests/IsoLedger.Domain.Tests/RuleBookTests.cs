using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

/// <summary>The rules as dated data: each entry judges the facts dated within its validity, and only those; the day
/// before and the day after each boundary.</summary>
public class RuleBookTests
{
    private static IEnumerable<string> FlagIds(DateOnly asOf, RuleBook book, params object[] events) =>
        Compliance.Flags(UnitDecider.Replay([Registered2005, .. events])!, asOf, book).Select(f => f.Rule.Id);

    private static readonly UnitRegistered Registered2005 =
        new("QT-SO-NV", "Sở Nội vụ", UnitLevel.Department, "Quảng Trị", null, null, new DateOnly(2005, 1, 1));

    private static DocumentationIssued DocumentedOn(DateOnly on, Edition edition) =>
        new(on, edition, null, true, true, true, 6, 5, 10, 10);

    private static ConformityDeclared DeclaredOn(DateOnly on, Edition edition) => new(on, edition, null, null, false);

    [Theory]
    [InlineData("2009-09-29", false)]
    [InlineData("2009-09-30", true)]
    public void A_system_first_built_on_2000_is_flagged_from_the_day_2008_was_required(string day, bool flagged)
    {
        var flags = FlagIds(new DateOnly(2010, 1, 1), Book, DocumentedOn(DateOnly.Parse(day), Edition.Iso9001V2000));
        Assert.Equal(flagged, flags.Contains(Rules.NewSystemOnRequiredEdition.Id));
    }

    [Theory]
    [InlineData("2021-06-30", false)]
    [InlineData("2021-07-01", true)]
    public void A_unit_still_on_2008_is_flagged_from_the_day_after_the_deadline(string asOf, bool flagged)
    {
        var flags = FlagIds(DateOnly.Parse(asOf), Book, [.. DeclaredOn2008In2016]);
        Assert.Equal(flagged, flags.Contains(Rules.ConversionDeadlineMissed.Id));
    }

    [Fact]
    public void Declaring_again_on_the_same_older_edition_does_not_start_the_breach_anew()
    {
        var unit = UnitDecider.Replay([Registered2005, .. DeclaredOn2008In2016,
            new ScopeChanged(new DateOnly(2023, 3, 1), "Thêm TTHC", 3),
            DeclaredOn(new DateOnly(2023, 4, 1), Edition.Iso9001V2008)])!;
        var flag = Compliance.Flags(unit, new DateOnly(2023, 5, 1), Book)
            .Single(f => f.Rule == Rules.ConversionDeadlineMissed);
        Assert.Equal(new DateOnly(2021, 7, 1), flag.Since);
    }

    [Fact]
    public void A_unit_still_on_2000_after_2021_missed_the_conversion_to_2015_too()
    {
        var flags = FlagIds(new DateOnly(2021, 7, 1), Book, DeclaredOn(new DateOnly(2008, 5, 1), Edition.Iso9001V2000));
        Assert.Contains(Rules.ConversionDeadlineMissed.Id, flags);
    }

    [Theory]
    [InlineData("2009-09-29", false)]
    [InlineData("2009-09-30", true)]
    public void A_change_of_scope_needs_a_new_declaration_from_QD_118_2009_on(string day, bool flagged)
    {
        var changed = new ScopeChanged(DateOnly.Parse(day), "Thêm 12 TTHC", 12);
        var flags = FlagIds(new DateOnly(2009, 12, 1), Book,
            DeclaredOn(new DateOnly(2008, 1, 10), Edition.Iso9001V2000), changed);
        Assert.Equal(flagged, flags.Contains(Rules.ScopeChangeNeedsRedeclaration.Id));
    }

    [Fact]
    public void Years_before_QD_144_2006_took_effect_are_not_judged_and_2006_is()
    {
        var flags = Compliance.YearlyFlags(
            UnitDecider.Replay([Registered2005, DeclaredOn(new DateOnly(2005, 3, 1), Edition.Iso9001V2000)])!,
            new DateOnly(2007, 1, 1), Book).ToList();
        Assert.Equal(["2006", "2006"], flags.Select(f => f.Subject));
        Assert.All(flags, f => Assert.Equal("QĐ 144/2006/QĐ-TTg; QĐ 118/2009/QĐ-TTg", f.Basis!.LegalAct));
    }

    [Theory]
    [InlineData(UnitLevel.District, "2025-06-30", true)]
    [InlineData(UnitLevel.District, "2025-07-01", false)]
    [InlineData(UnitLevel.Department, "2006-06-19", false)]
    [InlineData(UnitLevel.Department, "2006-06-20", true)]
    [InlineData(UnitLevel.SubDepartment, "2026-01-01", true)]
    [InlineData(UnitLevel.Commune, "2020-01-01", false)]
    public void Which_levels_must_apply_is_dated(UnitLevel level, string day, bool must) =>
        Assert.Equal(must, Book.MustApply(level, DateOnly.Parse(day)));

    [Fact]
    public void A_unit_on_2000_moves_to_2008_and_then_to_2015()
    {
        var declared = DeclaredOn(new DateOnly(2008, 6, 1), Edition.Iso9001V2000);
        GivenCommune(declared).When(new StartConversion(new DateOnly(2010, 3, 1), null))
            .ThenEvents(
                new ConversionStarted(new DateOnly(2010, 3, 1), null, Edition.Iso9001V2000, Edition.Iso9001V2008));

        var to2008 = new StandardConverted(new DateOnly(2010, 9, 1), null, Edition.Iso9001V2000, Edition.Iso9001V2008);
        var to2015 = new StandardConverted(new DateOnly(2019, 9, 1), null, Edition.Iso9001V2008, Edition.Iso9001V2015);
        GivenCommune(declared, new ConversionStarted(new DateOnly(2010, 3, 1), null, Edition.Iso9001V2000,
                Edition.Iso9001V2008))
            .When(new CompleteConversion(new DateOnly(2010, 9, 1), null)).ThenEvents(to2008);
        GivenCommune(declared, to2008).When(new CompleteConversion(new DateOnly(2019, 9, 1), null)).ThenEvents(to2015);

        var unit = UnitDecider.Replay([Registered, declared, to2008, to2015])!;
        Assert.Equal(Edition.Iso9001V2000, unit.StandardOn(new DateOnly(2010, 8, 31)));
        Assert.Equal(Edition.Iso9001V2008, unit.StandardOn(new DateOnly(2010, 9, 1)));
        Assert.Equal(Edition.Iso9001V2015, unit.StandardOn(new DateOnly(2019, 9, 1)));
        Assert.DoesNotContain(Compliance.Flags(unit, new DateOnly(2022, 1, 1), Book),
            f => f.Rule == Rules.ConversionDeadlineMissed);
        GivenCommune(declared, to2008, to2015).When(new DeclareConformity(new DateOnly(2020, 1, 1),
            Edition.Iso9001V2008, null, null)).ThenRejected(Rules.StandardDowngrade);
    }

    [Fact]
    public void The_amendment_is_a_conversion_only_when_named()
    {
        var on2015 = DeclaredOn(new DateOnly(2019, 6, 1), Edition.Iso9001V2015);
        GivenCommune(on2015).When(new StartConversion(new DateOnly(2024, 6, 1), null))
            .ThenRejected(Rules.ConversionTargetNotLater);
        GivenCommune(on2015).When(new CompleteConversion(new DateOnly(2024, 6, 1), null, Edition.Iso9001V2015Amd1))
            .ThenEvents(new StandardConverted(new DateOnly(2024, 6, 1), null, Edition.Iso9001V2015,
                Edition.Iso9001V2015Amd1));
        Assert.True(Book.IsCurrentIn(Edition.Iso9001V2015, 2025));
        Assert.True(Book.IsCurrentIn(Edition.Iso9001V2015Amd1, 2025));
        Assert.False(Book.IsCurrentIn(Edition.Iso9001V2008, 2025));
    }

    [Fact]
    public void A_system_on_an_edition_published_during_the_year_is_not_on_an_older_one()
    {
        // The amendment was published on 2024-02-23: the current edition of 2024 is still 2015.
        Assert.Equal(Edition.Iso9001V2015, Book.CurrentIn(2024));
        Assert.True(Book.IsCurrentIn(Edition.Iso9001V2015Amd1, 2024));
        Assert.True(Book.IsCurrentIn(Edition.Iso9001V2015, 2024));
        Assert.False(Book.IsCurrentIn(Edition.Iso9001V2008, 2024));
    }

    /// <summary>A new edition, published in September 2026, required of new systems from 2027, with a conversion
    /// deadline at the end of 2029.</summary>
    private static RuleBook With2026Edition()
    {
        var edition = new Edition("2026");
        return Book
            .Evolve(new EditionAdded(new EditionEntry(edition, "TCVN ISO 9001:2026", "ISO 9001:2026",
                new DateOnly(2026, 9, 1), null, "ISO 9001:2026"), "admin", "Bộ KH&CN công bố"), 1)
            .Evolve(new ObligationAdded(new Obligation("new-systems-on-2026", ObligationKind.NewSystemsOnEdition,
                new DateOnly(2027, 1, 1), null, "QĐ 1/2027", "test", Edition: edition), "admin", "QĐ 1/2027"), 2)
            .Evolve(new ObligationAdded(new Obligation("conversion-to-2026", ObligationKind.ConversionDeadline,
                new DateOnly(2027, 1, 1), null, "QĐ 1/2027", "test", Edition: edition,
                Deadline: new DateOnly(2029, 12, 31)), "admin", "QĐ 1/2027"), 3);
    }

    [Theory]
    [InlineData("2026-12-31", false)]
    [InlineData("2027-01-01", true)]
    public void A_new_edition_changes_what_is_flagged_from_its_date_on(string builtOn, bool flagged)
    {
        var flags = FlagIds(new DateOnly(2027, 6, 1), With2026Edition(),
            DocumentedOn(DateOnly.Parse(builtOn), Edition.Iso9001V2015));
        Assert.Equal(flagged, flags.Contains(Rules.NewSystemOnRequiredEdition.Id));
    }

    [Theory]
    [InlineData("2029-12-31", false)]
    [InlineData("2030-01-01", true)]
    public void A_new_conversion_deadline_flags_only_after_it(string asOf, bool flagged)
    {
        var flags = Compliance.Flags(
            UnitDecider.Replay([Registered2005, DeclaredOn(new DateOnly(2019, 6, 1), Edition.Iso9001V2015)])!,
            DateOnly.Parse(asOf), With2026Edition()).Where(f => f.Rule == Rules.ConversionDeadlineMissed).ToList();
        Assert.Equal(flagged, flags.Count == 1);
        if (flagged) Assert.Equal("2026", flags[0].Subject);
    }

    [Fact]
    public void A_new_edition_changes_nothing_before_it()
    {
        var events = new object[] { DocumentedOn(new DateOnly(2019, 1, 1), Edition.Iso9001V2015),
            DeclaredOn(new DateOnly(2019, 6, 1), Edition.Iso9001V2015) };
        foreach (var asOf in new[] { new DateOnly(2020, 1, 1), new DateOnly(2026, 11, 1) })
            Assert.Equal(FlagIds(asOf, Book, events), FlagIds(asOf, With2026Edition(), events));
        Assert.Equal(new Edition("2026"), With2026Edition().After(Edition.Iso9001V2015));
        Assert.Equal(new Edition("2026"), With2026Edition().CurrentIn(2027));
    }

    [Theory]
    [InlineData("2011", "TCVN ISO 9001:2015", "ISO 9001:2011")]
    [InlineData("2028", "TCVN ISO 9001:2028", "iso 9001:2008")]
    [InlineData("9001:2015", "TCVN ISO 9001:2028", "ISO 9001:2028")]
    public void An_edition_named_as_documents_write_one_the_book_has_is_already_defined(
        string name, string nameVi, string nameEn)
    {
        // An import reads "TCVN ISO 9001:2015" as the first edition of that name: a namesake published earlier
        // would take the 2015 declarations of every table imported after it.
        var entry = new EditionEntry(new Edition(name), nameVi, nameEn, new DateOnly(2011, 1, 1), null, "x");
        Assert.Equal(Rules.EditionAlreadyDefined,
            Assert.IsType<Rejected>(new AddEdition(entry, "admin", "x").Decide(Book, Today)).Broken);
    }

    /// <summary>Editions are ordered by publication: one published before the latest, or an amendment of an edition
    /// already superseded, was accepted and placed among them, so that a conversion without a target went to it and
    /// past years counted it as current.</summary>
    [Theory]
    [InlineData("2012", "2012-06-01", null, "2015/Amd1:2024")]
    [InlineData("2024", "2024-02-23", null, "2015/Amd1:2024")]
    [InlineData("2008/Amd1:2026", "2026-03-01", "2008", "latest edition, 2015;")]
    public void A_new_edition_placed_before_the_latest_is_refused(
        string name, string publishedOn, string? amends, string told)
    {
        var entry = new EditionEntry(new Edition(name), $"TCVN ISO 9001:{name}", $"ISO 9001:{name}",
            DateOnly.Parse(publishedOn), amends is null ? null : new Edition(amends), "x");

        var refused = Assert.IsType<Rejected>(new AddEdition(entry, "admin", "x").Decide(Book, Today));

        Assert.Equal(Rules.EditionOutOfOrder, refused.Broken);
        Assert.Contains(told, refused.Detail);
    }

    [Theory]
    [InlineData("2026", "2026-09-01", null)]
    [InlineData("2015/Amd2:2026", "2026-03-01", "2015")]
    public void A_new_edition_after_the_latest_is_added(string name, string publishedOn, string? amends)
    {
        var entry = new EditionEntry(new Edition(name), $"TCVN ISO 9001:{name}", $"ISO 9001:{name}",
            DateOnly.Parse(publishedOn), amends is null ? null : new Edition(amends), "x");

        Assert.IsType<Accepted>(new AddEdition(entry, "admin", "x").Decide(Book, Today));
    }

    /// <summary>An edition is added once published: one dated after today by a slip would come after every edition
    /// for ever, and nothing can be added before the latest edition.</summary>
    [Fact]
    public void An_edition_published_after_today_is_refused_and_one_published_today_added()
    {
        var entry = new EditionEntry(new Edition("2027"), "TCVN ISO 9001:2027", "ISO 9001:2027", Today.AddDays(1),
            null, "x");

        Assert.Equal(Rules.FutureBusinessDate,
            Assert.IsType<Rejected>(new AddEdition(entry, "admin", "x").Decide(Book, Today)).Broken);
        Assert.IsType<Accepted>(new AddEdition(entry with { PublishedOn = Today }, "admin", "x").Decide(Book, Today));
    }

    [Fact]
    public void Changes_to_the_book_are_checked()
    {
        var entry = new EditionEntry(Edition.Iso9001V2015, "x", "x", new DateOnly(2015, 9, 15), null, "x");
        Assert.Equal(Rules.EditionAlreadyDefined,
            Assert.IsType<Rejected>(new AddEdition(entry, "admin", "x").Decide(Book, Today)).Broken);
        var amendment = entry with { Edition = new Edition("2026/Amd1"), Amends = new Edition("2026") };
        Assert.Equal(Rules.EditionUnknown,
            Assert.IsType<Rejected>(new AddEdition(amendment, "admin", "x").Decide(Book, Today)).Broken);
        var existing = Book.Obligations[0];
        Assert.Equal(Rules.ObligationAlreadyDefined,
            Assert.IsType<Rejected>(new AddObligation(existing, "admin", "x").Decide(Book)).Broken);
        Assert.Equal(Rules.ObligationNotFound,
            Assert.IsType<Rejected>(new EndObligation("none", Today, "admin", "x").Decide(Book)).Broken);
        var open = Book.Obligations.First(o => o.ValidTo is null);
        Assert.Equal(Rules.ObligationEndsBeforeItStarts, Assert.IsType<Rejected>(
            new EndObligation(open.Id, open.ValidFrom.AddDays(-1), "admin", "x").Decide(Book)).Broken);
        var ended = Book.Evolve(Assert.IsType<Accepted>(
            new EndObligation(open.Id, new DateOnly(2030, 1, 1), "admin", "x").Decide(Book)).Events[0], 1);
        Assert.False(ended.Obligations.Single(o => o.Id == open.Id).InForceOn(new DateOnly(2030, 1, 2)));
        Assert.Equal(Rules.ObligationAlreadyEnded, Assert.IsType<Rejected>(
            new EndObligation(open.Id, new DateOnly(2031, 1, 1), "admin", "x").Decide(ended)).Broken);
    }

    [Theory]
    [InlineData("2008", "2008")]
    [InlineData(" TCVN ISO 9001:2015 ", "2015")]
    [InlineData("iso 9001:2015/amd 1:2024", "2015/Amd1:2024")]
    [InlineData("ISO 9001-2015", "2015")]
    [InlineData("TCVN ISO 9001 – 2008", "2008")]
    [InlineData("ISO 9001\uFF1A2015", "2015")]
    [InlineData("9001", null)]
    [InlineData("ISO 9001-15", null)]
    public void An_edition_is_found_by_its_name_or_as_documents_write_it(string text, string? edition) =>
        Assert.Equal(edition is null ? null : new Edition(edition), Book.Named(text));

    [Fact]
    public void Every_shipped_entry_cites_an_act_and_a_source()
    {
        Assert.All(Book.Obligations, o => Assert.False(string.IsNullOrWhiteSpace(o.LegalAct + o.Source)));
        Assert.All(Book.Editions, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        Assert.Equal(Book.Obligations.Count, Book.Obligations.Select(o => o.Id).Distinct().Count());
    }
}
