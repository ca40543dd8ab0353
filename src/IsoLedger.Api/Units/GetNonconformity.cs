using System.Text.Json;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>A nonconformity of a unit as recorded: what was found, the corrective actions taken, and its closing.
/// </summary>
/// <param name="Unit">The unit's code.</param>
/// <param name="Id">Its id within the unit (NC-1, NC-2, …).</param>
/// <param name="RaisedOn">The date it was found.</param>
/// <param name="Source">internal-audit, inspection, complaint or other.</param>
/// <param name="Description">What does not conform.</param>
/// <param name="Severity">minor or major.</param>
/// <param name="Clause">The ISO 9001 clause concerned.</param>
/// <param name="DueOn">When it must be closed by.</param>
/// <param name="CorrectiveActions">The corrective actions taken, in the order recorded.</param>
/// <param name="ClosedOn">The date of the effectiveness review that closed it (found effective), if closed.</param>
/// <param name="Overdue">Whether it is still open today past its due date.</param>
public sealed record NonconformityView(
    string Unit, string Id, DateOnly RaisedOn, NonconformitySource Source, string Description,
    NonconformitySeverity Severity, string? Clause, DateOnly? DueOn, IReadOnlyList<CorrectiveAction> CorrectiveActions,
    DateOnly? ClosedOn, bool Overdue)
{
    public static NonconformityView Of(string unit, Nonconformity found, DateOnly today) => new(
        unit, found.Id, found.RaisedOn, found.Source, found.Description, found.Severity, found.Clause, found.DueOn,
        found.CorrectiveActions, found.ClosedOn, found.IsOverdueOn(today));
}

public static class GetNonconformityEndpoint
{
    /// <summary>A nonconformity of a unit</summary>
    /// <remarks>Where raising it points (<c>Location</c>). Reflects every acknowledged write; <c>overdue</c> is judged
    /// today. The <c>ETag</c> names the unit's stream version (<c>"3.5f0c…"</c>), to send back as <c>If-Match</c> with
    /// a corrective action or the closing.</remarks>
    [WolverineGet("/api/units/{code}/nonconformities/{id}", OperationId = "GetNonconformity")]
    [Tags(ApiTags.Nonconformities)]
    [VersionedRead]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<NonconformityView>(StatusCodes.Status200OK,
        Description = "The nonconformity as recorded: what was found, its corrective actions and its closing.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        string code, string id, IQuerySession session, BusinessClock clock, HttpContext http,
        CancellationToken cancellation)
    {
        // The state document is written in the transaction that appends the events, so a write acknowledged is read.
        if (!UnitCode.IsValid(code) || await session.LoadAsync<Unit>(code, cancellation) is not { } unit)
            return UnitProblems.UnitNotFound(code);
        if (unit.FindNonconformity(id) is not { } found)
        {
            // Named by the rule a corrective action or a closing of it is refused by, as an unknown unit's 404 is.
            return Results.Problem(
                type: WriteProblems.RuleType(Rules.NonconformityNotFound),
                title: "Nonconformity not found.",
                detail: $"Unit '{code}' has no nonconformity '{UnicodeText.Excerpt(id)}'.",
                statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["rule"] = Rules.NonconformityNotFound.Id });
        }
        return VersionedResults.Read(unit.Version, JsonSerializer.SerializeToUtf8Bytes(
            NonconformityView.Of(unit.Code, found, clock.Today), ApiJson.Options(http)));
    }
}
