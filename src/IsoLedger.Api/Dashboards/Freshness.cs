using IsoLedger.Projections.Dashboards;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace IsoLedger.Api.Dashboards;

/// <summary>How far behind the store a projection is: the highest committed event sequence, the projection's
/// processed sequence (at most the former), and the difference.</summary>
/// <param name="LatestSequence">The sequence number of the latest event committed to the store.</param>
/// <param name="ProcessedSequence">The sequence number up to which the dashboards' projection has processed the
/// events: the answer reflects every event up to it.</param>
/// <param name="Lag">How many sequence numbers the projection is behind (0 when it is up to date): the events of the
/// last ones are not in the answer yet.</param>
public sealed record Freshness(long LatestSequence, long ProcessedSequence, long Lag);

/// <summary>A dashboard answer with how fresh it is.</summary>
/// <param name="Freshness">How far the dashboards' projection had got when the answer was computed (with
/// <c>consistent=true</c>, after waiting for it to catch up, 5 s at most unless configured otherwise).</param>
/// <param name="Data">The answer, computed from the projection as far as it had got.</param>
public sealed record DashboardAnswer<T>(Freshness Freshness, T Data);

public sealed class ProjectionFreshness(IDocumentStore store, NpgsqlDataSource dataSource, IConfiguration configuration)
{
    public const string ConsistencyWaitSetting = "IsoLedger:Dashboards:ConsistencyWaitSeconds";
    public const int DefaultConsistencyWaitSeconds = 5;

    /// <summary>How long <c>consistent=true</c> waits at most for the projection: a few seconds, so that a request
    /// answers while the daemon is far behind (after an import), saying how far; longer where the answers must be
    /// whole, as the tests' checks of them on a loaded machine.</summary>
    private readonly TimeSpan maxConsistencyWait = TimeSpan.FromSeconds(
        Math.Clamp(configuration.GetValue(ConsistencyWaitSetting, DefaultConsistencyWaitSeconds), 0, 300));

    /// <summary>The highest sequence of a committed event (not the sequence's counter, which rolled-back appends
    /// advance).</summary>
    public async Task<long> LatestSequence(CancellationToken cancellation)
    {
        await using var command = dataSource.CreateCommand(
            $"select coalesce(max(seq_id), 0) from {store.Options.Events.DatabaseSchemaName}.mt_events");
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }

    public async Task<long> ProcessedSequence(string projection, CancellationToken cancellation) =>
        await store.Advanced.ProjectionProgressFor(new ShardName(projection, ShardName.All, 1), token: cancellation);

    public async Task<Freshness> Of(string projection, CancellationToken cancellation)
    {
        var latest = await LatestSequence(cancellation);
        var processed = await ProcessedSequence(projection, cancellation);
        // Appends that rolled back took sequence numbers no event holds, and the daemon's mark moves past them: past
        // the latest committed event, every event there is has been processed.
        return new Freshness(latest, Math.Min(processed, latest), Math.Max(0, latest - processed));
    }

    /// <summary>Waits, at most <see cref="maxConsistencyWait"/>, until <paramref name="projection"/> has processed
    /// every event committed when the call began; then says how fresh it is.</summary>
    public async Task<Freshness> CatchUp(string projection, CancellationToken cancellation)
    {
        var target = await LatestSequence(cancellation);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(maxConsistencyWait);
        try
        {
            while (await ProcessedSequence(projection, cancellation) < target)
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // Waited long enough: answer with what there is; the freshness says how far behind it is.
        }
        return await Of(projection, cancellation);
    }

    public Task<Freshness> For(bool consistent, CancellationToken cancellation) => consistent
        ? CatchUp(DashboardUnitProjection.ProjectionName, cancellation)
        : Of(DashboardUnitProjection.ProjectionName, cancellation);
}
