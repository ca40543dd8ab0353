using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Units;

/// <summary>A unit's status as of a date: identity (its name, province and district on that date), when it exists,
/// where its system stands, its yearly steps, the compliance rules it breaks, and the units it succeeded and that
/// succeeded it.</summary>
public sealed record UnitStatus
{
    /// <summary>The unit's code.</summary>
    public required string Code { get; init; }
    /// <summary>Its name on the date (a unit renamed later keeps the name it had then).</summary>
    public required string Name { get; init; }
    /// <summary>Its administrative level.</summary>
    public required UnitLevel Level { get; init; }
    /// <summary>The province on the date: from 1 July 2025 a former Quảng Bình unit is in Quảng Trị, from 1 January
    /// 2025 a Thừa Thiên Huế one in Huế (a unit that had ended, as on its last day).</summary>
    public required string Province { get; init; }
    /// <summary>The province the unit was recorded in (or transferred to), when that is not its province on the date:
    /// Quảng Bình for a former Quảng Bình unit from 1 July 2025.</summary>
    public string? FormerProvince { get; init; }
    /// <summary>The district on the date: none from 1 July 2025, when the district level ended and communes began
    /// to report to the province directly.</summary>
    public string? District { get; init; }
    /// <summary>From 1 July 2025, the district the unit was in before the level ended: how it is told apart from a
    /// unit of the same name in another former district.</summary>
    public string? FormerDistrict { get; init; }
    /// <summary>For a sub-department, the code of the department it belonged to on the date; null for other
    /// units.</summary>
    public string? ParentCode { get; init; }
    /// <summary>The unit's establishment date as registered, or, when that was unknown, the day it was registered
    /// (it then exists from its earliest recorded fact: <c>existsFrom</c>).</summary>
    public required DateOnly RegisteredOn { get; init; }
    /// <summary>The day the unit came into existence: its establishment date, or its earliest recorded fact when
    /// that date is unknown.</summary>
    public required DateOnly ExistsFrom { get; init; }
    /// <summary>The day it ceased to exist (merged, split, dissolved, or its level ended), if it did.</summary>
    public DateOnly? EndedOn { get; init; }
    /// <summary>The date the status is judged as of.</summary>
    public required DateOnly AsOf { get; init; }
    /// <summary>The edition the system is on: <c>none</c>, or an edition's name (<c>2008</c>, <c>2015</c>,
    /// …).</summary>
    public required string Standard { get; init; }
    /// <summary>The unit's latest conversion from one edition to another as of the date.</summary>
    public required ConversionStatus Conversion { get; init; }
    /// <summary>Every conversion from one edition to a later one recorded by the date.</summary>
    public required IReadOnlyList<EditionConversion> Conversions { get; init; }
    /// <summary>The latest declaration of conformity (công bố) dated by the date; null before the first.</summary>
    public ConformityDeclared? LatestDeclaration { get; init; }
    /// <summary>The steering board formed latest by the date (a later one reorganises it); null before the
    /// first.</summary>
    public SteeringBoardFormed? SteeringBoard { get; init; }
    /// <summary>The documentation issued latest by the date; null before the first.</summary>
    public DocumentationIssued? LatestDocumentation { get; init; }
    /// <summary>The day of the latest internal audit held by the date; null before the first.</summary>
    public DateOnly? LastInternalAudit { get; init; }
    /// <summary>The day of the latest management review held by the date; null before the first.</summary>
    public DateOnly? LastManagementReview { get; init; }
    /// <summary>The nonconformities raised by the date and not closed by then, with their corrective
    /// actions.</summary>
    public required IReadOnlyList<Nonconformity> OpenNonconformities { get; init; }
    /// <summary>How many of the open nonconformities were past their due date on the date.</summary>
    public required int OverdueNonconformities { get; init; }
    /// <summary>Every change of the system's scope on record for the unit.</summary>
    public required IReadOnlyList<ScopeChanged> ScopeChanges { get; init; }
    /// <summary>Every calendar year with a yearly step, an internal audit or a management review on record for the
    /// unit, in ascending order.</summary>
    public required IReadOnlyList<YearStatus> Years { get; init; }
    /// <summary>The compliance rules the unit breaks as of the date.</summary>
    public required IReadOnlyList<FlagView> Flags { get; init; }
    /// <summary>The merge of the unit into another, when one is on record (dated after the date too: <c>endedOn</c>
    /// says whether it had ended by then); null otherwise.</summary>
    public UnitMerged? MergedInto { get; init; }
    /// <summary>The split of the unit into others, when one is on record (dated after the date too); null
    /// otherwise.</summary>
    public UnitSplit? SplitInto { get; init; }
    /// <summary>The unit's dissolution, when one is on record (dated after the date too); null otherwise.</summary>
    public UnitDissolved? Dissolved { get; init; }
    /// <summary>The units this one took over by the date, with where each one's system stood on the effective
    /// date: a successor inherits their history, not their declarations.</summary>
    public required IReadOnlyList<UnitTookOver> Predecessors { get; init; }
    /// <summary>The version of the unit's stream this status reflects.</summary>
    public required long Version { get; init; }

