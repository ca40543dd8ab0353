using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Restructurings;

public static class GetRestructuringEndpoint
{
    /// <summary>The longest id looked up: no restructuring has a longer one.</summary>
    public const int MaxIdLength = 64;

    /// <summary>A restructuring as recorded</summary>
    /// <remarks>By the id its recording answered (its <c>Location</c>): the act's number, its effective date, its
    /// parts, every unit it wrote to with its stream's version after it, the units it formed, and when and by whom
    /// it was recorded. 404 for an id not recorded.</remarks>
    [WolverineGet("/api/restructurings/{id}", OperationId = "GetRestructuring")]
    [Tags(ApiTags.Restructurings)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<Restructuring>(StatusCodes.Status200OK,
        Description = "The restructuring as recorded, with every part and the units it took from and gave to.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellation) =>
        id.Length <= MaxIdLength && await session.LoadAsync<Restructuring>(id, cancellation) is { } restructuring
            ? Results.Ok(restructuring)
            : Results.Problem(
                title: "Restructuring not found.",
                detail: $"No restructuring with id '{id}' is recorded.",
                statusCode: StatusCodes.Status404NotFound);
}
