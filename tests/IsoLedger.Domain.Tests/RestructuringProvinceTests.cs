using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Provinces.Provinces;

namespace IsoLedger.Domain.Tests;

/// <summary>Where a restructuring leaves its units: a merge or split joins units of one province as provinces are on
/// its effective date (Quảng Bình's and Quảng Trị's from 1 July 2025, not before), a transfer into another province
/// names the district it goes into there while districts exist, and a provincial body (a Sở or its Chi cục) is moved
/// into no district.</summary>
public class RestructuringProvinceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly DayBefore = Reorganised.AddDays(-1);

    private static Unit Registered(
        string code, string province, string? district = "Huyện Lệ Thủy", UnitLevel level = UnitLevel.Commune) =>
        UnitDecider.Replay(
            [new UnitRegistered(code, $"Đơn vị {code}", level, province, district, null, new DateOnly(2000, 1, 1))])!;

    private static NewUnit New(string code, string province) =>
        new(code, $"UBND xã {code}", UnitLevel.Commune, province, null, null);

    private static RestructuringPart MergeInto(string[] from, string into) =>
        new(RestructuringKind.Merge, from, [], into);

    private static RestructuringPart Transfer(string code, string? province, string? district = null) =>
        new(RestructuringKind.Transfer, [code], [], Province: province, District: district);

    private static RestructuringDecision Decide(DateOnly effective, RestructuringPart[] parts, params Unit[] units)
    {
        var act = new RestructureUnits("R", "NQ-1", effective, parts);
        return act.Decide(
            act.Codes.ToDictionary(code => code, code => units.FirstOrDefault(u => u.Code == code),
                StringComparer.Ordinal),
            Today);
    }

    private static RestructuringRejected Rejected(Rule rule, string unit, RestructuringDecision decision)
    {
        var rejected = Assert.IsType<RestructuringRejected>(decision);
        Assert.Equal((rule.Id, unit), (rejected.Broken.Id, rejected.Unit));
        return rejected;
    }

    private static readonly Unit QuangBinh = Registered("QB-A", "Quảng Bình");
    private static readonly Unit QuangTri = Registered("QT-B", "Quảng Trị", "Huyện Vĩnh Linh");

    [Fact]
    public void Communes_of_two_provinces_merge_only_once_their_provinces_are_one()
    {
        var rejected = Rejected(Rules.MergeAcrossProvinces, "QT-B",
            Decide(DayBefore, [MergeInto(["QB-A"], "QT-B")], QuangBinh, QuangTri));
        // The detail names both units and where each was that day.
        Assert.All(["QB-A", "Quảng Bình", "QT-B", "Quảng Trị", "2025-06-30"],
            said => Assert.Contains(said, rejected.Sentence));
        Rejected(Rules.MergeAcrossProvinces, "QT-N",
            Decide(DayBefore, [new(RestructuringKind.Merge, ["QB-A"], [New("QT-N", "Quảng Trị")])], QuangBinh));
        Rejected(Rules.MergeAcrossProvinces, "QT-B",
            Decide(DayBefore, [new(RestructuringKind.Merge, ["QB-A", "QT-B"], [New("QB-N", "Quảng Bình")])],
                QuangBinh, QuangTri));
        Rejected(Rules.MergeAcrossProvinces, "HT-2",
            Decide(new DateOnly(2020, 1, 1),
                [new(RestructuringKind.Split, ["QB-A"], [New("QB-1", "Quảng Bình"), New("HT-2", "Hà Tĩnh")])],
                QuangBinh));

        Assert.IsType<RestructuringAccepted>(Decide(Reorganised, [MergeInto(["QB-A"], "QT-B")], QuangBinh, QuangTri));
        Assert.IsType<RestructuringAccepted>(Decide(Reorganised,
            [new(RestructuringKind.Merge, ["QB-A", "QT-B"], [New("QT-N", "Quảng Trị")])], QuangBinh, QuangTri));
        // A unit moved into the province on an earlier day merges there.
        var moved = UnitDecider.Replay(
        [
            new UnitRegistered("HT-C", "Đơn vị HT-C", UnitLevel.Commune, "Hà Tĩnh", "Huyện Kỳ Anh", null,
                new DateOnly(2000, 1, 1)),
            new UnitTransferred(new DateOnly(2019, 12, 31), "Quảng Bình", "Huyện Lệ Thủy", "NQ-0", "R0"),
        ])!;
        Assert.IsType<RestructuringAccepted>(Decide(new DateOnly(2020, 1, 1), [MergeInto(["HT-C"], "QB-A")],
            moved, QuangBinh));
    }

    [Fact]
    public void The_successor_a_merge_takes_is_judged_where_the_same_act_moves_it()
    {
        var haTinh = Registered("HT-C", "Hà Tĩnh", "Huyện Kỳ Anh");
        Assert.IsType<RestructuringAccepted>(Decide(new DateOnly(2020, 1, 1),
            [Transfer("QB-A", "Hà Tĩnh", "Huyện Kỳ Anh"), MergeInto(["HT-C"], "QB-A")], haTinh, QuangBinh));
    }

    /// <summary>Any two provinces of any period, on any day: a unit of one merges into a unit of the other exactly
    /// when the two count as one province that day.</summary>
    [Property(MaxTest = 500)]
    public Property A_merge_is_refused_exactly_when_its_units_lie_in_two_provinces_that_day() =>
        Prop.ForAll(
            (from first in Gen.Elements(Names.ToArray())
             from second in Gen.Elements(Names.ToArray())
             from day in Gen.Choose(new DateOnly(2000, 1, 2).DayNumber, Today.DayNumber).Select(DateOnly.FromDayNumber)
             select (first, second, day)).ToArbitrary(),
            c =>
            {
                var decision = Decide(c.day, [MergeInto(["A"], "B")],
                    Registered("A", c.first, null), Registered("B", c.second, null));
                return On(c.first, c.day) == On(c.second, c.day)
                    ? decision is RestructuringAccepted
                    : decision is RestructuringRejected { Unit: "B" } rejected
                      && rejected.Broken == Rules.MergeAcrossProvinces;
            });

    [Fact]
    public void A_commune_moved_into_another_province_names_its_district_there_while_districts_exist()
    {
        var transfer = new DateOnly(2020, 1, 1);
        Rejected(Rules.DistrictInOtherProvince, "QB-A", Decide(transfer, [Transfer("QB-A", "Hà Tĩnh")], QuangBinh));
        var accepted = Assert.IsType<RestructuringAccepted>(
            Decide(transfer, [Transfer("QB-A", "Hà Tĩnh", "Huyện Kỳ Anh")], QuangBinh));
        Assert.Equal(new UnitTransferred(transfer, "Hà Tĩnh", "Huyện Kỳ Anh", "NQ-1", "R"),
            Assert.Single(accepted.Events["QB-A"]));
        // From 1 July 2025 no unit is in a district; one province under another name keeps its districts.
        Assert.IsType<RestructuringAccepted>(Decide(Reorganised, [Transfer("QB-A", "Hà Tĩnh")], QuangBinh));
        Assert.IsType<RestructuringAccepted>(Decide(HueBecameCity, [Transfer("H-A", "Huế")],
            Registered("H-A", "Thừa Thiên Huế", "Huyện Phú Vang")));
        // A provincial body is in no district, and a district's committee moves with its district.
        Assert.IsType<RestructuringAccepted>(Decide(transfer, [Transfer("QB-SO", "Hà Tĩnh")],
            Registered("QB-SO", "Quảng Bình", null, UnitLevel.Department)));
        Assert.IsType<RestructuringAccepted>(Decide(transfer, [Transfer("QB-H", "Hà Tĩnh")],
            Registered("QB-H", "Quảng Bình", "Huyện Lệ Thủy", UnitLevel.District)));
    }

    /// <summary>A commune in a district moved to another province on any day, naming a district or not.</summary>
    [Property(MaxTest = 500)]
    public Property A_transfer_leaving_a_district_in_another_province_is_refused_and_only_it() =>
        Prop.ForAll(
            (from left in Gen.Elements(Names.ToArray())
             from to in Gen.Elements(Names.Where(name => name != left).ToArray())
             from day in Gen.Choose(new DateOnly(2000, 1, 2).DayNumber, Today.DayNumber).Select(DateOnly.FromDayNumber)
             from namesDistrict in Gen.Elements(true, false)
             select (left, to, day, district: namesDistrict && day < Reorganised ? "Huyện Mới" : null))
            .ToArbitrary(),
            c =>
            {
                var decision = Decide(c.day, [Transfer("A", c.to, c.district)], Registered("A", c.left));
                var leavesDistrict = c.day < Reorganised && c.district is null && On(c.left, c.day) != On(c.to, c.day);
                return leavesDistrict
                    ? decision is RestructuringRejected { Unit: "A" } rejected
                      && rejected.Broken == Rules.DistrictInOtherProvince
                    : decision is RestructuringAccepted;
            });

    /// <summary>A Chi cục belongs to its Sở, a provincial body, as the reports list it: moved into a district it
    /// would be counted among the district's units.</summary>
    [Fact]
    public void A_sub_department_like_its_department_is_moved_into_no_district()
    {
        Assert.True(Levels.InNoDistrict(UnitLevel.SubDepartment));
        Assert.Contains("chi cục", Levels.InNoDistrictSentence(UnitLevel.SubDepartment));
        Assert.Contains("chi cục", Rules.DepartmentInDistrict.Sentence);
        Rejected(Rules.DepartmentInDistrict, "QT-CC",
            Decide(new DateOnly(2020, 1, 1), [Transfer("QT-CC", null, "Huyện Vĩnh Linh")],
                Registered("QT-CC", "Quảng Trị", null, UnitLevel.SubDepartment)));
    }
}
