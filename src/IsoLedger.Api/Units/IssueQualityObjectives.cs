using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>The year's quality policy (CSCL), quality objectives (MTCL), or both, issued; the year is the
/// route's.</summary>
/// <param name="IssuedOn">The date the policy and/or objectives were issued.</param>
/// <param name="Policy">Whether the quality policy (CSCL) was issued.</param>
/// <param name="Objectives">Whether the quality objectives (MTCL) were issued.</param>
public sealed record IssueQualityObjectivesRequest(DateOnly? IssuedOn, bool? Policy, bool? Objectives);

public static class IssueQualityObjectivesEndpoint
{
    public static ProblemDetails Validate(int year, IssueQualityObjectivesRequest request, BusinessClock clock)
    {
        var validation = new Validation().Year("year", year, clock.Today).Date("issuedOn", request.IssuedOn)
            .Required("policy", request.Policy, "true or false")
            .Required("objectives", request.Objectives, "true or false");
        return request.Policy == false && request.Objectives == false
            ? validation.Add("objectives", "At least one of policy and objectives must be true.").Result
            : validation.Result;
    }

    /// <summary>Issue the year's quality policy and/or objectives</summary>
    /// <remarks>Records <c>QualityObjectivesIssued</c> for the year of the path: the quality policy (CSCL), the
    /// objectives (MTCL) or both, at least one. Dated in that year or ahead of it, the year before (409
    /// <c>yearly-step-outside-its-year</c> otherwise).</remarks>
    [WolverinePost("/api/units/{code}/years/{year}/quality-objectives", OperationId = "IssueQualityObjectives")]
    [Tags(ApiTags.YearlySteps)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, int year, IssueQualityObjectivesRequest request, HttpContext http, UnitWriteQueue writes,
        BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new IssueQualityObjectives(
                year, request.IssuedOn!.Value, request.Policy!.Value, request.Objectives!.Value));
}
