using System.Collections.Concurrent;
using System.Diagnostics;
using IsoLedger.Testing;
using Npgsql;

// ops/chaos.sh: each scenario puts load on real API processes, injects a fault, and counts what was lost or doubled.
var apiDll = Environment.GetEnvironmentVariable("CHAOS_API_DLL")
    ?? throw new InvalidOperationException("CHAOS_API_DLL is not set.");
var connection = Environment.GetEnvironmentVariable("CHAOS_CONNECTION")
    ?? throw new InvalidOperationException("CHAOS_CONNECTION is not set.");
var repo = Environment.GetEnvironmentVariable("CHAOS_REPO")
    ?? throw new InvalidOperationException("CHAOS_REPO is not set.");
var seconds = int.Parse(Environment.GetEnvironmentVariable("CHAOS_SECONDS") ?? "10");
var load = TimeSpan.FromSeconds(seconds);

var outcomes = new List<Outcome>();
async Task Run(string name, Func<Task<Outcome>> scenario)
{
    Console.Error.WriteLine($"chaos: {name} …");
    try { outcomes.Add(await scenario()); }
    catch (Exception e)
    {
        outcomes.Add(
            new Outcome(name, 0, 0, "-", 0, 0, false, $"the scenario failed: {e.GetType().Name}: {e.Message}"));
    }
}

var only = Environment.GetEnvironmentVariable("CHAOS_ONLY");
bool Chosen(string number) => only is null || only.Split(',').Contains(number);
if (Chosen("1")) await Run("1 concurrency", () => Scenarios.Concurrency(apiDll, connection, load));
if (Chosen("2")) await Run("2 idempotent retries", () => Scenarios.IdempotentRetries(apiDll, connection));
if (Chosen("3")) await Run("3 crash (kill -9)", () => Scenarios.Crash(apiDll, connection, load));
if (Chosen("4")) await Run("4 database outage", () => Scenarios.DatabaseOutage(apiDll, connection, repo));
if (Chosen("7")) await Run("7 two nodes", () => Scenarios.TwoNodes(apiDll, connection, load));

Console.WriteLine();
Console.WriteLine($"{"scenario",-22} {"requests",9} {"events",8} {"lost",5} {"doubled",8} {"held",5}  faults / notes");
foreach (var o in outcomes)
    Console.WriteLine($"{o.Scenario,-22} {o.Requests,9} {o.Events,8} {o.Lost,5} {o.Doubled,8} "
        + $"{(o.Held ? "yes" : "NO"),5}  {o.Faults}; {o.Detail}");
Console.WriteLine($"chaos: {outcomes.Count(o => o.Held)} passed, {outcomes.Count(o => !o.Held)} failed");
return outcomes.All(o => o.Held) ? 0 : 1;

public sealed record Outcome(
    string Scenario, long Requests, long Events, string Faults, long Lost, long Doubled, bool Held, string Detail);

public static class Scenarios
{
    private static int port = 5190;
    private static int NextPort() => Interlocked.Increment(ref port);

    private static string Token() => Guid.NewGuid().ToString("N");

    /// <summary>Tokens written as the audit's "auditors" text, and how often each is stored across the units.</summary>
    private static async Task<Dictionary<string, int>> StoredTokens(ApiProcess api, IEnumerable<string> codes)
    {
        var stored = new Dictionary<string, int>();
        foreach (var code in codes)
            foreach (var e in await api.History(code))
                if ((string?)e!["data"]?["auditors"] is { } token) stored[token] = stored.GetValueOrDefault(token) + 1;
        return stored;
    }

    private static (long Lost, long Doubled) Compare(
        IReadOnlyCollection<string> acknowledged, Dictionary<string, int> stored) =>
        (acknowledged.Count(t => !stored.ContainsKey(t)), stored.Values.Sum(n => Math.Max(0, n - 1)));

