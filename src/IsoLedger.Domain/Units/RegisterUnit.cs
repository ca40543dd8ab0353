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
    /// (<see cref="ParentUnits.Check"/>); and with the registered units that may bear its name
    /// (<paramref name="namesakes"/>): none may be this unit under another code (<see cref="Namesake"/>).</summary>
    public Decision Decide(Unit? existing, DateOnly today, Unit? parent, IEnumerable<Unit>? namesakes = null)
    {
        var decision = Decide(existing, today);
        if (decision is not Accepted) return decision;
        if (ParentCode is not null && ParentUnits.Check(Level, Province, RegisteredOn, parent) is { } broken)
            return Decision.Reject(broken);
        return Namesake(namesakes ?? []) is { } registered
            ? new Rejected(Rules.UnitNameTaken, registered.Code,
                $"Unit '{registered.Code}' (\"{registered.NameOn(RegisteredOn)}\") exists on {RegisteredOn:yyyy-MM-dd} "
                + "under this name, at this level, in this province and district"
                + (ParentCode is null ? "" : " under this parent")
                + ": record its facts under its code. A unit formed in place of one that a restructuring ends is "
                + "registered by that restructuring: POST /api/restructurings with this unit as a part's `into`, "
                + $"'{registered.Code}' in its `from`.")
            : decision;
    }

    /// <summary>The unit of another code (not this one in another letter case:
    /// <see cref="Rules.UnitAlreadyRegistered"/> says that) that this registration would repeat: one that exists
    /// (or, registered without its establishment date, may exist) on <see cref="RegisteredOn"/>, at the same level,
    /// in the province counted as this one's then, in the same district (the one it was last in, as the import
    /// compares them) under the same parent, named then as this one is, as the import compares names
    /// (<see cref="UnitNameSpelling"/>, notes kept), or with a name this one abbreviates or that abbreviates it
    /// (<see cref="UnitNameAbbreviations"/>: "Sở NN&amp;PTNT" beside "Sở Nông nghiệp và Phát triển nông thôn"). A
    /// unit that has ended by then leaves its name to the units formed in its place, and a commune of one name in
    /// another district is another commune. Null when there is none.</summary>
    public Unit? Namesake(IEnumerable<Unit> namesakes)
    {
        var name = UnitNameSpelling.Comparable(Name, keepNotes: true);
        var province = Provinces.Provinces.On(Province, RegisteredOn);
        return namesakes
            .Where(unit => !string.Equals(unit.Code, Code, StringComparison.OrdinalIgnoreCase)
                && unit.Level == Level && unit.MayExistOn(RegisteredOn)
                && unit.ProvinceOn(RegisteredOn) == province
                && DistrictNames.Same(unit.LastDistrictOn(RegisteredOn), District)
                && unit.ParentCodeOn(RegisteredOn) == ParentCode
                && (UnitNameSpelling.Comparable(unit.NameOn(RegisteredOn), keepNotes: true) == name
                    || UnitNameAbbreviations.EitherAbbreviates(Name, unit.NameOn(RegisteredOn))))
            .MinBy(unit => unit.Code, StringComparer.Ordinal);
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
