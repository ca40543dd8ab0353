using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>A corrective action (hành động khắc phục) taken on a nonconformity: its cause and what removed
/// it.</summary>
/// <param name="TakenOn">The date of the corrective action.</param>
/// <param name="RootCause">The cause found.</param>
/// <param name="Action">What was done to remove it.</param>
public sealed record TakeCorrectiveActionRequest(DateOnly? TakenOn, string? RootCause, string? Action);

public static class TakeCorrectiveActionEndpoint
{
    public static ProblemDetails Validate(string id, TakeCorrectiveActionRequest request) => new Validation()
        .RouteId("id", NonconformityIds.IsValid(id), NonconformityIds.Pattern, "a nonconformity's id")
        .Date("takenOn", request.TakenOn)
        .Text("rootCause", request.RootCause, required: true)
        .Text("action", request.Action, required: true)
        .Result;

    /// <summary>Record a corrective action for a nonconformity</summary>
    /// <remarks>Records <c>CorrectiveActionTaken</c>: the root cause found and what removes it, dated on or after
    /// the day the nonconformity was raised and no later than its closing (409 otherwise; 409
    /// <c>nonconformity-not-found</c> for an id the unit has not raised).</remarks>
    [WolverinePost("/api/units/{code}/nonconformities/{id}/corrective-action", OperationId = "TakeCorrectiveAction")]
    [Tags(ApiTags.Nonconformities)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, string id, TakeCorrectiveActionRequest request, HttpContext http, UnitWriteQueue writes,
        BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new TakeCorrectiveAction(
                id, request.TakenOn!.Value, request.RootCause!.Normalize(), request.Action!.Normalize()));
}
