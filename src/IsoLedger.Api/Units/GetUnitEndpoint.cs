using IsoLedger.Api.Hosting;
using IsoLedger.Projections.Units;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

public static class GetUnitEndpoint
{
    /// <summary>Get a unit's current status</summary>
    /// <remarks>Read from the inline status projection, so it reflects every acknowledged write. The <c>ETag</c> is the stream version.</remarks>
    [WolverineGet("/api/units/{code}", OperationId = "GetUnit"), Tags("Units")]
    [ProducesResponseType<UnitStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string code, IQuerySession session, CancellationToken cancellation)
    {
        var status = await session.LoadAsync<UnitStatus>(code, cancellation);
        return status is null ? Problems.UnitNotFound(code) : UnitResults.Ok(status, status.Version);
    }
}
