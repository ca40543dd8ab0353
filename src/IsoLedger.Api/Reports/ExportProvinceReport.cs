using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Reports;

public static class ExportProvinceReportEndpoint
{
    /// <summary>The province's annual report: its headline figures, appendices and summary table</summary>
    /// <remarks>The report as it is written, computed from the dashboards' projection: the departments,
    /// sub-departments and districts (appendix A) that reported and that converted or are converting to 2015, per
    /// level; the communes applying since earlier years (first declared before the year, appendix B) that reported;
    /// the communes that built their system in the year (appendix C) and each step they completed; and the summary
    /// table (Phụ lục 9). Each figure lists the units it counts. <c>format=json</c> (default) with the projection's
    /// freshness; <c>format=xlsx</c> a workbook (the sentences, a sheet per appendix, the summary) and
    /// <c>format=csv</c> the same tables one after the other, in Vietnamese or English (<c>lang=en</c>), text as
    /// values. Judged on the year's end, today for the running year, or <c>asOf</c> (a day of the year).</remarks>
    [WolverineGet("/api/reports/province-report/{year}", OperationId = "ExportProvinceReport")]
    [Tags(ApiTags.ImportAndExport)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<ProvinceReport>>(StatusCodes.Status200OK, "application/json",
        "text/csv", XlsxWriter.ContentType,
        Description = "The province's report of the year (headline figures, appendices, summary table), in the "
            + "format asked for: JSON, CSV or a workbook.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        int year, IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        RuleBookSource rules, CancellationToken cancellation,
        string? province = null, string? format = null, string? lang = null, string? asOf = null,
        string? consistent = null)
    {
        var book = rules.Current;
        var report = new YearlyReport("province-report", year, province, format, lang, asOf, consistent, book);
        return await report.Answer<ProvinceReport>(
            (name, date) => units => ProvinceReport.Of(name, units, year, clock.Today, book, date),
            ProvinceReportLayout.Table, clock, store, freshness, cache, cancellation);
    }
}
