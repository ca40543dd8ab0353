namespace IsoLedger.Api.Lifecycle;

/// <param name="IssuedOn">The date the policy and/or objectives were issued.</param>
/// <param name="Policy">Whether the quality policy (CSCL) was issued.</param>
/// <param name="Objectives">Whether the quality objectives (MTCL) were issued.</param>
public sealed record IssueQualityObjectivesRequest(DateOnly? IssuedOn, bool? Policy, bool? Objectives);

/// <param name="IssuedOn">The date the year's maintenance plan was issued.</param>
public sealed record IssueMaintenancePlanRequest(DateOnly? IssuedOn);

/// <param name="SubmittedOn">The date the year's report was submitted.</param>
public sealed record SubmitAnnualReportRequest(DateOnly? SubmittedOn);

/// <param name="InspectedOn">The date of the inspection.</param>
/// <param name="OnSite">Whether the inspection was held on site.</param>
/// <param name="Result">"passed" or "failed".</param>
/// <param name="Inspector">Who inspected.</param>
/// <param name="Notes">Findings.</param>
public sealed record RecordInspectionRequest(DateOnly? InspectedOn, bool? OnSite, InspectionResult? Result, string? Inspector = null, string? Notes = null);

public static class IssueQualityObjectivesEndpoint
{
    public static ProblemDetails Validate(int year, IssueQualityObjectivesRequest request, BusinessClock clock)
    {
        var validation = new Validation().Year("year", year, clock.Today).Date("issuedOn", request.IssuedOn)
            .Required("policy", request.Policy, "true or false").Required("objectives", request.Objectives, "true or false");
        return request.Policy == false && request.Objectives == false
            ? validation.Add("objectives", "At least one of policy and objectives must be true.").Result
            : validation.Result;
    }

    /// <summary>Issue the year's quality policy and/or objectives</summary>
    [WolverinePost("/api/units/{code}/years/{year}/quality-objectives", OperationId = "IssueQualityObjectives"), Tags("Yearly steps"), Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(string code, int year, IssueQualityObjectivesRequest request, HttpContext http, IDocumentStore store, BusinessClock clock) =>
        UnitCommands.Execute(http, store, clock, code,
            new IssueQualityObjectives(year, request.IssuedOn!.Value, request.Policy!.Value, request.Objectives!.Value));
}

public static class IssueMaintenancePlanEndpoint
{
    public static ProblemDetails Validate(int year, IssueMaintenancePlanRequest request, BusinessClock clock) =>
        new Validation().Year("year", year, clock.Today).Date("issuedOn", request.IssuedOn).Result;

    /// <summary>Issue the year's maintenance plan</summary>
    [WolverinePost("/api/units/{code}/years/{year}/maintenance-plan", OperationId = "IssueMaintenancePlan"), Tags("Yearly steps"), Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(string code, int year, IssueMaintenancePlanRequest request, HttpContext http, IDocumentStore store, BusinessClock clock) =>
        UnitCommands.Execute(http, store, clock, code, new IssueMaintenancePlan(year, request.IssuedOn!.Value));
}

public static class SubmitAnnualReportEndpoint
{
    public static ProblemDetails Validate(int year, SubmitAnnualReportRequest request, BusinessClock clock) =>
        new Validation().Year("year", year, clock.Today).Date("submittedOn", request.SubmittedOn).Result;

    /// <summary>Submit the year's maintenance report</summary>
    [WolverinePost("/api/units/{code}/years/{year}/report", OperationId = "SubmitAnnualReport"), Tags("Yearly steps"), Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(string code, int year, SubmitAnnualReportRequest request, HttpContext http, IDocumentStore store, BusinessClock clock) =>
        UnitCommands.Execute(http, store, clock, code, new SubmitAnnualReport(year, request.SubmittedOn!.Value));
}

public static class RecordInspectionEndpoint
{
    public static ProblemDetails Validate(int year, RecordInspectionRequest request, BusinessClock clock) => new Validation()
        .Year("year", year, clock.Today)
        .Date("inspectedOn", request.InspectedOn)
        .Required("onSite", request.OnSite, "true or false")
        .Required("result", request.Result, "passed or failed")
        .Check("result", request.Result is null or InspectionResult.Passed or InspectionResult.Failed, "An inspection is passed or failed.")
        .Text("inspector", request.Inspector)
        .Text("notes", request.Notes)
        .Result;

    /// <summary>Record the year's inspection by the province</summary>
    [WolverinePost("/api/units/{code}/years/{year}/inspection", OperationId = "RecordInspection"), Tags("Yearly steps"), Authorize(Policy = Policies.Inspect)]
    [UnitCommand]
    public static Task<IResult> Post(string code, int year, RecordInspectionRequest request, HttpContext http, IDocumentStore store, BusinessClock clock) =>
        UnitCommands.Execute(http, store, clock, code, new RecordInspection(
            year, request.InspectedOn!.Value, request.OnSite!.Value, request.Result!.Value, request.Inspector, request.Notes));
}
