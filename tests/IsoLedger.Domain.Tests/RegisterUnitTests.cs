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

    private static Unit Registered(RegisterUnit registration, params object[] later) =>
        UnitDecider.Replay([((Accepted)registration.Decide(null, Today)).Events[0], .. later])!;

    [Fact]
    public void A_second_code_for_a_unit_existing_under_its_name_on_the_date_is_rejected_naming_the_first()
    {
        var giaCat = Registered(GiaCat(new DateOnly(2015, 3, 1)));
        RegisterUnit Again(string name, string? district = "Hải Lăng", DateOnly? on = null) =>
            GiaCat(on ?? new DateOnly(2020, 1, 1)) with { Code = "QT-XA-GIACAT-2", Name = name, District = district };

        foreach (var name in new[] { "UBND Xã Gia Cát", "ubnd xã gia cát", "Ủy ban nhân dân xã Gia Cát" })
        {
            var rejected = Assert.IsType<Rejected>(Again(name).Decide(null, Today, null, [giaCat]));
            Assert.Equal((Rules.UnitNameTaken, "QT-XA-GIACAT"), (rejected.Broken, rejected.Unit));
        }
        Assert.IsType<Accepted>(Again("UBND Xã Gia Cát", "Triệu Phong").Decide(null, Today, null, [giaCat]));
        Assert.IsType<Accepted>(Again("UBND Xã Gia Cát Mới").Decide(null, Today, null, [giaCat]));
        Assert.IsType<Accepted>(Again("UBND Xã Gia Cát", on: new DateOnly(2015, 2, 28))
            .Decide(null, Today, null, [giaCat]));
        // The import and the restructurings decide without namesakes: their own checks hold there.
        Assert.IsType<Accepted>(Again("UBND Xã Gia Cát").Decide(null, Today));
    }

    [Fact]
    public void A_unit_that_ended_leaves_its_name_from_that_day()
    {
        var ended = new DateOnly(2020, 1, 1);
        var giaCat = Registered(GiaCat(new DateOnly(2015, 3, 1)), new UnitMerged(ended, "QT-XA-NEW", "NQ", "R1"));
        var successor = GiaCat(ended) with { Code = "QT-XA-NEW" };

        Assert.IsType<Accepted>(successor.Decide(null, Today, null, [giaCat]));
        Assert.IsType<Rejected>((successor with { RegisteredOn = ended.AddDays(-1) }).Decide(null, Today, null,
            [giaCat]));
    }
}
