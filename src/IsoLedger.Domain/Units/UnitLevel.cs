namespace IsoLedger.Domain.Units;

/// <summary>The administrative level of a unit; its API value is the kebab-case name (e.g.
/// <c>sub-department</c>).</summary>
public enum UnitLevel
{
    /// <summary>Sở, ban, ngành cấp tỉnh — mandatory.</summary>
    Department,

    /// <summary>Chi cục thuộc Sở — mandatory.</summary>
    SubDepartment,

    /// <summary>UBND huyện, thị xã, thành phố — mandatory (level abolished 1 Jul 2025).</summary>
    District,

    /// <summary>UBND xã, phường, thị trấn — voluntary.</summary>
    Commune,
}
