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
    /// today. The <c>ETag</c> names the stream version and this answer (<c>"3.5f0c…"</c>): send it back as
    /// <c>If-Match</c> with a write, or as <c>If-None-Match</c> to be answered 304 while the status is the same (the
    /// same version is judged again each day and on every change of the rule book).</remarks>
    [WolverineGet("/api/units/{code}", OperationId = "GetUnit")]
    [Tags(ApiTags.Units)]
    [VersionedRead]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<UnitStatus>(StatusCodes.Status200OK, Description = "The unit's current status.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        string code, UnitStatusCache statuses, BusinessClock clock, CancellationToken cancellation)
    {
        var status = UnitCode.IsValid(code) ? await statuses.Get(code, clock.Today, cancellation) : null;
        return status is null
            ? UnitProblems.UnitNotFound(code)
            : VersionedResults.Read(status.Version, status.Json, status.ETag);
    }
}
