using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>Starts converting the system to <paramref name="To"/>, by default the edition after the one it is
/// on. <paramref name="DatedByReport"/> when a yearly report says the conversion was under way by
/// <paramref name="StartedOn"/>: a start on record at a later date (a later year's report imported first) is then
/// dated back to it.</summary>
public sealed record StartConversion(
    DateOnly StartedOn, string? DecisionNo, Edition? To = null, bool DatedByReport = false) : IUnitCommand
{
    public DateOnly BusinessDate => StartedOn;

    public Decision Decide(Unit unit, RuleBook rules)
    {
        if (DatedByReport && unit.ConversionTo(To ?? Edition.Iso9001V2015) is { StartedOn: { } started } recorded
            && started > StartedOn)
            return Decision.Accept(new ConversionStarted(StartedOn, DecisionNo, recorded.From, recorded.To));
        if (unit.Conversions.Any(c => c.CompletedOn is null && (To is null || c.To == To)))
            return Decision.Reject(Rules.ConversionAlreadyStarted);
        return EditionConversion.Target(unit, StartedOn, To, rules) is var (from, to)
            ? Decision.Accept(new ConversionStarted(StartedOn, DecisionNo, from, to))
            : Decision.Reject(EditionConversion.Refusal(unit, StartedOn, To, rules));
    }
}

/// <summary>The conversion of the system from <paramref name="From"/> to <paramref name="To"/> started. Both are
/// null in events recorded before editions were data: those conversions went from 2008 to 2015.</summary>
public sealed record ConversionStarted(DateOnly StartedOn, string? DecisionNo, Edition? From = null, Edition? To = null)
    : IUnitEvent
{
    public DateOnly BusinessDate => StartedOn;

    public Edition FromEdition => From ?? Edition.Iso9001V2008;

    public Edition ToEdition => To ?? Edition.Iso9001V2015;
}
