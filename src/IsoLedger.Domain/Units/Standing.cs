using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>Where a unit's system stands on the way to ISO 9001:2015, in the report's terms
/// (GET /api/vocabulary, <c>standings</c>).</summary>
public enum Standing
{
    /// <summary>No declaration yet.</summary>
    NotDeclared,
    /// <summary>Declared on an edition before 2008 (TCVN ISO 9001:2000), conversion to 2015 not started: the reports
    /// of 2009–2014 count these apart, as the units still to convert to 2008 (QĐ 118/2009/QĐ-TTg).</summary>
    On2000,
    /// <summary>Declared on 2008, conversion not started.</summary>
    On2008,
    /// <summary>Declared on 2008, conversion started.</summary>
    Converting,
    /// <summary>On 2015: converted, or built on 2015 from the start.</summary>
    Converted,
}

public static class Standings
{
    /// <summary>Where <paramref name="unit"/> stood on <paramref name="asOf"/>, in the view of the report, written for
    /// the 2008 → 2015 conversion: on 2015 or later converted, converting to 2015, or on 2008; a unit on an edition
    /// older than 2008 is on 2000, as a report of the time, when 2000 → 2008 was the conversion under way, counts it
    /// (not one on 2008).</summary>
    public static Standing Of(Unit unit, DateOnly asOf, RuleBook rules) => unit.StandardOn(asOf) switch
    {
        null => Standing.NotDeclared,
        { } edition when !rules.Precedes(edition, Edition.Iso9001V2015) => Standing.Converted,
        _ when unit.ConversionOn(asOf, Edition.Iso9001V2015) == ConversionState.InProgress => Standing.Converting,
        { } edition when rules.Precedes(edition, Edition.Iso9001V2008) => Standing.On2000,
        _ => Standing.On2008,
    };
}
