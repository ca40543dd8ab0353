using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <param name="ConvertedOn">The date the system was declared converted to ISO 9001:2015.</param>
/// <param name="DecisionNo">The number of the decision.</param>
public sealed record CompleteConversionRequest(DateOnly? ConvertedOn, string? DecisionNo = null);

public static class CompleteConversionEndpoint
{
    public static ProblemDetails Validate(CompleteConversionRequest request) =>
        new Validation().Date("convertedOn", request.ConvertedOn).Text("decisionNo", request.DecisionNo).Result;

    /// <summary>Complete the conversion to ISO 9001:2015</summary>
    /// <remarks>Works with or without a recorded start; a unit converts once, and only from a 2008
    /// declaration.</remarks>
    [WolverinePost("/api/units/{code}/conversion/complete", OperationId = "CompleteConversion")]
    [Tags("Lifecycle")]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, CompleteConversionRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new CompleteConversion(request.ConvertedOn!.Value, request.DecisionNo));
}
