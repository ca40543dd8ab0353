namespace IsoLedger.Domain.Units;

/// <summary>Merges the unit into <paramref name="IntoCode"/>; <paramref name="TargetRegistered"/> says whether that
/// unit exists.</summary>
public sealed record MergeUnit(DateOnly MergedOn, string IntoCode, bool TargetRegistered) : IUnitCommand
{
    public DateOnly BusinessDate => MergedOn;

    public Decision Decide(Unit unit)
    {
        if (unit.Merger is not null) return Decision.Reject(Rules.UnitAlreadyMerged);
        if (!TargetRegistered || IntoCode == unit.Code) return Decision.Reject(Rules.MergeTargetNotFound);
        return Decision.Accept(new UnitMerged(MergedOn, IntoCode));
    }
}

/// <summary>The unit was merged into <paramref name="IntoCode"/>; its stream stays readable but takes nothing dated
/// later.</summary>
public sealed record UnitMerged(DateOnly MergedOn, string IntoCode) : IUnitEvent
{
    public DateOnly BusinessDate => MergedOn;
}
