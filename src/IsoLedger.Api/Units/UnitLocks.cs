using IsoLedger.Api.Hosting;
using IsoLedger.Domain.Units;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace IsoLedger.Api.Units;

/// <summary>What <see cref="UnitLocks.LockAndLoad"/> found: each unit's state (null without a stream), the answers
/// already stored under the idempotency keys asked about, the codes without a stream that a unit is registered
/// under in another letter case (code → registered code), and the units that registrations may repeat
/// (<see cref="Namesakes"/>): each code with every name it has had.</summary>
public sealed record LockedUnits(
    Dictionary<string, Unit?> States, Dictionary<string, IdempotentResponse> Earlier, int SnapshotsRead,
    IReadOnlyDictionary<string, string> InOtherCase, IReadOnlyList<NamedUnit> Named);

/// <summary>The first statement of every transaction that writes to units: it locks their streams until the
/// transaction ends, so that writers to one unit take turns (on every node), and reads their states, in one round
/// trip. A new unit has no stream row yet to lock: racing registrations of one code meet at the stream's unique key,
/// and of one code in other letter cases at the lock of the transactions that start streams
/// (<see cref="CodesInOtherCase"/>).</summary>
public sealed class UnitLocks
{
    private readonly IDocumentStore store;
    private readonly string streams;
    private readonly string lockStreams;
    private readonly string loadStates;
    private readonly string earlierAnswers;
    private readonly string namedUnits;

    public UnitLocks(IDocumentStore store)
    {
        this.store = store;
        streams = $"{store.Options.Events.DatabaseSchemaName}.mt_streams";
        var units = store.Options.FindOrResolveDocumentType(typeof(Unit)).TableName.QualifiedName;
        var answers = store.Options.FindOrResolveDocumentType(typeof(IdempotentResponse)).TableName.QualifiedName;
        lockStreams = $"select id, version from {streams} where id = any($1) order by id for update";
        // A statement of its own, after the lock: under READ COMMITTED a statement that waited for a lock still reads
        // other tables as they were when it started, so a snapshot read with the lock could be older than the stream.
        // Read only where the caller's known state is not at the locked version ($2 holds the known versions in the
        // order of $1).
        loadStates = $"""
            select d.id, d.data from {streams} s join {units} d on d.id = s.id
            where s.id = any($1) and s.version <> ($2::bigint[])[array_position($1::text[], s.id)]
            """;
        earlierAnswers = $"select data from {answers} where id = any($1)";
        // The level and the province are indexed columns; the names a unit has had are its current, its registered
        // and each rename's. The province column is the one a unit was last moved to: one moved by a transfer is
        // looked for in the provinces it was registered in and moved to as well, as a registration dated before (or
        // between) its moves finds it there.
        namedUnits = $"""
            select d.id, array[d.data->>'name', d.data->>'registeredName']
                || array(select r->>'name' from jsonb_array_elements(d.data->'renames') r)
            from {units} d where d.level = any($1) and (d.province = any($2)
                or jsonb_array_length(d.data->'transfers') > 0 and (d.data->>'registeredProvince' = any($2)
                    or exists (select from jsonb_array_elements(d.data->'transfers') t
                        where t->>'province' = any($2))))
            """;
    }

