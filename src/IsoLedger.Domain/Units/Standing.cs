using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>Where a unit's system stands on the way to ISO 9001:2015, in the report's terms
/// (<see cref="Vocabulary.Standings"/>).</summary>
public enum Standing
{
    /// <summary>No declaration yet.</summary>
    NotDeclared,
    /// <summary>Declared on 2008, conversion not started.</summary>
    On2008,
    /// <summary>Declared on 2008, conversion started.</summary>
    Converting,
    /// <summary>On 2015: converted, or built on 2015 from the start.</summary>
    Converted,
}

public static class Standings
{
    /// <summary>Where <paramref name="unit"/> stood on <paramref name="asOf"/>: a unit on an edition older than 2015
    /// counts as on 2008 (the view of the report, written for the 2008 → 2015 conversion).</summary>
    public static Standing Of(Unit unit, DateOnly asOf, RuleBook rules) => unit.StandardOn(asOf) switch
    {
        null => Standing.NotDeclared,
        { } edition when !rules.Precedes(edition, Edition.Iso9001V2015) => Standing.Converted,
        _ => unit.ConversionOn(asOf, Edition.Iso9001V2015) == ConversionState.InProgress
            ? Standing.Converting
            : Standing.On2008,
    };
}
