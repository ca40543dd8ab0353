using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using Marten;

namespace IsoLedger.Api.Units;

/// <summary>The fold that stored the units' states (<see cref="UnitStateReplay.Fold"/>), kept beside them.</summary>
public sealed class UnitStateFold
{
    public const string Key = "unit-state-fold";

    public string Id { get; set; } = Key;
    public int Version { get; set; }
}

/// <summary>A unit's stored state is its events folded by <see cref="Unit.Evolve"/> as the build that stored it folded
/// them, and each command folds only its own events onto it. When a build folds the same events into another state
/// (a yearly step counted from its first date, every inspection of a year kept), the states stored before would go on
/// answering as the earlier build did, in part even after the unit's next command. So at start, before the server
/// takes a request, a store whose states an earlier fold wrote has every state folded again from its events, unit by
/// unit under the writers' stream locks, and the fold is recorded; one node does it (an advisory lock), the others
/// wait and find it done.</summary>
public sealed class UnitStateReplay(IDocumentStore store, UnitLocks unitLocks, ILogger<UnitStateReplay> log)
    : IHostedService
{
    /// <summary>The fold's version: raise it with every change to <see cref="Unit.Evolve"/> that folds the same events
    /// into another state. 2: yearly steps kept from their first date, every inspection of a year kept. 3: a
    /// conversion keeps the numbers of the decisions that started and completed it. 4: steering boards in the order
    /// they were formed, each after the first a reorganisation.</summary>
    public const int Fold = 4;

    private const int UnitsPerTransaction = 500;

    /// <summary>Whether this start folded stored states again: what else keeps states folded by the earlier build
    /// (the dashboards' projection) is then rebuilt too.</summary>
    public bool Refolded { get; private set; }

    /// <summary>Any number, the same on every node: the advisory lock of the replay.</summary>
    private const long ReplayLock = 0x15_0_1ed9e5;

    public async Task StartAsync(CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if ((await session.LoadAsync<UnitStateFold>(UnitStateFold.Key, cancellation))?.Version >= Fold) return;
        // Held by this connection until it closes (a pooled connection is reset on return, which releases it).
        await using var guard = store.Storage.Database.CreateConnection();
        await guard.OpenAsync(cancellation);
        await using (var take = guard.CreateCommand())
        {
            take.CommandText = $"select pg_advisory_lock({ReplayLock})";
            await take.ExecuteNonQueryAsync(cancellation);
        }
        await using var again = store.LightweightSession();
        if ((await again.LoadAsync<UnitStateFold>(UnitStateFold.Key, cancellation))?.Version >= Fold) return;

        var replayed = 0;
        string after = "";
        while (true)
        {
            await using var page = store.LightweightSession();
            var codes = await page.Query<Unit>().Where(u => string.Compare(u.Code, after) > 0)
                .OrderBy(u => u.Code).Select(u => u.Code).Take(UnitsPerTransaction).ToListAsync(cancellation);
            if (codes.Count == 0) break;
            var streams = codes.ToArray();
            await page.BeginTransactionAsync(cancellation);
            // The writers' locks: no command appends to these units while their states are folded again.
            await using (var locks = page.Connection!.CreateBatch())
            {
                locks.BatchCommands.Add(unitLocks.LockStreams(streams));
                await locks.ExecuteNonQueryAsync(cancellation);
            }
            var events = await page.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(streams))
                .OrderBy(e => e.StreamKey).ThenBy(e => e.Version).ToListAsync(cancellation);
            foreach (var stream in events.GroupBy(e => e.StreamKey!))
            {
                page.Store(UnitDocuments.Evolve(null, stream.Select(e => e.Data), stream.Max(e => e.Version)));
                replayed++;
            }
            await page.SaveChangesAsync(cancellation);
            after = codes[^1];
        }

        again.Store(new UnitStateFold { Version = Fold });
        await again.SaveChangesAsync(cancellation);
        Refolded = replayed > 0;
        if (Refolded)
            log.LogInformation("Folded {Units} unit states again from their events (fold {Fold})", replayed, Fold);
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
