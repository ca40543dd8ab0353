using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>A rename to the name a unit has on the effective date, or a transfer to where it is then, changes
/// nothing: refused (<c>nothing-to-change</c>) rather than recorded as a change that did not happen.</summary>
public class NoChangeTests
{
    private static readonly DateOnly Effective = new(2020, 1, 1);

    private static readonly Unit SubDepartment = UnitDecider.Replay(
    [
        new UnitRegistered("CC", "Chi cục Kiểm lâm", UnitLevel.SubDepartment, "Quảng Trị", null, "SO",
            new DateOnly(2015, 1, 1)),
    ])!;

    private static readonly Unit Commune = UnitDecider.Replay(
    [
        new UnitRegistered("A", "UBND xã Hải An", UnitLevel.Commune, "Quảng Trị", "Huyện Hải Lăng", null,
            new DateOnly(2015, 1, 1)),
        new UnitRenamed(new DateOnly(2018, 1, 1), "UBND xã Hải An Mới", "NQ-0", "R0"),
    ])!;

    private static RestructuringPart Transfer(string? province = null, string? district = null) =>
        new(RestructuringKind.Transfer, ["A"], [], Province: province, District: district);

    [Fact]
    public void A_rename_to_the_name_the_unit_has_that_day_changes_nothing()
    {
        var rename = new RestructuringPart(RestructuringKind.Rename, ["A"], [], Name: "UBND xã Hải An Mới");
        Assert.True(rename.ChangesNothing(Commune, Effective));
        Assert.False(rename.ChangesNothing(Commune, new DateOnly(2017, 12, 31)));
        Assert.False((rename with { Name = "UBND xã Hải An mới" }).ChangesNothing(Commune, Effective));
        var rejected = Assert.IsType<RestructuringRejected>(new RestructureUnits("R", "NQ-1", Effective, [rename])
            .Decide(new Dictionary<string, Unit?> { ["A"] = Commune }, new DateOnly(2026, 1, 1)));
        Assert.Equal((Rules.NothingToChange, "A"), (rejected.Broken, rejected.Unit));
    }

    [Fact]
    public void A_transfer_to_where_the_unit_is_that_day_changes_nothing()
    {
        Assert.True(Transfer(district: "Hải Lăng").ChangesNothing(Commune, Effective));
        Assert.True(Transfer("Quảng Trị", "H. Hải Lăng").ChangesNothing(Commune, Effective));
        Assert.False(Transfer("Quảng Trị", "Triệu Phong").ChangesNothing(Commune, Effective));
        Assert.False(Transfer("Quảng Bình").ChangesNothing(Commune, Effective));
        var toParent = new RestructuringPart(RestructuringKind.Transfer, ["CC"], [], ParentCode: "SO");
        Assert.True(toParent.ChangesNothing(SubDepartment, Effective));
        Assert.False((toParent with { ParentCode = "SO-2" }).ChangesNothing(SubDepartment, Effective));
    }
}
