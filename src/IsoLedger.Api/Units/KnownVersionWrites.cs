using IsoLedger.Api.Hosting;
using IsoLedger.Domain.Units;
using Marten;
using Marten.Events;
using Marten.Schema;
using Npgsql;
using NpgsqlTypes;

namespace IsoLedger.Api.Units;

/// <summary>An event a batch decided to append, with who recorded it and under which request.</summary>
public sealed record NewEvent(object Data, string CorrelationId, string? RecordedBy);

/// <summary>Writes a batch that was decided on states this node holds (<see cref="UnitWriteCache"/>) in one round trip
/// and one implicit transaction: it locks the streams (in code order, as <see cref="UnitLocks"/> does), inserts the
/// events at the versions after the held ones, moves the streams, stores the new states and the idempotency answers.
/// Nothing is read first: if another writer moved a stream past the held version, the event at the next version
/// already exists and the database's unique <c>(stream_id, version)</c> key refuses the whole transaction, as it does
/// an idempotency key answered before; the caller then decides the batch again under <see cref="UnitLocks"/>.</summary>
public sealed class KnownVersionWrites
{
    private readonly IDocumentStore store;
    private readonly UnitLocks locks;
    private readonly IReadOnlyStoreOptions options;
    private readonly EventGraph eventTypes;
    private readonly string insertEvents;
    private readonly string moveStreams;
    private readonly string storeStates;
    private readonly string insertAnswers;

    public KnownVersionWrites(IDocumentStore store, UnitLocks locks)
    {
        this.store = store;
        this.locks = locks;
        options = store.Options;
        // Marten's own names for the event types (the type alias and the .NET type), as its appends write them.
        eventTypes = (EventGraph)store.Options.Events;
        var schema = options.Events.DatabaseSchemaName;
        var states = (DocumentMapping)options.FindOrResolveDocumentType(typeof(Unit));
        var units = states.TableName.QualifiedName;
        // The fields Marten keeps in columns of their own (UnitDocuments), filled from the stored JSON as Marten fills
        // them when it adds such a column: its fragment reads "column = <expression over data>", and data is the
        // unnested column of that name below. (GroupCommitTests checks the columns against the JSON.)
        var duplicated = states.DuplicatedFields.Select(field => field.UpdateSqlFragment().Split(" = ", 2)).ToArray();
        var columns = string.Concat(duplicated.Select(field => $", {field[0]}"));
        var answers = options.FindOrResolveDocumentType(typeof(IdempotentResponse)).TableName.QualifiedName;
        // Sequence numbers are drawn after the sort, so a stream's events are numbered in version order.
        insertEvents = $"""
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp,
                mt_dotnet_type, is_archived, correlation_id, user_name)
            select nextval('{schema}.mt_events_sequence'), e.id, e.stream_id, e.version, e.data, e.type, '*DEFAULT*',
                now(), e.dotnet_type, false, e.correlation_id, e.user_name
            from unnest($1::uuid[], $2::text[], $3::bigint[], $4::jsonb[], $5::text[], $6::text[],
                $7::text[], $8::text[]) with ordinality
                as e(id, stream_id, version, data, type, dotnet_type, correlation_id, user_name, position)
            order by e.position
            """;
        // "s.id = any($1)" lets the prepared (generic) plan find the streams by key: joined to the unnested codes
        // alone, it scanned every stream (0.08 ms a batch with a thousand units, growing with the ledger).
        moveStreams = $"""
            update {schema}.mt_streams s set version = greatest(s.version, v.version), timestamp = now()
            from unnest($1::text[], $2::bigint[]) as v(id, version) where s.id = any($1) and s.id = v.id
            """;
        storeStates = $"""
            insert into {units} (id, data, mt_version, mt_dotnet_type, mt_last_modified{columns})
            select d.id, d.data, d.mt_version, '{typeof(Unit).FullName}', transaction_timestamp()
                {string.Concat(duplicated.Select(field => $", {field[1]}"))}
            from unnest($1::text[], $2::jsonb[], $3::uuid[]) as d(id, data, mt_version)
            on conflict (id) do update set data = excluded.data, mt_version = excluded.mt_version,
                mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = excluded.mt_last_modified
                {string.Concat(duplicated.Select(field => $", {field[0]} = excluded.{field[0]}"))}
            """;
        insertAnswers = $"""
            insert into {answers} (id, data, mt_version, mt_dotnet_type, mt_last_modified)
            select a.id, a.data, a.mt_version, '{typeof(IdempotentResponse).FullName}', transaction_timestamp()
            from unnest($1::text[], $2::jsonb[], $3::uuid[]) as a(id, data, mt_version)
            """;
    }

