using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using Marten;

namespace IsoLedger.Api.Units;

/// <summary>Unit codes are keys, compared as written, but people read "dm-a" and "DM-A" as one unit: a new unit whose
/// code differs from a registered one only in letter case would be a second unit under the first one's name. Such a
/// code is refused, naming the registered one.</summary>
public static class CodesInOtherCase
{
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

    /// <summary>The registered code <paramref name="code"/> matches in another letter case, or null.</summary>
    public static async Task<string?> Registered(IQuerySession session, string code, CancellationToken cancellation)
    {
        var found = await session.AdvancedSql.QueryAsync<string>(
            $"select id from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams "
            + "where lower(id) = lower(?) and id <> ? limit 1", cancellation, code, code);
        return found.FirstOrDefault();
    }

    /// <summary>409 unit-already-registered, naming the code registered in another case.</summary>
    public static IResult Taken(string code, string registered) => WriteProblems.RuleBroken(Rules.UnitAlreadyRegistered,
        $"Unit '{registered}' is registered: '{code}' differs from its code only in letter case.");
}
