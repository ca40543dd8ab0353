using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

public static class GetUnitStateEndpoint
{
    /// <summary>A unit's state at a point in its history</summary>
    /// <remarks>Give exactly one of: <c>asOf</c> (YYYY-MM-DD, the state by business date: every fact that had happened
    /// by that day, whenever it was recorded), <c>knownAt</c> (an RFC 3339 timestamp with its offset, its <c>T</c>
    /// and <c>Z</c> in either case: the state as it was recorded at that moment), or <c>version</c> (the state after
    /// that many events, with the units it took over as recorded when that version was).</remarks>
    [WolverineGet("/api/units/{code}/state", OperationId = "GetUnitState")]
    [Tags(ApiTags.Audit)]
    [Authorize(Policy = Policies.Audit)]
    [ProducesResponseType<UnitStatus>(StatusCodes.Status200OK,
        Description = "The unit's state at the date, moment or version asked for.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    public static async Task<IResult> State(
        string code, IQuerySession session, BusinessClock clock, RuleBookSource rules,
        CancellationToken cancellation, string? asOf = null, string? knownAt = null, string? version = null)
    {
        var validation = new Validation();
        var asOfDate = Query.AsOf(validation, asOf, clock.Today);
        var knownAtTime = Query.Timestamp(validation, "knownAt", knownAt);
        var atVersion = version is null ? (long?)null : Query.Long(validation, "version", version, 1, 1);
        if (new object?[] { asOf, knownAt, version }.Count(v => v is not null) != 1)
            validation.Add("asOf", "Give exactly one of asOf, knownAt and version.");
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var events = UnitCode.IsValid(code) ? await session.Events.FetchStreamAsync(code, token: cancellation) : [];
        if (events.Count == 0) return UnitProblems.UnitNotFound(code);

        if (asOfDate is { } day) return await OnDate(code, events, day, rules.Current, session, cancellation);
        if (atVersion > events[^1].Version)
        {
            return Results.Problem(
                title: "The unit has no such version.",
                detail: $"Unit '{code}' is at version {events[^1].Version}; version {atVersion} was never recorded.",
                statusCode: StatusCodes.Status404NotFound);
        }
        Func<IEvent, bool> included = knownAtTime is { } time ? e => e.Timestamp <= time : e => e.Version <= atVersion;
        var chosen = events.Where(included).ToList();
        var unit = UnitDecider.Replay(chosen.Select(e => e.Data));
        if (unit is null)
        {
            return Results.Problem(
                title: "The unit was not recorded yet.",
                detail: $"Unit '{code}' had no recorded history at that point.",
                statusCode: StatusCodes.Status404NotFound);
        }
        // Its predecessors as recorded at that moment: for a version, when the version was recorded.
        var predecessors = await PredecessorStates.KnownAt(
            session, unit, knownAtTime ?? chosen[^1].Timestamp, cancellation);
        unit = unit.WithPredecessorsAsRecorded(predecessors.GetValueOrDefault);
        // What was known at a moment still to come is what is known now, judged today.
        var judgedOn =
            knownAtTime is { } at && at < BusinessClock.StartOf(clock.Today) ? clock.DateOf(at) : clock.Today;
        // Judged by the rule book as it was known then, as the facts are.
        var book = knownAtTime is { } known ? await rules.KnownAt(known, cancellation) : rules.Current;
        return Results.Ok(UnitStatus.Of(unit with { Version = chosen[^1].Version }, judgedOn, book));
    }

    /// <summary>The unit's status on <paramref name="day"/>, by business date: its registration and every fact that
    /// had happened by then, whenever recorded, its predecessors' too (<see cref="Unit.WithPredecessorsAsRecorded"/>);
    /// 404 before the unit existed, saying from when it exists.</summary>
    public static async Task<IResult> OnDate(
        string code, IReadOnlyList<IEvent> events, DateOnly day, RuleBook rules, IQuerySession session,
        CancellationToken cancellation)
    {
        var existsFrom = UnitDecider.Replay(events.Select(e => e.Data))!.ExistsFrom;
        if (day < existsFrom) return UnitProblems.NotYetExisting(code, day, existsFrom);
        var chosen = events.Where(e => e.Data is UnitRegistered || e.Data is IUnitEvent u && u.BusinessDate <= day)
            .ToList();
        var unit = UnitDecider.Replay(chosen.Select(e => e.Data))!;
        var predecessors = await PredecessorStates.Of(session, unit, cancellation);
        unit = unit.WithPredecessorsAsRecorded(predecessors.GetValueOrDefault);
        return Results.Ok(UnitStatus.Of(unit with { Version = chosen.Max(e => e.Version) }, day, rules));
    }
}
