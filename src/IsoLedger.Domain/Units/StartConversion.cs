namespace IsoLedger.Domain.Units;

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

public sealed record ConversionStarted(DateOnly StartedOn, string? DecisionNo) : IUnitEvent
{
    public DateOnly BusinessDate => StartedOn;
}
