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
public sealed record ScopeChanged(DateOnly ChangedOn, string Description, int? AdministrativeProcedures) : IUnitEvent
{
    public DateOnly BusinessDate => ChangedOn;
}
