namespace IsoLedger.Domain.Units;

/// <summary>When a level of administration ended. Since 1 July 2025 local government has two levels, province and
/// commune (Law on the Organisation of Local Government No. 72/2025/QH15; National Assembly Resolution
/// 202/2025/QH15): the district level (UBND huyện, thị xã, thành phố thuộc tỉnh) ended that day, and communes report
/// to the province directly since.</summary>
public static class Levels
{
    public static readonly DateOnly DistrictLevelEndedOn = new(2025, 7, 1);

    /// <summary>Whether units of <paramref name="level"/> are in no district: a department (sở, ban, ngành) is a
    /// provincial body. (A chi cục may be placed in the district it works in.)</summary>
    public static bool InNoDistrict(UnitLevel level) => level == UnitLevel.Department;

    /// <summary>What a district given to a department is told.</summary>
    public const string DepartmentInNoDistrict =
        "A department (sở, ban, ngành) is a provincial body, in no district: leave the district out.";

    /// <summary>The day units of <paramref name="level"/> ceased to exist, or null for a level that goes on.</summary>
    public static DateOnly? EndOf(UnitLevel level) => level == UnitLevel.District ? DistrictLevelEndedOn : null;

    /// <summary>Whether the district level had ended by <paramref name="date"/>: a fact of that date places no unit
    /// in a district, and an answer as of that date shows none.</summary>
    public static bool DistrictsEndedBy(DateOnly date) => date >= DistrictLevelEndedOn;
}
