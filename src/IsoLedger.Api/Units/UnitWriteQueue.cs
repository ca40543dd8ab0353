using System.Text.Json;
using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IsoLedger.Api.Units;

/// <summary>A unit command waiting for the writer: what to decide on which unit (reading which other units), and how
/// to answer.</summary>
internal sealed class PendingWrite(
    string code, VersionCondition? ifMatch, Idempotency? idempotency, IReadOnlyList<string> reads,
    Func<Unit?, Func<string, Unit?>, IReadOnlyList<Unit>, Decision> decide,
    Func<Accepted, UnitWritten, object>? respond, Func<Accepted, string>? created, string correlationId,
    string? recordedBy, DatabaseAttempt attempt, NamesakeSearch? namesakes = null)
{
    public string Code { get; } = code;
    public VersionCondition? IfMatch { get; } = ifMatch;
    public Idempotency? Idempotency { get; } = idempotency;
    /// <summary>The other units the decision reads, locked with the unit.</summary>
    public IReadOnlyList<string> Reads { get; } = reads;
    /// <summary>The registered units a registration's decision reads by their name (<see cref="Namesakes"/>).
    /// </summary>
    public NamesakeSearch? Namesakes { get; } = namesakes;
    public Func<Unit?, Func<string, Unit?>, IReadOnlyList<Unit>, Decision> Decide { get; } = decide;
    public Func<Accepted, UnitWritten, object>? Respond { get; } = respond;
    public Func<Accepted, string>? Created { get; } = created;
    public string CorrelationId { get; } = correlationId;
    public string? RecordedBy { get; } = recordedBy;
    public DatabaseAttempt Attempt { get; } = attempt;

    /// <summary>Completed only after the transaction holding the command's events committed (or failed). Its callers
    /// go on answering on the writer's thread, one after another, instead of waiting for the thread pool (p99 at 32
    /// clients 26–31 → 22–23 ms in same-machine runs).</summary>
    public TaskCompletionSource<IResult> Answer { get; } = new();
}

/// <summary>Group commit: this node's unit commands wait here, and a writer takes whatever has arrived for its units,
/// without waiting for more (no timer: at light load a batch is one command, written by its own caller; see
/// <see cref="Batches{T}"/>), decides each command in arrival order on the state the commands before it left (one unit,
/// one lane) and only answers each caller after the commit. A batch is decided on the states the node holds
/// (<see cref="UnitWriteCache"/>) and written in one round trip (<see cref="KnownVersionWrites"/>) unless an answer
/// needs the database's confirmation or the database refuses the write because a stream moved elsewhere; then it is
/// decided again under the locks of its streams, with the states and earlier idempotency answers read in the same
/// round trip (<see cref="UnitLocks"/>). A command that breaks a rule or sends a stale <c>If-Match</c> fails alone.
/// Writers on other nodes take the same stream locks, in code order; the database's unique keys stay the final word,
/// and a batch that collides under locks (a racing registration, a key committed elsewhere) is decided again.</summary>
public sealed class UnitWriteQueue : IAsyncDisposable
{
    /// <summary>Writers per node (<c>IsoLedger:Writes:Writers</c>, default 1). With more, each owns the lanes of a
    /// share of the units (a unit's commands always go to the same writer, in arrival order). Since a batch on held
    /// states is one round trip, one writer batching everything beat two or four sharing the load (ops/bench.sh:
    /// 3 330–3 430 against 2 100–2 730 commands/s at 8 clients).</summary>
    public const string WritersSetting = "IsoLedger:Writes:Writers";

    /// <summary>Large enough that a batch carries every client of a busy node, small enough that one transaction
    /// stays short.</summary>
    private const int MaxBatch = 256;

    private const int Attempts = 3;

    private readonly Batches<PendingWrite>[] writers;
    /// <summary>Each writer's own connection for the batches it writes on held states (one at a time).</summary>
    private readonly DedicatedConnection[] connections;
    private readonly IDocumentStore store;
    private readonly UnitLocks locks;
    private readonly KnownVersionWrites known;
    private readonly UnitWriteCache cache;
    private readonly UnitWriteMetrics metrics;
    private readonly JsonSerializerOptions json;
    private readonly ILogger<UnitWriteQueue> logger;

