using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Api.Units;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Restructurings;

/// <summary>This unit merged into an existing one: a restructuring of one part.</summary>
/// <param name="MergedOn">The date the merge took effect.</param>
/// <param name="IntoCode">The code of the existing unit this one merged into.</param>
/// <param name="DecisionNo">The act that decided the merge.</param>
public sealed record MergeUnitRequest(
    DateOnly? MergedOn, [property: UnitCode] string? IntoCode, string? DecisionNo = null);

public static class MergeUnitEndpoint
{
    public static ProblemDetails Validate(MergeUnitRequest request)
    {
        var validation = new Validation().Date("mergedOn", request.MergedOn).Text("decisionNo", request.DecisionNo);
        return UnitCode.IsValid(request.IntoCode)
            ? validation.Result
            : validation.Add("intoCode", $"Required; must match {UnitCode.Pattern}.").Result;
    }

    /// <summary>Merge the unit into another</summary>
    /// <remarks>A restructuring of one part (see <c>POST /api/restructurings</c>): records <c>UnitMerged</c> on this
    /// unit and <c>UnitTookOver</c> on the unit it merges into, together, and for a department merged into a
    /// department <c>UnitTransferred</c> taking its sub-departments to it. The merged unit's history stays readable;
    /// nothing dated on or after the day the merge takes effect can be recorded on it.</remarks>
    [WolverinePost("/api/units/{code}/merge", OperationId = "MergeUnit")]
    [Tags(ApiTags.Lifecycle)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand(Recorded = "Merged: the unit and the unit it merges into were changed together; version is this "
        + "unit's new version (also the ETag).")]
    public static Task<IResult> Post(
        string code, MergeUnitRequest request, HttpContext http, IDocumentStore store, BusinessClock clock)
    {
        if (!UnitCode.IsValid(code)) return Task.FromResult(UnitProblems.UnitNotFound(code));
        var command = new RestructureUnits(
            Guid.CreateVersion7().ToString("N"), request.DecisionNo?.Normalize(), request.MergedOn!.Value,
            [new RestructuringPart(RestructuringKind.Merge, [code], [], request.IntoCode)]);
        return RestructuringWriter.Execute(http, store, clock, [command], written =>
        {
            var version = written[0].Units[code];
            return new WriteAnswer(StatusCodes.Status200OK, new UnitWritten(code, version, []), null, version);
        }, new RestructuringOptions(IfMatchUnit: code));
    }
}
