using IsoLedger.Api.Units;

namespace IsoLedger.Api.Dashboards;

/// <summary>The dashboards' projection keeps a unit's state folded as the build that projected it folded it, and
/// applies new events onto it. When this start folded the stored states again (<see cref="UnitStateReplay"/>), the
/// projection is rebuilt once the server runs, so that the dashboards answer as the unit reads do; meanwhile every
/// dashboard says how far behind it is.</summary>
public sealed class RebuildAfterRefold(
    UnitStateReplay replay, ProjectionAdmin admin, IHostApplicationLifetime lifetime, ILogger<RebuildAfterRefold> log)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellation)
    {
        if (replay.Refolded) lifetime.ApplicationStarted.Register(() => _ = Rebuild());
        return Task.CompletedTask;
    }

    private async Task Rebuild()
    {
        foreach (var projection in ProjectionAdmin.AsyncProjections)
        {
            try
            {
                var rebuilt = await admin.Rebuild(projection, lifetime.ApplicationStopping);
                log.LogInformation("Rebuilt {Projection} after the unit states were folded again ({Took})",
                    projection, rebuilt?.Took);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Could not rebuild {Projection} after the unit states were folded again: rebuild it "
                    + "with POST /api/admin/projections/<name>/rebuild", projection);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
