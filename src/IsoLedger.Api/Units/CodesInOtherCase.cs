using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using Marten;
using Npgsql;

namespace IsoLedger.Api.Units;

/// <summary>Unit codes are keys, compared as written, but people read "dm-a" and "DM-A" as one unit: a new unit whose
/// code differs from a registered one only in letter case would be a second unit under the first one's name. Such a
/// code is refused, naming the registered one.</summary>
public static class CodesInOtherCase
{
    /// <summary>"isocodes" in ASCII: the lock the transactions that start units' streams take turns at (on every
    /// node), a number no other user of the database takes. Two transactions starting "dm-a" and "DM-A" at once each
    /// looked for the other's code before it was written.</summary>
    private const long StartLock = 0x69736f636f646573;

    /// <summary>Every registered code, found by any letter case.</summary>
    public static async Task<Dictionary<string, string>> Registered(
        IQuerySession session, CancellationToken cancellation)
    {
        var codes = await session.AdvancedSql.QueryAsync<string>(
            $"select id from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams", cancellation);
        var registered = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in codes) registered.TryAdd(code, code);
        return registered;
    }

    /// <summary>The two statements that begin a transaction which may start the streams of some of its codes
    /// (<c>$1</c>, an array): the first waits for the other transactions starting streams to end, if one of the codes
    /// has no stream yet or <paramref name="namesUnits"/> (a restructuring that renames or moves units takes turns with
    /// the registrations, which read the units' names after this lock); the second, with a view of the store taken
    /// once the first is through, reads the codes registered in another letter case (registered code, code asked) —
    /// nothing when every code has a stream.</summary>
    public static NpgsqlBatchCommand[] Statements(string streams, NpgsqlParameter codes, bool namesUnits = false)
    {
        var someNew = $"exists (select 1 from unnest($1::text[]) as asked where not exists "
            + $"(select 1 from {streams} s where s.id = asked))";
        return
        [
            UnitLocks.Statement(
                $"select pg_advisory_xact_lock({StartLock}) where {(namesUnits ? "$1 is not null" : someNew)}",
                codes.Clone()),
            UnitLocks.Statement(
                $"select s.id, asked from {streams} s join unnest($1::text[]) as asked on lower(s.id) = lower(asked) "
                + $"where s.id <> asked and {someNew}", codes.Clone()),
        ];
    }

    /// <summary>Reads the second statement's rows: code asked → code registered.</summary>
    public static async Task<Dictionary<string, string>> Read(
        NpgsqlDataReader reader, CancellationToken cancellation)
    {
        var registered = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellation)) registered.TryAdd(reader.GetString(1), reader.GetString(0));
        return registered;
    }

    /// <summary>Begins the session's transaction with <see cref="Statements"/> for <paramref name="codes"/>, to be
    /// started in it: the codes registered in another letter case (code asked → code registered).</summary>
    public static async Task<Dictionary<string, string>> Starting(
        IDocumentSession session, IReadOnlyCollection<string> codes, CancellationToken cancellation)
    {
        await session.BeginTransactionAsync(cancellation);
        await using var round = new NpgsqlBatch(session.Connection);
        var streams = $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams";
        foreach (var statement in Statements(streams, UnitLocks.Texts(codes))) round.BatchCommands.Add(statement);
        await using var reader = await round.ExecuteReaderAsync(cancellation);
        await reader.NextResultAsync(cancellation);
        return await Read(reader, cancellation);
    }

    /// <summary>409 unit-already-registered, naming the code registered in another case.</summary>
    public static IResult Taken(string code, string registered) => WriteProblems.RuleBroken(Rules.UnitAlreadyRegistered,
        Sentence(code, registered));

    public static string Sentence(string code, string registered) =>
        $"Unit '{registered}' is registered: '{code}' differs from its code only in letter case.";
}
