using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Units;

/// <summary>A unit's status as of a date: identity (its name, province and district on that date), when it exists,
/// where its system stands, its yearly steps, the compliance rules it breaks, and the units it succeeded and that
/// succeeded it.</summary>
public sealed record UnitStatus
{
    public required string Code { get; init; }
    public required string Name { get; init; }
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
    public string? ParentCode { get; init; }
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
    public required ConversionStatus Conversion { get; init; }
    /// <summary>Every conversion from one edition to a later one recorded by the date.</summary>
    public required IReadOnlyList<EditionConversion> Conversions { get; init; }
    public ConformityDeclared? LatestDeclaration { get; init; }
    public SteeringBoardFormed? SteeringBoard { get; init; }
    public DocumentationIssued? LatestDocumentation { get; init; }
    public DateOnly? LastInternalAudit { get; init; }
    public DateOnly? LastManagementReview { get; init; }
    public required IReadOnlyList<Nonconformity> OpenNonconformities { get; init; }
    public required int OverdueNonconformities { get; init; }
    public required IReadOnlyList<ScopeChanged> ScopeChanges { get; init; }
    public required IReadOnlyList<YearStatus> Years { get; init; }
    public required IReadOnlyList<FlagView> Flags { get; init; }
    public UnitMerged? MergedInto { get; init; }
    public UnitSplit? SplitInto { get; init; }
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

/// <summary>One calendar year of a unit, in the columns of the provincial report.</summary>
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
