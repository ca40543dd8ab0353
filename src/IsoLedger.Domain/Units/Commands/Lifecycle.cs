namespace IsoLedger.Domain.Units.Commands;

public sealed record FormSteeringBoard(DateOnly FormedOn, int Members, string? Chair, string? DecisionNo) : IUnitCommand
{
    public DateOnly BusinessDate => FormedOn;

    public Decision Decide(Unit unit) =>
        Decision.Accept(new SteeringBoardFormed(FormedOn, Members, Chair, DecisionNo, Reorganisation: unit.SteeringBoards.Count > 0));
}

public sealed record IssueDocumentation(
    DateOnly IssuedOn, QmsStandard Standard, string? DecisionNo, bool QualityManual, bool QualityPolicy, bool QualityObjectives,
    int MandatoryProcedures, int InternalProcedures, int BusinessProcedures, int AdministrativeProcedures) : IUnitCommand
{
    public DateOnly BusinessDate => IssuedOn;

    public Decision Decide(Unit unit) => Decision.Accept(new DocumentationIssued(
        IssuedOn, Standard, DecisionNo, QualityManual, QualityPolicy, QualityObjectives,
        MandatoryProcedures, InternalProcedures, BusinessProcedures, AdministrativeProcedures));
}

public sealed record DeclareConformity(DateOnly DeclaredOn, QmsStandard Standard, string? DecisionNo, string? Scope, bool DatedByReport = false)
    : IUnitCommand
{
    public DateOnly BusinessDate => DeclaredOn;

    public Decision Decide(Unit unit)
    {
        if (Standard == QmsStandard.Iso9001V2008 && unit.StandardOn(DeclaredOn) == QmsStandard.Iso9001V2015)
            return Decision.Reject(Rules.StandardDowngrade);
        var redeclaration = unit.Declarations.Any(d => d.DeclaredOn <= DeclaredOn);
        return Decision.Accept(new ConformityDeclared(DeclaredOn, Standard, DecisionNo, Scope, redeclaration, DatedByReport));
    }
}

public sealed record ChangeScope(DateOnly ChangedOn, string Description, int? AdministrativeProcedures) : IUnitCommand
{
    public DateOnly BusinessDate => ChangedOn;

    public Decision Decide(Unit unit) => Decision.Accept(new ScopeChanged(ChangedOn, Description, AdministrativeProcedures));
}

/// <summary>Merges the unit into <paramref name="IntoCode"/>; <paramref name="TargetRegistered"/> says whether that unit exists.</summary>
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
