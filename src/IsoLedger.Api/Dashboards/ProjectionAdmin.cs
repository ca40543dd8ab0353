using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Projections.Dashboards;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

/// <summary>An asynchronous projection's health: where it is, how far behind, and the events it had to skip.</summary>
/// <param name="Name">The projection's name, as used by the rebuild route.</param>
/// <param name="Status">The agent's status in this node's daemon (e.g. Running, Stopped); "distributed" when Wolverine
/// distributes the projections over the nodes; "not-on-this-node" when this node's daemon does not run it.</param>
/// <param name="Position">The last event sequence the projection has processed.</param>
/// <param name="LatestSequence">The highest committed event sequence in the store.</param>
/// <param name="Lag">How many sequence numbers the projection is behind.</param>
/// <param name="SkippedEvents">Events the projection could not apply, skipped and kept as dead letters.</param>
public sealed record ProjectionStatus(
    string Name, string Status, long Position, long LatestSequence, long Lag, long SkippedEvents);

/// <summary>A projection rebuilt from the first event.</summary>
/// <param name="Name">The projection's name.</param>
/// <param name="Position">The last event sequence it has processed once rebuilt.</param>
/// <param name="Took">How long the rebuild took, written [d.]hh:mm:ss[.fffffff].</param>
public sealed record ProjectionRebuilt(string Name, long Position, TimeSpan Took);

/// <summary>Reads and rebuilds the asynchronous projections through this node's daemon (or, where Wolverine
/// distributes them to other nodes, a daemon built for the purpose).</summary>
public sealed class ProjectionAdmin(IDocumentStore store, ProjectionFreshness freshness, IServiceProvider services)
{
    /// <summary>The asynchronous projections, by the name the admin endpoints and the rebuild verb use.</summary>
    public static readonly IReadOnlyList<string> AsyncProjections = [DashboardUnitProjection.ProjectionName];

    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>One rebuild at a time on this node (another node's is refused by the daemon).</summary>
    private readonly SemaphoreSlim rebuilding = new(1, 1);

    private IProjectionCoordinator? Coordinator => services.GetService<IProjectionCoordinator>();

    public static ShardName ShardOf(string projection) => new(projection, ShardName.All, 1);

    public async Task<IReadOnlyList<ProjectionStatus>> List(CancellationToken cancellation)
    {
        var coordinator = Coordinator;
        var agents = coordinator?.DaemonForMainDatabase().CurrentAgents() ?? [];
        var database = (MartenDatabase)store.Storage.Database;
        var statuses = new List<ProjectionStatus>();
        foreach (var name in ProjectionAdmin.AsyncProjections)
        {
            var shard = ShardOf(name);
            var fresh = await freshness.Of(name, cancellation);
            var agent = agents.FirstOrDefault(a => a.Name.Identity == shard.Identity);
            statuses.Add(new ProjectionStatus(
                name, agent?.Status.ToString() ?? (coordinator is null ? "distributed" : "not-on-this-node"),
                fresh.ProcessedSequence, fresh.LatestSequence, fresh.Lag,
                await database.CountDeadLetterEventsAsync(shard, cancellation)));
        }
        return statuses;
    }

    /// <summary>Rebuilds <paramref name="name"/>, or answers null when a rebuild of it is already running. A started
    /// rebuild runs to its end when the caller leaves (<paramref name="cancellation"/> only stops the waiting): cut
    /// short, it had left the agent stopped and every dashboard behind until the next rebuild or restart.</summary>
    public async Task<ProjectionRebuilt?> Rebuild(string name, CancellationToken cancellation)
    {
        if (!await rebuilding.WaitAsync(0, CancellationToken.None)) return null;
        return await RebuildToTheEnd(name).WaitAsync(cancellation);
    }

    private async Task<ProjectionRebuilt?> RebuildToTheEnd(string name)
    {
        var started = TimeProvider.System.GetTimestamp();
        var uncancelled = CancellationToken.None;
        try
        {
            if (Coordinator is { } coordinator)
            {
                var daemon = coordinator.DaemonForMainDatabase();
                try
                {
                    await daemon.RebuildProjectionAsync(name, RebuildTimeout, uncancelled);
                }
                finally
                {
                    // A rebuild leaves this node's agent stopped; it must go on with the events that come after.
                    await daemon.StartAgentAsync(ShardOf(name).Identity, uncancelled);
                }
            }
            else
            {
                await (await store.BuildProjectionDaemonAsync())
                    .RebuildProjectionAsync(name, RebuildTimeout, uncancelled);
            }
            return new ProjectionRebuilt(
                name, await freshness.ProcessedSequence(name, uncancelled),
                TimeProvider.System.GetElapsedTime(started));
        }
        catch (ProjectionAlreadyRebuildingException)
        {
            return null;
        }
        finally
        {
            rebuilding.Release();
        }
    }
}

public static class ProjectionAdminEndpoints
{
    /// <summary>Asynchronous projections and their health</summary>
    /// <remarks>Each asynchronous projection by name: its agent's status on this node, the event sequence it has
    /// processed, the store's latest, the lag between them, and the events it skipped (kept as dead letters).
    /// </remarks>
    [WolverineGet("/api/admin/projections", OperationId = "ListProjections")]
    [Tags(ApiTags.Administration)]
    [Authorize(Roles = Roles.Admin)]
    [ProducesResponseType<IReadOnlyList<ProjectionStatus>>(StatusCodes.Status200OK,
        Description = "Each asynchronous projection: its status on this node, its position and its lag.")]
    public static async Task<IResult> List(ProjectionAdmin admin, CancellationToken cancellation) =>
        Results.Ok(await admin.List(cancellation));

