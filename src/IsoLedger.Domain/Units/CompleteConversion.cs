namespace IsoLedger.Domain.Units;

/// <summary>Completes the 2008 → 2015 conversion, with or without a recorded start.</summary>
public sealed record CompleteConversion(DateOnly ConvertedOn, string? DecisionNo) : IUnitCommand
{
    public DateOnly BusinessDate => ConvertedOn;

    public Decision Decide(Unit unit)
    {
        if (unit.ConvertedOn is not null) return Decision.Reject(Rules.ConversionAlreadyDone);
        if (!unit.DeclaredOn2008By(ConvertedOn)) return Decision.Reject(Rules.ConversionWithout2008Declaration);
        if (unit.ConversionStartedOn > ConvertedOn) return Decision.Reject(Rules.DateBeforePrecedingStep);
        return Decision.Accept(new StandardConverted(ConvertedOn, DecisionNo));
    }
}

/// <summary>The system was converted from ISO 9001:2008 to ISO 9001:2015.</summary>
public sealed record StandardConverted(DateOnly ConvertedOn, string? DecisionNo) : IUnitEvent
{
    public DateOnly BusinessDate => ConvertedOn;
}
