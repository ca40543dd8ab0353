namespace IsoLedger.Domain.Units;

/// <summary>An event on a unit's stream. <see cref="BusinessDate"/> is the day it happened, which may be years
/// before the day it was recorded; date-based rules judge this date.</summary>
public interface IUnitEvent
{
    DateOnly BusinessDate { get; }
}

public static class UnitEvents
{
    /// <summary>Every event type of a unit's stream, so the store knows them all before the first is read.</summary>
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(UnitRegistered), typeof(SteeringBoardFormed), typeof(DocumentationIssued),
        typeof(ConformityDeclared), typeof(ConversionStarted), typeof(StandardConverted),
        typeof(QualityObjectivesIssued), typeof(MaintenancePlanIssued), typeof(InternalAuditHeld),
        typeof(NonconformityRaised), typeof(CorrectiveActionTaken), typeof(NonconformityClosed),
        typeof(ManagementReviewHeld), typeof(AnnualReportSubmitted), typeof(InspectionRecorded),
        typeof(ScopeChanged), typeof(UnitMerged), typeof(CorrectiveActionsReported), typeof(UnitSplit),
        typeof(UnitDissolved), typeof(UnitRenamed), typeof(UnitTransferred), typeof(UnitTookOver), typeof(UnitListed),
    ];
}
