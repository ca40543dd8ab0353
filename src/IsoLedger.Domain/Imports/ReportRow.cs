using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>One line of a province's yearly report table (the import format): who the unit is and which of the
/// year's steps it took. Facts whose own date the table does not say are dated <see cref="ReportDate"/>; a first
/// declaration the report places in an earlier year ("applying since 2015–2019") is dated <see cref="DeclaredBy"/>,
/// the last day by which it had happened. <see cref="SteeringBoard"/> and <see cref="Documentation"/> mark a board
/// formed and documentation issued in the year, which a report states for the communes new in the year;
/// <see cref="DecisionNo"/> the number of the decision that declared, where the declared column gives it. The
/// <see cref="Details"/> are what the import layout writes beside a report's facts, so that a year exported from the
/// ledger imports back as recorded.</summary>
public sealed record ReportRow(
    string Province, string UnitCode, string UnitName, UnitLevel Level, string? District, string? ParentCode,
    int Year, DateOnly ReportDate,
    bool Declared, Edition? Standard, ConversionState? Conversion,
    bool QualityPolicy, bool QualityObjectives, bool MaintenancePlan, bool InternalAudit, bool CorrectiveActions,
    bool ManagementReview, bool ReportSubmitted, InspectionResult? Inspection, DateOnly? DeclaredBy = null,
    bool SteeringBoard = false, bool Documentation = false, string? DecisionNo = null, RowDetails? Details = null)
{
    /// <summary>The row's <see cref="RowDetails"/>, none given when the table has no such columns.</summary>
    public RowDetails Given => Details ?? RowDetails.None;

    /// <summary>The province the unit is recorded in: the former one the row gives (<see
    /// cref="RowDetails.FormerProvince"/>: Quảng Bình for its Sở Nội vụ in Quảng Trị's 2025 table), else the row's.
    /// </summary>
    public string RecordedProvince => Given.FormerProvince ?? Province;

    /// <summary>The date given to the year's steps: the report's date, or the year's last day for a report written
    /// after it.</summary>
    public DateOnly StepDate => StepDateOf(Year, ReportDate);

    public static DateOnly StepDateOf(int year, DateOnly reportDate) =>
        reportDate.Year > year ? new DateOnly(year, 12, 31) : reportDate;

    /// <summary>Whether a unit that ended on <paramref name="endedOn"/> (merged away, split, dissolved, its level
    /// ended) ended within the row's year by the row's date: its last day is of the year and before the row's
    /// <see cref="StepDate"/>.</summary>
    public bool EndedWithin(DateOnly endedOn) => endedOn <= StepDate && endedOn.AddDays(-1).Year == Year;

    /// <summary>The row as it speaks of <paramref name="unit"/> (null: none recorded). A year's table lists the units
    /// that ended within the year (<see cref="EndedWithin"/>) as on their last day, the year's appendices of a
    /// province dated after its units merged away or its district bodies ended (30 June 2025) among them: such a row
    /// is dated that day, and names the unit's province as it was then (Quảng Bình for its department merged away on
    /// 1 July 2025, in Quảng Trị's 2025 table), as the import layout writes it, so that the unit is judged as it was
    /// and the row's facts are recorded by its end, not refused as after it. Any other row, and one of a province the
    /// unit did not count under on the row's date, stays as it is.</summary>
    public ReportRow For(Unit? unit)
    {
        if (unit?.EndedOn is not { } ended || !EndedWithin(ended)) return this;
        var last = ended.AddDays(-1);
        var recorded = unit.RecordedProvinceOn(last);
        return Provinces.Provinces.On(recorded, StepDate) == Provinces.Provinces.On(Province, StepDate)
            ? this with { ReportDate = last, Province = Provinces.Provinces.On(recorded, last) }
            : this;
    }

    /// <summary>The date given to a first declaration: <see cref="DeclaredBy"/> when the table gives it, otherwise
    /// <see cref="StepDate"/>.</summary>
    public DateOnly DeclarationDate => DeclaredBy ?? StepDate;

    /// <summary>The edition a first declaration is made on: 2008 under a conversion (the report tables' conversions
    /// go from 2008 to 2015); the one the table gives if it was published by the declaration's date, else the latest
    /// before it that was (a unit "applying since 2014" listed on 2015 declared on 2008 and converted later), as for
    /// one the row says reached the listed edition by a conversion (<see cref="ConversionDays.CompletedOn"/>); without
    /// one, the edition the rule book required of new systems on that date.</summary>
    public Edition DeclaredStandard(RuleBook rules) =>
        Conversion is ConversionState.InProgress or ConversionState.Done ? Edition.Iso9001V2008
        : Standard is not { } listed ? rules.RequiredForNewSystemsOn(DeclarationDate) ?? Edition.Iso9001V2008
        : rules.Published(listed, DeclarationDate) && Given.Conversion.CompletedOn is null ? listed
        : rules.Editions.LastOrDefault(e => e.PublishedOn <= DeclarationDate && rules.Precedes(e.Edition, listed))
            ?.Edition ?? listed;
}

