namespace IsoLedger.Domain.Units.Commands;

public sealed record StartConversion(DateOnly StartedOn, string? DecisionNo) : IUnitCommand
{
    public DateOnly BusinessDate => StartedOn;

    public Decision Decide(Unit unit)
    {
        if (unit.ConvertedOn is not null) return Decision.Reject(Rules.ConversionAlreadyDone);
        if (unit.ConversionStartedOn is not null) return Decision.Reject(Rules.ConversionAlreadyStarted);
        if (!unit.DeclaredOn2008By(StartedOn)) return Decision.Reject(Rules.ConversionWithout2008Declaration);
        return Decision.Accept(new ConversionStarted(StartedOn, DecisionNo));
    }
}

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
