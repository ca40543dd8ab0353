using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Provinces.Provinces;

namespace IsoLedger.Domain.Tests;

/// <summary>Where a restructuring leaves its units: a merge or split joins units of one province as provinces are on
/// its effective date (Quảng Bình's and Quảng Trị's from 1 July 2025, not before), and a provincial body (a Sở or its
/// Chi cục) is moved into no district.</summary>
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
