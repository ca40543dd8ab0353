using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

public class RegisterUnitTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static RegisterUnit GiaCat(DateOnly registeredOn) =>
        new("QT-XA-GIACAT", "UBND Xã Gia Cát", UnitLevel.Commune, "Quảng Trị", "Hải Lăng", null, registeredOn);

    [Fact]
    public void A_new_code_opens_the_stream_with_UnitRegistered()
    {
        var decision = GiaCat(new DateOnly(2015, 3, 1)).Decide(existing: null, Today);

        var accepted = Assert.IsType<Accepted>(decision);
        var registered = Assert.IsType<UnitRegistered>(Assert.Single(accepted.Events));
        Assert.Equal("QT-XA-GIACAT", registered.Code);
        Assert.Equal(UnitLevel.Commune, registered.Level);
        Assert.Equal(new DateOnly(2015, 3, 1), registered.BusinessDate);
        Assert.Empty(accepted.Warnings);
    }

    [Fact]
    public void A_code_already_registered_is_rejected()
    {
        var existing = Unit.Evolve(null,
            GiaCat(new DateOnly(2015, 3, 1)).Decide(null, Today) is Accepted a
                ? a.Events[0]
                : throw new InvalidOperationException());

        var decision = GiaCat(Today).Decide(existing, Today);

        Assert.Equal(Rules.UnitAlreadyRegistered, Assert.IsType<Rejected>(decision).Broken);
    }

    [Fact]
    public void A_registration_dated_after_today_is_rejected()
    {
        var decision = GiaCat(Today.AddDays(1)).Decide(existing: null, Today);

        Assert.Equal(Rules.FutureBusinessDate, Assert.IsType<Rejected>(decision).Broken);
    }

    [Theory]
    [InlineData("QT-XA-GIACAT", true)]
    [InlineData("so.noi_vu-01", true)]
    [InlineData("ab", true)]
    [InlineData("a", false)]
    [InlineData("-leading-dash", false)]
    [InlineData("has space", false)]
    [InlineData("xã", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Unit_codes_are_url_safe_stream_keys(string? code, bool valid) =>
        Assert.Equal(valid, UnitCode.IsValid(code));

    [Fact]
    public void Unit_codes_are_at_most_64_characters()
    {
        Assert.True(UnitCode.IsValid(new string('a', 64)));
        Assert.False(UnitCode.IsValid(new string('a', 65)));
    }
}
