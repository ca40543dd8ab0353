using System.Text.Json;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IsoLedger.Api.Units;

/// <summary>Each unit's status as served to <c>GET /api/units/{code}</c>, as JSON, for the stream version and the day
/// it was judged for. A read asks the database only for the stream's version (<see cref="StreamVersions"/>, shared
/// with the reads asking at the same time): while it, the day and the rule book are unchanged, the answer is the
/// same, so loading the state document, judging it and serialising the status are skipped. A unit a merge or split
/// formed is judged with its predecessors as recorded now (<see cref="Unit.WithPredecessorsAsRecorded"/>), so its
/// answer holds while their versions are unchanged too.</summary>
public sealed class UnitStatusCache(
    IDocumentStore store, StreamVersions versions, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    RuleBookSource rules) : IDisposable
{
    private const long CapacityBytes = 64L * 1024 * 1024;
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = CapacityBytes });

    /// <summary>A unit's status as answered: <paramref name="ETag"/> is its read tag
    /// (<see cref="VersionedResults.ReadTag"/>), computed once with the JSON.</summary>
    public sealed record Status(
        long Version, DateOnly Day, long RulesVersion, byte[] Json, string ETag,
        IReadOnlyDictionary<string, long> PredecessorVersions);

    /// <summary>The status of unit <paramref name="code"/> judged on <paramref name="today"/>, or null if there is no
    /// such unit.</summary>
    public async Task<Status?> Get(string code, DateOnly today, CancellationToken cancellation)
    {
        if (await versions.Of(code, cancellation) is not { } version) return null;
        var book = rules.Current;
        if (cache.TryGetValue(code, out Status? cached) && cached!.Version == version && cached.Day == today
            && cached.RulesVersion == book.Version && await Unchanged(cached.PredecessorVersions, cancellation))
            return cached;

        await using var session = store.QuerySession();
        // The snapshot is written in the transaction that moved the version, so it is at least as new as the version
        // read.
        if (await session.LoadAsync<Unit>(code, cancellation) is not { } unit) return null;
        var predecessors = await PredecessorStates.Of(session, unit, cancellation);
        var answer = JsonSerializer.SerializeToUtf8Bytes(
            UnitStatus.Of(unit.WithPredecessorsAsRecorded(predecessors.GetValueOrDefault), today, book),
            json.Value.SerializerOptions);
        var status = new Status(
            unit.Version, today, book.Version, answer, VersionedResults.ReadTag(unit.Version, answer),
            predecessors.ToDictionary(p => p.Key, p => p.Value.Version));
        cache.Set(code, status, new MemoryCacheEntryOptions { Size = status.Json.Length + code.Length });
        return status;
    }

    private async Task<bool> Unchanged(IReadOnlyDictionary<string, long> predecessors, CancellationToken cancellation)
    {
        foreach (var (code, known) in predecessors)
        {
            if (await versions.Of(code, cancellation) != known) return false;
        }
        return true;
    }

    public void Dispose() => cache.Dispose();
}
