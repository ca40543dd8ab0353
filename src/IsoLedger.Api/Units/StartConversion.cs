using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <param name="StartedOn">The date the conversion plan was adopted.</param>
/// <param name="DecisionNo">The number of the plan or decision.</param>
public sealed record StartConversionRequest(DateOnly? StartedOn, string? DecisionNo = null);

public static class StartConversionEndpoint
{
    public static ProblemDetails Validate(StartConversionRequest request) =>
        new Validation().Date("startedOn", request.StartedOn).Text("decisionNo", request.DecisionNo).Result;

    /// <summary>Start converting from ISO 9001:2008 to 2015</summary>
    [WolverinePost("/api/units/{code}/conversion/start", OperationId = "StartConversion")]
    [Tags("Lifecycle")]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, StartConversionRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new StartConversion(request.StartedOn!.Value, request.DecisionNo));
}
