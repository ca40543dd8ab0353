using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>Where a unit comes from and what it became.</summary>
/// <param name="Code">The unit's code.</param>
/// <param name="Name">Its current name.</param>
/// <param name="Predecessors">The units it comes from, through every merge and split, transitively.</param>
/// <param name="Successors">The units it became, through every merge and split, transitively.</param>
public sealed record UnitLineage(
    string Code, string Name, IReadOnlyList<LineageLink> Predecessors, IReadOnlyList<LineageLink> Successors);

public static class GetUnitLineageEndpoint
{
    /// <summary>A unit's predecessors and successors</summary>
    /// <remarks>Both ways and transitively, through every merge and split, with their dates and decision numbers;
    /// <c>distance</c> counts the restructurings in between.</remarks>
    [WolverineGet("/api/units/{code}/lineage", OperationId = "GetUnitLineage")]
    [Tags(ApiTags.Units)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<UnitLineage>(StatusCodes.Status200OK,
        Description = "The units this one comes from and the units it became.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(string code, IQuerySession session, CancellationToken cancellation)
    {
        if (!UnitCode.IsValid(code) || await session.LoadAsync<Unit>(code, cancellation) is not { } unit)
            return UnitProblems.UnitNotFound(code);
        return Results.Ok(new UnitLineage(
            unit.Code, unit.Name,
            await Lineage.Predecessors(session, unit, cancellation),
            await Lineage.Successors(session, unit, cancellation)));
    }
}
