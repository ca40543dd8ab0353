using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>The yearly report on the system (báo cáo duy trì) sent for the year of the route.</summary>
/// <param name="SubmittedOn">The date the year's report was submitted.</param>
public sealed record SubmitAnnualReportRequest(DateOnly? SubmittedOn);

public static class SubmitAnnualReportEndpoint
{
    public static ProblemDetails Validate(int year, SubmitAnnualReportRequest request, BusinessClock clock) =>
        new Validation().Year("year", year, clock.Today).Date("submittedOn", request.SubmittedOn).Result;

    /// <summary>Submit the year's maintenance report</summary>
    /// <remarks>Records <c>AnnualReportSubmitted</c> for the year of the path, dated in that year or the next, as
    /// a report is sent after the year's end (409 <c>yearly-step-outside-its-year</c> otherwise). An active unit
    /// without one is flagged <c>yearly-report</c> once the year has ended.</remarks>
    [WolverinePost("/api/units/{code}/years/{year}/report", OperationId = "SubmitAnnualReport")]
    [Tags(ApiTags.YearlySteps)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, int year, SubmitAnnualReportRequest request, HttpContext http, UnitWriteQueue writes,
        BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code, new SubmitAnnualReport(year, request.SubmittedOn!.Value));
}
