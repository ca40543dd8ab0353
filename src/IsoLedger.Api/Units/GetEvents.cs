using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

public sealed record EventPage(IReadOnlyList<RecordedEvent> Events, long Next, bool HasMore);

public static class GetEventsEndpoint
{
    public const int MaxEventPage = 1000;

    /// <summary>Every event in the store</summary>
    /// <remarks>In global order, a page at a time: pass the answer's <c>next</c> as <c>after</c> to read on.</remarks>
    [WolverineGet("/api/events", OperationId = "GetEvents")]
    [Tags("Audit")]
    [Authorize(Policy = Policies.Audit)]
    [ProducesResponseType<EventPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Events(
        IQuerySession session, CancellationToken cancellation, string? after = null, string? limit = null)
    {
        var validation = new Validation();
        var afterSequence = Query.Long(validation, "after", after, 0, 0);
        var pageSize = Query.Int(validation, "limit", limit, 100, 1, MaxEventPage);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        // Marten's placeholders for the sequence numbers of failed appends are no one's history.
        var page = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > afterSequence && e.StreamKey != JasperFx.Events.Tombstone.StreamKey)
            .OrderBy(e => e.Sequence)
            .Take(pageSize + 1)
            .ToListAsync(cancellation);
        var events = page.Take(pageSize).Select(RecordedEvent.Of).ToList();
        return Results.Ok(new EventPage(
            events, events.Count > 0 ? events[^1].Sequence : afterSequence, page.Count > pageSize));
    }
}
