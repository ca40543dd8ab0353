using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IsoLedger.Bench;
using IsoLedger.Testing;
using Npgsql;

// ops/bench.sh: measures IsoLedger against what PostgreSQL on this machine can do, every stage in one run.
var apiDll = Environment.GetEnvironmentVariable("BENCH_API_DLL")
    ?? throw new InvalidOperationException("BENCH_API_DLL is not set.");
var connection = Environment.GetEnvironmentVariable("BENCH_CONNECTION")
    ?? throw new InvalidOperationException("BENCH_CONNECTION is not set.");
var results = Environment.GetEnvironmentVariable("BENCH_RESULTS")
    ?? throw new InvalidOperationException("BENCH_RESULTS is not set.");
var phase = TimeSpan.FromSeconds(
    double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "10", CultureInfo.InvariantCulture));
var warmUp = TimeSpan.FromSeconds(2);
int[] concurrencies = [1, 8, 32];
var report = new JsonObject
{
    ["date"] = DateTimeOffset.UtcNow.ToString("O"),
    ["phaseSeconds"] = phase.TotalSeconds,
    ["cores"] = Environment.ProcessorCount
};
void Say(string line) => Console.Error.WriteLine($"bench: {line}");
// BENCH_STAGES (e.g. "commands,reads") runs some stages only, to iterate on one miss; such a run prints but records
// nothing.
var only = Environment.GetEnvironmentVariable("BENCH_STAGES")
    ?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
bool Runs(string stage) => only is null || only.Contains(stage);

// Stage 1: the limit — one ~300-byte jsonb row per transaction into a plain table.
Say("stage 1: pgbench baseline");
var builder = new NpgsqlConnectionStringBuilder(connection);
await using (var db = new NpgsqlConnection(connection))
{
    await db.OpenAsync();
    await using var create = new NpgsqlCommand(
        "create table if not exists bench_baseline (id bigserial primary key, data jsonb not null)", db);
    await create.ExecuteNonQueryAsync();
}
var row = JsonSerializer.Serialize(new
{
    unit = "QT-XA-001",
    type = "InternalAuditHeld",
    heldOn = "2020-06-10",
    auditors = new string('x', 180),
    recordedBy = "bench",
    correlation = Guid.Empty
});
var script = Path.GetTempFileName();
await File.WriteAllTextAsync(script, $"insert into bench_baseline (data) values ('{row}'::jsonb);\n");
var baseline = new Dictionary<int, double>();
foreach (var clients in Runs("baseline") ? concurrencies : [])
{
    await Checkpoint();
    var pgbench = Process.Start(new ProcessStartInfo("pgbench",
        $"-n -h {builder.Host} -p {builder.Port} -U {builder.Username} -c {clients} "
        + $"-j {Math.Min(clients, Environment.ProcessorCount)} -T {phase.TotalSeconds:0} "
        + $"-f {script} {builder.Database}")
    { RedirectStandardOutput = true, RedirectStandardError = true })!;
    var output = await pgbench.StandardOutput.ReadToEndAsync();
    await pgbench.WaitForExitAsync();
    baseline[clients] =
        double.Parse(Regex.Match(output, @"tps = ([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
    Say($"  {clients} clients: {baseline[clients]:0} commits/s");
}
report["baseline"] = new JsonObject(baseline.Select(b => KeyValuePair.Create(b.Key.ToString(), (JsonNode?)b.Value)));

// Stage 7 (start): a warm, Release, Production API with logs at Warning.
const string key = "bench-admin-key";
var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
var startClock = Stopwatch.StartNew();
await using var api = await ApiProcess.Start(apiDll, 5301, connection, "Production", key,
    ("IsoLedger__ApiKeys__0__Name", "bench"), ("IsoLedger__ApiKeys__0__Sha256", hash),
    ("IsoLedger__ApiKeys__0__Roles__0", "admin"));
var startSeconds = startClock.Elapsed.TotalSeconds;
// Imports and rebuilds take minutes, not the seconds the request client allows.
using var slow = new HttpClient { BaseAddress = api.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(15) };
slow.DefaultRequestHeaders.Add("X-Api-Key", key);
Say($"API ready {startSeconds:0.0} s after start");

// Stage 2: lifecycle commands over HTTP across 1 000 units.
Say("stage 2: commands");
var units = Enumerable.Range(0, 1000).Select(i => $"BENCH-{i:0000}").ToArray();
await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 16 },
    async (code, _) => (await api.Register(code)).EnsureSuccessStatusCode());
