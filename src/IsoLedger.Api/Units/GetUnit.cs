using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

public static class GetUnitEndpoint
{
    /// <summary>Get a unit's current status</summary>
    /// <remarks>Reflects every acknowledged write (the stream's version is read on every request) and is judged as of
    /// today. The <c>ETag</c> is the stream version, to send back as <c>If-Match</c>.</remarks>
    [WolverineGet("/api/units/{code}", OperationId = "GetUnit")]
    [Tags("Units")]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<UnitStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(
        string code, UnitStatusCache statuses, BusinessClock clock, CancellationToken cancellation)
    {
        var status = UnitCode.IsValid(code) ? await statuses.Get(code, clock.Today, cancellation) : null;
        return status is null
            ? UnitProblems.UnitNotFound(code)
            : UnitResults.Json(StatusCodes.Status200OK, status.Version, status.Json);
    }
}
