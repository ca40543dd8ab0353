using IsoLedger.Api.Hosting;
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
/// <param name="Levels">The administrative levels (a unit's <c>level</c>), each labelled as a group of units, as a
/// report's heading or a column over their counts.</param>
/// <param name="Standards">The editions of the standard in the rule book (a unit's <c>standard</c>), oldest
/// first.</param>
/// <param name="ConversionStates">The states of a conversion (a row's <c>conversion</c>), labelled as the report's
/// standard column prints them.</param>
/// <param name="InspectionResults">The verdicts of a year's inspection (a row's <c>inspection</c>), in the report's
/// words ("Đạt", "Ko có Bc").</param>
/// <param name="NonconformitySources">What may find a nonconformity (its <c>source</c>).</param>
/// <param name="NonconformitySeverities">How serious a nonconformity may be (its <c>severity</c>).</param>
/// <param name="Rules">Every rule by its id (a flag's or a problem's <c>rule</c>), labelled with its sentence.</param>
/// <param name="Events">Every event type by its name in the event feed and a unit's history (<c>type</c>): a unit's,
/// then the rule book's.</param>
/// <param name="ReportColumns">The columns of the annual report's table (its appendices), in the report's order; each
/// value is the annual table row's field.</param>
/// <param name="ConversionColumns">The conversion counts 2008 → 2015, each value the counts' field.</param>
/// <param name="Total">The word for a total, as a table heads its totals line.</param>
/// <param name="UnitsCounted">The word after a group's unit count in a report's totals.</param>
/// <param name="SummaryRows">The rows of the report's summary table (Phụ lục 9), in the report's order; each value is
/// a summary row's <c>criterion</c>.</param>
/// <param name="SummaryColumns">The columns of the summary table, in the report's order; the tiers' values are the
/// summary row's fields.</param>
/// <param name="Standings">Where a unit stands on the way to ISO 9001:2015 (a unit's <c>standing</c> in the
/// conversion drill-down).</param>
/// <param name="ReportSections">The parts of the province's report, in its order, each with the sentence that opens
/// it (<c>{of}</c> the part's units, <c>{year}</c> the report's year); each value is a report part's
/// <c>id</c>.</param>
/// <param name="ReportAppendices">The report's appendices, one per part (same values), as a workbook names their
/// sheets.</param>
/// <param name="ReportHeadlines">The report's headline sentences, each value a headline's <c>id</c>: <c>{count}</c>,
/// <c>{of}</c> and <c>{percent}</c> are its figure, <c>{level}</c> the label of its level.</param>
/// <param name="TrendColumns">The columns of the trends, each value a trend point's field or a figure's <c>key</c>
/// ("part.headline").</param>
/// <param name="NationalColumns">The columns of the national view, one row per province; each value is the row's
/// field.</param>
/// <param name="ObligationKinds">What an entry of the rule book may require (its <c>kind</c>).</param>
/// <param name="EditionColumns">The counts of every edition (GET /api/dashboards/editions); each value is the counts'
/// field.</param>
/// <param name="RestructuringKinds">What a part of a restructuring may do (its <c>kind</c>).</param>
/// <param name="NoStandard">The label of <c>none</c> as a unit's standard: no system declared.</param>
/// <param name="SummaryTitle">The summary table's title; a workbook names its sheet so.</param>
/// <param name="TrendsTitle">The trends' title, as a workbook names its sheet.</param>
/// <param name="LevelsSingular">The levels in the singular, as one unit's level ("Level: Commune").</param>
/// <param name="FormerDistrict">The words before a unit's former district (or former province) after its name in a
/// table of a day after the district level ended.</param>
/// <param name="ReportEndedInYear">What a part's opening sentence adds when its appendix lists units that ended within
/// the year, which its figures do not count (<c>{ended}</c> their number).</param>
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
    [WolverineGet("/api/vocabulary", OperationId = "GetVocabulary"), Tags(ApiTags.Vocabulary)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<VocabularyAnswer>(StatusCodes.Status200OK,
        Description = "The vocabulary: every enumeration's values with their Vietnamese and English labels.")]
    public static IResult Get(RuleBookSource rules) => Results.Ok(Answer(rules.Current));
}
