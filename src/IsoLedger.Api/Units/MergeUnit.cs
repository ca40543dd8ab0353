using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <param name="MergedOn">The date the merge took effect.</param>
/// <param name="IntoCode">The code of the unit this one merged into.</param>
public sealed record MergeUnitRequest(DateOnly? MergedOn, string? IntoCode);

public static class MergeUnitEndpoint
{
    public static ProblemDetails Validate(MergeUnitRequest request)
    {
        var validation = new Validation().Date("mergedOn", request.MergedOn);
        return UnitCode.IsValid(request.IntoCode)
            ? validation.Result
            : validation.Add("intoCode", $"Required; must match {UnitCode.Pattern}.").Result;
    }

    /// <summary>Merge the unit into another</summary>
    /// <remarks>Records <c>UnitMerged</c>. The merged unit's history stays readable; nothing dated after the merge
    /// can be recorded on it.</remarks>
    [WolverinePost("/api/units/{code}/merge", OperationId = "MergeUnit")]
    [Tags("Lifecycle")]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static async Task<IResult> Post(
        string code, MergeUnitRequest request, HttpContext http, IQuerySession query, IDocumentStore store,
        BusinessClock clock)
    {
        var targetRegistered =
            await query.Events.FetchStreamStateAsync(request.IntoCode!, http.RequestAborted) is not null;
        return await UnitWriter.Execute(http, store, clock, code,
            new MergeUnit(request.MergedOn!.Value, request.IntoCode!, targetRegistered));
    }
}
