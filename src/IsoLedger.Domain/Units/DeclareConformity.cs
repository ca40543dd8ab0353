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

/// <summary>Conformity to the standard was declared (công bố); <paramref name="Redeclaration"/> when it was declared
/// before (công bố lại). <paramref name="DatedByReport"/> when the declaration is known only from a yearly report
/// table, so that <paramref name="DeclaredOn"/> is the report's date, not the declaration's;
/// <paramref name="WithoutConversion"/> when that table's conversion column said the unit had not converted, so that
/// the edition was declared, not reached by a conversion (a table of an earlier year imported after it, listing the
/// unit on an older edition, then records no conversion to it, as importing the years in order does).</summary>
public sealed record ConformityDeclared(
    DateOnly DeclaredOn, Edition Standard, string? DecisionNo, string? Scope, bool Redeclaration,
    bool DatedByReport = false, bool WithoutConversion = false) : IUnitEvent
{
    public DateOnly BusinessDate => DeclaredOn;
}
