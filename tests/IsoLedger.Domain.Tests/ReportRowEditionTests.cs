using IsoLedger.Domain.Imports;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

/// <summary>A unit first listed in a later table, on the edition it uses now, "applying since" a date before that
/// edition was published, declared on the edition of its day and converted by the table's date; the whole file had
/// been refused (edition-not-yet-published).</summary>
public class ReportRowEditionTests
{
    [Theory]
    [InlineData(2019, "2014-12-31", "2015", "2008")]
    [InlineData(2024, "2016-12-31", "2015/Amd1:2024", "2015")]
    [InlineData(2012, "2007-12-31", "2008", "2000")]
    public void A_declaration_dated_before_the_listed_edition_is_on_the_edition_of_its_day_then_converted(
        int year, string declaredBy, string listed, string declaredOn)
    {
        var row = new ReportRow("Hà Tĩnh", "HT-X", "UBND Xã X", UnitLevel.Commune, "Kỳ Anh", null, year,
            new DateOnly(year, 11, 15), Declared: true, Book.Named(listed), null, false, false, false, false, false,
            false, true, null, DeclaredBy: DateOnly.Parse(declaredBy));

        var accepted = Assert.IsType<Accepted>(ReportRowDecider.Decide(null, row, Today, Book));

        var declared = accepted.Events.OfType<ConformityDeclared>().Single();
        Assert.Equal((DateOnly.Parse(declaredBy), declaredOn), (declared.DeclaredOn, declared.Standard.Name));
        var converted = accepted.Events.OfType<StandardConverted>().Single();
        Assert.Equal(listed, converted.To?.Name);
        var unit = UnitDecider.Replay(accepted.Events)!;
        Assert.Equal(listed, unit.StandardOn(new DateOnly(year, 12, 31))?.Name);
    }

    [Fact]
    public void A_declaration_on_an_edition_published_by_then_is_not_converted()
    {
        var row = new ReportRow("Hà Tĩnh", "HT-Y", "UBND Xã Y", UnitLevel.Commune, "Kỳ Anh", null, 2019,
            new DateOnly(2019, 11, 15), Declared: true, Edition.Iso9001V2015, null, false, false, false, false, false,
            false, true, null, DeclaredBy: new DateOnly(2018, 6, 30));

        var accepted = Assert.IsType<Accepted>(ReportRowDecider.Decide(null, row, Today, Book));

        Assert.Equal(Edition.Iso9001V2015, accepted.Events.OfType<ConformityDeclared>().Single().Standard);
        Assert.Empty(accepted.Events.OfType<StandardConverted>());
    }

    [Fact]
    public void A_table_that_says_the_unit_did_not_convert_records_a_declaration_on_the_listed_edition()
    {
        var row = new ReportRow("Hà Tĩnh", "HT-Z", "UBND Xã Z", UnitLevel.Commune, "Kỳ Anh", null, 2019,
            new DateOnly(2019, 11, 15), Declared: true, Edition.Iso9001V2015, ConversionState.None, false, false,
            false, false, false, false, true, null, DeclaredBy: new DateOnly(2014, 12, 31));

        var accepted = Assert.IsType<Accepted>(ReportRowDecider.Decide(null, row, Today, Book));

        var declared = accepted.Events.OfType<ConformityDeclared>().ToList();
        Assert.Equal([("2008", false), ("2015", true)], declared.Select(d => (d.Standard.Name, d.Redeclaration)));
        Assert.Empty(accepted.Events.OfType<StandardConverted>());
    }

    private static ReportRow Listed(int year, Edition standard, ConversionState? conversion, DateOnly? declaredBy) =>
        new("Hà Tĩnh", "HT-W", "UBND Xã W", UnitLevel.Commune, "Kỳ Anh", null, year, new DateOnly(year, 11, 15),
            Declared: true, standard, conversion, false, false, false, false, false, false, true, null,
            DeclaredBy: declaredBy);

    [Fact]
    public void A_later_year_imported_first_leaves_the_earlier_year_nothing_to_refuse()
    {
        var since2014 = new DateOnly(2014, 12, 31);
        var later = Assert.IsType<Accepted>(ReportRowDecider.Decide(
            null, Listed(2019, Edition.Iso9001V2015, null, since2014), Today, Book));
        var unit = UnitDecider.Replay(later.Events)!;

        var earlier = ReportRowDecider.Decide(unit, Listed(2018, Edition.Iso9001V2015, null, since2014), Today, Book);

        Assert.IsType<Accepted>(earlier);
    }

    [Fact]
    public void A_declaration_recorded_between_the_declared_by_day_and_the_row_s_is_the_standard_before_it()
    {
        var on2015 = Assert.IsType<Accepted>(ReportRowDecider.Decide(
            null, Listed(2018, Edition.Iso9001V2015, null, null), Today, Book));
        var unit = UnitDecider.Replay(on2015.Events)!;

        foreach (var conversion in new ConversionState?[] { null, ConversionState.None })
        {
            var row = Listed(2019, Edition.Iso9001V2015, conversion, new DateOnly(2014, 12, 31));
            var accepted = Assert.IsType<Accepted>(ReportRowDecider.Decide(unit, row, Today, Book));

            Assert.Empty(accepted.Events.OfType<StandardConverted>());
            Assert.DoesNotContain(
                accepted.Events.OfType<ConformityDeclared>(), d => d.Standard == Edition.Iso9001V2015);
        }
    }
}
