using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IsoLedger.Bench;

/// <summary>What one load phase achieved: successful requests per second and their latencies (warm-up excluded, but
/// its successes counted apart).</summary>
public sealed record LoadResult(
    int Workers, double Seconds, long Succeeded, long Failed, double PerSecond, double P50Ms, double P99Ms,
    long WarmUpSucceeded);

/// <summary>HTTP load from wrk, a C load generator, as the baseline's load comes from pgbench: on a machine whose cores
/// the API and PostgreSQL share with the client, a client in .NET took CPU from the API it measured.</summary>
public static partial class Wrk
{
    /// <summary>Runs <paramref name="script"/> (a wrk Lua script whose <c>request()</c> builds each request) on
    /// <paramref name="connections"/> connections for <paramref name="warmUp"/>, unmeasured, then for
    /// <paramref name="duration"/>. Answers other than 2xx and socket errors count as failed.</summary>
    public static async Task<LoadResult> Run(
        Uri api, int connections, TimeSpan warmUp, TimeSpan duration, string script)
    {
        var file = Path.Combine(Path.GetTempPath(), $"isoledger-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var (warmUpSucceeded, _) = Outcomes(await Measure(api, connections, warmUp, file));
            var output = await Measure(api, connections, duration, file);
            var (succeeded, failed) = Outcomes(output);
            return new LoadResult(connections, duration.TotalSeconds, succeeded, failed,
                succeeded / duration.TotalSeconds, Milliseconds(output, "50"), Milliseconds(output, "99"),
                warmUpSucceeded);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A script sending <paramref name="request"/> (a Lua expression returning a request, see wrk's
    /// <c>wrk.format</c>), with a random generator seeded per thread.</summary>
    public static string Script(string request) => $$"""
        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("id", threads)
        end
        function init(args)
          math.randomseed(id * 7919)
        end
        function request()
          {{request}}
        end
        """;

    private static async Task<string> Measure(Uri api, int connections, TimeSpan duration, string script)
    {
        var threads = Math.Min(connections, Environment.ProcessorCount);
        var wrk = Process.Start(new ProcessStartInfo("wrk",
            $"-t{threads} -c{connections} -d{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}s --latency "
            + $"-s {script} {api.GetLeftPart(UriPartial.Authority)}")
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var errors = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0 || !Requests().IsMatch(output))
            throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {output}{errors}");
        return output;
    }

    private static (long Succeeded, long Failed) Outcomes(string output)
    {
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var failed =
            (NotSuccessful().Match(output) is { Success: true } answers ? long.Parse(answers.Groups[1].Value) : 0)
            + SocketErrors().Match(output).Groups.Values.Skip(1).Sum(g => g.Success ? long.Parse(g.Value) : 0);
        return (requests - failed, failed);
    }

    private static double Milliseconds(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NotSuccessful();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
