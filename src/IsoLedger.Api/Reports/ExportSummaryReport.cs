using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Reports;

public static class ExportSummaryReportEndpoint
{
    /// <summary>Export the year's summary table (the report's Phụ lục 9)</summary>
    /// <remarks>Per administrative tier (provincial bodies, districts, communes) and in total: the units that declared
    /// a system, those that complied with the rules in the year, and those on the year's current edition, each as a
    /// count out of the declared; and those still on an older edition. <c>format=json</c> (default) gives the table
    /// with the projection's freshness; <c>format=csv</c> the report's layout, in Vietnamese, or English with
    /// <c>lang=en</c>; <c>format=xlsx</c> that layout as a workbook, the tiers under a merged header, text as values
    /// (never formulas), numbers as numbers. Judged like the dashboards: the province as counted on the year's end,
    /// from the dashboards' projection (<c>consistent=true</c> waits for it); <c>asOf</c> (a day of the year)
    /// judges the year on that day instead.</remarks>
    [WolverineGet("/api/reports/summary/{year}", OperationId = "ExportSummaryReport")]
    [Tags(ApiTags.ImportAndExport)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<SummaryTable>>(StatusCodes.Status200OK, "application/json",
        "text/csv", XlsxWriter.ContentType,
        Description = "The year's summary table (Phụ lục 9), in the format asked for: JSON, CSV or a workbook.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        int year, IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        RuleBookSource rules, CancellationToken cancellation,
        string? province = null, string? format = null, string? lang = null, string? asOf = null,
        string? consistent = null)
    {
        var book = rules.Current;
        var report = new YearlyReport("summary", year, province, format, lang, asOf, consistent, book);
        return await report.Answer<SummaryTable>(
            (name, date) => units => SummaryTable.Of(name, units, year, clock.Today, book, date),
            SummaryReport.Table, clock, store, freshness, cache, cancellation);
    }
}