    /// <summary>Locks the streams of <paramref name="codes"/> in the session's transaction (in code order, so that
    /// writers never wait on each other in a circle) and reads each unit's state: <paramref name="known"/>'s when it
    /// is at the locked version, the stored snapshot otherwise; the answers stored under
    /// <paramref name="idempotencyIds"/>; and, where a code has no stream yet, the codes registered in another letter
    /// case, after the lock of the transactions that start streams (taken first, before any stream's), and the names
    /// of the units <paramref name="namesakes"/> looks for. <paramref name="namesUnits"/>: the transaction gives
    /// units names or places without starting a stream (a restructuring's rename or transfer, or a merge carrying
    /// sub-departments), and takes the lock of the transactions that start units all the same, so that it and a
    /// registration of a namesake take turns. One round trip.</summary>
    public async Task<LockedUnits> LockAndLoad(
        IDocumentSession session, IEnumerable<string> codes, Func<string, Unit?> known,
        IReadOnlyCollection<string> idempotencyIds, CancellationToken cancellation,
        IReadOnlyCollection<NamesakeSearch>? namesakes = null, bool namesUnits = false)
    {
        await session.BeginTransactionAsync(cancellation);
        var ordered = codes.Distinct().Order(StringComparer.Ordinal).ToArray();
        var knownStates = ordered.ToDictionary(code => code, known, StringComparer.Ordinal);
        await using var round = new NpgsqlBatch(session.Connection);
        foreach (var statement in CodesInOtherCase.Statements(streams, Texts(ordered), namesUnits))
            round.BatchCommands.Add(statement);
        round.BatchCommands.Add(LockStreams(ordered));
        round.BatchCommands.Add(Statement(loadStates, Texts(ordered),
            ArrayOf(ordered.Select(code => knownStates[code]?.Version ?? -1).ToArray(), NpgsqlDbType.Bigint)));
        if (idempotencyIds.Count > 0) round.BatchCommands.Add(Statement(earlierAnswers, Texts(idempotencyIds)));
        var searched = namesakes is { Count: > 0 };
        if (searched)
        {
            round.BatchCommands.Add(Statement(namedUnits,
                Texts(namesakes!.Select(s => s.Level.ToString()).Distinct()),
                Texts(namesakes!.SelectMany(s => s.Provinces).Distinct())));
        }
        session.Logger.OnBeforeExecute(round);

        var serializer = store.Options.Serializer();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var earlier = new Dictionary<string, IdempotentResponse>(StringComparer.Ordinal);
        await using var reader = await round.ExecuteReaderAsync(cancellation);
        await reader.NextResultAsync(cancellation);
        var inOtherCase = await CodesInOtherCase.Read(reader, cancellation);
        await reader.NextResultAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) versions[reader.GetString(0)] = reader.GetInt64(1);
        await reader.NextResultAsync(cancellation);
        var read = 0;
        while (await reader.ReadAsync(cancellation))
        {
            knownStates[reader.GetString(0)] = serializer.FromJson<Unit>(reader, 1);
            read++;
        }
        if (idempotencyIds.Count > 0)
        {
            await reader.NextResultAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var response = serializer.FromJson<IdempotentResponse>(reader, 0);
                earlier[response.Id] = response;
            }
        }
        IReadOnlyList<NamedUnit> named = [];
        if (searched)
        {
            await reader.NextResultAsync(cancellation);
            named = await ReadNamed(reader, cancellation);
        }

        var states = ordered.ToDictionary(code => code, code => StateAt(code, knownStates[code], versions),
            StringComparer.Ordinal);
        return new LockedUnits(states, earlier, read, inOtherCase, named);
    }

    /// <summary>The units <paramref name="searches"/> look for (each code with every name it has had), read in the
    /// session's transaction after <see cref="LockAndLoad"/>: a restructuring knows the names and places it gives only
    /// from the states it locked.</summary>
    public async Task<IReadOnlyList<NamedUnit>> Named(
        IDocumentSession session, IReadOnlyCollection<NamesakeSearch> searches, CancellationToken cancellation)
    {
        if (searches.Count == 0) return [];
        await using var round = new NpgsqlBatch(session.Connection);
        round.BatchCommands.Add(Statement(namedUnits, Texts(searches.Select(s => s.Level.ToString()).Distinct()),
            Texts(searches.SelectMany(s => s.Provinces).Distinct())));
        session.Logger.OnBeforeExecute(round);
        await using var reader = await round.ExecuteReaderAsync(cancellation);
        return await ReadNamed(reader, cancellation);
    }

    private static async Task<IReadOnlyList<NamedUnit>> ReadNamed(
        NpgsqlDataReader reader, CancellationToken cancellation)
    {
        var found = new List<NamedUnit>();
        while (await reader.ReadAsync(cancellation))
            found.Add(new NamedUnit(reader.GetString(0), reader.GetFieldValue<string?[]>(1)));
        return found;
    }

    /// <summary>The state of a unit whose stream is at <paramref name="versions"/>' version, or null without a stream.
    /// Every append stores the state in its transaction: a stream without one at its version is a bug.</summary>
    private static Unit? StateAt(string code, Unit? state, Dictionary<string, long> versions) =>
        !versions.TryGetValue(code, out var version) ? null
        : state is not null && state.Version == version ? state
        : throw new InvalidOperationException(
            $"Unit {code} has no state stored at its stream's version {version} (found {state?.Version}).");

    /// <summary>The statement that locks the streams of <paramref name="orderedCodes"/> (in code order, so that writers
    /// never wait on each other in a circle) until the transaction ends.</summary>
    internal NpgsqlBatchCommand LockStreams(string[] orderedCodes) => Statement(lockStreams, Texts(orderedCodes));

    internal static NpgsqlParameter Texts(IEnumerable<string?> values) => ArrayOf(values.ToArray(), NpgsqlDbType.Text);

    /// <summary>An array parameter of <paramref name="type"/>'s elements.</summary>
    internal static NpgsqlParameter ArrayOf<T>(T[] values, NpgsqlDbType type) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type };

    internal static NpgsqlBatchCommand Statement(string sql, params NpgsqlParameter[] parameters)
    {
        var statement = new NpgsqlBatchCommand(sql);
        statement.Parameters.AddRange(parameters);
        return statement;
    }

    /// <summary>Appends each unit's new events with the version the writer decided on (the database refuses the
    /// transaction if another writer moved it), and stores its new state.</summary>
    public static void Append(
        IDocumentSession session, IReadOnlyDictionary<string, List<object>> appended,
        IReadOnlyDictionary<string, Unit?> states, IReadOnlyDictionary<string, long> versionsBefore)
    {
        foreach (var (code, events) in appended)
        {
            if (events.Count == 0) continue;
            var state = states[code]!;
            if (versionsBefore[code] == 0) session.Events.StartStream<Unit>(code, events.ToArray());
            else session.Events.Append(code, state.Version, events.ToArray());
            session.Store(state);
        }
    }
}