    public UnitWriteQueue(
        IDocumentStore store, UnitLocks locks, KnownVersionWrites known, UnitWriteCache cache, UnitWriteMetrics metrics,
        NpgsqlDataSource dataSource, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        IConfiguration configuration, ILogger<UnitWriteQueue> logger)
    {
        this.store = store;
        this.locks = locks;
        this.known = known;
        this.cache = cache;
        this.metrics = metrics;
        this.json = json.Value.SerializerOptions;
        this.logger = logger;
        var count = configuration.GetValue(WritersSetting, 1);
        if (count < 1) throw new InvalidOperationException($"{WritersSetting} must be at least 1, not {count}.");
        connections = [.. Enumerable.Range(0, count).Select(_ => new DedicatedConnection(dataSource))];
        writers = [.. connections.Select(connection =>
            new Batches<PendingWrite>(batch => Commit(batch, connection), MaxBatch))];
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
    private async Task Commit(List<PendingWrite> batch, DedicatedConnection connection)
    {
        metrics.Batch(batch.Count);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answers = await TryCommit(batch, connection);
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
        VersionedWrites.IsConcurrencyConflict(e) || e is DocumentAlreadyExistsException;

    /// <summary>One answer: a result, or a failure of the command alone (a bug in its decision or answer).</summary>
    private readonly record struct Outcome(IResult? Result, Exception? Failure)
    {
        public void Settle(TaskCompletionSource<IResult> answer)
        {
            if (Failure is not null) answer.TrySetException(Failure);
            else answer.TrySetResult(Result!);
        }
    }

    /// <summary>What deciding a batch left to write: each command's answer, each unit's new events and state (and
    /// its version before them), and the idempotency answers to record.</summary>
    /// <param name="states">Each unit's state before the batch.</param>
    /// <param name="inOtherCase">The codes without a stream that a unit is registered under in another letter case
    /// (code → registered code).</param>
    /// <param name="namesakes">The registered units the batch's registrations may repeat under another code.</param>
    private sealed class Decided(
        Dictionary<string, Unit?> states, IReadOnlyDictionary<string, string>? inOtherCase = null,
        IReadOnlyList<Unit>? namesakes = null)
    {
        private readonly Dictionary<string, string> started = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Unit?> States { get; } = states;
        public Dictionary<string, long> Before { get; } =
            states.ToDictionary(s => s.Key, s => s.Value?.Version ?? 0, StringComparer.Ordinal);
        public Dictionary<string, List<NewEvent>> Appended { get; } = new(StringComparer.Ordinal);
        public List<IdempotentResponse> Answers { get; } = [];

        /// <summary>Every command was accepted with events: no answer depends on a state the database has not
        /// confirmed, since the write fails if any state was not the stream's latest.</summary>
        public bool AllRecorded { get; set; } = true;

        /// <summary>The code a unit is registered under that differs from <paramref name="code"/> only in letter
        /// case: before the batch, or by a command before in it.</summary>
        public string? RegisteredInOtherCase(string code) =>
            inOtherCase?.GetValueOrDefault(code)
            ?? (started.TryGetValue(code, out var registered) && registered != code ? registered : null);

        public void Started(string code) => started.TryAdd(code, code);

        /// <summary>The units a registration may repeat: those read for the batch, as the batch has left them, and
        /// those registered by a command before in it.</summary>
        public IReadOnlyList<Unit> Namesakes() =>
        [
            .. (namesakes ?? []).Select(unit => States.GetValueOrDefault(unit.Code) ?? unit),
            .. started.Keys.Select(code => States.GetValueOrDefault(code)).OfType<Unit>(),
        ];
    }

    private async Task<Outcome[]> TryCommit(List<PendingWrite> batch, DedicatedConnection connection)
    {
        if (DecideOnHeldStates(batch) is { } held)
        {
            var sent = false;
            try
            {
                var (decided, _) = held;
                await connection.Run(db => known.Write(db, decided.Appended, decided.States, decided.Before,
                    decided.Answers, sending: () => sent = true));
                metrics.Loaded(decided.States.Count, 0);
                metrics.WrittenOnHeldStates();
                Keep(decided.States);
                return held.Outcomes;
            }
            catch (Exception e) when (KnownVersionWrites.IsMovedElsewhere(e))
            {
                // A stream moved past the state this node held, or a key was answered before: decide under locks.
            }
            catch (Exception e) when (sent && !KnownVersionWrites.NeverArrived(e))
            {
                // The commit went with the statements: whether it happened is unknown.
                foreach (var write in batch) write.Attempt.MarkIrreversible();
                throw;
            }
        }
        return await CommitLocked(batch);
    }

    /// <summary>Decides the batch on the states this node holds, without asking the database; null when a unit's
    /// state is not held or an answer would need the database to confirm it (a rule broken, a stale
    /// <c>If-Match</c>, a command that records nothing).</summary>
    private (Decided Decided, Outcome[] Outcomes)? DecideOnHeldStates(List<PendingWrite> batch)
    {
        // A held state of a unit read, not written, would be checked by nothing at the commit.
        if (batch.Any(write => write.Reads.Count > 0 || write.Namesakes is not null)) return null;
        var states = new Dictionary<string, Unit?>(StringComparer.Ordinal);
        foreach (var write in batch)
        {
            if (states.ContainsKey(write.Code)) continue;
            if (cache.Find(write.Code) is not { } held) return null;
            states[write.Code] = held;
        }
        var decided = new Decided(states);
        var outcomes = new Outcome[batch.Count];
        var earlier = new Dictionary<string, IdempotentResponse>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                outcomes[i] = new Outcome(Decide(batch[i], decided, earlier), null);
            }
            catch (Exception)
            {
                // Decided again under locks, where the failure is logged and answered for this command alone.
                return null;
            }
            if (!decided.AllRecorded) return null;
        }
        return (decided, outcomes);
    }

