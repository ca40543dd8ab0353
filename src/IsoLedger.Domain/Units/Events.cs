namespace IsoLedger.Domain.Units;

/// <summary>An event on a unit's stream. <see cref="BusinessDate"/> is the day it happened, which may be years
/// before the day it was recorded; date-based rules judge this date.</summary>
public interface IUnitEvent
{
    DateOnly BusinessDate { get; }
}

public sealed record UnitRegistered(
    string Code, string Name, UnitLevel Level, string Province, string? District, string? ParentCode, DateOnly RegisteredOn) : IUnitEvent
{
    public DateOnly BusinessDate => RegisteredOn;
}

/// <summary>The ISO steering board was formed (thành lập) or, when <paramref name="Reorganisation"/>, reorganised (kiện toàn).</summary>
public sealed record SteeringBoardFormed(DateOnly FormedOn, int Members, string? Chair, string? DecisionNo, bool Reorganisation) : IUnitEvent
{
    public DateOnly BusinessDate => FormedOn;
}

/// <summary>The quality-management documentation was issued (ban hành hệ thống tài liệu).</summary>
public sealed record DocumentationIssued(
    DateOnly IssuedOn,
    QmsStandard Standard,
    string? DecisionNo,
    bool QualityManual,
    bool QualityPolicy,
    bool QualityObjectives,
    int MandatoryProcedures,
    int InternalProcedures,
    int BusinessProcedures,
    int AdministrativeProcedures) : IUnitEvent
{
    public DateOnly BusinessDate => IssuedOn;
}

/// <summary>Conformity to the standard was declared (công bố); <paramref name="Redeclaration"/> when it was declared before (công bố lại).
/// <paramref name="DatedByReport"/> when the declaration is known only from a yearly report table, so that
/// <paramref name="DeclaredOn"/> is the report's date, not the declaration's.</summary>
public sealed record ConformityDeclared(
    DateOnly DeclaredOn, QmsStandard Standard, string? DecisionNo, string? Scope, bool Redeclaration, bool DatedByReport = false) : IUnitEvent
{
    public DateOnly BusinessDate => DeclaredOn;
}

public sealed record ConversionStarted(DateOnly StartedOn, string? DecisionNo) : IUnitEvent
{
    public DateOnly BusinessDate => StartedOn;
}

/// <summary>The system was converted from ISO 9001:2008 to ISO 9001:2015.</summary>
public sealed record StandardConverted(DateOnly ConvertedOn, string? DecisionNo) : IUnitEvent
{
    public DateOnly BusinessDate => ConvertedOn;
}

/// <summary>The quality policy and/or objectives for <paramref name="Year"/> were issued (CSCL, MTCL).</summary>
public sealed record QualityObjectivesIssued(int Year, DateOnly IssuedOn, bool Policy, bool Objectives) : IUnitEvent
{
    public DateOnly BusinessDate => IssuedOn;
}

public sealed record MaintenancePlanIssued(int Year, DateOnly IssuedOn) : IUnitEvent
{
    public DateOnly BusinessDate => IssuedOn;
}

public sealed record InternalAuditHeld(DateOnly HeldOn, string? Auditors, string? Scope) : IUnitEvent
{
    public DateOnly BusinessDate => HeldOn;
}

public sealed record NonconformityRaised(
    string NonconformityId, DateOnly RaisedOn, NonconformitySource Source, string Description,
    NonconformitySeverity Severity, string? Clause, DateOnly? DueOn) : IUnitEvent
{
    public DateOnly BusinessDate => RaisedOn;
}

public sealed record CorrectiveActionTaken(string NonconformityId, DateOnly TakenOn, string RootCause, string Action) : IUnitEvent
{
    public DateOnly BusinessDate => TakenOn;
}

/// <summary>The nonconformity was closed after its corrective action was verified effective (ISO 9001 §10.2).</summary>
public sealed record NonconformityClosed(string NonconformityId, DateOnly ClosedOn, bool Effective) : IUnitEvent
{
    public DateOnly BusinessDate => ClosedOn;
}

public sealed record ManagementReviewHeld(DateOnly HeldOn, string? Outputs) : IUnitEvent
{
    public DateOnly BusinessDate => HeldOn;
}

public sealed record AnnualReportSubmitted(int Year, DateOnly SubmittedOn) : IUnitEvent
{
    public DateOnly BusinessDate => SubmittedOn;
}

public sealed record InspectionRecorded(
    int Year, DateOnly InspectedOn, bool OnSite, InspectionResult Result, string? Inspector, string? Notes) : IUnitEvent
{
    public DateOnly BusinessDate => InspectedOn;
}

/// <summary>The scope of the system changed (e.g. new administrative procedures); it needs a new declaration.</summary>
/// <summary>A unit's yearly report says corrective actions (HĐKP) were taken in <paramref name="Year"/>, without
/// naming the nonconformities they answered (as the provinces' report tables record it).</summary>
public sealed record CorrectiveActionsReported(int Year, DateOnly ReportedOn) : IUnitEvent
{
    public DateOnly BusinessDate => ReportedOn;
}

public sealed record ScopeChanged(DateOnly ChangedOn, string Description, int? AdministrativeProcedures) : IUnitEvent
{
    public DateOnly BusinessDate => ChangedOn;
}

/// <summary>The unit was merged into <paramref name="IntoCode"/>; its stream stays readable but takes nothing dated later.</summary>
public sealed record UnitMerged(DateOnly MergedOn, string IntoCode) : IUnitEvent
{
    public DateOnly BusinessDate => MergedOn;
}

public static class UnitEvents
{
    /// <summary>Every event type of a unit's stream, so the store knows them all before the first is read.</summary>
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(UnitRegistered), typeof(SteeringBoardFormed), typeof(DocumentationIssued), typeof(ConformityDeclared),
        typeof(ConversionStarted), typeof(StandardConverted), typeof(QualityObjectivesIssued), typeof(MaintenancePlanIssued),
        typeof(InternalAuditHeld), typeof(NonconformityRaised), typeof(CorrectiveActionTaken), typeof(NonconformityClosed),
        typeof(ManagementReviewHeld), typeof(AnnualReportSubmitted), typeof(InspectionRecorded), typeof(ScopeChanged),
        typeof(UnitMerged), typeof(CorrectiveActionsReported),
    ];
}