var eventsBefore = await EventCount();
var accepted = 0L;
var inFlightAtStops = 0L;
var commandScript = Wrk.Script($$"""
    local code = string.format("BENCH-%04d", math.random(0, {{units.Length - 1}}))
      local r = math.random(0, 9)
      local path, body
      if r < 5 then path, body = "internal-audits", [[{"heldOn":"2020-06-10"}]]
      elseif r < 7 then path, body = "management-reviews", [[{"heldOn":"2020-08-10"}]]
      elseif r < 9 then
        -- A year's report is submitted within a year of it (rule yearly-step-outside-its-year).
        local year = 2015 + math.random(0, 9)
        path, body = "years/" .. year .. "/report", '{"submittedOn":"' .. year .. '-11-10"}'
      else path, body = "nonconformities",
    """ + $$"""
     [[{"raisedOn":"2020-06-10","source":"internal-audit","description":"Hồ sơ trễ hạn","severity":"minor"}]] end
      return wrk.format("POST", "/api/units/" .. code .. "/" .. path,
        { ["Content-Type"] = "application/json", ["X-Api-Key"] = "{{key}}" }, body)
    """);
var commands = new JsonArray();
var writesBefore = await api.Get("/api/admin/unit-writes");
foreach (var workers in Runs("commands") ? concurrencies : [])
{
    await Checkpoint();
    var result = await Wrk.Run(api.Http.BaseAddress!, workers, warmUp, phase, commandScript);
    // wrk does not count the answers in flight when it stops: at most one per connection, in each of its two runs.
    accepted += result.WarmUpSucceeded + result.Succeeded;
    inFlightAtStops += 2 * workers;
    var limit = baseline.GetValueOrDefault(workers, double.NaN);
    var described = Describe(result, limit);
    // The group commit's batches during this phase (warm-up included): how many commands each transaction carried.
    var writesAfter = await api.Get("/api/admin/unit-writes");
    var batches = BatchesBetween(writesBefore, writesAfter);
    writesBefore = writesAfter;
    described["batches"] = batches;
    commands.Add(described);
    Say($"  {workers} workers: {result.PerSecond:0} commands/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms "
        + $"({result.PerSecond / limit:P0} of pgbench); {(double)batches["commandsPerBatch"]!:0.0} commands per batch "
        + $"({batches["onHeldStates"]} of {batches["batches"]} on held states), "
        + $"sizes {batches["sizes"]!.ToJsonString()}");
}
var appended = await EventCount() - eventsBefore;
report["commands"] = commands;
// A fast write path that leaves the dashboards behind is no win: the daemon's lag when the load stops, and how long
// it takes to catch up.
var lagClock = Stopwatch.StartNew();
var lagAtEnd = await ProjectionLag();
while (await ProjectionLag() > 0 && lagClock.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(50);
report["commandsProjectionLag"] =
    new JsonObject { ["eventsBehind"] = lagAtEnd, ["secondsToCatchUp"] = lagClock.Elapsed.TotalSeconds };
Say($"  async projections {lagAtEnd} events behind when the commands stopped, "
    + $"caught up {lagClock.Elapsed.TotalSeconds:0.0} s later");
// Every command the load sends appends one event: each accepted one is stored once, and the only events not counted
// as accepted are those of answers in flight when wrk stopped.
var consistent = appended >= accepted && appended - accepted <= inFlightAtStops;
report["commandsCheck"] = new JsonObject
{
    ["accepted"] = accepted,
    ["eventsAppended"] = appended,
    ["inFlightAtStops"] = inFlightAtStops,
    ["consistent"] = consistent
};
Say($"  accepted {accepted}, events appended {appended} (at most {inFlightAtStops} answers in flight at the stops): "
    + $"{(consistent ? "consistent" : "NOT CONSISTENT")}");

// Stage 3: reads at 32 workers, as a ratio to /health/live of the same process.
Say("stage 3: reads");
var province = Uri.EscapeDataString(ApiProcess.Province);
string Get(string path) => $$"""return wrk.format("GET", {{path}}, { ["X-Api-Key"] = "{{key}}" })""";
var reads = new (string Name, string Request)[]
{
    ("health/live", Get("\"/health/live\"")),
    ("unit status", Get($"string.format(\"/api/units/BENCH-%04d\", math.random(0, {units.Length - 1}))")),
    ("conversion", Get($"\"/api/dashboards/conversion?province={province}\"")),
    ("annual table", Get($"\"/api/dashboards/annual/2020?province={province}\"")),
    ("statistics", Get($"\"/api/dashboards/statistics/2020?province={province}\"")),
    ("compliance", Get($"\"/api/dashboards/compliance?province={province}\"")),
};
var readResults = new JsonArray();
double? live = null;
foreach (var (name, request) in Runs("reads") ? reads : [])
{
    await Checkpoint();
    var result = await Wrk.Run(api.Http.BaseAddress!, 32, warmUp, phase, Wrk.Script(request));
    live ??= result.PerSecond;
    readResults.Add(Describe(result, live.Value, name));
    Say($"  {name}: {result.PerSecond:0} req/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms "
        + $"({result.PerSecond / live:P0} of /health/live)");
}
report["reads"] = readResults;
var peakRssMb = PeakRssMb(api.ProcessId);
report["startAndMemory"] = new JsonObject { ["startToReadySeconds"] = startSeconds, ["peakRssMb"] = peakRssMb };
Say($"stage 7: peak RSS {peakRssMb:0} MB");

// Stage 4: projection catch-up while ~100 000 events are appended.
if (Runs("catch-up"))
{
    Say("stage 4: catch-up");
    await Checkpoint();
    var (catchUpEvents, catchUpSeconds) = await ImportAndCatchUp("catch-up", 1500, 10);
    report["catchUp"] = new JsonObject
    {
        ["events"] = catchUpEvents,
        ["seconds"] = catchUpSeconds,
        ["eventsPerSecond"] = catchUpEvents / catchUpSeconds
    };
    Say($"  {catchUpEvents} events caught up in {catchUpSeconds:0.0} s: {catchUpEvents / catchUpSeconds:0} events/s");
}

// Stage 6: import a province of 10 000 units × 10 years.
if (Runs("import"))
{
    Say("stage 6: import");
    await Checkpoint();
    var (importRows, importEvents, importSeconds) = await ImportProvince("import", 10_000, 10);
    report["import"] = new JsonObject
    {
        ["rows"] = importRows,
        ["events"] = importEvents,
        ["seconds"] = importSeconds,
        ["rowsPerSecond"] = importRows / importSeconds,
        ["eventsPerSecond"] = importEvents / importSeconds
    };
    Say($"  {importRows} rows, {importEvents} events in {importSeconds:0.0} s: {importRows / importSeconds:0} rows/s, "
        + $"{importEvents / importSeconds:0} events/s");
}
Say($"peak RSS so far {PeakRssMb(api.ProcessId):0} MB");
if (!Runs("rebuild")) return 0;

// Stage 5: rebuild every async projection over about 1 000 000 events.
Say("stage 5: rebuild");
while (await EventCount() < 1_000_000) await ImportProvince($"fill-{Guid.NewGuid():N}", 3_000, 10);
var total = await EventCount();
await Checkpoint();
var rebuildClock = Stopwatch.StartNew();
using (var rebuild = await slow.PostAsync("/api/admin/projections/DashboardUnits/rebuild", null))
    rebuild.EnsureSuccessStatusCode();
var rebuildSeconds = rebuildClock.Elapsed.TotalSeconds;
report["rebuild"] = new JsonObject
{
    ["events"] = total,
    ["seconds"] = rebuildSeconds,
    ["eventsPerSecond"] = total / rebuildSeconds
};
Say($"  {total} events rebuilt in {rebuildSeconds:0.0} s: {total / rebuildSeconds:0} events/s");

if (only is not null) return 0;
Directory.CreateDirectory(results);
var stamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'");
await File.WriteAllTextAsync(Path.Combine(results, $"{stamp}.json"),
    report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
var markdown = Report.Markdown(report);
await File.WriteAllTextAsync(Path.Combine(results, "latest.md"), markdown);
Console.WriteLine(markdown);
return 0;

JsonObject Describe(LoadResult result, double reference, string? name = null) => new()
{
    ["name"] = name,
    ["workers"] = result.Workers,
    ["perSecond"] = result.PerSecond,
    ["p50Ms"] = result.P50Ms,
    ["p99Ms"] = result.P99Ms,
    ["failed"] = result.Failed,
    ["ratio"] = result.PerSecond / reference,
};

async Task<long> ProjectionLag() => (await api.Get("/api/admin/projections")).AsArray().Max(p => (long)p!["lag"]!);

// The batches between two readings of /api/admin/unit-writes.
static JsonObject BatchesBetween(JsonNode before, JsonNode after)
{
    long Delta(string name) => (long)after[name]! - (long)before[name]!;
    var sizes = new JsonObject();
    foreach (var (bucket, earlier) in after["sizes"]!.AsArray().Zip(before["sizes"]!.AsArray()))
    {
        var count = (long)bucket!["batches"]! - (long)earlier!["batches"]!;
        if (count > 0) sizes[$"≤{bucket["upTo"]}"] = count;
    }
    return new JsonObject
    {
        ["batches"] = Delta("batches"),
        ["commandsPerBatch"] = Delta("batches") == 0 ? 0 : (double)Delta("commands") / Delta("batches"),
        ["sizes"] = sizes,
        ["statesRead"] = Delta("snapshotsRead"),
        ["onHeldStates"] = Delta("onHeldStates"),
        ["unitsLocked"] = Delta("unitsLocked"),
    };
}

// A stage starts after a checkpoint, so that it does not pay for the writes of the stage before it: the baseline's half
// a gigabyte of WAL had started a checkpoint that ran through the whole command stage, and every page first written
// after its start carries a full-page image (p99 at 32 clients 43 ms in that run, 21–22 ms in runs without it).
async Task Checkpoint()
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    await using var checkpoint = new NpgsqlCommand("checkpoint", db) { CommandTimeout = 300 };
    await checkpoint.ExecuteNonQueryAsync();
}

async Task<long> EventCount()
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    await using var count = new NpgsqlCommand("select coalesce(max(seq_id), 0) from mt_events", db);
    return (long)(await count.ExecuteScalarAsync())!;
}

