namespace IsoLedger.Api.Lifecycle;

/// <param name="StartedOn">The date the conversion plan was adopted.</param>
/// <param name="DecisionNo">The number of the plan or decision.</param>
public sealed record StartConversionRequest(DateOnly? StartedOn, string? DecisionNo = null);

/// <param name="ConvertedOn">The date the system was declared converted to ISO 9001:2015.</param>
/// <param name="DecisionNo">The number of the decision.</param>
public sealed record CompleteConversionRequest(DateOnly? ConvertedOn, string? DecisionNo = null);

public static class StartConversionEndpoint
{
    public static ProblemDetails Validate(StartConversionRequest request) =>
        new Validation().Date("startedOn", request.StartedOn).Text("decisionNo", request.DecisionNo).Result;

    /// <summary>Start converting from ISO 9001:2008 to 2015</summary>
    [WolverinePost("/api/units/{code}/conversion/start", OperationId = "StartConversion"), Tags("Lifecycle"), Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(string code, StartConversionRequest request, HttpContext http, IDocumentStore store, BusinessClock clock) =>
        UnitCommands.Execute(http, store, clock, code, new StartConversion(request.StartedOn!.Value, request.DecisionNo));
}

public static class CompleteConversionEndpoint
{
    public static ProblemDetails Validate(CompleteConversionRequest request) =>
        new Validation().Date("convertedOn", request.ConvertedOn).Text("decisionNo", request.DecisionNo).Result;

    /// <summary>Complete the conversion to ISO 9001:2015</summary>
    /// <remarks>Works with or without a recorded start; a unit converts once, and only from a 2008 declaration.</remarks>
    [WolverinePost("/api/units/{code}/conversion/complete", OperationId = "CompleteConversion"), Tags("Lifecycle"), Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(string code, CompleteConversionRequest request, HttpContext http, IDocumentStore store, BusinessClock clock) =>
        UnitCommands.Execute(http, store, clock, code, new CompleteConversion(request.ConvertedOn!.Value, request.DecisionNo));
}
