using System.ComponentModel.DataAnnotations;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.LegalBasis;

/// <summary>The end of an entry of the rule book: its last day in force, and why.</summary>
/// <param name="ValidTo">The last day the obligation is in force.</param>
/// <param name="Reason">Why it ends (e.g. the act that replaces it), kept with the change.</param>
public sealed record EndObligationRequest(
    DateOnly? ValidTo, [property: MaxLength(RuleBookTexts.MaxSource)] string? Reason);

public static class EndObligationEndpoint
{
    public static ProblemDetails Validate(string id, EndObligationRequest request) =>
        new Validation()
            .RouteId("id", AddObligationEndpoint.IsId(id), RuleBookTexts.IdPattern, "an entry's id")
            .Date("validTo", request.ValidTo)
            .Text("reason", request.Reason, required: true, max: RuleBookTexts.MaxSource)
            .Result;

    /// <summary>End an obligation of the rule book on a date</summary>
    /// <remarks>Records the obligation's last day in force, <c>validTo</c>, with the reason and who ended it (see
    /// GET /api/rules/changes): facts dated after it are no longer judged by it, from now on. 409 for an id
    /// the book does not have, an obligation already ended, or a day before it started.</remarks>
    [WolverinePost("/api/rules/obligations/{id}/end", OperationId = "EndObligation")]
    [Tags(ApiTags.Rules)]
    [RuleBookChange]
    [Authorize(Roles = Roles.Admin)]
    public static Task<IResult> Post(
        string id, EndObligationRequest request, HttpContext http, IDocumentStore store, RuleBookSource rules,
        CancellationToken cancellation) =>
        RuleBookWriter.Record(http, request, store, rules,
            book => new EndObligation(id, request.ValidTo!.Value, http.User.Identity!.Name!, request.Reason!)
                .Decide(book),
            cancellation);
}