    /// <summary>Writes <paramref name="appended"/> (each unit's events, decided on its state at
    /// <paramref name="versionsBefore"/>), the new <paramref name="states"/> and the <paramref name="answers"/>, or
    /// throws a <see cref="PostgresException"/> (<see cref="IsMovedElsewhere"/>) and writes nothing.
    /// <paramref name="sending"/> runs just before the statements (and their commit) leave. Returns the rows
    /// written.</summary>
    public async Task<int> Write(
        NpgsqlConnection connection, IReadOnlyDictionary<string, List<NewEvent>> appended,
        IReadOnlyDictionary<string, Unit?> states, IReadOnlyDictionary<string, long> versionsBefore,
        IReadOnlyCollection<IdempotentResponse> answers, Action sending)
    {
        var serializer = options.Serializer();
        var codes = appended.Keys.Order(StringComparer.Ordinal).ToArray();
        var events = codes.SelectMany(code => appended[code].Select((e, i) => (Code: code, Event: e,
            Version: versionsBefore[code] + 1 + i, Type: eventTypes.EventMappingFor(e.Data.GetType())))).ToArray();

        await using var round = new NpgsqlBatch(connection);
        round.BatchCommands.Add(locks.LockStreams(codes));
        round.BatchCommands.Add(UnitLocks.Statement(insertEvents,
            UnitLocks.ArrayOf(events.Select(_ => Guid.CreateVersion7()).ToArray(), NpgsqlDbType.Uuid),
            UnitLocks.Texts(events.Select(e => e.Code)),
            UnitLocks.ArrayOf(events.Select(e => e.Version).ToArray(), NpgsqlDbType.Bigint),
            UnitLocks.ArrayOf(events.Select(e => serializer.ToJson(e.Event.Data)).ToArray(), NpgsqlDbType.Jsonb),
            UnitLocks.Texts(events.Select(e => e.Type.EventTypeName)),
            UnitLocks.Texts(events.Select(e => e.Type.DotNetTypeName)),
            UnitLocks.Texts(events.Select(e => e.Event.CorrelationId)),
            UnitLocks.Texts(events.Select(e => e.Event.RecordedBy))));
        round.BatchCommands.Add(UnitLocks.Statement(moveStreams, UnitLocks.Texts(codes),
            UnitLocks.ArrayOf(codes.Select(code => states[code]!.Version).ToArray(), NpgsqlDbType.Bigint)));
        round.BatchCommands.Add(UnitLocks.Statement(storeStates, UnitLocks.Texts(codes),
            UnitLocks.ArrayOf(codes.Select(code => serializer.ToJson(states[code]!)).ToArray(), NpgsqlDbType.Jsonb),
            UnitLocks.ArrayOf(codes.Select(_ => Guid.CreateVersion7()).ToArray(), NpgsqlDbType.Uuid)));
        if (answers.Count > 0)
        {
            round.BatchCommands.Add(UnitLocks.Statement(insertAnswers, UnitLocks.Texts(answers.Select(a => a.Id)),
                UnitLocks.ArrayOf(answers.Select(serializer.ToJson).ToArray(), NpgsqlDbType.Jsonb),
                UnitLocks.ArrayOf(answers.Select(_ => Guid.CreateVersion7()).ToArray(), NpgsqlDbType.Uuid)));
        }
        // Marten's logger sees these statements as it sees its own (the tests inject connection faults through it).
        await using var session = store.LightweightSession();
        session.Logger.OnBeforeExecute(round);
        sending();
        var rows = await round.ExecuteNonQueryAsync();
        session.Logger.LogSuccess(round);
        return rows;
    }

    /// <summary>The database refused the write because a stream moved past the held version (its next event exists),
    /// an idempotency key was answered before, or two writers waited on each other.</summary>
    public static bool IsMovedElsewhere(Exception e) =>
        e is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected
        };

    /// <summary>The statements could not be written to the connection (a connection the database closed while it was
    /// idle, after a restart): the commit, which only happens at the end of the round trip, cannot have happened
    /// either, so the batch may be sent again.</summary>
    public static bool NeverArrived(Exception e) =>
        e is NpgsqlException { Message: "Exception while writing to stream" };

}
