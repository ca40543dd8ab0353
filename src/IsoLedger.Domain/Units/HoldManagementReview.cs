using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record HoldManagementReview(DateOnly HeldOn, string? Outputs) : IUnitCommand
{
    public DateOnly BusinessDate => HeldOn;

    public Decision Decide(Unit unit, RuleBook rules) => Decision.Accept(new ManagementReviewHeld(HeldOn, Outputs));
}

public sealed record ManagementReviewHeld(DateOnly HeldOn, string? Outputs) : IUnitEvent
{
    public DateOnly BusinessDate => HeldOn;
}
