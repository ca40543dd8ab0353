using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>A management review (xem xét của lãnh đạo) held.</summary>
/// <param name="HeldOn">The date of the management review.</param>
/// <param name="Outputs">Decisions and actions of the review.</param>
public sealed record HoldManagementReviewRequest(DateOnly? HeldOn, string? Outputs = null);

public static class HoldManagementReviewEndpoint
{
    public static ProblemDetails Validate(HoldManagementReviewRequest request) =>
        new Validation().Date("heldOn", request.HeldOn).Text("outputs", request.Outputs).Result;

    /// <summary>Record a management review (xem xét của lãnh đạo)</summary>
    /// <remarks>Records <c>ManagementReviewHeld</c>. An active unit without one in a year is flagged
    /// <c>yearly-management-review</c> once the year has ended; a declaration warns when none is dated on or before
    /// it.</remarks>
    [WolverinePost("/api/units/{code}/management-reviews", OperationId = "HoldManagementReview")]
    [Tags(ApiTags.Lifecycle)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, HoldManagementReviewRequest request, HttpContext http, UnitWriteQueue writes,
        BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code, new HoldManagementReview(request.HeldOn!.Value, request.Outputs));
}
