using IsoLedger.Projections.Units;

namespace IsoLedger.Api.Units;

public static class GetUnitEndpoint
{
    /// <summary>Get a unit's current status</summary>
    /// <remarks>Read from the inline snapshot, so it reflects every acknowledged write, and judged as of today.
    /// The <c>ETag</c> is the stream version, to send back as <c>If-Match</c>.</remarks>
    [WolverineGet("/api/units/{code}", OperationId = "GetUnit"), Tags("Units"), Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<UnitStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string code, IQuerySession session, BusinessClock clock, CancellationToken cancellation)
    {
        var unit = UnitCode.IsValid(code) ? await session.LoadAsync<Unit>(code, cancellation) : null;
        return unit is null ? Problems.UnitNotFound(code) : UnitResults.Ok(UnitStatus.Of(unit, clock.Today), unit.Version);
    }
}
