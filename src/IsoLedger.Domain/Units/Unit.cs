namespace IsoLedger.Domain.Units;

/// <summary>What the rules need to know about a unit, rebuilt from its events.</summary>
public sealed record Unit(string Code, string Name, UnitLevel Level, string Province)
{
    /// <summary>The state after <paramref name="event"/>; <paramref name="unit"/> is null before the first event.</summary>
    public static Unit? Evolve(Unit? unit, object @event) => @event switch
    {
        UnitRegistered registered => new Unit(registered.Code, registered.Name, registered.Level, registered.Province),
        _ => unit,
    };
}
