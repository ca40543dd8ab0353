using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>The start of a conversion of the system to a later edition of the standard: the plan adopted.</summary>
/// <param name="StartedOn">The date the conversion plan was adopted.</param>
/// <param name="DecisionNo">The number of the plan or decision.</param>
/// <param name="To">The edition to convert to. Omitted (or null): the next edition of the rule book after the one the
/// system is on at <c>startedOn</c>, amendments left out (2008 → 2015).</param>
public sealed record StartConversionRequest(DateOnly? StartedOn, string? DecisionNo = null, Edition? To = null);

public static class StartConversionEndpoint
{
    public static ProblemDetails Validate(StartConversionRequest request, RuleBookSource rules) =>
        new Validation()
            .Date("startedOn", request.StartedOn)
            .Text("decisionNo", request.DecisionNo)
            .Edition("to", request.To, rules.Current, required: false)
            .Result;

    /// <summary>Start converting the system to a later edition (2008 → 2015 by default)</summary>
    /// <remarks>Records <c>ConversionStarted</c> from the edition the unit is on at <c>startedOn</c> to <c>to</c>.
    /// Without <c>to</c>, the conversion goes to the next edition of the rule book after that one, amendments left
    /// out: 2008 → 2015 (an amendment such as 2015/Amd1:2024 only when named); a unit on the latest edition has
    /// none to go to (409 <c>conversion-target-not-later</c>). 409 too for a unit not declared, an edition not
    /// published by then, or a conversion to it already under way or done.</remarks>
    [WolverinePost("/api/units/{code}/conversion/start", OperationId = "StartConversion")]
    [Tags(ApiTags.Lifecycle)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, StartConversionRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new StartConversion(request.StartedOn!.Value, request.DecisionNo, request.To));
}
