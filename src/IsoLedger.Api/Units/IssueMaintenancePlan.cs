using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>The year's maintenance plan (kế hoạch duy trì áp dụng) issued; the year is the route's.</summary>
/// <param name="IssuedOn">The date the year's maintenance plan was issued.</param>
public sealed record IssueMaintenancePlanRequest(DateOnly? IssuedOn);

public static class IssueMaintenancePlanEndpoint
{
    public static ProblemDetails Validate(int year, IssueMaintenancePlanRequest request, BusinessClock clock) =>
        new Validation().Year("year", year, clock.Today).Date("issuedOn", request.IssuedOn).Result;

    /// <summary>Issue the year's maintenance plan</summary>
    /// <remarks>Records <c>MaintenancePlanIssued</c> for the year of the path, dated in that year or ahead of it,
    /// the year before (409 <c>yearly-step-outside-its-year</c> otherwise).</remarks>
    [WolverinePost("/api/units/{code}/years/{year}/maintenance-plan", OperationId = "IssueMaintenancePlan")]
    [Tags(ApiTags.YearlySteps)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, int year, IssueMaintenancePlanRequest request, HttpContext http, UnitWriteQueue writes,
        BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code, new IssueMaintenancePlan(year, request.IssuedOn!.Value));
}
