using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>The completion of a conversion of the system to a later edition of the standard.</summary>
/// <param name="ConvertedOn">The date the system was declared converted.</param>
/// <param name="DecisionNo">The number of the decision.</param>
/// <param name="To">The edition converted to; by default the conversion under way, or the next edition after the
/// one the system is on (2008 → 2015).</param>
public sealed record CompleteConversionRequest(DateOnly? ConvertedOn, string? DecisionNo = null, Edition? To = null);

public static class CompleteConversionEndpoint
{
    public static ProblemDetails Validate(CompleteConversionRequest request, RuleBookSource rules) =>
        new Validation()
            .Date("convertedOn", request.ConvertedOn)
            .Text("decisionNo", request.DecisionNo)
            .Edition("to", request.To, rules.Current, required: false)
            .Result;

    /// <summary>Complete a conversion to a later edition (2008 → 2015 by default)</summary>
    /// <remarks>Works with or without a recorded start; a unit converts to an edition once, and only from a
    /// declared, older one.</remarks>
    [WolverinePost("/api/units/{code}/conversion/complete", OperationId = "CompleteConversion")]
    [Tags(ApiTags.Lifecycle)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, CompleteConversionRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new CompleteConversion(request.ConvertedOn!.Value, request.DecisionNo, request.To));
}
