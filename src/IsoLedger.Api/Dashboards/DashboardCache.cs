using Microsoft.Extensions.Caching.Memory;

namespace IsoLedger.Api.Dashboards;

/// <summary>Computed dashboard answers, keyed by everything they depend on: the question (dashboard, province,
/// filters, date) and how far the projection had got (its processed sequence). A new event moves the sequence, so an
/// entry is never stale; it is only dropped when the cache is full or nobody asked for it for a while.</summary>
public sealed class DashboardCache : IDisposable
{
    private const int Capacity = 512;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The answer for <paramref name="key"/>, computed once however many requests ask for it at the same
    /// time.</summary>
    public async Task<T> GetOrCompute<T>(DashboardKey key, Func<Task<T>> compute)
    {
        var entry = cache.GetOrCreate(key, created =>
        {
            created.Size = 1;
            created.SlidingExpiration = Unused;
            return new Lazy<Task<T>>(compute);
        })!;
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed computation (a cancelled request, a lost connection) must not be the answer for later requests.
            cache.Remove(key);
            throw;
        }
    }

    public void Dispose() => cache.Dispose();
}

/// <summary>One dashboard question as of one state of the projection; <paramref name="Filters"/> holds the rest of the
/// question.</summary>
public sealed record DashboardKey(
    string Dashboard, string Province, long ProcessedSequence, DateOnly Date, string Filters = "");
