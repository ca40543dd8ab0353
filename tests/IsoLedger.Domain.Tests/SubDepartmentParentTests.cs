using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>A restructuring keeps every sub-department (chi cục) under a department that exists: a department
/// merged into one department takes its sub-departments by dated transfers of the same act, one split, dissolved or
/// merged into no department is refused unless the act places each of them, and a transfer judges again the parent a
/// sub-department keeps. Before, the sub-departments of a merged department went on pointing at it, and a chi cục
/// moved to another province kept its department in the old one.</summary>
public class SubDepartmentParentTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Effective = new(2025, 3, 1);
    private const string Act = "1/NQ-HĐND";
    private const string Id = "R-1";

    private static Unit Registered(
        string code, UnitLevel level, string? parent = null, string province = "Quảng Trị",
        DateOnly? registeredOn = null, params object[] facts) =>
        UnitDecider.Replay(
        [
            new UnitRegistered(code, $"Đơn vị {code}", level, province, null, parent,
                registeredOn ?? new DateOnly(2015, 1, 1)),
            .. facts,
        ])!;

    private static Unit Department(string code, string province = "Quảng Trị") =>
        Registered(code, UnitLevel.Department, province: province);

    private static Unit SubDepartment(string code, string parent, DateOnly? registeredOn = null) =>
        Registered(code, UnitLevel.SubDepartment, parent, registeredOn: registeredOn);

    private static readonly Unit Agriculture = Department("SO-NN");
    private static readonly Unit Environment = Department("SO-TNMT");
    private static readonly Unit Forestry = SubDepartment("CC-KL", "SO-NN");
    private static readonly Unit Irrigation = SubDepartment("CC-TL", "SO-NN");
    private static readonly Unit Land = SubDepartment("CC-DD", "SO-TNMT");

    private static NewUnit NewDepartment(string code) =>
        new(code, $"Sở {code}", UnitLevel.Department, "Quảng Trị", null, null);

    private static RestructuringPart MergeInto(string[] from, NewUnit into) =>
        new(RestructuringKind.Merge, from, [into]);

    private static RestructuringPart Transfer(string from, string? parent = null, string? province = null) =>
        new(RestructuringKind.Transfer, [from], [], Province: province, ParentCode: parent);

    /// <summary>The states of <paramref name="units"/>, and every other code <paramref name="act"/> names as not
    /// registered (a new unit's), as the writer loads them.</summary>
    private static Dictionary<string, Unit?> States(RestructureUnits act, params Unit[] units)
    {
        var states = act.Codes.ToDictionary(code => code, _ => (Unit?)null, StringComparer.Ordinal);
        foreach (var unit in units) states[unit.Code] = unit;
        return states;
    }

    /// <summary>Carries, then decides, as the writer does.</summary>
    private static (RestructureUnits Carried, RestructuringDecision Decision) Decide(
        RestructuringPart[] parts, params Unit[] units) =>
        Decide(new RestructureUnits(Id, Act, Effective, parts), units);

    private static (RestructureUnits Carried, RestructuringDecision Decision) Decide(
        RestructureUnits act, params Unit[] units)
    {
        var states = States(act, units);
        var carried = act.CarryingSubDepartments(states);
        return (carried, carried.Decide(states, Today));
    }

    private static Unit After(RestructuringAccepted accepted, Unit unit) =>
        accepted.Events[unit.Code].Aggregate(unit, (state, e) => Unit.Evolve(state, e)!);

    private static void Rejected(RestructuringDecision decision, Rule rule, string unit, string? parent = null)
    {
        var rejected = Assert.IsType<RestructuringRejected>(decision);
        Assert.Equal((rule.Id, unit, parent), (rejected.Broken.Id, rejected.Unit, rejected.Parent));
    }

    private static void LeftWithoutParent(RestructuringDecision decision, string department, params string[] subs)
    {
        var rejected = Assert.IsType<RestructuringRejected>(decision);
        Assert.Equal(Rules.SubDepartmentsLeftWithoutParent.Id, rejected.Broken.Id);
        Assert.Equal(department, rejected.Unit);
        Assert.Equal(subs, rejected.SubDepartments);
    }

    [Fact]
    public void A_department_merged_into_a_new_one_takes_its_sub_departments_there_from_the_effective_date()
    {
        var (carried, decision) = Decide(
            [MergeInto(["SO-NN", "SO-TNMT"], NewDepartment("SO-NNMT"))],
            Agriculture, Environment, Forestry, Irrigation, Land);

        var transfer = Assert.Single(carried.Parts, p => p.Kind == RestructuringKind.Transfer);
        Assert.Equal(["CC-DD", "CC-KL", "CC-TL"], transfer.From);
        Assert.Equal("SO-NNMT", transfer.ParentCode);
        var accepted = Assert.IsType<RestructuringAccepted>(decision);
        Assert.Equivalent(new UnitTransferred(Effective, null, null, Act, Id, "SO-NNMT"),
            Assert.Single(accepted.Events["CC-KL"]), strict: true);
        var forestry = After(accepted, Forestry);
        Assert.Equal("SO-NN", forestry.ParentCodeOn(Effective.AddDays(-1)));
        Assert.Equal("SO-NNMT", forestry.ParentCodeOn(Effective));
        Assert.Equal("SO-TNMT", After(accepted, Land).ParentCodeOn(Effective.AddDays(-1)));
    }

    /// <summary>A rename is the same department under a new name: its sub-departments keep it.</summary>
    [Fact]
    public void A_department_merged_into_an_existing_department_takes_its_sub_departments_to_it()
    {
        var (_, decision) = Decide(
        [
            new RestructuringPart(RestructuringKind.Merge, ["SO-NN"], [], IntoCode: "SO-TNMT"),
            new RestructuringPart(RestructuringKind.Rename, ["SO-TNMT"], [], Name: "Sở Nông nghiệp và Môi trường"),
        ], Agriculture, Environment, Forestry, Land);

        var accepted = Assert.IsType<RestructuringAccepted>(decision);
        Assert.Equal("SO-TNMT", After(accepted, Forestry).ParentCodeOn(Effective));
        Assert.False(accepted.Events.ContainsKey("CC-DD"));
    }

    [Fact]
    public void Sub_departments_the_act_ends_or_moves_itself_are_left_to_their_parts()
    {
        var (carried, decision) = Decide(
        [
            MergeInto(["SO-NN", "SO-TNMT"], NewDepartment("SO-NNMT")),
            new RestructuringPart(RestructuringKind.Dissolve, ["CC-TL"], []),
            Transfer("CC-DD", "SO-XD"),
        ], Agriculture, Environment, Forestry, Irrigation, Land, Department("SO-XD"));

        var transfer =
            Assert.Single(carried.Parts, p => p is { Kind: RestructuringKind.Transfer, ParentCode: "SO-NNMT" });
        Assert.Equal(["CC-KL"], transfer.From);
        var accepted = Assert.IsType<RestructuringAccepted>(decision);
        Assert.Equal("SO-XD", After(accepted, Land).ParentCodeOn(Effective));
        Assert.Equal(Effective, After(accepted, Irrigation).EndedOn);
    }

    [Fact]
    public void Sub_departments_ended_before_the_act_are_not_carried_and_a_recorded_act_carries_nothing_more()
    {
        var ended = Registered("CC-CU", UnitLevel.SubDepartment, "SO-NN",
            facts: new UnitDissolved(new DateOnly(2020, 1, 1), "Q/0", "R-0"));
        Unit[] units = [Agriculture, Forestry, ended, Department("SO-NNMT")];
        var act = new RestructureUnits(Id, Act, Effective,
            [new RestructuringPart(RestructuringKind.Merge, ["SO-NN"], [], IntoCode: "SO-NNMT")]);

        var (carried, decision) = Decide(act, units);

        Assert.Equal(["CC-KL"], Assert.Single(carried.Parts, p => p.Kind == RestructuringKind.Transfer).From);
        var accepted = Assert.IsType<RestructuringAccepted>(decision);
        var recorded =
            States(act, [.. units.Select(u => accepted.Events.ContainsKey(u.Code) ? After(accepted, u) : u)]);
        Assert.Same(act, act.CarryingSubDepartments(recorded));
    }

    /// <summary>History is back-filled in any order: a sub-department known only from a later report (registered
    /// without its establishment date) may have existed on the effective date, and goes with its department.</summary>
    [Fact]
    public void A_sub_department_registered_without_its_establishment_date_is_carried_unless_it_had_ended()
    {
        var undated = UnitDecider.Replay(
        [
            new UnitRegistered("CC-KN", "Chi cục KN", UnitLevel.SubDepartment, "Quảng Trị", null, "SO-NN", Today,
                EstablishmentDated: false),
            new InternalAuditHeld(new DateOnly(2025, 9, 1), null, null),
        ])!;

        var (_, decision) = Decide(
            [MergeInto(["SO-NN"], NewDepartment("SO-NNMT"))], Agriculture, undated);

        Assert.Equal("SO-NNMT", After(Assert.IsType<RestructuringAccepted>(decision), undated)
            .ParentCodeOn(new DateOnly(2025, 9, 1)));
    }

    [Fact]
    public void A_split_department_s_sub_departments_refuse_the_act_unless_it_places_each_of_them()
    {
        var split = new RestructuringPart(RestructuringKind.Split, ["SO-NN"],
            [NewDepartment("SO-NN-A"), NewDepartment("SO-NN-B")]);

        var (carried, refused) = Decide([split], Agriculture, Forestry, Irrigation);

        Assert.Single(carried.Parts);
        LeftWithoutParent(refused, "SO-NN", "CC-KL", "CC-TL");
        var placed = Decide([split, Transfer("CC-KL", "SO-NN-A"), Transfer("CC-TL", "SO-NN-B")],
            Agriculture, Forestry, Irrigation).Decision;
        Assert.Equal("SO-NN-B", After(Assert.IsType<RestructuringAccepted>(placed), Irrigation)
            .ParentCodeOn(Effective));
    }

    [Fact]
    public void A_dissolved_department_s_sub_departments_refuse_the_act_unless_it_ends_or_moves_them()
    {
        var dissolve = new RestructuringPart(RestructuringKind.Dissolve, ["SO-NN"], []);

        LeftWithoutParent(Decide([dissolve], Agriculture, Forestry, Irrigation).Decision, "SO-NN", "CC-KL", "CC-TL");
        // One of them moved, the other left: the one left is named.
        LeftWithoutParent(Decide([dissolve, Transfer("CC-KL", "SO-TNMT")],
            Agriculture, Environment, Forestry, Irrigation).Decision, "SO-NN", "CC-TL");
        Assert.IsType<RestructuringAccepted>(Decide(
            [dissolve, Transfer("CC-KL", "SO-TNMT"), new RestructuringPart(RestructuringKind.Dissolve, ["CC-TL"], [])],
            Agriculture, Environment, Forestry, Irrigation).Decision);
    }

    [Fact]
    public void A_department_merged_into_a_unit_that_is_no_department_leaves_its_sub_departments_to_the_act()
    {
        var (carried, decision) = Decide(
            [new RestructuringPart(RestructuringKind.Merge, ["SO-NN"], [], IntoCode: "CC-DD")],
            Agriculture, Environment, Forestry, Land);

        Assert.Single(carried.Parts);
        LeftWithoutParent(decision, "SO-NN", "CC-KL");
    }

    /// <summary>A sub-department moved by the act without a new parent keeps the department the act ends.</summary>
    [Fact]
    public void A_sub_department_the_act_moves_without_a_parent_is_left_without_one()
    {
        var (_, decision) = Decide(
            [MergeInto(["SO-NN"], NewDepartment("SO-NNMT")), Transfer("CC-KL", province: "Hà Tĩnh")],
            Agriculture, Forestry);

        LeftWithoutParent(decision, "SO-NN", "CC-KL");
    }

    /// <summary>A sub-department established under the department after the day the act ends it (recorded before the
    /// act was): the act would leave it without a parent from its first day.</summary>
    [Fact]
    public void A_sub_department_established_under_the_department_after_the_effective_date_refuses_the_act()
    {
        var later = SubDepartment("CC-MOI", "SO-NN", Effective.AddDays(10));

        LeftWithoutParent(Decide([MergeInto(["SO-NN"], NewDepartment("SO-NNMT"))], Agriculture, later).Decision,
            "SO-NN", "CC-MOI");
    }

    [Fact]
    public void A_sub_department_moved_to_another_province_without_its_department_is_refused()
    {
        var hanoi = Department("HN-SO-NN", "Hà Nội");

        Rejected(Decide([Transfer("CC-KL", province: "Hà Nội")], Agriculture, Forestry).Decision,
            Rules.ParentInOtherProvince, "CC-KL", "SO-NN");
        Assert.IsType<RestructuringAccepted>(Decide(
            [Transfer("CC-KL", "HN-SO-NN", "Hà Nội")], Agriculture, Forestry, hanoi).Decision);
        Assert.IsType<RestructuringAccepted>(Decide(
            [Transfer("CC-KL", province: "Hà Nội"), Transfer("SO-NN", province: "Hà Nội")],
            Agriculture, Forestry).Decision);
    }

    [Fact]
    public void A_department_moved_to_another_province_without_its_sub_departments_is_refused()
    {
        Rejected(Decide([Transfer("SO-NN", province: "Hà Nội")], Agriculture, Forestry).Decision,
            Rules.ParentInOtherProvince, "CC-KL", "SO-NN");
        Assert.IsType<RestructuringAccepted>(Decide([Transfer("SO-TNMT", province: "Hà Nội")], Environment, Forestry,
            Agriculture).Decision);
    }

    /// <summary>From 1 July 2025 a Quảng Bình unit counts in Quảng Trị (Resolution 202/2025/QH15).</summary>
    [Fact]
    public void A_sub_department_moved_into_the_province_its_department_s_became_part_of_keeps_it()
    {
        var department = Department("QB-SO-NN", "Quảng Bình");
        var sub = Registered("QB-CC-KL", UnitLevel.SubDepartment, "QB-SO-NN", "Quảng Bình");
        RestructuringDecision Moved(DateOnly on) =>
            Decide(new RestructureUnits(Id, Act, on, [Transfer("QB-CC-KL", province: "Quảng Trị")]), department, sub)
                .Decision;

        Assert.IsType<RestructuringAccepted>(Moved(new DateOnly(2025, 7, 1)));
        Rejected(Moved(new DateOnly(2025, 6, 30)), Rules.ParentInOtherProvince, "QB-CC-KL", "QB-SO-NN");
    }

    [Fact]
    public void A_sub_department_moved_is_refused_when_the_department_it_keeps_has_ended()
    {
        var ended = Registered("SO-CU", UnitLevel.Department,
            facts: new UnitDissolved(new DateOnly(2020, 1, 1), "Q/0", "R-0"));
        var orphan = SubDepartment("CC-CU", "SO-CU");

        Rejected(Decide([Transfer("CC-CU", province: "Hà Nội")], ended, orphan).Decision,
            Rules.ParentNotExisting, "CC-CU", "SO-CU");
    }

    [Fact]
    public void The_units_read_for_parents_are_the_sub_departments_of_units_the_act_ends_or_moves_and_kept_parents()
    {
        var act = new RestructureUnits(Id, Act, Effective,
        [
            new RestructuringPart(RestructuringKind.Dissolve, ["SO-NN"], []),
            Transfer("SO-TNMT", province: "Hà Nội"),
            Transfer("CC-X", province: "Hà Nội"),
        ]);

        Assert.Equal(["CC-KL"], act.ParentReads(Forestry));
        Assert.Equal(["CC-DD"], act.ParentReads(Land));
        Assert.Equal(["SO-XD"], act.ParentReads(SubDepartment("CC-X", "SO-XD")));
        Assert.Empty(act.ParentReads(SubDepartment("CC-Y", "SO-XD")));
        Assert.Empty(act.ParentReads(Agriculture));
    }

    /// <summary>A people's committee, as a parent column writes the authority above a Sở, a district or a commune, is
    /// told apart from a department's name, the committee's own office among them.</summary>
    [Theory]
    [InlineData("UBND tỉnh", true)]
    [InlineData("UBND", true)]
    [InlineData("Ủy ban nhân dân huyện Can Lộc", true)]
    [InlineData("Uỷ ban nhân dân tỉnh Hà Tĩnh", true)]
    [InlineData("Sở Tài chính", false)]
    [InlineData("Văn phòng UBND tỉnh", false)]
    [InlineData("UBNDX", false)]
    public void A_parent_column_naming_a_people_s_committee_names_no_parent(string written, bool committee) =>
        Assert.Equal(committee, ParentUnits.NamesPeoplesCommittee(written));
}
