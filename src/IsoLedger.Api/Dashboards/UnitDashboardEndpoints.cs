using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Api.Units;
using IsoLedger.Domain.Units;
using IsoLedger.Projections.Dashboards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

/// <summary>A province with data, and the years it has yearly facts for (the dashboard's pickers).</summary>
public sealed record ProvinceSummary(string Province, int Units, IReadOnlyList<int> Years);

/// <summary>One step of a unit's history as the dashboard shows it: when it happened, what, and who recorded
/// it.</summary>
public sealed record TimelineEntry(
    long Version, DateOnly? BusinessDate, string Event, DateTimeOffset RecordedAt, string? RecordedBy);

/// <summary>What dashboards read about provinces and single units (viewer or higher); auditors have the full
/// history.</summary>
public static class UnitDashboardEndpoints
{
    private const string Tag = "Dashboards";

    /// <summary>Provinces with units, and their years with data</summary>
    [WolverineGet("/api/dashboards/provinces", OperationId = "ListProvinces")]
    [Tags(Tag)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<IReadOnlyList<ProvinceSummary>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Provinces(IQuerySession session, CancellationToken cancellation)
    {
        var units = await session.Query<DashboardUnit>().ToListAsync(cancellation);
        var provinces = units.GroupBy(u => u.Province).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProvinceSummary(
                g.Key, g.Count(),
                g.SelectMany(u => u.State.Years.Keys
                        .Concat(u.State.InternalAudits.Select(d => d.Year))
                        .Concat(u.State.ManagementReviews.Select(d => d.Year)))
                    .Distinct().Order().ToList()));
        return Results.Ok(provinces.ToList());
    }

    /// <summary>A unit's status as of a date</summary>
    /// <remarks><c>asOf</c> (default today) judges the unit by every fact that had happened by then.</remarks>
    [WolverineGet("/api/dashboards/units/{code}", OperationId = "GetUnitDashboard")]
    [Tags(Tag)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<UnitStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Unit(
        string code, IQuerySession session, BusinessClock clock, CancellationToken cancellation, string? asOf = null)
    {
        var validation = new Validation();
        var date = Query.Date(validation, "asOf", asOf) ?? clock.Today;
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);
        var events = UnitCode.IsValid(code) ? await session.Events.FetchStreamAsync(code, token: cancellation) : [];
        var chosen = events.Where(e => e.Data is IUnitEvent u && u.BusinessDate <= date).ToList();
        var unit = UnitDecider.Replay(chosen.Select(e => e.Data));
        if (events.Count == 0) return UnitProblems.UnitNotFound(code);
        return unit is null
            ? Results.Problem(
                title: "The unit did not exist yet.",
                detail: $"Unit '{code}' had no recorded history by {date:yyyy-MM-dd}.",
                statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(UnitStatus.Of(unit with { Version = chosen[^1].Version }, date));
    }

    /// <summary>A unit's timeline</summary>
    /// <remarks>Every recorded step in business-date order: when it happened, what, when and by whom it was
    /// recorded.</remarks>
    [WolverineGet("/api/dashboards/units/{code}/timeline", OperationId = "GetUnitTimeline")]
    [Tags(Tag)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<IReadOnlyList<TimelineEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Timeline(string code, IQuerySession session, CancellationToken cancellation)
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
