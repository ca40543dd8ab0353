namespace IsoLedger.Domain.Units;

/// <summary>Opens a unit's stream.</summary>
public sealed record RegisterUnit(
    string Code,
    string Name,
    UnitLevel Level,
    string Province,
    string? District,
    string? ParentCode,
    DateOnly RegisteredOn)
{
    public Decision Decide(Unit? existing, DateOnly today)
    {
        if (existing is not null) return Decision.Reject(Rules.UnitAlreadyRegistered);
        if (RegisteredOn > today) return Decision.Reject(Rules.FutureBusinessDate);
        return Decision.Accept(new UnitRegistered(Code, Name, Level, Province, District, ParentCode, RegisteredOn));
    }
}

public sealed record UnitRegistered(
    string Code, string Name, UnitLevel Level, string Province, string? District, string? ParentCode,
    DateOnly RegisteredOn) : IUnitEvent
{
    public DateOnly BusinessDate => RegisteredOn;
}
