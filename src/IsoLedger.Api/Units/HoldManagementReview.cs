using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <param name="HeldOn">The date of the management review.</param>
/// <param name="Outputs">Decisions and actions of the review.</param>
public sealed record HoldManagementReviewRequest(DateOnly? HeldOn, string? Outputs = null);

public static class HoldManagementReviewEndpoint
{
    public static ProblemDetails Validate(HoldManagementReviewRequest request) =>
        new Validation().Date("heldOn", request.HeldOn).Text("outputs", request.Outputs).Result;

    /// <summary>Record a management review (xem xét của lãnh đạo)</summary>
    [WolverinePost("/api/units/{code}/management-reviews", OperationId = "HoldManagementReview")]
    [Tags("Lifecycle")]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, HoldManagementReviewRequest request, HttpContext http, UnitWriteQueue writes,
        BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code, new HoldManagementReview(request.HeldOn!.Value, request.Outputs));
}
