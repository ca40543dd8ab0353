using System.ComponentModel.DataAnnotations;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>A change of the system's scope (phạm vi áp dụng), which asks for a new declaration.</summary>
/// <param name="ChangedOn">The date the scope changed.</param>
/// <param name="Description">What changed.</param>
/// <param name="AdministrativeProcedures">The number of administrative procedures covered after the change.</param>
public sealed record ChangeScopeRequest(
    DateOnly? ChangedOn, string? Description,
    [property: Range(0, Validation.MaxCount)] int? AdministrativeProcedures = null);

public static class ChangeScopeEndpoint
{
    public static ProblemDetails Validate(ChangeScopeRequest request) => new Validation()
        .Date("changedOn", request.ChangedOn)
        .Text("description", request.Description, required: true)
        .Count("administrativeProcedures", request.AdministrativeProcedures, required: false)
        .Result;

    /// <summary>Record a change of scope</summary>
    /// <remarks>Records <c>ScopeChanged</c>; the unit is flagged until it declares conformity again.</remarks>
    [WolverinePost("/api/units/{code}/scope-changes", OperationId = "ChangeScope")]
    [Tags(ApiTags.Lifecycle)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, ChangeScopeRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new ChangeScope(
                request.ChangedOn!.Value, request.Description!.Normalize(), request.AdministrativeProcedures));
}
