using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Reports;

public static class ExportReportTrendsEndpoint
{
    /// <summary>The report's headline figures and conversion progress over the years</summary>
    /// <remarks>For every year the province has yearly facts for, up to <c>asOf</c> (default today): the units of the
    /// year's table, the report's headline figures (bodies that reported, bodies converted or converting, communes
    /// applying since earlier years that reported, new communes that declared) as count, of and percent, the
    /// conversion counts on the day the year is judged, and the units a restructuring ended and formed in the year.
    /// <c>format=csv|xlsx</c> writes it as a table, in Vietnamese or English (<c>lang=en</c>).</remarks>
    [WolverineGet("/api/reports/trends", OperationId = "ExportReportTrends")]
    [Tags(ApiTags.ImportAndExport)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<ReportTrends>>(StatusCodes.Status200OK, "application/json",
        "text/csv", XlsxWriter.ContentType,
        Description = "The headline figures and conversion progress of each year, in the format asked for: JSON, CSV "
            + "or a workbook.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        RuleBookSource rules, CancellationToken cancellation,
        string? province = null, string? format = null, string? lang = null, string? asOf = null,
        string? consistent = null)
    {
        var validation = new Validation().Formats(format, lang);
        var common = ProvinceDashboard.ReadCommon(validation, province, consistent);
        var date = Query.AsOf(validation, asOf, clock.Today);
        if (date > clock.Today) validation.Add("asOf", "Must not lie in the future.");
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var book = rules.Current;
        var answer = await ProvinceDashboard.Judge("trends", common!, date ?? clock.Today, $"rules {book.Version}",
            units => ReportTrends.Of(common!.Province, units, clock.Today, book, date),
            store, freshness, cache, cancellation, everCounted: true);
        if (format is not ("csv" or "xlsx")) return Results.Ok(answer);
        return ReportFormat.File(answer.Data.Table(english: lang == "en"), format, "iso-trends");
    }
}
