using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>The effectiveness review that closes a nonconformity: closed only when its corrective action was
/// effective.</summary>
/// <param name="ClosedOn">The date of the effectiveness review that closes it.</param>
/// <param name="Effective">The review's verdict: whether the corrective action was effective.</param>
public sealed record CloseNonconformityRequest(DateOnly? ClosedOn, bool? Effective);

public static class CloseNonconformityEndpoint
{
    public static ProblemDetails Validate(string id, CloseNonconformityRequest request) => new Validation()
        .RouteId("id", NonconformityIds.IsValid(id), NonconformityIds.Pattern, "a nonconformity's id")
        .Date("closedOn", request.ClosedOn)
        .Required("effective", request.Effective, "the effectiveness verdict, true or false")
        .Result;

    /// <summary>Close a nonconformity after its effectiveness review</summary>
    /// <remarks>Needs a corrective action and an effective verdict (ISO 9001 §10.2).</remarks>
    [WolverinePost("/api/units/{code}/nonconformities/{id}/close", OperationId = "CloseNonconformity")]
    [Tags(ApiTags.Nonconformities)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, string id, CloseNonconformityRequest request, HttpContext http, UnitWriteQueue writes,
        BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new CloseNonconformity(id, request.ClosedOn!.Value, request.Effective!.Value));
}
