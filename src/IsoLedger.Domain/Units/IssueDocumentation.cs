using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record IssueDocumentation(
    DateOnly IssuedOn, Edition Standard, string? DecisionNo,
    bool? QualityManual, bool? QualityPolicy, bool? QualityObjectives,
    int? MandatoryProcedures, int? InternalProcedures, int? BusinessProcedures, int? AdministrativeProcedures)
    : IUnitCommand
{
    public DateOnly BusinessDate => IssuedOn;

    public Decision Decide(Unit unit, RuleBook rules) => rules.Knows(Standard)
        ? Decision.Accept(new DocumentationIssued(
            IssuedOn, Standard, DecisionNo, QualityManual, QualityPolicy, QualityObjectives,
            MandatoryProcedures, InternalProcedures, BusinessProcedures, AdministrativeProcedures))
        : Decision.Reject(Rules.EditionUnknown);
}

/// <summary>The quality-management documentation was issued (ban hành hệ thống tài liệu). What it holds is null
/// where the source (a report's table or text, which says only that it was issued) does not say.</summary>
public sealed record DocumentationIssued(
    DateOnly IssuedOn,
    Edition Standard,
    string? DecisionNo,
    bool? QualityManual,
    bool? QualityPolicy,
    bool? QualityObjectives,
    int? MandatoryProcedures,
    int? InternalProcedures,
    int? BusinessProcedures,
    int? AdministrativeProcedures) : IUnitEvent
{
    public DateOnly BusinessDate => IssuedOn;
}
