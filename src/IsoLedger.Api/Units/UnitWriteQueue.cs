using System.Text.Json;
using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;

namespace IsoLedger.Api.Units;

/// <summary>A unit command waiting for the writer: what to decide on which unit, and how to answer.</summary>
internal sealed class PendingWrite(
    string code, long? expectedVersion, UnitWriter.Idempotency? idempotency, Func<Unit?, Decision> decide,
    Func<Accepted, UnitWritten, object>? respond, Func<Accepted, string>? created, string correlationId,
    string? recordedBy, DatabaseAttempt attempt)
{
    public string Code { get; } = code;
    public long? ExpectedVersion { get; } = expectedVersion;
    public UnitWriter.Idempotency? Idempotency { get; } = idempotency;
    public Func<Unit?, Decision> Decide { get; } = decide;
    public Func<Accepted, UnitWritten, object>? Respond { get; } = respond;
    public Func<Accepted, string>? Created { get; } = created;
    public string CorrelationId { get; } = correlationId;
    public string? RecordedBy { get; } = recordedBy;
    public DatabaseAttempt Attempt { get; } = attempt;

    /// <summary>Completed only after the transaction holding the command's events committed (or failed).</summary>
    public TaskCompletionSource<IResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Group commit: this node's unit commands wait here, and a writer takes whatever has arrived for its units,
/// without waiting for more (no timer: at light load a batch is one command, written by its own caller; see
/// <see cref="Batches{T}"/>), and writes it in one transaction. It locks the streams of every unit the batch touches
/// and reads, in the same round trip, the states the node does not hold at the locked version
/// (<see cref="UnitWriteCache"/>) and the earlier answers of the batch's idempotency keys (<see cref="UnitLocks"/>);
/// decides each command in arrival order on the state the commands before it left (one unit, one lane); appends every
/// accepted command's events, each unit's new state and the idempotency records; commits; and only then answers each
/// caller. A command that breaks a rule or sends a stale <c>If-Match</c> fails alone. Writers on other nodes
/// take the same stream locks, in code order, so they take turns; the database's version check stays the final
/// word, and a batch that collides (a racing registration, a key committed elsewhere) is decided again.</summary>
public sealed class UnitWriteQueue
{
    /// <summary>Writers per node (<c>IsoLedger:Writes:Writers</c>, default 2). Each owns the lanes of a share of the
    /// units (a unit's commands always go to the same writer, in arrival order), so that while one writer waits for
    /// its commit to be flushed the others write theirs, and PostgreSQL flushes commits that arrive together
    /// at once.</summary>
    public const string WritersSetting = "IsoLedger:Writes:Writers";

    /// <summary>Large enough that a batch carries every client of a busy node, small enough that one transaction
    /// stays short.</summary>
    private const int MaxBatch = 256;

    private const int Attempts = 3;

    private readonly Batches<PendingWrite>[] writers;
    private readonly IDocumentStore store;
    private readonly UnitLocks locks;
    private readonly UnitWriteCache cache;
    private readonly UnitWriteMetrics metrics;
    private readonly JsonSerializerOptions json;
    private readonly ILogger<UnitWriteQueue> logger;

    public UnitWriteQueue(
        IDocumentStore store, UnitLocks locks, UnitWriteCache cache, UnitWriteMetrics metrics,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IConfiguration configuration,
        ILogger<UnitWriteQueue> logger)
    {
        this.store = store;
        this.locks = locks;
        this.cache = cache;
        this.metrics = metrics;
        this.json = json.Value.SerializerOptions;
        this.logger = logger;
        var count = configuration.GetValue(WritersSetting, 2);
        if (count < 1) throw new InvalidOperationException($"{WritersSetting} must be at least 1, not {count}.");
        writers = [.. Enumerable.Range(0, count).Select(_ => new Batches<PendingWrite>(Commit, MaxBatch))];
    }

    /// <summary>Queues a command; the task completes once it is decided and, if accepted, committed.</summary>
    internal async Task<IResult> Submit(PendingWrite write)
    {
        var writer = writers[(StringComparer.Ordinal.GetHashCode(write.Code) & int.MaxValue) % writers.Length];
        await writer.Add(write, write.Answer.Task);
        return await write.Answer.Task;
    }

    /// <summary>How the node has been batching, and what waits now.</summary>
    public UnitWriteStatistics Statistics() => metrics.Read(writers.Sum(w => w.Waiting));

    /// <summary>Writes a batch and answers every command in it, whatever happens.</summary>
    private async Task Commit(List<PendingWrite> batch)
    {
        metrics.Batch(batch.Count);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answers = await TryCommit(batch);
                for (var i = 0; i < batch.Count; i++) answers[i].Settle(batch[i].Answer);
                return;
            }
            catch (Exception e) when (IsCollision(e) && attempt < Attempts)
            {
                // Another writer got to a new stream or an idempotency key first: decide again on what it wrote.
            }
            catch (Exception e) when (IsCollision(e))
            {
                foreach (var write in batch) write.Answer.TrySetResult(UnitProblems.Busy());
                return;
            }
            catch (Exception e)
            {
                if (!DatabaseFailures.IsUnavailable(e))
                    logger.LogError(e, "A batch of {Commands} unit commands failed", batch.Count);
                foreach (var write in batch) write.Answer.TrySetException(e);
                return;
            }
        }
    }

    /// <summary>The database refused the batch because another writer came first: a stream started by a racing
    /// registration, a version moved by a writer that took no lock, an idempotency key committed meanwhile.</summary>
    private static bool IsCollision(Exception e) =>
        UnitWriter.IsConcurrencyConflict(e) || e is DocumentAlreadyExistsException;

    /// <summary>One answer: a result, or a failure of the command alone (a bug in its decision or answer).</summary>
    private readonly record struct Outcome(IResult? Result, Exception? Failure)
    {
        public void Settle(TaskCompletionSource<IResult> answer)
        {
            if (Failure is not null) answer.TrySetException(Failure);
            else answer.TrySetResult(Result!);
        }
    }

    private async Task<Outcome[]> TryCommit(List<PendingWrite> batch)
    {
        // Not cancelled with any request: once a batch is sent, its commit decides for every command in it.
        var cancellation = CancellationToken.None;
        await using var session = store.LightweightSession();
        var keys = batch.Where(w => w.Idempotency is not null).Select(w => w.Idempotency!.Id).ToHashSet();
        var (states, earlier, read) = await locks.LockAndLoad(
            session, batch.Select(w => w.Code), cache.Find, keys, cancellation);
        metrics.Loaded(states.Count, read);
        var before = states.ToDictionary(s => s.Key, s => s.Value?.Version ?? 0, StringComparer.Ordinal);

        var outcomes = new Outcome[batch.Count];
        var appended = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                outcomes[i] = new Outcome(Decide(session, batch[i], states, earlier, appended), null);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Deciding a command on unit {Code} failed", batch[i].Code);
                outcomes[i] = new Outcome(null, e);
            }
        }

        UnitLocks.Append(session, appended, states, before);
        // Every accepted command has a lane, even one that records no event.
        if (appended.Count > 0)
        {
            foreach (var write in batch) write.Attempt.MarkIrreversible();
            await session.SaveChangesAsync(cancellation);
        }
        foreach (var state in states.Values)
            if (state is not null) cache.Keep(state);
        return outcomes;
    }

    /// <summary>Decides one command on the state its unit has reached in this batch and, if accepted, adds its events
    /// to the unit's lane and its answer to the idempotency records.</summary>
    private IResult Decide(
        IDocumentSession session, PendingWrite write, Dictionary<string, Unit?> states,
        Dictionary<string, IdempotentResponse> earlier, Dictionary<string, List<object>> appended)
    {
        var key = write.Idempotency;
        if (key is not null && earlier.TryGetValue(key.Id, out var answered)) return answered.Replay(key.Fingerprint);

        var unit = states[write.Code];
        var version = unit?.Version ?? 0;
        if (write.ExpectedVersion is { } expected && version != expected)
            return unit is null ? UnitProblems.UnitNotFound(write.Code) : UnitProblems.StaleVersion(version);

        switch (write.Decide(unit))
        {
            case Rejected { Broken: var broken } when broken == Rules.UnitNotRegistered:
                return UnitProblems.UnitNotFound(write.Code);
            case Rejected rejected:
                return UnitProblems.RuleBroken(rejected.Broken);
            case Accepted accepted:
                // Everything that can fail comes first: a command whose answer cannot be made records nothing.
                var after = version + accepted.Events.Count;
                var state = UnitDocuments.Evolve(unit, accepted.Events, after);
                var written = new UnitWritten(
                    write.Code, after, accepted.Warnings.Select(RuleWarning.From).ToList());
                var body = write.Respond?.Invoke(accepted, written) ?? written;
                var status = write.Created is null ? StatusCodes.Status200OK : StatusCodes.Status201Created;
                var location = write.Created?.Invoke(accepted);
                var response = key is null ? null : new IdempotentResponse
                {
                    Id = key.Id,
                    Fingerprint = key.Fingerprint,
                    Status = status,
                    Location = location,
                    Version = after,
                    Body = JsonSerializer.Serialize(body, json),
                };

                states[write.Code] = state;
                if (!appended.TryGetValue(write.Code, out var lane)) appended[write.Code] = lane = [];
                foreach (var data in accepted.Events)
                {
                    var e = session.Events.BuildEvent(data);
                    e.CorrelationId = write.CorrelationId;
                    e.UserName = write.RecordedBy;
                    lane.Add(e);
                }
                if (response is null) return UnitResults.Written(status, after, body, location);
                session.Insert(response);
                earlier[response.Id] = response;
                return response.Replay(response.Fingerprint);
            default:
                throw new InvalidOperationException("A decision is either accepted or rejected.");
        }
    }
}
