namespace IsoLedger.Domain.Units;

/// <summary>When a level of administration ended. Since 1 July 2025 local government has two levels, province and
/// commune (Law on the Organisation of Local Government No. 72/2025/QH15; National Assembly Resolution
/// 202/2025/QH15): the district level (UBND huyện, thị xã, thành phố thuộc tỉnh) ended that day, and communes report
/// to the province directly since.</summary>
public static class Levels
{
    public static readonly DateOnly DistrictLevelEndedOn = new(2025, 7, 1);

    /// <summary>The day units of <paramref name="level"/> ceased to exist, or null for a level that goes on.</summary>
    public static DateOnly? EndOf(UnitLevel level) => level == UnitLevel.District ? DistrictLevelEndedOn : null;

    /// <summary>Whether the district level had ended by <paramref name="date"/>: a fact of that date places no unit
    /// in a district, and an answer as of that date shows none.</summary>
    public static bool DistrictsEndedBy(DateOnly date) => date >= DistrictLevelEndedOn;
}
