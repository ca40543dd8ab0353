using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>A conversion of a unit's system from one edition to a later one.</summary>
/// <param name="From">The edition converted from.</param>
/// <param name="To">The edition converted to.</param>
/// <param name="StartedOn">The day the conversion plan was adopted; null when only its completion is known.</param>
/// <param name="CompletedOn">The day the conversion was completed; null while it is under way.</param>
/// <param name="StartDecisionNo">The number of the plan or decision that started it; null when not known.</param>
/// <param name="CompletionDecisionNo">The number of the decision that completed it; null when not known or not yet
/// completed.</param>
public sealed record EditionConversion(
    Edition From, Edition To, DateOnly? StartedOn, DateOnly? CompletedOn, string? StartDecisionNo = null,
    string? CompletionDecisionNo = null)
{
    /// <summary>The editions a conversion dated <paramref name="on"/> goes from and to: from the edition the system is
    /// on, to <paramref name="requested"/> or else the next edition; null when there is no such conversion.</summary>
    public static (Edition From, Edition To)? Target(Unit unit, DateOnly on, Edition? requested, RuleBook rules) =>
        unit.StandardOn(on) is { } from
        && (requested ?? rules.After(from)) is { } to
        && rules.Knows(to) && rules.Precedes(from, to) && rules.Published(to, on)
            ? (from, to)
            : null;

    /// <summary>Why <see cref="Target"/> found no conversion.</summary>
    public static Rule Refusal(Unit unit, DateOnly on, Edition? requested, RuleBook rules) =>
        unit.StandardOn(on) is not { } from ? Rules.ConversionWithoutDeclaration
        : requested is { } to && !rules.Knows(to) ? Rules.EditionUnknown
        : unit.ConversionTo(requested ?? from) is { CompletedOn: not null } ? Rules.ConversionAlreadyDone
        : (requested ?? rules.After(from)) is { } target && rules.Knows(target) && rules.Precedes(from, target)
            && !rules.Published(target, on) ? Rules.EditionNotYetPublished
        : Rules.ConversionTargetNotLater;

    /// <summary>Reads the one 2008 → 2015 conversion of a state stored before editions were data.</summary>
    internal static IReadOnlyList<EditionConversion> Legacy(
        IReadOnlyList<EditionConversion> conversions, DateOnly? on, bool started)
    {
        if (on is not { } date) return conversions;
        var existing = conversions.FirstOrDefault(c => c.To == Edition.Iso9001V2015)
            ?? new EditionConversion(Edition.Iso9001V2008, Edition.Iso9001V2015, null, null);
        var updated = started ? existing with { StartedOn = date } : existing with { CompletedOn = date };
        return [.. conversions.Where(c => c != existing), updated];
    }
}
