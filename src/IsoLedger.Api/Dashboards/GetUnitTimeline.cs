using IsoLedger.Api.Security;
using IsoLedger.Api.Units;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

/// <summary>One step of a unit's history as the dashboard shows it: when it happened, what, and who recorded
/// it.</summary>
public sealed record TimelineEntry(
    long Version, DateOnly? BusinessDate, string Event, DateTimeOffset RecordedAt, string? RecordedBy);

public static class GetUnitTimelineEndpoint
{
    /// <summary>A unit's timeline</summary>
    /// <remarks>Every recorded step in business-date order: when it happened, what, when and by whom it was
    /// recorded.</remarks>
    [WolverineGet("/api/dashboards/units/{code}/timeline", OperationId = "GetUnitTimeline")]
    [Tags(ProvinceDashboard.Tag)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<IReadOnlyList<TimelineEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string code, IQuerySession session, CancellationToken cancellation)
    {
        var events = UnitCode.IsValid(code) ? await session.Events.FetchStreamAsync(code, token: cancellation) : [];
        if (events.Count == 0) return UnitProblems.UnitNotFound(code);
        return Results.Ok(events
            .Select(e => new TimelineEntry(
                e.Version, (e.Data as IUnitEvent)?.BusinessDate, e.EventType.Name, e.Timestamp, e.UserName))
            .OrderBy(e => e.BusinessDate).ThenBy(e => e.Version)
            .ToList());
    }
}
