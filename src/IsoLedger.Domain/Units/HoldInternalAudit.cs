using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record HoldInternalAudit(DateOnly HeldOn, string? Auditors, string? Scope) : IUnitCommand
{
    public DateOnly BusinessDate => HeldOn;

    public Decision Decide(Unit unit, RuleBook rules) =>
        Decision.Accept(new InternalAuditHeld(HeldOn, Auditors, Scope));
}

public sealed record InternalAuditHeld(DateOnly HeldOn, string? Auditors, string? Scope) : IUnitEvent
{
    public DateOnly BusinessDate => HeldOn;
}
