using IsoLedger.Domain.Units;
using Microsoft.Extensions.Caching.Memory;

namespace IsoLedger.Api.Units;

/// <summary>The states of the units this node wrote or loaded last, so that a busy unit is not read again for every
/// command (what Marten's <c>CacheAggregatesForWriting</c> does for <c>FetchForWriting</c>). An entry is only a guess:
/// a batch decided on it is refused by the database if the stream moved past the entry's version
/// (<see cref="KnownVersionWrites"/>), and under locks it is used only when the locked stream is at its version, so a
/// unit another node (or an import) moved is read again.</summary>
public sealed class UnitWriteCache : IDisposable
{
    /// <summary>Units, not bytes: a unit's state is a few kilobytes, so this bounds the cache to tens of
    /// megabytes.</summary>
    private const int Capacity = 4096;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The state last seen of unit <paramref name="code"/>, at its <see cref="Unit.Version"/>.</summary>
    public Unit? Find(string code) => cache.TryGetValue(code, out Unit? unit) ? unit : null;

    /// <summary>Keeps a state that is committed at its <see cref="Unit.Version"/>.</summary>
    public void Keep(Unit unit) => cache.Set(unit.Code, unit, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => cache.Dispose();
}
