using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>One line of a province's yearly report table (the import format): who the unit is and which of the
/// year's steps it took. Facts whose own date the table does not say are dated <see cref="ReportDate"/>; a first
/// declaration the report places in an earlier year ("applying since 2015–2019") is dated <see cref="DeclaredBy"/>,
/// the last day by which it had happened. <see cref="SteeringBoard"/> and <see cref="Documentation"/> mark a board
/// formed and documentation issued in the year, which a report states for the communes new in the year;
/// <see cref="DecisionNo"/> the number of the decision that declared, where the declared column gives it.</summary>
public sealed record ReportRow(
    string Province, string UnitCode, string UnitName, UnitLevel Level, string? District, string? ParentCode,
    int Year, DateOnly ReportDate,
    bool Declared, Edition? Standard, ConversionState? Conversion,
    bool QualityPolicy, bool QualityObjectives, bool MaintenancePlan, bool InternalAudit, bool CorrectiveActions,
    bool ManagementReview, bool ReportSubmitted, InspectionResult? Inspection, DateOnly? DeclaredBy = null,
    bool SteeringBoard = false, bool Documentation = false, string? DecisionNo = null)
{
    /// <summary>The date given to the year's steps: the report's date, or the year's last day for a report written
    /// after it.</summary>
    public DateOnly StepDate => StepDateOf(Year, ReportDate);

    public static DateOnly StepDateOf(int year, DateOnly reportDate) =>
        reportDate.Year > year ? new DateOnly(year, 12, 31) : reportDate;

    /// <summary>The date given to a first declaration: <see cref="DeclaredBy"/> when the table gives it, otherwise
    /// <see cref="StepDate"/>.</summary>
    public DateOnly DeclarationDate => DeclaredBy ?? StepDate;

    /// <summary>The edition a first declaration is made on: 2008 under a conversion (the report tables' conversions
    /// go from 2008 to 2015); the one the table gives if it was published by the declaration's date, else the latest
    /// before it that was (a unit "applying since 2014" listed on 2015 declared on 2008 and converted later); without
    /// one, the edition the rule book required of new systems on that date.</summary>
    public Edition DeclaredStandard(RuleBook rules) =>
        Conversion is ConversionState.InProgress or ConversionState.Done ? Edition.Iso9001V2008
        : Standard is not { } listed ? rules.RequiredForNewSystemsOn(DeclarationDate) ?? Edition.Iso9001V2008
        : rules.Published(listed, DeclarationDate) ? listed
        : rules.Editions.LastOrDefault(e => e.PublishedOn <= DeclarationDate && rules.Precedes(e.Edition, listed))
            ?.Edition ?? listed;
}