    public static UnitStatus Of(Unit unit, DateOnly asOf, RuleBook rules)
    {
        var standard = unit.StandardOn(asOf);
        var years = unit.InternalAudits.Concat(unit.ManagementReviews).Select(d => d.Year)
            .Concat(unit.Years.Keys)
            .Distinct()
            .Order()
            .Select(year => YearStatus.Of(unit, year))
            .ToList();
        return new UnitStatus
        {
            Code = unit.Code,
            Name = unit.NameOn(asOf),
            Level = unit.Level,
            Province = unit.ProvinceOn(asOf),
            FormerProvince = unit.FormerProvinceOn(asOf),
            District = unit.DistrictOn(asOf),
            FormerDistrict = unit.FormerDistrictOn(asOf),
            ParentCode = unit.ParentCodeOn(asOf),
            RegisteredOn = unit.RegisteredOn,
            ExistsFrom = unit.ExistsFrom,
            // Not an end still to come on that day (the district level's, 1 July 2025, was not known in 2020).
            EndedOn = unit.EndedOn <= asOf ? unit.EndedOn : null,
            AsOf = asOf,
            Standard = standard.OrNone(),
            Conversion = ConversionStatus.Of(unit, asOf),
            // A conversion under way on that day shows no completion yet, nor the decision that completed it.
            Conversions = [.. unit.Conversions.Where(c => (c.StartedOn ?? c.CompletedOn) <= asOf)
                .Select(c => c.CompletedOn <= asOf ? c : c with { CompletedOn = null, CompletionDecisionNo = null })],
            // A re-declaration if any declaration came before it, whatever order they were recorded in.
            LatestDeclaration = unit.LatestDeclarationOn(asOf) is { } latest
                ? latest with { Redeclaration = unit.DeclarationsMade.Any(d => d.DeclaredOn < latest.DeclaredOn) }
                : null,
            SteeringBoard = unit.SteeringBoards.Where(b => b.FormedOn <= asOf).MaxBy(b => b.FormedOn),
            LatestDocumentation = unit.Documentation.Where(d => d.IssuedOn <= asOf).MaxBy(d => d.IssuedOn),
            LastInternalAudit = unit.InternalAudits.Where(d => d <= asOf).Max(d => (DateOnly?)d),
            LastManagementReview = unit.ManagementReviews.Where(d => d <= asOf).Max(d => (DateOnly?)d),
            OpenNonconformities = unit.Nonconformities.Where(n => n.IsOpenOn(asOf)).ToList(),
            OverdueNonconformities = unit.Nonconformities.Count(n => n.IsOverdueOn(asOf)),
            ScopeChanges = unit.ScopeChanges,
            Years = years,
            Flags = Compliance.Flags(unit, asOf, rules).Select(FlagView.Of).ToList(),
            MergedInto = unit.Merger,
            SplitInto = unit.Split,
            Dissolved = unit.Dissolution,
            Predecessors = unit.TookOver.Where(t => t.EffectiveOn <= asOf).ToList(),
            Version = unit.Version,
        };
    }
}

