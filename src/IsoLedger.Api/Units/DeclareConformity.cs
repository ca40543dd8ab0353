using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>A declaration that the unit's system conforms to TCVN ISO 9001 (công bố), or a new one (công bố
/// lại).</summary>
/// <param name="DeclaredOn">The date of the unit head's declaration decision.</param>
/// <param name="Standard">The edition declared: "2008", "2015", or another the rule book has.</param>
/// <param name="DecisionNo">The number of the declaration decision.</param>
/// <param name="Scope">The scope declared, e.g. the administrative procedures covered.</param>
public sealed record DeclareConformityRequest(
    DateOnly? DeclaredOn, Edition? Standard, string? DecisionNo = null, string? Scope = null);

public static class DeclareConformityEndpoint
{
    public static ProblemDetails Validate(DeclareConformityRequest request, RuleBookSource rules) => new Validation()
        .Date("declaredOn", request.DeclaredOn)
        .Edition("standard", request.Standard, rules.Current)
        .Text("decisionNo", request.DecisionNo)
        .Text("scope", request.Scope)
        .Result;

    /// <summary>Declare conformity (công bố) or re-declare it (công bố lại)</summary>
    /// <remarks>Records <c>ConformityDeclared</c>. Warns when documentation, an internal audit and a management review
    /// are not dated on or before the declaration.</remarks>
    [WolverinePost("/api/units/{code}/declarations", OperationId = "DeclareConformity")]
    [Tags(ApiTags.Lifecycle)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, DeclareConformityRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new DeclareConformity(
                request.DeclaredOn!.Value, request.Standard!.Value, request.DecisionNo, request.Scope));
}
