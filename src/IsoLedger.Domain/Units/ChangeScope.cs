using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record ChangeScope(DateOnly ChangedOn, string Description, int? AdministrativeProcedures)
    : IUnitCommand
{
    public DateOnly BusinessDate => ChangedOn;

    public Decision Decide(Unit unit, RuleBook rules) =>
        Decision.Accept(new ScopeChanged(ChangedOn, Description, AdministrativeProcedures));
}

/// <summary>The scope of the system changed (e.g. new administrative procedures); it needs a new declaration.</summary>
/// <param name="ChangedOn">The day the scope changed.</param>
/// <param name="Description">What changed.</param>
/// <param name="AdministrativeProcedures">The number of administrative procedures covered after the change; null
/// when not given.</param>
public sealed record ScopeChanged(DateOnly ChangedOn, string Description, int? AdministrativeProcedures) : IUnitEvent
{
    /// <summary>The day the fact happened, by which the rules judge it: its <c>changedOn</c>.</summary>
    public DateOnly BusinessDate => ChangedOn;
}
