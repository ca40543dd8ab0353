using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>One recorded event, as auditors see it.</summary>
/// <param name="Sequence">Position in the whole store, in recording order.</param>
/// <param name="StreamKey">The unit the event belongs to, or <c>rule-book</c> for a change of the rule book.</param>
/// <param name="Version">Position in its stream.</param>
/// <param name="Type">The event type, e.g. ConformityDeclared (the vocabulary's <c>events</c> label each).</param>
/// <param name="BusinessDate">The day the recorded fact happened.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">The name of the API key that recorded it.</param>
/// <param name="CorrelationId">The correlation id of the request that recorded it.</param>
/// <param name="Data">The event's own fields.</param>
/// <param name="Headers">Where an imported event came from (<c>import-file</c>, <c>import-line</c>) and
/// <c>business-date: report-date</c> when its date is the report's, not the fact's.</param>
public sealed record RecordedEvent(
    long Sequence, string StreamKey, long Version, string Type, DateOnly? BusinessDate, DateTimeOffset RecordedAt,
    string? RecordedBy, string? CorrelationId, object Data, IReadOnlyDictionary<string, object>? Headers)
{
    /// <summary>A rule-book change recorded before its key's name was stored with it names it in its data.</summary>
    public static RecordedEvent Of(IEvent e) => new(
        e.Sequence, e.StreamKey ?? "", e.Version, e.EventType.Name, (e.Data as IUnitEvent)?.BusinessDate, e.Timestamp,
        e.UserName ?? (e.Data as IRuleBookChange)?.RecordedBy, e.CorrelationId, e.Data, e.Headers);
}

public static class GetUnitHistoryEndpoint
{
    /// <summary>A unit's full history</summary>
    /// <remarks>Every event of the unit in recording order, with who recorded it, when, and its business
    /// date.</remarks>
    [WolverineGet("/api/units/{code}/history", OperationId = "GetUnitHistory")]
    [Tags(ApiTags.Audit)]
    [Authorize(Policy = Policies.Audit)]
    [ProducesResponseType<IReadOnlyList<RecordedEvent>>(StatusCodes.Status200OK,
        Description = "Every event of the unit's stream, oldest first.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    public static async Task<IResult> History(string code, IQuerySession session, CancellationToken cancellation)
    {
        var events = UnitCode.IsValid(code) ? await session.Events.FetchStreamAsync(code, token: cancellation) : [];
        return events.Count == 0
            ? UnitProblems.UnitNotFound(code)
            : Results.Ok(events.Select(RecordedEvent.Of).ToList());
    }
}
