using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
// Not IsoLedger.Api.Vocabulary, the folder's name: a namespace of that name would hide the domain's Vocabulary class
// from every file of the API.
namespace IsoLedger.Api.VocabularyEndpoints;

/// <summary>Every term the API's answers use, with its Vietnamese (<c>vi</c>) and English (<c>en</c>) label: the
/// values of each enumeration (with the label of <c>none</c> as a unit's standard, and each level's in the singular,
/// <c>levelsSingular</c>, as one unit's level), rule ids with their sentences,
/// event type names, the names of the annual report's
/// columns (each the annual table row's field) and of the conversion counts (each the counts' field), and the rows and
/// columns of the summary table (each row's criterion, each tier the summary row's field), the conversion standings,
/// the report's parts, appendices and headline sentences, the trends' and the national view's columns, and the words
/// that name a unit's former district after its name.</summary>
public sealed record VocabularyAnswer(
    IReadOnlyList<Term> Levels, IReadOnlyList<Term> Standards, IReadOnlyList<Term> ConversionStates,
    IReadOnlyList<Term> InspectionResults, IReadOnlyList<Term> NonconformitySources,
    IReadOnlyList<Term> NonconformitySeverities, IReadOnlyList<Term> Rules, IReadOnlyList<Term> Events,
    IReadOnlyList<Term> ReportColumns, IReadOnlyList<Term> ConversionColumns, Term Total, Term UnitsCounted,
    IReadOnlyList<Term> SummaryRows, IReadOnlyList<Term> SummaryColumns, IReadOnlyList<Term> Standings,
    IReadOnlyList<Term> ReportSections, IReadOnlyList<Term> ReportAppendices, IReadOnlyList<Term> ReportHeadlines,
    IReadOnlyList<Term> TrendColumns, IReadOnlyList<Term> NationalColumns, IReadOnlyList<Term> ObligationKinds,
    IReadOnlyList<Term> EditionColumns, IReadOnlyList<Term> RestructuringKinds, Term NoStandard, Term SummaryTitle,
    Term TrendsTitle, IReadOnlyList<Term> LevelsSingular, Term FormerDistrict, Term ReportEndedInYear);

public static class GetVocabulary
{
    /// <summary>The editions are the rule book's, which an administrator may extend.</summary>
    private static VocabularyAnswer Answer(RuleBook rules) => new(
        Vocabulary.Levels.All, [.. rules.Editions.Select(e => new Term(e.Edition.Name, e.NameVi, e.NameEn))],
        Vocabulary.Conversions.All, Vocabulary.Inspections.All,
        Vocabulary.NonconformitySources.All, Vocabulary.NonconformitySeverities.All, Vocabulary.Rules,
        Vocabulary.Events, Vocabulary.ReportColumns, Vocabulary.ConversionColumns, Vocabulary.Total,
        Vocabulary.UnitsCounted, Vocabulary.SummaryRows, Vocabulary.SummaryColumns, Vocabulary.Standings.All,
        Vocabulary.ReportSections, Vocabulary.ReportAppendices, Vocabulary.ReportHeadlines, Vocabulary.TrendColumns,
        Vocabulary.NationalColumns, Vocabulary.ObligationKinds.All, Vocabulary.EditionColumns,
        Vocabulary.RestructuringKinds.All, Vocabulary.NoStandard, Vocabulary.SummaryTitle, Vocabulary.TrendsTitle,
        Vocabulary.LevelsSingular.All, Vocabulary.FormerDistrict, Vocabulary.ReportEndedInYear);

    /// <summary>The vocabulary: every enumeration value with its Vietnamese and English labels</summary>
    /// <remarks>Levels (as groups, and in the singular as one unit's), editions of the standard (<c>standards</c>,
    /// from the rule book), conversion states, inspection results, nonconformity sources and severities, rules (id and
    /// sentence), event types, the column names of the annual report and of conversion progress, the rows and columns
    /// of the summary table, and the kinds of the rule book's obligations, each as <c>{value, vi, en}</c> where
    /// <c>value</c> is what the other answers write. The dashboard labels everything with it.</remarks>
    [WolverineGet("/api/vocabulary", OperationId = "GetVocabulary"), Tags("Vocabulary")]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<VocabularyAnswer>(StatusCodes.Status200OK,
        Description = "The vocabulary: every enumeration's values with their Vietnamese and English labels.")]
    public static IResult Get(RuleBookSource rules) => Results.Ok(Answer(rules.Current));
}
