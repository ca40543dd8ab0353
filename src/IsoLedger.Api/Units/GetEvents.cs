using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>A page of the event store, in sequence order.</summary>
/// <param name="Events">The events of the page.</param>
/// <param name="Next">The last sequence number the page covers: send it as <c>after</c> to read the next page (the
/// <c>after</c> sent, when the page is empty).</param>
/// <param name="HasMore">Whether committed events follow the page.</param>
public sealed record EventPage(IReadOnlyList<RecordedEvent> Events, long Next, bool HasMore);

public static class GetEventsEndpoint
{
    public const int MaxEventPage = 1000;

    /// <summary>Every event in the store</summary>
    /// <remarks>In global order, a page at a time: pass the answer's <c>next</c> as <c>after</c> to read on. A page
    /// ends before the first sequence number whose event has not committed yet, so that reading on from
    /// <c>next</c> never passes over an event that commits later.</remarks>
    [WolverineGet("/api/events", OperationId = "GetEvents")]
    [Tags(ApiTags.Audit)]
    [Authorize(Policy = Policies.Audit)]
    [ProducesResponseType<EventPage>(StatusCodes.Status200OK,
        Description = "A page of events in sequence order; next is where the following page starts.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Events(
        IQuerySession session, CancellationToken cancellation, string? after = null, string? limit = null)
    {
        var validation = new Validation();
        var afterSequence = Query.Long(validation, "after", after, 0, 0);
        var pageSize = Query.Int(validation, "limit", limit, 100, 1, MaxEventPage);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var settled = await Settled(session, cancellation);
        // Marten's placeholders for the sequence numbers of failed appends are read too: they show that a sequence
        // number is taken for good.
        var read = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(pageSize + 1)
            .ToListAsync(cancellation);
        var readable = Committed(read, Math.Max(afterSequence, settled)).ToList();
        var page = readable.Take(pageSize).ToList();
        var events = page.Where(e => e.StreamKey != Tombstone.StreamKey).Select(RecordedEvent.Of).ToList();
        return Results.Ok(new EventPage(
            events, page.Count > 0 ? page[^1].Sequence : afterSequence, readable.Count > pageSize));
    }

    /// <summary>The async daemon's high water mark: every sequence number up to it is an event that committed, or
    /// one that never will (an append rolled back).</summary>
    private static async Task<long> Settled(IQuerySession session, CancellationToken cancellation) =>
        (await session.AdvancedSql.QueryAsync<long>(
            $"select last_seq_id from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_event_progression "
            + "where name = ?", cancellation, ShardState.HighWaterMark)).FirstOrDefault();

    /// <summary>The events read, in sequence order, up to the first gap after <paramref name="settled"/>. A sequence
    /// number is taken when an event is appended, and the event shows only once its transaction commits: a gap is a
    /// transaction still running (or rolled back, until the high water mark passes it), and an event after it would
    /// be read before the one that fills it.</summary>
    private static IEnumerable<IEvent> Committed(IEnumerable<IEvent> read, long settled)
    {
        var last = settled;
        foreach (var e in read)
        {
            if (e.Sequence > settled)
            {
                if (e.Sequence != last + 1) yield break;
                last = e.Sequence;
            }
            yield return e;
        }
    }
}