/// <summary>What the import layout carries of a unit-year beyond a report's facts, each null where its cell is empty
/// or a mark without a day (not given, never "erase"): the unit's establishment date; the first declaration's scope;
/// the year's steering board (its day and decision, as the declared column gives a declaration's, its members and
/// chair); the year's documentation (its day, decision and contents); the year's inspection (its day, inspector,
/// whether on site, notes); the day of each of the year's steps its mark column gives by its day
/// (<see cref="StepDays"/>); and the days and decisions that started and completed the conversion the row shows
/// (<see cref="ConversionDays"/>), of this year or an earlier one; and the province the unit was recorded in where the
/// row's province is the one that province became part of (<see cref="FormerProvince"/>: a Quảng Bình unit in
/// Quảng Trị's table from 1 July 2025), so that it is registered where it was; and a conversion under way on the row's
/// date that the conversion column does not show (<see cref="ConversionUnderWay"/>: to 2015/Amd1:2024).</summary>
public sealed record RowDetails(
    DateOnly? EstablishedOn = null, string? Scope = null,
    DateOnly? SteeringBoardOn = null, string? SteeringBoardDecisionNo = null, int? SteeringBoardMembers = null,
    string? SteeringBoardChair = null, DateOnly? DocumentationOn = null, string? DocumentationDecisionNo = null,
    DateOnly? InspectedOn = null, string? Inspector = null, StepDays? StepDays = null,
    DocumentationContents? DocumentationContents = null, bool? OnSite = null, string? InspectionNotes = null,
    ConversionDays? ConversionDays = null, string? FormerProvince = null, ConversionUnderWay? Converting = null)
{
    public static readonly RowDetails None = new();

    /// <summary>The <see cref="StepDays"/> given, none when the row gives none.</summary>
    public StepDays Steps => StepDays ?? Imports.StepDays.None;

    /// <summary>The <see cref="DocumentationContents"/> given, none when the row gives none.</summary>
    public DocumentationContents Contents => DocumentationContents ?? Imports.DocumentationContents.None;

    /// <summary>The <see cref="ConversionDays"/> given, none when the row gives none.</summary>
    public ConversionDays Conversion => ConversionDays ?? Imports.ConversionDays.None;
}

/// <summary>When, and by which decision, the conversion a row shows started and was completed, each null where the
/// row dates it by its facts' date: the conversion to 2015 its conversion column says is under way or done, or, where
/// that column is empty, the one that reached the edition it lists. A year exported from the ledger carries them, so
/// that a conversion done in an earlier year imports on its day, not on the row's.</summary>
public sealed record ConversionDays(
    DateOnly? StartedOn = null, string? StartDecisionNo = null, DateOnly? CompletedOn = null,
    string? CompletionDecisionNo = null)
{
    public static readonly ConversionDays None = new();
}

/// <summary>A conversion to <paramref name="To"/> under way on a row's date that its conversion column, which is
/// about the conversion to 2015, does not show: a unit on 2015 converting to 2015/Amd1:2024, or on 2008 converting to
/// an edition after 2015. Started on <paramref name="StartedOn"/> (null: on the row's facts' date) by the decision
/// numbered <paramref name="DecisionNo"/> where known.</summary>
public sealed record ConversionUnderWay(Edition To, DateOnly? StartedOn = null, string? DecisionNo = null);

/// <summary>What the year's documentation holds, as <see cref="IssueDocumentation"/> records it, each null where not
/// given.</summary>
public sealed record DocumentationContents(
    bool? QualityManual = null, bool? QualityPolicy = null, bool? QualityObjectives = null,
    int? MandatoryProcedures = null, int? InternalProcedures = null, int? BusinessProcedures = null,
    int? AdministrativeProcedures = null)
{
    public static readonly DocumentationContents None = new();

    /// <summary>Each content by the import layout's column for it, the value given (null: not given) and the one
    /// <paramref name="recorded"/> holds (null: none, or nothing recorded).</summary>
    public IEnumerable<(string Column, object? Given, object? Recorded)> Compared(DocumentationIssued? recorded) =>
    [
        ("documentation_quality_manual", QualityManual, recorded?.QualityManual),
        ("documentation_quality_policy", QualityPolicy, recorded?.QualityPolicy),
        ("documentation_quality_objectives", QualityObjectives, recorded?.QualityObjectives),
        ("documentation_mandatory_procedures", MandatoryProcedures, recorded?.MandatoryProcedures),
        ("documentation_internal_procedures", InternalProcedures, recorded?.InternalProcedures),
        ("documentation_business_procedures", BusinessProcedures, recorded?.BusinessProcedures),
        ("documentation_administrative_procedures", AdministrativeProcedures, recorded?.AdministrativeProcedures),
    ];
}

/// <summary>The days of the year's steps a row gives in their mark columns instead of a mark, each null where the
/// step is dated the row's facts' date.</summary>
public sealed record StepDays(
    DateOnly? QualityPolicy = null, DateOnly? QualityObjectives = null, DateOnly? MaintenancePlan = null,
    DateOnly? InternalAudit = null, DateOnly? CorrectiveActions = null, DateOnly? ManagementReview = null,
    DateOnly? ReportSubmitted = null)
{
    public static readonly StepDays None = new();
}
