using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace IsoLedger.Bench;

/// <summary>Writes a run's figures as Markdown: every stage, then each target met or missed and by how much.</summary>
public static class Report
{
    private sealed record Target(string Name, double Value, double Goal, bool AtLeast, string Unit);

    public static string Markdown(JsonObject run)
    {
        var text = new StringBuilder();
        string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);
        text.AppendLine($"# IsoLedger benchmark — {run["date"]}").AppendLine()
            .AppendLine($"{run["cores"]} cores; {run["phaseSeconds"]} s per load phase after a 2 s warm-up; "
                + "API in Release, Production, logs at Warning.")
            .AppendLine();

        text.AppendLine("## 1–2. Commands against the PostgreSQL limit").AppendLine()
            .AppendLine("| clients | pgbench commits/s | commands/s | ratio | p50 ms | p99 ms | failed "
                + "| commands per batch | batch sizes | states read / units locked | batches on held states |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in run["commands"]!.AsArray())
        {
            var workers = (int)c!["workers"]!;
            var batches = c["batches"]!;
            var sizes = string.Join(", ", batches["sizes"]!.AsObject().Select(b => $"{b.Key}: {b.Value}"));
            text.AppendLine($"| {workers} | {F((double)run["baseline"]![workers.ToString()]!)} "
                + $"| {F((double)c["perSecond"]!)} | {F((double)c["ratio"]!, "0.00")} "
                + $"| {F((double)c["p50Ms"]!, "0.0")} | {F((double)c["p99Ms"]!, "0.0")} | {c["failed"]} "
                + $"| {F((double)batches["commandsPerBatch"]!, "0.0")} "
                + $"| {sizes} | {batches["statesRead"]} / {batches["unitsLocked"]} "
                + $"| {batches["onHeldStates"]} / {batches["batches"]} |");
        }
        var check = run["commandsCheck"]!;
        var lag = run["commandsProjectionLag"]!;
        text.AppendLine().AppendLine(
            $"Accepted commands {check["accepted"]}, events appended {check["eventsAppended"]}, answers in flight when "
            + $"wrk stopped at most {check["inFlightAtStops"]}: "
            + $"{((bool)check["consistent"]! ? "consistent — nothing lost, nothing doubled" : "NOT consistent")}. "
            + $"When the commands stopped the async projections were {lag["eventsBehind"]} events behind and caught up "
            + $"{F((double)lag["secondsToCatchUp"]!, "0.0")} s later.").AppendLine();

        text.AppendLine("## 3. Reads at 32 workers").AppendLine()
            .AppendLine("| read | req/s | ratio to /health/live | p50 ms | p99 ms |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var r in run["reads"]!.AsArray())
            text.AppendLine($"| {r!["name"]} | {F((double)r["perSecond"]!)} | {F((double)r["ratio"]!, "0.00")} "
                + $"| {F((double)r["p50Ms"]!, "0.0")} | {F((double)r["p99Ms"]!, "0.0")} |");

        var catchUp = run["catchUp"]!;
        var rebuild = run["rebuild"]!;
        var import = run["import"]!;
        var startAndMemory = run["startAndMemory"]!;
        text.AppendLine().AppendLine("## 4–7. Projections, import, memory, start").AppendLine()
            .AppendLine($"- Catch-up: {catchUp["events"]} events appended by an import and projected in "
                + $"{F((double)catchUp["seconds"]!, "0.0")} s: **{F((double)catchUp["eventsPerSecond"]!)} events/s**.")
            .AppendLine($"- Rebuild: {rebuild["events"]} events in {F((double)rebuild["seconds"]!, "0.0")} s: "
                + $"**{F((double)rebuild["eventsPerSecond"]!)} events/s**.")
            .AppendLine($"- Import: {import["rows"]} rows ({import["events"]} events) in "
                + $"{F((double)import["seconds"]!, "0.0")} s: **{F((double)import["rowsPerSecond"]!)} rows/s, "
                + $"{F((double)import["eventsPerSecond"]!)} events/s**.")
            .AppendLine($"- API peak RSS (VmHWM) after stages 2–3: **{F((double)startAndMemory["peakRssMb"]!)} MB**; "
                + "process start to `/health/ready` = 200: "
                + $"**{F((double)startAndMemory["startToReadySeconds"]!, "0.0")} s**.")
            .AppendLine();

        var commands = run["commands"]!.AsArray().ToDictionary(c => (int)c!["workers"]!, c => c!);
        var status = run["reads"]!.AsArray().Single(r => (string)r!["name"]! == "unit status")!;
        Target[] targets =
        [
            new("commands at 8 clients, share of pgbench", (double)commands[8]["ratio"]!, 0.5, true, "×"),
            new("commands at 32 clients, share of pgbench", (double)commands[32]["ratio"]!, 0.5, true, "×"),
            new("command p99 at 8 workers", (double)commands[8]["p99Ms"]!, 25, false, "ms"),
            new("command p99 at 32 workers", (double)commands[32]["p99Ms"]!, 25, false, "ms"),
            new("unit status, share of /health/live", (double)status["ratio"]!, 0.5, true, "×"),
            new("unit status p99 at 32 workers", (double)status["p99Ms"]!, 10, false, "ms"),
            new("catch-up", (double)catchUp["eventsPerSecond"]!, 20_000, true, "events/s"),
            new("rebuild", (double)rebuild["eventsPerSecond"]!, 30_000, true, "events/s"),
            new("import", (double)import["eventsPerSecond"]!, 25_000, true, "events/s"),
            new("API peak RSS", (double)startAndMemory["peakRssMb"]!, 300, false, "MB"),
            new("start to ready", (double)startAndMemory["startToReadySeconds"]!, 5, false, "s"),
        ];
        text.AppendLine("## Targets").AppendLine()
            .AppendLine("| target | goal | measured | |").AppendLine("|---|---|---|---|");
        foreach (var target in targets)
        {
            var met = target.AtLeast ? target.Value >= target.Goal : target.Value <= target.Goal;
            var by = target.AtLeast ? target.Value / target.Goal : target.Goal / target.Value;
            text.AppendLine($"| {target.Name} | {(target.AtLeast ? "≥" : "≤")} {F(target.Goal, "0.##")} {target.Unit} "
                + $"| {F(target.Value, target.Value < 10 ? "0.00" : "0")} {target.Unit} "
                + $"| {(met ? "met" : $"**missed** ({F(by * 100)} % of the goal)")} |");
        }

        var notes = Environment.GetEnvironmentVariable("BENCH_NOTES");
        if (notes is not null && File.Exists(notes)) text.AppendLine().Append(File.ReadAllText(notes));
        return text.ToString();
    }
}
