using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>Completes the conversion to <paramref name="To"/> (by default the one under way, or the edition after the
/// one the system is on), with or without a recorded start. <paramref name="DatedByReport"/> when a yearly report says
/// the conversion was done by <paramref name="ConvertedOn"/>: a completion on record at a later date (a later year's
/// report imported first) is then dated back to it.</summary>
public sealed record CompleteConversion(
    DateOnly ConvertedOn, string? DecisionNo, Edition? To = null, bool DatedByReport = false) : IUnitCommand
{
    public DateOnly BusinessDate => ConvertedOn;

    public Decision Decide(Unit unit, RuleBook rules)
    {
        if (DatedByReport && unit.ConversionTo(To ?? Edition.Iso9001V2015) is { CompletedOn: { } done } recorded
            && done > ConvertedOn)
        {
            return recorded.StartedOn > ConvertedOn ? Decision.Reject(Rules.DateBeforePrecedingStep)
                : Decision.Accept(new StandardConverted(ConvertedOn, DecisionNo, recorded.From, recorded.To));
        }
        var underWay = unit.Conversions.FirstOrDefault(c => c.CompletedOn is null && (To is null || c.To == To));
        if (underWay is not null)
        {
            return underWay.StartedOn > ConvertedOn ? Decision.Reject(Rules.DateBeforePrecedingStep)
                : Contradicted(unit, underWay.To, rules) is { } broken ? Decision.Reject(broken)
                : Decision.Accept(new StandardConverted(ConvertedOn, DecisionNo, underWay.From, underWay.To));
        }
        // A later year's table imported first declared the unit on the edition it listed, at its date; an earlier
        // year's row showing the unit on an older edition completes the conversion on that date, from the edition the
        // unit was on the day before.
        var standingOn = DatedByReport && unit.Declarations.Any(d => d.DatedByReport && d.DeclaredOn == ConvertedOn
            && d.Standard == To) ? ConvertedOn.AddDays(-1) : ConvertedOn;
        return EditionConversion.Target(unit, standingOn, To, rules) is not var (from, to)
            ? Decision.Reject(EditionConversion.Refusal(unit, ConvertedOn, To, rules))
            : Contradicted(unit, to, rules) is { } contradiction ? Decision.Reject(contradiction)
            : Decision.Accept(new StandardConverted(ConvertedOn, DecisionNo, from, to));
    }

    /// <summary>What a conversion to <paramref name="to"/> on this date would contradict among the facts recorded on
    /// other dates (judged by business date, whatever order they are recorded in): a completed conversion to the same
    /// edition (a system converts to an edition once), or a later declaration on an older edition (it would have gone
    /// back).</summary>
    private Rule? Contradicted(Unit unit, Edition to, RuleBook rules) =>
        unit.ConversionTo(to) is { CompletedOn: not null } ? Rules.ConversionAlreadyDone
        : unit.Declarations.Any(d => d.DeclaredOn > ConvertedOn && rules.Precedes(d.Standard, to))
            ? Rules.StandardDowngrade
        : null;
}

/// <summary>The system was converted from <paramref name="From"/> to <paramref name="To"/>. Both are null in events
/// recorded before editions were data: those conversions went from 2008 to 2015.</summary>
public sealed record StandardConverted(
    DateOnly ConvertedOn, string? DecisionNo, Edition? From = null, Edition? To = null) : IUnitEvent
{
    public DateOnly BusinessDate => ConvertedOn;

    public Edition FromEdition => From ?? Edition.Iso9001V2008;

    public Edition ToEdition => To ?? Edition.Iso9001V2015;
}
