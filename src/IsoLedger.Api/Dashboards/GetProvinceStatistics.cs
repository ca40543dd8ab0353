using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

public static class GetProvinceStatisticsEndpoint
{
    /// <summary>The year's summary per level</summary>
    /// <remarks>Units, declared, on 2015, and complete (declared and did every yearly step) per level. <c>asOf</c> (a
    /// day of the year) judges the year on that day; by default its end, or today.</remarks>
    [WolverineGet("/api/dashboards/statistics/{year}", OperationId = "GetProvinceStatistics")]
    [Tags(ApiTags.Dashboards)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<ProvinceStatistics>>(StatusCodes.Status200OK,
        Description = "The year's figures per level, as the report's summary gives them.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        int year, IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        RuleBookSource rules, CancellationToken cancellation, string? province = null, string? asOf = null,
        string? consistent = null)
    {
        var validation = new Validation().YearBegun("year", year, clock.Today);
        var common = ProvinceDashboard.ReadCommon(validation, province, consistent);
        var date = AnnualTable.ReadAsOf(validation, year, asOf, clock.Today);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var book = rules.Current;
        return await ProvinceDashboard.Answer("statistics", common!, AnnualTable.JudgedOnFor(year, clock.Today, date),
            $"{AnnualTable.Question(year, date)}\nrules {book.Version}",
            units => ProvinceStatistics.Of(common!.Province, units, year, clock.Today, book, date),
            store, freshness, cache, cancellation);
    }
}
