using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>Where a restructuring leaves its units: a provincial body (a Sở or its Chi cục) is moved into no district.
/// </summary>
public class RestructuringProvinceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Unit Registered(
        string code, string province, string? district = "Huyện Lệ Thủy", UnitLevel level = UnitLevel.Commune) =>
        UnitDecider.Replay(
            [new UnitRegistered(code, $"Đơn vị {code}", level, province, district, null, new DateOnly(2000, 1, 1))])!;

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
