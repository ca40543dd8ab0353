using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>The parents a restructuring gives (a transfer's, a new unit's) are judged on the units as the
/// restructuring leaves them on its effective date: the 2025 reorganisation merges departments and moves their
/// sub-departments to the merged department by one act.</summary>
public class RestructuringParentTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Effective = new(2025, 3, 1);

    private static Unit Registered(
        string code, UnitLevel level, string province = "Quảng Trị", string? parent = null) =>
        UnitDecider.Replay(
        [
            new UnitRegistered(code, $"Đơn vị {code}", level, province, level == UnitLevel.Commune ? "Hải Lăng" : null,
                parent, new DateOnly(2015, 1, 1)),
        ])!;

    private static readonly Unit Agriculture = Registered("QT-SO-NN", UnitLevel.Department);
    private static readonly Unit Environment = Registered("QT-SO-TNMT", UnitLevel.Department);
    private static readonly Unit Forestry = Registered("QT-CC-KL", UnitLevel.SubDepartment, parent: "QT-SO-NN");

    private static RestructuringPart Transfer(string from, string parent) =>
        new(RestructuringKind.Transfer, [from], [], ParentCode: parent);

    private static NewUnit NewDepartment(string code) =>
        new(code, "Sở Nông nghiệp và Môi trường", UnitLevel.Department, "Quảng Trị", null, null);

    private static RestructuringDecision Decide(IReadOnlyList<RestructuringPart> parts, params Unit[] units)
    {
        var command = new RestructureUnits("R-1", "Q/1", Effective, parts);
        return command.Decide(
            command.Codes.ToDictionary(c => c, c => units.FirstOrDefault(u => u.Code == c), StringComparer.Ordinal),
            Today);
    }

    private static void Rejected(RestructuringDecision decision, Rule rule, string unit, string parent)
    {
        var rejected = Assert.IsType<RestructuringRejected>(decision);
        Assert.Equal((rule.Id, unit, parent), (rejected.Broken.Id, rejected.Unit, rejected.Parent));
    }

    [Fact]
    public void The_parents_a_restructuring_gives_are_units_it_reads()
    {
        var command = new RestructureUnits("R-1", "Q/1", Effective,
        [
            Transfer("QT-CC-KL", "QT-SO-NNMT"),
            new RestructuringPart(RestructuringKind.Merge, ["QT-CC-A"], [new NewUnit(
                "QT-CC-N", "Chi cục N", UnitLevel.SubDepartment, "Quảng Trị", null, "QT-SO-X")]),
        ]);

        Assert.Equal(["QT-CC-A", "QT-CC-KL", "QT-CC-N", "QT-SO-NNMT", "QT-SO-X"],
            command.Codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_sub_department_moves_to_the_department_its_own_merged_into_by_the_same_act()
    {
        var decision = Decide(
        [
            new RestructuringPart(RestructuringKind.Merge, ["QT-SO-NN", "QT-SO-TNMT"], [NewDepartment("QT-SO-NNMT")]),
            Transfer("QT-CC-KL", "QT-SO-NNMT"),
        ], Agriculture, Environment, Forestry);

        var accepted = Assert.IsType<RestructuringAccepted>(decision);
        var transferred = Assert.IsType<UnitTransferred>(Assert.Single(accepted.Events["QT-CC-KL"]));
        Assert.Equal("QT-SO-NNMT", transferred.ParentCode);
    }

    [Fact]
    public void A_department_the_act_merges_away_is_no_parent_on_its_effective_date() =>
        Rejected(Decide(
        [
            new RestructuringPart(RestructuringKind.Merge, ["QT-SO-NN", "QT-SO-TNMT"], [NewDepartment("QT-SO-NNMT")]),
            Transfer("QT-CC-KL", "QT-SO-TNMT"),
        ], Agriculture, Environment, Forestry), Rules.ParentNotExisting, "QT-CC-KL", "QT-SO-TNMT");

    [Fact]
    public void A_transfer_to_a_code_registered_to_no_unit_is_refused() =>
        Rejected(Decide([Transfer("QT-CC-KL", "QT-NOPE")], Forestry),
            Rules.ParentNotExisting, "QT-CC-KL", "QT-NOPE");

    [Fact]
    public void A_commune_is_transferred_to_no_parent() =>
        Rejected(Decide([Transfer("QT-XA-GC", "QT-SO-NN")], Registered("QT-XA-GC", UnitLevel.Commune), Agriculture),
            Rules.ParentLevel, "QT-XA-GC", "QT-SO-NN");

    [Fact]
    public void A_sub_department_is_transferred_to_a_department_only() =>
        Rejected(Decide([Transfer("QT-CC-KL", "QT-CC-X")], Forestry, Registered("QT-CC-X", UnitLevel.SubDepartment)),
            Rules.ParentLevel, "QT-CC-KL", "QT-CC-X");

    [Fact]
    public void A_transfer_to_a_department_of_another_province_is_refused_unless_the_act_moves_it_there_too()
    {
        var hanoi = Registered("HN-SO-NN", UnitLevel.Department, "Hà Nội");
        Rejected(Decide([Transfer("QT-CC-KL", "HN-SO-NN")], Forestry, hanoi),
            Rules.ParentInOtherProvince, "QT-CC-KL", "HN-SO-NN");

        var moved = new RestructuringPart(
            RestructuringKind.Transfer, ["QT-CC-KL"], [], Province: "Hà Nội", ParentCode: "HN-SO-NN");
        Assert.IsType<RestructuringAccepted>(Decide([moved], Forestry, hanoi));
    }

    [Fact]
    public void A_new_sub_department_is_formed_under_an_existing_department_only()
    {
        RestructuringPart Split(string parent) => new(RestructuringKind.Split, ["QT-CC-KL"],
        [
            new NewUnit("QT-CC-A", "Chi cục A", UnitLevel.SubDepartment, "Quảng Trị", null, "QT-SO-NN"),
            new NewUnit("QT-CC-B", "Chi cục B", UnitLevel.SubDepartment, "Quảng Trị", null, parent),
        ]);

        Assert.IsType<RestructuringAccepted>(Decide([Split("QT-SO-NN")], Forestry, Agriculture));
        Rejected(Decide([Split("QT-SO-NOPE")], Forestry, Agriculture),
            Rules.ParentNotExisting, "QT-CC-B", "QT-SO-NOPE");
    }

    [Fact]
    public void A_new_commune_is_formed_under_no_parent() =>
        Rejected(Decide(
        [
            new RestructuringPart(RestructuringKind.Merge, ["QT-XA-A"], [new NewUnit(
                "QT-XA-N", "UBND Xã N", UnitLevel.Commune, "Quảng Trị", "Hải Lăng", "QT-SO-NN")]),
        ], Registered("QT-XA-A", UnitLevel.Commune), Agriculture), Rules.ParentLevel, "QT-XA-N", "QT-SO-NN");
}