static double PeakRssMb(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
    return line is null ? 0 : double.Parse(Regex.Match(line, @"\d+").Value, CultureInfo.InvariantCulture) / 1024;
}

// Each import is a batch of its own (its unit codes and names derive from the name: one unit is one code, and a
// name recorded under another code is refused) in a real province, valid in every year.
async Task<(long Rows, long Events, double Seconds)> ImportProvince(string name, int unitCount, int years)
{
    const string province = "Nghệ An";
    var csv = new StringBuilder("province,unit_code,unit_name,level,district,year,report_date,declared,standard,"
        + "conversion,quality_policy,quality_objectives,maintenance_plan,internal_audit,corrective_actions,"
        + "management_review,report_submitted,inspection\n");
    var prefix = $"B{Math.Abs(name.GetHashCode()) % 100000:00000}";
    for (var year = 2011; year < 2011 + years; year++)
        for (var u = 0; u < unitCount; u++)
        {
            var conversion = year >= 2019 ? (u % 3 == 0 ? "done" : u % 3 == 1 ? "in-progress" : "none") : "none";
            csv.Append($"{province},{prefix}-{u:00000},UBND Xã {prefix} {u},commune,Huyện {u % 20},{year},"
                + $"{year}-11-15,x,{(conversion == "done" ? "2015" : "2008")},{conversion},x,x,x,x,"
                + $"{(u % 2 == 0 ? "x" : "")},x,{(u % 5 == 0 ? "" : "x")},{(u % 5 == 0 ? "no-report" : "passed")}\n");
        }
    var clock = Stopwatch.StartNew();
    using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
    content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    using var response = await slow.PostAsync("/api/imports", content);
    var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    if (!response.IsSuccessStatusCode)
        throw new InvalidOperationException($"The import failed: {answer.ToJsonString()}");
    return ((long)answer["rows"]!, (long)answer["eventsAppended"]!, clock.Elapsed.TotalSeconds);
}

async Task<(long Events, double Seconds)> ImportAndCatchUp(string name, int unitCount, int years)
{
    var clock = Stopwatch.StartNew();
    var (_, events, _) = await ImportProvince(name, unitCount, years);
    while (await ProjectionLag() > 0 && clock.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(50);
    return (events, clock.Elapsed.TotalSeconds);
}
