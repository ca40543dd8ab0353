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
/// <param name="IssuedOn">The day the documentation was issued.</param>
/// <param name="Standard">The edition documented.</param>
/// <param name="DecisionNo">The number of the issuing decision; null when the source does not say.</param>
/// <param name="QualityManual">Whether a quality manual was issued.</param>
/// <param name="QualityPolicy">Whether a quality policy was issued.</param>
/// <param name="QualityObjectives">Whether quality objectives were issued.</param>
/// <param name="MandatoryProcedures">The number of mandatory procedures (usually 6–7).</param>
/// <param name="InternalProcedures">The number of internal procedures.</param>
/// <param name="BusinessProcedures">The number of business procedures (one per administrative procedure).</param>
/// <param name="AdministrativeProcedures">The number of administrative procedures (TTHC) covered.</param>
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
    /// <summary>The day the fact happened, by which the rules judge it: its <c>issuedOn</c>.</summary>
    public DateOnly BusinessDate => IssuedOn;
}
