using System.Diagnostics;

namespace IsoLedger.Bench;

/// <summary>What one load phase achieved: successful operations per second and their latencies (warm-up excluded).</summary>
public sealed record LoadResult(int Workers, double Seconds, long Succeeded, long Failed, double PerSecond, double P50Ms, double P99Ms);

public static class Load
{
    /// <summary>Runs <paramref name="operation"/> on <paramref name="workers"/> workers for <paramref name="duration"/> after
    /// <paramref name="warmUp"/>; an operation returns whether it succeeded.</summary>
    public static async Task<LoadResult> Run(int workers, TimeSpan warmUp, TimeSpan duration, Func<int, Random, Task<bool>> operation)
    {
        var latencies = new List<double>[workers];
        var failures = new long[workers];
        var measuring = false;
        var clock = Stopwatch.StartNew();
        var end = warmUp + duration;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker * 7919);
            latencies[worker] = [];
            while (clock.Elapsed < end)
            {
                var started = clock.Elapsed;
                bool ok;
                try { ok = await operation(worker, random); } catch (Exception) { ok = false; }
                if (!Volatile.Read(ref measuring) && clock.Elapsed >= warmUp) Volatile.Write(ref measuring, true);
                if (started < warmUp) continue;
                if (ok) latencies[worker].Add((clock.Elapsed - started).TotalMilliseconds);
                else failures[worker]++;
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new LoadResult(workers, duration.TotalSeconds, all.Length, failures.Sum(), all.Length / duration.TotalSeconds, Percentile(0.50), Percentile(0.99));
    }
}