    /// <summary>Rebuild an asynchronous projection from all events</summary>
    /// <remarks>Answers once the rebuild has ended, which it does even if the client leaves; the dashboards read
    /// the projection as it fills meanwhile. One rebuild at a time: 409 while one of it runs, 404 for a name that
    /// is not an asynchronous projection. A projection has no version to compare: an If-Match other than * answers
    /// 400, rather than a rebuild its sender believed conditional; an Idempotency-Key answers 400 too, as a rebuild
    /// keeps no answer for a retry: sent again, it rebuilds again (409 while the first runs), recording nothing.
    /// </remarks>
    [WolverinePost("/api/admin/projections/{name}/rebuild", OperationId = "RebuildProjection")]
    [Tags(ApiTags.Administration)]
    [Authorize(Roles = Roles.Admin)]
    [ProducesResponseType<ProjectionRebuilt>(StatusCodes.Status200OK,
        Description = "The projection was rebuilt from every event: its position and how long it took.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Rebuild(
        HttpContext http, string name, ProjectionAdmin admin, CancellationToken cancellation)
    {
        if (VersionedWrites.SendsVersion(http))
            return WriteProblems.IfMatchNotTaken("A rebuild reads every unit's stream and writes none");
        if (http.Request.Headers.ContainsKey(HeaderLimits.IdempotencyKeyHeader))
        {
            return WriteProblems.IdempotencyKeyNotTaken("A rebuild records nothing and keeps no answer for a retry: "
                + "sent again, it rebuilds again (409 while the first still runs)");
        }
        if (!ProjectionAdmin.AsyncProjections.Contains(name))
        {
            return Results.Problem(
                title: "No such projection.",
                detail: $"'{name}' is not an asynchronous projection; these are: "
                    + $"{string.Join(", ", ProjectionAdmin.AsyncProjections)}.",
                statusCode: StatusCodes.Status404NotFound);
        }
        return await admin.Rebuild(name, cancellation) is { } rebuilt
            ? Results.Ok(rebuilt)
            : Results.Problem(
                title: "The projection is being rebuilt.",
                detail: $"A rebuild of '{name}' is already running; nothing was started. Read "
                    + "/api/admin/projections for its progress, and ask again once it has ended if need be.",
                statusCode: StatusCodes.Status409Conflict);
    }
}
