using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

public static class GetAnnualTableEndpoint
{
    /// <summary>The year's table of units, as in the report's appendices</summary>
    /// <remarks>One row per unit with its yearly steps, and totals per level and per district with the share that
    /// reported. <c>asOf</c> (a day of the year) judges the year on that day: only the steps that had happened by then
    /// count; by default the year's end, or today for the running year. From 1 July 2025, when the district level
    /// ended, no unit is in a district (<c>district</c> none, no totals per district): a row names the one it was in
    /// before as <c>formerDistrict</c>, which the <c>district</c> filter finds too.</remarks>
    [WolverineGet("/api/dashboards/annual/{year}", OperationId = "GetAnnualTable")]
    [Tags(ApiTags.Dashboards)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<AnnualTable>>(StatusCodes.Status200OK,
        Description = "The year's table of units, as the report's appendices list them.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        int year, IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        CancellationToken cancellation,
        string? province = null, string? level = null, string? district = null, string? asOf = null,
        string? consistent = null)
    {
        var validation = new Validation().YearBegun("year", year, clock.Today)
            .Text("district", district, max: Validation.MaxName);
        var common = ProvinceDashboard.ReadCommon(validation, province, consistent);
        var levelFilter = Query.Enum<UnitLevel>(validation, "level", level);
        var date = AnnualTable.ReadAsOf(validation, year, asOf, clock.Today);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var districtFilter = district?.Normalize();
        var filters = $"{AnnualTable.Question(year, date)}\n{levelFilter}\n{districtFilter}";
        var judgedOn = AnnualTable.JudgedOnFor(year, clock.Today, date);
        return await ProvinceDashboard.Answer("annual", common!, judgedOn, filters,
            units => AnnualTable.Of(common!.Province,
                units.Where(u => (levelFilter is null || u.Level == levelFilter)
                    && (districtFilter is null || DistrictNames.Same(u.LastDistrictOn(judgedOn), districtFilter))),
                year, clock.Today, date),
            store, freshness, cache, cancellation);
    }
}