    /// <summary>Locks the batch's streams, reads what this node does not hold at their versions, decides and writes in
    /// one transaction.</summary>
    private async Task<Outcome[]> CommitLocked(List<PendingWrite> batch)
    {
        // Not cancelled with any request: once a batch is sent, its commit decides for every command in it.
        var cancellation = CancellationToken.None;
        await using var session = store.LightweightSession();
        var keys = batch.Where(w => w.Idempotency is not null).Select(w => w.Idempotency!.Id).ToHashSet();
        // The names a registration looks for are read after the lock of the transactions that start units, which it
        // takes: a registration of the same unit under another code, racing on another node, has committed by then
        // or waits for this one. A batch without a registration (most of them) looks for none.
        var searches = batch.Any(w => w.Namesakes is not null)
            ? batch.Select(w => w.Namesakes).OfType<NamesakeSearch>().ToList()
            : null;
        var (states, earlier, read, inOtherCase, named) = await locks.LockAndLoad(
            session, batch.SelectMany(w => w.Reads.Prepend(w.Code)), cache.Find, keys, cancellation, searches);
        metrics.Loaded(states.Count, read);
        var namesakes = searches is null ? null : await Namesakes.Load(session, named, searches, cancellation);
        var decided = new Decided(states, inOtherCase, namesakes);

        var outcomes = new Outcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                outcomes[i] = new Outcome(Decide(batch[i], decided, earlier), null);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Deciding a command on unit {Code} failed", batch[i].Code);
                outcomes[i] = new Outcome(null, e);
            }
        }

        var appended = decided.Appended.ToDictionary(
            lane => lane.Key, lane => lane.Value.Select(e => Built(session, e)).ToList(), StringComparer.Ordinal);
        UnitLocks.Append(session, appended, states, decided.Before);
        foreach (var answer in decided.Answers) session.Insert(answer);
        // Every accepted command has a lane, even one that records no event.
        if (appended.Count > 0)
        {
            foreach (var write in batch) write.Attempt.MarkIrreversible();
            await session.SaveChangesAsync(cancellation);
        }
        Keep(states);
        return outcomes;
    }

    private static object Built(IDocumentSession session, NewEvent e)
    {
        var built = session.Events.BuildEvent(e.Data);
        built.CorrelationId = e.CorrelationId;
        built.UserName = e.RecordedBy;
        return built;
    }

    private void Keep(Dictionary<string, Unit?> states)
    {
        foreach (var state in states.Values)
            if (state is not null) cache.Keep(state);
    }

    /// <summary>Decides one command on the state its unit has reached in this batch and, if accepted, adds its events
    /// to the unit's lane and its answer to the idempotency records.</summary>
    private IResult Decide(PendingWrite write, Decided decided, Dictionary<string, IdempotentResponse> earlier)
    {
        var key = write.Idempotency;
        if (key is not null && earlier.TryGetValue(key.Id, out var answered))
        {
            decided.AllRecorded = false;
            return answered.Replay(key.Fingerprint);
        }

        var unit = decided.States[write.Code];
        var version = unit?.Version ?? 0;
        if (write.IfMatch is { } condition && !condition.Holds(version))
        {
            decided.AllRecorded = false;
            return unit is null ? UnitProblems.UnitNotFound(write.Code) : WriteProblems.StaleVersion(version, "unit");
        }

        var namesakes = write.Namesakes is null ? [] : decided.Namesakes();
        switch (write.Decide(unit, code => decided.States[code], namesakes))
        {
            case Rejected { Broken: var broken } when broken == Rules.UnitNotRegistered:
                decided.AllRecorded = false;
                return UnitProblems.UnitNotFound(write.Code);
            case Rejected rejected:
                decided.AllRecorded = false;
                return WriteProblems.RuleBroken(rejected.Broken, rejected.Detail, rejected.Unit);
            case Accepted when unit is null && decided.RegisteredInOtherCase(write.Code) is { } registered:
                decided.AllRecorded = false;
                return CodesInOtherCase.Taken(write.Code, registered);
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

                if (accepted.Events.Count == 0) decided.AllRecorded = false;
                decided.States[write.Code] = state;
                if (unit is null) decided.Started(write.Code);
                if (!decided.Appended.TryGetValue(write.Code, out var lane)) decided.Appended[write.Code] = lane = [];
                lane.AddRange(accepted.Events.Select(e => new NewEvent(e, write.CorrelationId, write.RecordedBy)));
                if (response is null) return VersionedResults.Written(status, after, body, location);
                decided.Answers.Add(response);
                earlier[response.Id] = response;
                return response.Replay(response.Fingerprint);
            default:
                throw new InvalidOperationException("A decision is either accepted or rejected.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections) await connection.DisposeAsync();
    }
}
