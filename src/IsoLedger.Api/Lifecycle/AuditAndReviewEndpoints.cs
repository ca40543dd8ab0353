namespace IsoLedger.Api.Lifecycle;

/// <param name="HeldOn">The date of the internal audit.</param>
/// <param name="Auditors">Who audited.</param>
/// <param name="Scope">What was audited.</param>
public sealed record HoldInternalAuditRequest(DateOnly? HeldOn, string? Auditors = null, string? Scope = null);

/// <param name="HeldOn">The date of the management review.</param>
/// <param name="Outputs">Decisions and actions of the review.</param>
public sealed record HoldManagementReviewRequest(DateOnly? HeldOn, string? Outputs = null);

public static class HoldInternalAuditEndpoint
{
    public static ProblemDetails Validate(HoldInternalAuditRequest request) =>
        new Validation().Date("heldOn", request.HeldOn).Text("auditors", request.Auditors).Text("scope", request.Scope).Result;

    /// <summary>Record an internal audit (đánh giá nội bộ)</summary>
    [WolverinePost("/api/units/{code}/internal-audits", OperationId = "HoldInternalAudit"), Tags("Lifecycle"), Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(string code, HoldInternalAuditRequest request, HttpContext http, IDocumentStore store, BusinessClock clock) =>
        UnitCommands.Execute(http, store, clock, code, new HoldInternalAudit(request.HeldOn!.Value, request.Auditors, request.Scope));
}

public static class HoldManagementReviewEndpoint
{
    public static ProblemDetails Validate(HoldManagementReviewRequest request) =>
        new Validation().Date("heldOn", request.HeldOn).Text("outputs", request.Outputs).Result;

    /// <summary>Record a management review (xem xét của lãnh đạo)</summary>
    [WolverinePost("/api/units/{code}/management-reviews", OperationId = "HoldManagementReview"), Tags("Lifecycle"), Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(string code, HoldManagementReviewRequest request, HttpContext http, IDocumentStore store, BusinessClock clock) =>
        UnitCommands.Execute(http, store, clock, code, new HoldManagementReview(request.HeldOn!.Value, request.Outputs));
}
