using IsoLedger.Domain.LegalBasis;
using Marten;

namespace IsoLedger.Api.LegalBasis;

/// <summary>The rule book this node judges by: the shipped table and every change an
/// administrator recorded. Loaded before the node serves, refreshed at once after a change made here, and every
/// <see cref="RefreshInterval"/> for changes made on other nodes.</summary>
public sealed class RuleBookSource(IDocumentStore store, ILogger<RuleBookSource> log)
    : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly Lock changing = new();
    private RuleBook? current;

    /// <summary>The rule book; until it could be read from the database (which is then unreachable), requests that
    /// judge answer 503.</summary>
    public RuleBook Current => Volatile.Read(ref current) ?? throw new RuleBookUnavailableException();

    /// <summary>Reads the changes recorded since the book this node holds.</summary>
    public async Task<RuleBook> Refresh(CancellationToken cancellation)
    {
        var known = Volatile.Read(ref current) ?? ShippedRuleBook.Table;
        await using var session = store.QuerySession();
        var changes = await session.Events.FetchStreamAsync(
            RuleBook.StreamId, fromVersion: known.Version + 1, token: cancellation);
        var book = changes.Aggregate(known, (state, change) => state.Evolve(change.Data, change.Version));
        lock (changing)
        {
            // Two refreshes may overlap; the book only moves forward.
            if (current is null || book.Version > current.Version) current = book;
            return current;
        }
    }

    /// <summary>The rule book as it was known at <paramref name="time"/>: the shipped table and the changes recorded by
    /// then (what an answer "as known at" judges by; a rule added later was not known).</summary>
    public async Task<RuleBook> KnownAt(DateTimeOffset time, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var changes = await session.Events.FetchStreamAsync(RuleBook.StreamId, timestamp: time, token: cancellation);
        return changes.Aggregate(ShippedRuleBook.Table,
            (state, change) => state.Evolve(change.Data, change.Version));
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Refresh(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            log.LogWarning(failure, "The rule book could not be read yet; requests that judge answer 503 until it is");
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await Refresh(stoppingToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    log.LogWarning(failure, "The rule book could not be refreshed; judging by version {Version}",
                        Volatile.Read(ref current)?.Version);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped. A host that failed to start (its port taken) cancels this without stopping it first, and the
            // host logs a service that ends so as a failure, with a stack trace, under the reason it did not start.
        }
    }
}

/// <summary>The rule book has not been read from the database yet (it was unreachable when the node started). A
/// <see cref="TimeoutException"/>, so that it answers 503 like any other database outage.</summary>
public sealed class RuleBookUnavailableException()
    : TimeoutException("The rule book has not been read from the database yet.");
