using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Projections.Dashboards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

public static class GetNationalOverviewEndpoint
{
    /// <summary>Every province side by side</summary>
    /// <remarks>Per province with units in the year: units per level, declared, on the year's current edition, and
    /// reported for the year, from the same read model as each province's dashboards. Judged on the year's end, today
    /// for the running year, or <c>asOf</c> (a day of the year).</remarks>
    [WolverineGet("/api/dashboards/national/{year}", OperationId = "GetNationalOverview")]
    [Tags(ApiTags.Dashboards)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<NationalOverview>>(StatusCodes.Status200OK,
        Description = "Each province's figures for the year, side by side.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        int year, IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        RuleBookSource rules, CancellationToken cancellation, string? asOf = null, string? consistent = null)
    {
        var validation = new Validation().YearBegun("year", year, clock.Today);
        var waits = Query.Flag(validation, "consistent", consistent);
        var date = AnnualTable.ReadAsOf(validation, year, asOf, clock.Today);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var judgedOn = AnnualTable.JudgedOnFor(year, clock.Today, date);
        var book = rules.Current;
        var answer = await ProvinceDashboard.Cached("national", "", waits, judgedOn,
            $"{AnnualTable.Question(year, date)}\nrules {book.Version}", async session =>
            {
                var units = await session.Query<DashboardUnit>().ToListAsync(CancellationToken.None);
                return NationalOverview.Of(units.Select(u => u.State), year, clock.Today, book, date);
            }, store, freshness, cache, cancellation);
        return Results.Ok(answer);
    }
}
