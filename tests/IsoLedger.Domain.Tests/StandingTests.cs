using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

/// <summary>Where a unit stands in the reports' terms: a report of 2009–2014, when 2000 → 2008 was the conversion
/// under way, counts the units still on 2000 apart from those on 2008.</summary>
public class StandingTests
{
    private static readonly UnitRegistered Registered2005 = new(
        "TN-SO-KHCN", "Sở Khoa học và Công nghệ", UnitLevel.Department, "Thái Nguyên", null, null,
        new DateOnly(2005, 1, 1));

    private static readonly ConformityDeclared On2000 = new(new DateOnly(2007, 5, 1), Edition.Iso9001V2000, null, null,
        false);

    private static Standing StandingOn(string day, params object[] events) =>
        Standings.Of(UnitDecider.Replay([Registered2005, .. events])!, DateOnly.Parse(day), Book);

    [Fact]
    public void A_unit_on_2000_is_on_2000_not_on_2008() =>
        Assert.Equal(Standing.On2000, StandingOn("2011-12-31", On2000));

    [Fact]
    public void A_unit_converted_from_2000_is_on_2008_from_its_conversion()
    {
        var converted = new StandardConverted(new DateOnly(2010, 6, 1), null, Edition.Iso9001V2000,
            Edition.Iso9001V2008);

        Assert.Equal((Standing.On2000, Standing.On2008),
            (StandingOn("2010-05-31", On2000, converted), StandingOn("2010-06-01", On2000, converted)));
    }

    [Fact]
    public void A_unit_declared_on_2008_is_on_2008()
    {
        var on2008 = On2000 with { DeclaredOn = new DateOnly(2010, 3, 1), Standard = Edition.Iso9001V2008 };

        Assert.Equal(Standing.On2008, StandingOn("2011-12-31", on2008));
    }
}