/// <summary>The unit's latest conversion as of the date: under way, or done (<c>state</c> none when it never
/// converted).</summary>
/// <param name="State">Where that conversion stood on the date: <c>in-progress</c> (started, not completed),
/// <c>done</c>, or <c>none</c> when the unit had not converted.</param>
/// <param name="From">The edition converted from; null with state none.</param>
/// <param name="To">The edition converted to; null with state none.</param>
/// <param name="StartedOn">The day the conversion plan was adopted; null with state none, or for a conversion known
/// only by its completion.</param>
/// <param name="ConvertedOn">The day the conversion was completed; null until then.</param>
public sealed record ConversionStatus(
    ConversionState State, Edition? From, Edition? To, DateOnly? StartedOn, DateOnly? ConvertedOn)
{
    public static ConversionStatus Of(Unit unit, DateOnly asOf)
    {
        var latest = unit.ConversionUnderWayOn(asOf)
            ?? unit.Conversions.Where(c => c.CompletedOn <= asOf).MaxBy(c => c.CompletedOn);
        return latest is null
            ? new(ConversionState.None, null, null, null, null)
            : new(unit.ConversionOn(asOf, latest.To), latest.From, latest.To, latest.StartedOn,
                latest.CompletedOn <= asOf ? latest.CompletedOn : null);
    }
}

/// <summary>One calendar year of a unit, in the columns of the provincial report: its steps on record.</summary>
/// <param name="Year">The year.</param>
/// <param name="QualityPolicyOn">The day the year's quality policy (CSCL) was issued; null when none is
/// recorded.</param>
/// <param name="QualityObjectivesOn">The day the year's quality objectives (MTCL) were issued; null when none are
/// recorded.</param>
/// <param name="MaintenancePlanOn">The day the year's maintenance plan was issued; null when none is
/// recorded.</param>
/// <param name="InternalAudits">The internal audits held in the year.</param>
/// <param name="CorrectiveActions">The corrective actions taken in the year on nonconformities.</param>
/// <param name="CorrectiveActionsReported">Whether the year's report stated corrective actions taken (the report's
/// HĐKP column, imported from a report table).</param>
/// <param name="ManagementReviews">The management reviews held in the year.</param>
/// <param name="ReportSubmittedOn">The day the yearly report (báo cáo duy trì) was sent; null when none is
/// recorded.</param>
/// <param name="Inspection">The year's verdict in force: its latest inspection by date; null when none is
/// recorded.</param>
public sealed record YearStatus(
    int Year,
    DateOnly? QualityPolicyOn,
    DateOnly? QualityObjectivesOn,
    DateOnly? MaintenancePlanOn,
    int InternalAudits,
    int CorrectiveActions,
    bool CorrectiveActionsReported,
    int ManagementReviews,
    DateOnly? ReportSubmittedOn,
    InspectionRecorded? Inspection)
{
    public static YearStatus Of(Unit unit, int year)
    {
        var record = unit.Year(year);
        return new YearStatus(
            year,
            record.QualityPolicyOn,
            record.QualityObjectivesOn,
            record.MaintenancePlanOn,
            unit.InternalAudits.Count(d => d.Year == year),
            unit.Nonconformities.SelectMany(n => n.CorrectiveActions).Count(a => a.TakenOn.Year == year),
            record.CorrectiveActionsReportedOn is not null,
            unit.ManagementReviews.Count(d => d.Year == year),
            record.ReportSubmittedOn,
            record.Inspection);
    }
}

/// <summary>A compliance flag as clients see it: the rule's id and sentence, since when, and about what.</summary>
/// <param name="Rule">The rule's id (GET /api/vocabulary, <c>rules</c>).</param>
/// <param name="Sentence">The rule's sentence in English.</param>
/// <param name="Since">The day the unit has broken it since.</param>
/// <param name="Subject">What it is about (a year, a nonconformity), if anything.</param>
/// <param name="Basis">The rule book's entry that requires it (its id, legal act and validity), if any.</param>
/// <param name="Edition">The edition it is about, with the names people read, if it is about one.</param>
public sealed record FlagView(
    string Rule, string Sentence, DateOnly Since, string? Subject, Obligation? Basis, Term? Edition)
{
    public static FlagView Of(ComplianceFlag flag) =>
        new(flag.Rule.Id, flag.Rule.Sentence, flag.Since, flag.Subject, flag.Basis, flag.Edition);
}
