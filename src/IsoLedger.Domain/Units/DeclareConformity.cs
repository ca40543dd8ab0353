using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record DeclareConformity(
    DateOnly DeclaredOn, Edition Standard, string? DecisionNo, string? Scope, bool DatedByReport = false,
    bool WithoutConversion = false)
    : IUnitCommand
{
    public DateOnly BusinessDate => DeclaredOn;

    public Decision Decide(Unit unit, RuleBook rules)
    {
        if (!rules.Knows(Standard)) return Decision.Reject(Rules.EditionUnknown);
        if (!rules.Published(Standard, DeclaredOn)) return Decision.Reject(Rules.EditionNotYetPublished);
        if (unit.StandardOn(DeclaredOn) is { } current && rules.Precedes(Standard, current))
            return Decision.Reject(Rules.StandardDowngrade);
        var redeclaration = unit.Declarations.Any(d => d.DeclaredOn <= DeclaredOn);
        return Decision.Accept(
            new ConformityDeclared(
                DeclaredOn, Standard, DecisionNo, Scope, redeclaration, DatedByReport, WithoutConversion));
    }
}

/// <summary>Conformity of the unit's system to the standard was declared (công bố), by the unit head's
/// decision.</summary>
/// <param name="DeclaredOn">The day of the declaration decision; for one known only from a report table, the
/// report's date.</param>
/// <param name="Standard">The edition declared.</param>
/// <param name="DecisionNo">The number of the declaration decision; null when the source does not say.</param>
/// <param name="Scope">The scope declared (e.g. the administrative procedures covered); null when the source does
/// not say.</param>
/// <param name="Redeclaration">Whether the unit had declared before: a new declaration (công bố lại).</param>
/// <param name="DatedByReport">Whether the declaration is known only from a yearly report table, so that
/// <c>declaredOn</c> is the report's date, not the declaration's.</param>
/// <param name="WithoutConversion">Whether that table's conversion column said the unit had not converted: the
/// edition was declared, not reached by a conversion (a table of an earlier year imported after a later one, listing
/// the unit on an older edition, then records no conversion to it, as importing the years in order does).</param>
public sealed record ConformityDeclared(
    DateOnly DeclaredOn, Edition Standard, string? DecisionNo, string? Scope, bool Redeclaration,
    bool DatedByReport = false, bool WithoutConversion = false) : IUnitEvent
{
    /// <summary>The day the fact happened, by which the rules judge it: its <c>declaredOn</c>.</summary>
    public DateOnly BusinessDate => DeclaredOn;
}
