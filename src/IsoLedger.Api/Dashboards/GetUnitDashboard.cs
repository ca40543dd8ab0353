using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Api.Units;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

public static class GetUnitDashboardEndpoint
{
    /// <summary>A unit's status as of a date</summary>
    /// <remarks><c>asOf</c> (default today) judges the unit by every fact that had happened by then; 404 with
    /// <c>existsFrom</c> before the unit existed.</remarks>
    [WolverineGet("/api/dashboards/units/{code}", OperationId = "GetUnitDashboard")]
    [Tags(ApiTags.Dashboards)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<UnitStatus>(StatusCodes.Status200OK,
        Description = "The unit's status as of the day asked for.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        string code, IQuerySession session, BusinessClock clock, RuleBookSource rules,
        CancellationToken cancellation, string? asOf = null)
    {
        var validation = new Validation();
        var date = Query.AsOf(validation, asOf, clock.Today) ?? clock.Today;
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);
        var events = UnitCode.IsValid(code) ? await session.Events.FetchStreamAsync(code, token: cancellation) : [];
        return events.Count == 0
            ? UnitProblems.UnitNotFound(code)
            : await GetUnitStateEndpoint.OnDate(code, events, date, rules.Current, session, cancellation);
    }
}
