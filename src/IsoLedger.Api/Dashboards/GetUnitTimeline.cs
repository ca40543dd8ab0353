using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Api.Units;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

/// <summary>One step of a unit's history as the dashboard shows it: which unit (the unit itself, or one of its
/// predecessors under its own code and name), when it happened, what, and who recorded it.</summary>
/// <param name="Unit">The code of the unit the step belongs to.</param>
/// <param name="UnitName">Its name on the step's date.</param>
/// <param name="Version">The step's version in that unit's stream.</param>
/// <param name="BusinessDate">When it happened, if the event says.</param>
/// <param name="Event">The event type (GET /api/vocabulary, <c>events</c>).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">The name of the API key that recorded it.</param>
/// <param name="Edition">The edition the step is about: documented or declared on, or converted to.</param>
public sealed record TimelineEntry(
    string Unit, string UnitName, long Version, DateOnly? BusinessDate, string Event, DateTimeOffset RecordedAt,
    string? RecordedBy, Edition? Edition)
{
    public static Edition? EditionOf(object step) => step switch
    {
        DocumentationIssued documentation => documentation.Standard,
        ConformityDeclared declaration => declaration.Standard,
        ConversionStarted started => started.ToEdition,
        StandardConverted converted => converted.ToEdition,
        _ => null,
    };
}

public static class GetUnitTimelineEndpoint
{
    /// <summary>A unit's timeline</summary>
    /// <remarks>Every recorded step of the unit and of the units it took over (transitively, each under its own
    /// name), in business-date order: when it happened, what, when and by whom it was recorded. With <c>asOf</c>, the
    /// steps that had happened by that day; 404 with <c>existsFrom</c> before the unit existed, as its status.
    /// </remarks>
    [WolverineGet("/api/dashboards/units/{code}/timeline", OperationId = "GetUnitTimeline")]
    [Tags(ApiTags.Dashboards)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<IReadOnlyList<TimelineEntry>>(StatusCodes.Status200OK,
        Description = "The unit's history as the dashboard shows it, oldest step first.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        string code, IQuerySession session, BusinessClock clock, CancellationToken cancellation, string? asOf = null)
    {
        var validation = new Validation();
        var date = Query.AsOf(validation, asOf, clock.Today) ?? DateOnly.MaxValue;
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);
        if (!UnitCode.IsValid(code) || await session.LoadAsync<Unit>(code, cancellation) is not { } unit)
            return UnitProblems.UnitNotFound(code);
        // As the unit's status on that day answers: a unit that did not exist yet has no timeline then (its
        // predecessors' steps are theirs, not yet its own).
        if (date < unit.ExistsFrom) return UnitProblems.NotYetExisting(code, date, unit.ExistsFrom);
        // Only the units it had taken over by that day: before a takeover their steps were no part of its history (as
        // its status's predecessors say); a predecessor's predecessors from the day it took that one over.
        var predecessors = (await Lineage.Predecessors(session, unit, cancellation))
            .Where(p => p.JoinedOn <= date);
        var entries = new List<TimelineEntry>();
        // The unit's own steps under its name on each step's day (a rename is not written back over its past); a
        // predecessor's under its name when it was taken over.
        Func<DateOnly?, string> ownName = day => unit.NameOn(day ?? DateOnly.MaxValue);
        foreach (var (stream, name) in predecessors.Select(p => (p.Code, (Func<DateOnly?, string>)(_ => p.Name)))
                     .Prepend((unit.Code, ownName)))
        {
            var events = await session.Events.FetchStreamAsync(stream, token: cancellation);
            entries.AddRange(events.Select(e => (e, Day: (e.Data as IUnitEvent)?.BusinessDate)).Select(step =>
                new TimelineEntry(stream, name(step.Day), step.e.Version, step.Day, step.e.EventType.Name,
                    step.e.Timestamp, step.e.UserName, TimelineEntry.EditionOf(step.e.Data))));
        }
        return Results.Ok(entries
            .Where(e => !(e.BusinessDate > date))
            .OrderBy(e => e.BusinessDate).ThenBy(e => e.Unit != code).ThenBy(e => e.Unit, StringComparer.Ordinal)
            .ThenBy(e => e.Version)
            .ToList());
    }
}
