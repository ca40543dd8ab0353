namespace IsoLedger.Domain.Units;

/// <summary>Opens a unit's stream. <paramref name="EstablishmentDated"/> says whether
/// <paramref name="RegisteredOn"/> is the unit's establishment date; when it is not known, the unit is registered on
/// the day it is recorded and exists from its earliest recorded fact.</summary>
public sealed record RegisterUnit(
    string Code,
    string Name,
    UnitLevel Level,
    string Province,
    string? District,
    string? ParentCode,
    DateOnly RegisteredOn,
    bool EstablishmentDated = true)
{
    /// <summary>Decides the registration with the state of its parent (<paramref name="parent"/>, null when
    /// <see cref="ParentCode"/> names no registered unit): the parent must be one on <see cref="RegisteredOn"/>
    /// (<see cref="ParentUnits.Check"/>).</summary>
    public Decision Decide(Unit? existing, DateOnly today, Unit? parent)
    {
        var decision = Decide(existing, today);
        return decision is Accepted && ParentCode is not null
            && ParentUnits.Check(Level, Province, RegisteredOn, parent) is { } broken
                ? Decision.Reject(broken)
                : decision;
    }

    /// <summary>Decides everything but the parent. An import decides its rows' parents once the whole file is read
    /// (a row's parent may be a unit listed further down), with <see cref="ParentUnits.Check"/>.</summary>
    public Decision Decide(Unit? existing, DateOnly today)
    {
        if (existing is not null) return Decision.Reject(Rules.UnitAlreadyRegistered);
        if (RegisteredOn > today) return Decision.Reject(Rules.FutureBusinessDate);
        // An undated registration recorded after the level ended is refused too: give the establishment date.
        if (Levels.EndOf(Level) is { } end && RegisteredOn >= end) return Decision.Reject(Rules.LevelEnded);
        // A unit established after the district level ended was never in a district; one whose establishment date is
        // unknown may have been, and its district is the one it was in before (an import's row of a later year).
        if (District is not null && EstablishmentDated && Levels.DistrictsEndedBy(RegisteredOn))
            return Decision.Reject(Rules.DistrictAfterLevelEnded);
        return Decision.Accept(new UnitRegistered(
            Code, Name, Level, Province, District, ParentCode, RegisteredOn, EstablishmentDated));
    }
}

/// <summary>A unit was registered. <paramref name="EstablishmentDated"/> is false when the registration did not
/// know the unit's establishment date: <paramref name="RegisteredOn"/> is then the day it was recorded, and the unit
/// exists from its earliest recorded fact.</summary>
public sealed record UnitRegistered(
    string Code, string Name, UnitLevel Level, string Province, string? District, string? ParentCode,
    DateOnly RegisteredOn, bool EstablishmentDated = true) : IUnitEvent
{
    public DateOnly BusinessDate => RegisteredOn;
}
