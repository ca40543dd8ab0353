namespace IsoLedger.Domain.Units.Commands;

public sealed record IssueQualityObjectives(int Year, DateOnly IssuedOn, bool Policy, bool Objectives) : IUnitCommand
{
    public DateOnly BusinessDate => IssuedOn;

    public Decision Decide(Unit unit) => Decision.Accept(new QualityObjectivesIssued(Year, IssuedOn, Policy, Objectives));
}

public sealed record IssueMaintenancePlan(int Year, DateOnly IssuedOn) : IUnitCommand
{
    public DateOnly BusinessDate => IssuedOn;

    public Decision Decide(Unit unit) => Decision.Accept(new MaintenancePlanIssued(Year, IssuedOn));
}

public sealed record HoldInternalAudit(DateOnly HeldOn, string? Auditors, string? Scope) : IUnitCommand
{
    public DateOnly BusinessDate => HeldOn;

    public Decision Decide(Unit unit) => Decision.Accept(new InternalAuditHeld(HeldOn, Auditors, Scope));
}

public sealed record HoldManagementReview(DateOnly HeldOn, string? Outputs) : IUnitCommand
{
    public DateOnly BusinessDate => HeldOn;

    public Decision Decide(Unit unit) => Decision.Accept(new ManagementReviewHeld(HeldOn, Outputs));
}

public sealed record SubmitAnnualReport(int Year, DateOnly SubmittedOn) : IUnitCommand
{
    public DateOnly BusinessDate => SubmittedOn;

    public Decision Decide(Unit unit) => Decision.Accept(new AnnualReportSubmitted(Year, SubmittedOn));
}

public sealed record RecordInspection(int Year, DateOnly InspectedOn, bool OnSite, InspectionResult Result, string? Inspector, string? Notes)
    : IUnitCommand
{
    public DateOnly BusinessDate => InspectedOn;

    public Decision Decide(Unit unit) => Decision.Accept(new InspectionRecorded(Year, InspectedOn, OnSite, Result, Inspector, Notes));
}

public sealed record ReportCorrectiveActions(int Year, DateOnly ReportedOn) : IUnitCommand
{
    public DateOnly BusinessDate => ReportedOn;

    public Decision Decide(Unit unit) => Decision.Accept(new CorrectiveActionsReported(Year, ReportedOn));
}
