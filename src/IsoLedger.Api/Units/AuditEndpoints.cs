using IsoLedger.Projections.Units;
using JasperFx.Events;

namespace IsoLedger.Api.Units;

/// <summary>One recorded event, as auditors see it.</summary>
/// <param name="Sequence">Position in the whole store, in recording order.</param>
/// <param name="StreamKey">The unit the event belongs to.</param>
/// <param name="Version">Position in the unit's stream.</param>
/// <param name="Type">The event type, e.g. ConformityDeclared.</param>
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
    public static RecordedEvent Of(IEvent e) => new(
        e.Sequence, e.StreamKey ?? "", e.Version, e.EventType.Name, (e.Data as IUnitEvent)?.BusinessDate, e.Timestamp,
        e.UserName, e.CorrelationId, e.Data, e.Headers);
}

public sealed record EventPage(IReadOnlyList<RecordedEvent> Events, long Next, bool HasMore);

public static class AuditEndpoints
{
    public const int MaxEventPage = 1000;

    /// <summary>A unit's full history</summary>
    /// <remarks>Every event of the unit in recording order, with who recorded it, when, and its business date.</remarks>
    [WolverineGet("/api/units/{code}/history", OperationId = "GetUnitHistory"), Tags("Audit"), Authorize(Policy = Policies.Audit)]
    [ProducesResponseType<IReadOnlyList<RecordedEvent>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> History(string code, IQuerySession session, CancellationToken cancellation)
    {
        var events = UnitCode.IsValid(code) ? await session.Events.FetchStreamAsync(code, token: cancellation) : [];
        return events.Count == 0 ? UnitProblems.UnitNotFound(code) : Results.Ok(events.Select(RecordedEvent.Of).ToList());
    }

    /// <summary>A unit's state at a point in its history</summary>
    /// <remarks>Give exactly one of: <c>asOf</c> (YYYY-MM-DD, the state by business date: every fact that had happened
    /// by that day, whenever it was recorded), <c>knownAt</c> (an ISO 8601 timestamp: the state as it was recorded at
    /// that moment), or <c>version</c> (the state after that many events).</remarks>
    [WolverineGet("/api/units/{code}/state", OperationId = "GetUnitState"), Tags("Audit"), Authorize(Policy = Policies.Audit)]
    [ProducesResponseType<UnitStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> State(
        string code, IQuerySession session, BusinessClock clock, CancellationToken cancellation,
        string? asOf = null, string? knownAt = null, string? version = null)
    {
        var validation = new Validation();
        var asOfDate = Query.Date(validation, "asOf", asOf);
        var knownAtTime = Query.Timestamp(validation, "knownAt", knownAt);
        var atVersion = version is null ? (long?)null : Query.Long(validation, "version", version, 1, 1);
        if (new object?[] { asOf, knownAt, version }.Count(v => v is not null) != 1)
            validation.Add("asOf", "Give exactly one of asOf, knownAt and version.");
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var events = UnitCode.IsValid(code) ? await session.Events.FetchStreamAsync(code, token: cancellation) : [];
        if (events.Count == 0) return UnitProblems.UnitNotFound(code);

        Func<IEvent, bool> included = asOfDate is { } date ? e => e.Data is IUnitEvent u && u.BusinessDate <= date
            : knownAtTime is { } time ? e => e.Timestamp <= time
            : e => e.Version <= atVersion;
        var chosen = events.Where(included).ToList();
        var unit = UnitDecider.Replay(chosen.Select(e => e.Data));
        if (unit is null)
            return Results.Problem(title: "The unit did not exist yet.", detail: $"Unit '{code}' had no recorded history at that point.", statusCode: StatusCodes.Status404NotFound);

        var judgedOn = asOfDate ?? (knownAtTime is { } at ? clock.DateOf(at) : clock.Today);
        return Results.Ok(UnitStatus.Of(unit with { Version = chosen[^1].Version }, judgedOn));
    }

    /// <summary>Every event in the store</summary>
    /// <remarks>In global order, a page at a time: pass the answer's <c>next</c> as <c>after</c> to read on.</remarks>
    [WolverineGet("/api/events", OperationId = "GetEvents"), Tags("Audit"), Authorize(Policy = Policies.Audit)]
    [ProducesResponseType<EventPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Events(IQuerySession session, CancellationToken cancellation, string? after = null, string? limit = null)
    {
        var validation = new Validation();
        var afterSequence = Query.Long(validation, "after", after, 0, 0);
        var pageSize = Query.Int(validation, "limit", limit, 100, 1, MaxEventPage);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var page = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(pageSize + 1)
            .ToListAsync(cancellation);
        var events = page.Take(pageSize).Select(RecordedEvent.Of).ToList();
        return Results.Ok(new EventPage(events, events.Count > 0 ? events[^1].Sequence : afterSequence, page.Count > pageSize));
    }
}