    /// <summary>Writers that post audits with a unique token (and, if asked, an Idempotency-Key) until
    /// stopped.</summary>
    private static Task Writers(
        ApiProcess api, IReadOnlyList<string> codes, int count, ConcurrentBag<string> acknowledged,
        ConcurrentDictionary<int, int> statuses, CancellationToken stop, bool idempotent = true) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(async worker =>
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                var token = Token();
                var code = codes[random.Next(codes.Count)];
                var body =
                    $$"""{"heldOn":"2016-0{{random.Next(1, 10)}}-1{{random.Next(0, 10)}}","auditors":"{{token}}"}""";
                for (var attempt = 0; attempt < 20 && !stop.IsCancellationRequested; attempt++)
                {
                    int status;
                    try
                    {
                        status = (await api.Post($"/api/units/{code}/internal-audits", body,
                            idempotent ? [("Idempotency-Key", token)] : [])).Status;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { status = 0; }
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                    if (status == 200) { acknowledged.Add(token); break; }
                    if (status == 0) await Task.Delay(100); // nothing listens (the process was killed): do not spin
                    if (!idempotent || status is >= 400 and < 500) break;
                    await Task.Delay(200);
                }
            }
        }));

    private static async Task<List<string>> RegisterUnits(ApiProcess api, string prefix, int count)
    {
        var codes = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:000}").ToList();
        foreach (var code in codes) (await api.Register(code)).EnsureSuccessStatusCode();
        return codes;
    }

    /// <summary>Async read models equal the inline state (which equals a replay): same units, same facts.</summary>
    private static async Task<long> ReadModelMismatches(string connection, ApiProcess api, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var status = (await api.Get("/api/admin/projections")).AsArray().Single()!;
            if ((long)status["lag"]! == 0) break;
            await Task.Delay(250);
        }
        await using var db = new NpgsqlConnection(connection + ";Pooling=false");
        await db.OpenAsync();
        await using var compare = new NpgsqlCommand("""
            select count(*) from mt_doc_unit u full join mt_doc_dashboardunit d on d.id = u.id
            where d.id is null or u.id is null or (d.data -> 'state') - 'version' is distinct from (u.data - 'version')
            """, db);
        return (long)(await compare.ExecuteScalarAsync())!;
    }

    private static async Task<long> ReplayMismatches(ApiProcess api, IEnumerable<string> codes)
    {
        long mismatches = 0;
        foreach (var code in codes)
        {
            var status = await api.Get($"/api/units/{code}");
            var replayed = await api.Get($"/api/units/{code}/state?version={(long)status["version"]!}");
            if (status.ToJsonString() != replayed.ToJsonString()) mismatches++;
        }
        return mismatches;
    }

    public static async Task<Outcome> Concurrency(string apiDll, string connection, TimeSpan load)
    {
        await using var api = await ApiProcess.Start(apiDll, NextPort(), connection);
        (await api.Register("CH-RACE")).EnsureSuccessStatusCode();
        var statuses = new ConcurrentDictionary<int, int>();
        using (var stop = new CancellationTokenSource(load))
        {
            await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var (_, etag) = await api.Head("/api/units/CH-RACE");
                    var (status, _) = await api.Post(
                        "/api/units/CH-RACE/internal-audits", """{"heldOn":"2016-06-01"}""", ("If-Match", etag!));
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                }
            }));
        }
        var history = await api.History("CH-RACE");
        var contiguous = history.Select(e => (long)e!["version"]!)
            .SequenceEqual(Enumerable.Range(1, history.Count).Select(v => (long)v));
        var accepted = statuses.GetValueOrDefault(200);
        var stored = history.Count - 1;

        var codes = await RegisterUnits(api, "CH-MANY", 200);
        var acknowledged = new ConcurrentBag<string>();
        var spread = new ConcurrentDictionary<int, int>();
        using (var stop = new CancellationTokenSource(load))
            await Writers(api, codes, 32, acknowledged, spread, stop.Token, idempotent: false);
        var (lost, doubled) = Compare(acknowledged.ToList(), await StoredTokens(api, codes));

        var others = statuses.Where(s => s.Key is not (200 or 412)).Sum(s => s.Value)
            + spread.Where(s => s.Key != 200).Sum(s => s.Value);
        var held = contiguous && accepted == stored && others == 0 && lost == 0 && doubled == 0;
        return new Outcome("1 concurrency", statuses.Values.Sum() + spread.Values.Sum(), stored + acknowledged.Count,
            "32 writers on one unit with If-Match, then 32 on 200 units without",
            Math.Max(0, accepted - stored) + lost, Math.Max(0, stored - accepted) + doubled, held,
            $"one unit: {accepted} accepted, {statuses.GetValueOrDefault(412)} got 412, "
            + $"versions contiguous: {contiguous}; other answers: {others}");
    }

    public static async Task<Outcome> IdempotentRetries(string apiDll, string connection)
    {
        await using var api = await ApiProcess.Start(apiDll, NextPort(), connection);
        var codes = await RegisterUnits(api, "CH-RETRY", 10);
        using var impatient =
            new HttpClient { BaseAddress = api.Http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(5) };
        impatient.DefaultRequestHeaders.Add("X-Api-Key", "dev-admin");
        var tokens = new List<string>();
        var requests = 0;
        var disagreeing = 0;
        for (var i = 0; i < 100; i++)
        {
            var token = Token();
            tokens.Add(token);
            var url = $"/api/units/{codes[i % codes.Count]}/internal-audits";
            var body = $$"""{"heldOn":"2016-06-01","auditors":"{{token}}"}""";
            using var first = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json")
            };
            first.Headers.Add("Idempotency-Key", token);
            try { await impatient.SendAsync(first); } catch (TaskCanceledException) { }
            // A retry while the first may still be in flight, and one after it.
            var retries = await Task.WhenAll(
                api.Post(url, body, ("Idempotency-Key", token)), api.Post(url, body, ("Idempotency-Key", token)));
            var last = await api.Post(url, body, ("Idempotency-Key", token));
            requests += 4;
            if (retries.Append(last).Select(r => r.Body?["version"]?.ToString()).Distinct().Count() != 1
                || last.Status != 200)
            {
                disagreeing++;
            }
        }
        var stored = await StoredTokens(api, codes);
        var (lost, doubled) = Compare(tokens, stored);
        return new Outcome("2 idempotent retries", requests, stored.Values.Sum(),
            "first attempt abandoned after 5 ms, two retries in flight, one after",
            lost, doubled, lost == 0 && doubled == 0 && disagreeing == 0,
            $"retries answering differently: {disagreeing}");
    }

    public static async Task<Outcome> Crash(string apiDll, string connection, TimeSpan load)
    {
        var acknowledged = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        List<string> codes;
        var first = await ApiProcess.Start(apiDll, NextPort(), connection);
        codes = await RegisterUnits(first, "CH-CRASH", 50);
        using (var stop = new CancellationTokenSource(load + TimeSpan.FromSeconds(2)))
        {
            var writing = Writers(first, codes, 8, acknowledged, statuses, stop.Token, idempotent: false);
            await Task.Delay(load / 2);
            first.Kill();
            await writing;
        }
        await first.DisposeAsync();

        await using var second = await ApiProcess.Start(apiDll, NextPort(), connection);
        var stored = await StoredTokens(second, codes);
        var (lost, doubled) = Compare(acknowledged.ToList(), stored);
        var replay = await ReplayMismatches(second, codes);
        var readModels = await ReadModelMismatches(connection, second, TimeSpan.FromSeconds(30));
        return new Outcome("3 crash (kill -9)", statuses.Values.Sum(), stored.Values.Sum(),
            $"kill -9 of the API mid-load, restart",
            lost, doubled, lost == 0 && doubled == 0 && replay == 0 && readModels == 0,
            $"{acknowledged.Count} acknowledged; status ≠ replay: {replay}; async ≠ inline: {readModels}");
    }

    public static async Task<Outcome> DatabaseOutage(string apiDll, string connection, string repo)
    {
        await using var api = await ApiProcess.Start(apiDll, NextPort(), connection);
        var codes = await RegisterUnits(api, "CH-OUTAGE", 20);
        var acknowledged = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var slowest = TimeSpan.Zero;
        var readyDuringOutage = 0;
        TimeSpan? recovered = null;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var writing = Writers(api, codes, 8, acknowledged, statuses, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(5));

        Database(repo, "stop");
        var outage = Stopwatch.StartNew();
        while (outage.Elapsed < TimeSpan.FromSeconds(10))
        {
            var timed = Stopwatch.StartNew();
            try { if ((int)(await api.Http.GetAsync("/health/ready")).StatusCode == 503) readyDuringOutage++; }
            catch (TaskCanceledException) { }
            if (timed.Elapsed > slowest) slowest = timed.Elapsed;
            await Task.Delay(500);
        }
        Database(repo, "start");
        var back = Stopwatch.StartNew();
        while (back.Elapsed < TimeSpan.FromSeconds(20))
        {
            var (status, _) = await api.Post($"/api/units/{codes[0]}/internal-audits",
                $$"""{"heldOn":"2016-06-01","auditors":"{{Token()}}"}""");
            if (status == 200) { recovered = back.Elapsed; break; }
            await Task.Delay(250);
        }
        await writing;
        var stored = await StoredTokens(api, codes);
        var (lost, doubled) = Compare(acknowledged.ToList(), stored);
        var readModels = await ReadModelMismatches(connection, api, TimeSpan.FromSeconds(30));
        var fiveHundreds = statuses.Where(s => s.Key >= 500 && s.Key != 503).Sum(s => s.Value);
        var held = lost == 0 && doubled == 0 && fiveHundreds == 0 && readyDuringOutage > 0
            && recovered <= TimeSpan.FromSeconds(10) && slowest < TimeSpan.FromSeconds(10) && readModels == 0;
        return new Outcome("4 database outage", statuses.Values.Sum(), stored.Values.Sum(),
            "PostgreSQL stopped for 10 s under 8 writers",
            lost, doubled, held,
            $"503s: {statuses.GetValueOrDefault(503)}, other 5xx: {fiveHundreds}, "
            + $"ready answered 503 {readyDuringOutage}×, slowest health answer {slowest.TotalSeconds:0.0} s, "
            + $"writes again after {recovered?.TotalSeconds.ToString("0.0") ?? "never"} s, "
            + $"async ≠ inline: {readModels}");
    }

    public static async Task<Outcome> TwoNodes(string apiDll, string connection, TimeSpan load)
    {
        (string, string) distributed = ("IsoLedger__Projections__Distribution", "wolverine");
        var nodeA = await ApiProcess.Start(apiDll, NextPort(), connection, distributed);
        await using var nodeB = await ApiProcess.Start(apiDll, NextPort(), connection, distributed);
        var codes = await RegisterUnits(nodeA, "CH-NODES", 40);
        var acknowledged = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        using (var stop = new CancellationTokenSource(load))
            await Task.WhenAll(
                Writers(nodeA, codes, 4, acknowledged, statuses, stop.Token),
                Writers(nodeB, codes, 4, acknowledged, statuses, stop.Token));
        var beforeKill = await ReadModelMismatches(connection, nodeB, TimeSpan.FromSeconds(30));

        nodeA.Kill();
        await nodeA.DisposeAsync();
        using (var stop = new CancellationTokenSource(load))
            await Writers(nodeB, codes, 4, acknowledged, statuses, stop.Token);
        var takeover = Stopwatch.StartNew();
        var afterKill = await ReadModelMismatches(connection, nodeB, TimeSpan.FromSeconds(30));
        var tookOver = takeover.Elapsed;

        var stored = await StoredTokens(nodeB, codes);
        var (lost, doubled) = Compare(acknowledged.ToList(), stored);
        return new Outcome("7 two nodes", statuses.Values.Sum(), stored.Values.Sum(),
            "two nodes with Wolverine-distributed projections, one killed",
            lost, doubled,
            lost == 0 && doubled == 0 && beforeKill == 0 && afterKill == 0 && tookOver < TimeSpan.FromSeconds(30),
            $"async ≠ inline before the kill: {beforeKill}, after: {afterKill}; "
            + $"caught up {tookOver.TotalSeconds:0.0} s after the last write");
    }

    private static void Database(string repo, string action)
    {
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(repo, "ops", "db.sh"), action)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true
        })!;
        process.WaitForExit();
    }
}
