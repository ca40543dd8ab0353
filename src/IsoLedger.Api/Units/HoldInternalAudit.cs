using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>An internal audit (đánh giá nội bộ) held.</summary>
/// <param name="HeldOn">The date of the internal audit.</param>
/// <param name="Auditors">Who audited.</param>
/// <param name="Scope">What was audited.</param>
public sealed record HoldInternalAuditRequest(DateOnly? HeldOn, string? Auditors = null, string? Scope = null);

public static class HoldInternalAuditEndpoint
{
    public static ProblemDetails Validate(HoldInternalAuditRequest request) =>
        new Validation()
            .Date("heldOn", request.HeldOn)
            .Text("auditors", request.Auditors)
            .Text("scope", request.Scope)
            .Result;

    /// <summary>Record an internal audit (đánh giá nội bộ)</summary>
    /// <remarks>Records <c>InternalAuditHeld</c>. An active unit without one in a year is flagged
    /// <c>yearly-internal-audit</c> once the year has ended; a declaration warns when none is dated on or before
    /// it.</remarks>
    [WolverinePost("/api/units/{code}/internal-audits", OperationId = "HoldInternalAudit")]
    [Tags(ApiTags.Lifecycle)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, HoldInternalAuditRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new HoldInternalAudit(request.HeldOn!.Value, request.Auditors, request.Scope));
}
