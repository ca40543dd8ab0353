namespace IsoLedger.Domain.Units;

/// <summary>When a level of administration ended. Since 1 July 2025 local government has two levels, province and
/// commune (Law on the Organisation of Local Government No. 72/2025/QH15; National Assembly Resolution
/// 202/2025/QH15): the district level (UBND huyện, thị xã, thành phố thuộc tỉnh) ended that day, and communes report
/// to the province directly since.</summary>
public static class Levels
{
    public static readonly DateOnly DistrictLevelEndedOn = new(2025, 7, 1);

    /// <summary>Whether units of <paramref name="level"/> are in no district: a department (sở, ban, ngành) is a
    /// provincial body, and so is its sub-department (chi cục thuộc Sở), which belongs to the department, not to a
    /// district, as the reports list it (Quảng Trị's appendix A: its ten Chi cục under their Sở, counted among the 30
    /// provincial bodies). Placed in a district, either would be counted among the district's units.</summary>
    public static bool InNoDistrict(UnitLevel level) => level is UnitLevel.Department or UnitLevel.SubDepartment;

    /// <summary>What a district given to a unit of <paramref name="level"/> (one <see cref="InNoDistrict"/>) is told.
    /// </summary>
    public static string InNoDistrictSentence(UnitLevel level) => level == UnitLevel.SubDepartment
        ? "A sub-department (chi cục) belongs to its department (sở), a provincial body, not to a district: leave the "
            + "district out."
        : "A department (sở, ban, ngành) is a provincial body, in no district: leave the district out.";

    /// <summary>The day units of <paramref name="level"/> ceased to exist, or null for a level that goes on.</summary>
    public static DateOnly? EndOf(UnitLevel level) => level == UnitLevel.District ? DistrictLevelEndedOn : null;

    /// <summary>Whether the district level had ended by <paramref name="date"/>: a fact of that date places no unit
    /// in a district, and an answer as of that date shows none.</summary>
    public static bool DistrictsEndedBy(DateOnly date) => date >= DistrictLevelEndedOn;
}
