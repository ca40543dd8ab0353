using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Api.Dashboards;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace IsoLedger.Api.Tests;

/// <summary>Property-based, end to end: random histories of two communes and a district body — facts and
/// restructurings sent through the API with business dates in any order, of which the API records what it accepts —
/// and, for days around every fact and random ones, every answer as of a day (the unit's state, its dashboard page,
/// its timeline, the year's table, the province's statistics, conversion standings and compliance flags, read from
/// PostgreSQL and the asynchronous projection) must be the one the reference model gives: the fold of the unit's
/// recorded events dated by that day, judged on that day.</summary>
public class AsOfOracleTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;
    private static readonly RuleBook Book = ShippedRuleBook.Table;
    private static readonly DateOnly First = new(2014, 1, 1);
    private static readonly DateOnly LevelEnded = new(2025, 7, 1);

    /// <summary>Provinces that no reorganisation merged, so that a province's answers count the units recorded in it.
    /// </summary>
    private static readonly string[] Provinces =
        ["Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng"];

    private int cases;

    /// <summary>A step of a history: what (an index into <see cref="Request"/>'s kinds), on which unit (the
    /// communes A and B, the district body C), on which business day.</summary>
    public sealed record Step(int Kind, char Unit, DateOnly On)
    {
        public override string ToString() => $"{Kind}{Unit}@{On:yyyy-MM-dd}";
    }

    public sealed record History(bool ADated, DateOnly ARegistered, DateOnly BRegistered, Step[] Steps, DateOnly[] Days)
    {
        public override string ToString() =>
            $"A {(ADated ? ARegistered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated")},"
            + $" B {BRegistered:yyyy-MM-dd}; {string.Join(" ", Steps.Select(s => s.ToString()))}";
    }

    /// <summary>The API's today, where the units are.</summary>
    private static DateOnly ServerToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>The last day a history's facts and questions take: yesterday, so that a case run across midnight
    /// still asks about past days only.</summary>
    private static DateOnly Today => ServerToday.AddDays(-1);

    private static Gen<DateOnly> Between(DateOnly from, DateOnly to) =>
        Gen.Choose(from.DayNumber, to.DayNumber).Select(DateOnly.FromDayNumber);

    /// <summary>Days near the district level's end and leap days are drawn more often.</summary>
    private static readonly Gen<DateOnly> Days = Gen.Frequency(
        (6, Between(First, Today)),
        (1, Gen.Elements(LevelEnded.AddDays(-1), LevelEnded, new DateOnly(2024, 2, 29), new DateOnly(2020, 2, 29))));

    private const int Kinds = 19;

    private static readonly Arbitrary<History> Histories =
        (from aDated in Gen.Elements(true, false)
         from aRegistered in Between(First, new DateOnly(2020, 12, 31))
         from bRegistered in Between(First, new DateOnly(2020, 12, 31))
         from steps in Gen.ArrayOf(
             from kind in Gen.Choose(0, Kinds - 1)
             from unit in Gen.Elements('A', 'A', 'B', 'C')
             from day in Days
             select new Step(kind, unit, day), 14)
         from days in Gen.ArrayOf(Days, 3)
         select new History(aDated, aRegistered, bRegistered, steps, days)).ToArbitrary();

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Q(string text) => Uri.EscapeDataString(text);

    /// <summary>The request a step sends (route, body): a unit's command, or a restructuring.</summary>
    private static (string Route, string Body) Request(Step step, string province, string a, string b)
    {
        var code = step.Unit switch { 'A' => a, 'B' => b, _ => a[..^1] + "C" };
        var on = D(step.On);
        // A yearly step of the day's year, or a late one of the year before.
        var year = step.On.Year - (step.On.DayNumber % 3 == 0 && step.On.Year > First.Year ? 1 : 0);
        (string, string) Of(string path, string body) => ($"/api/units/{code}/{path}", body);
        (string, string) Act(string part) => ("/api/restructurings",
            $$"""{"decisionNo":"NQ {{on}}","effectiveOn":"{{on}}","parts":[{{part}}]}""");
        // A split's new unit: of the unit's level, in its district while the district level lasted.
        string New(int part) => step.Unit == 'C'
            ? $$"""{"code":"{{code}}-{{part}}","name":"UBND Huyện {{code}}-{{part}}","level":"district", """
              + $$""" "province":"{{province}}"}"""
            : $$"""{"code":"{{code}}-{{part}}","name":"UBND Xã {{code}}-{{part}}","level":"commune", """
              + $$""" "province":"{{province}}" """
              + (step.On < LevelEnded ? ""","district":"Mường Tè"}""" : "}");
        return step.Kind switch
        {
            0 => Of("internal-audits", $$"""{"heldOn":"{{on}}"}"""),
            1 => Of("management-reviews", $$"""{"heldOn":"{{on}}"}"""),
            2 => Of("declarations", $$"""{"declaredOn":"{{on}}","standard":"2008"}"""),
            3 => Of("declarations", $$"""{"declaredOn":"{{on}}","standard":"2015"}"""),
            4 => Of("documentation", $$"""
                {"issuedOn":"{{on}}","standard":"2015","qualityManual":true,"qualityPolicy":true,
                 "qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":1,"businessProcedures":9,
                 "administrativeProcedures":9}
                """),
            5 => Of("conversion/start", $$"""{"startedOn":"{{on}}"}"""),
            6 => Of("conversion/complete", $$"""{"convertedOn":"{{on}}"}"""),
            7 => Of($"years/{year}/report", $$"""{"submittedOn":"{{on}}"}"""),
            8 => Of($"years/{year}/maintenance-plan", $$"""{"issuedOn":"{{on}}"}"""),
            9 => Of($"years/{year}/quality-objectives", $$"""{"issuedOn":"{{on}}","policy":true,"objectives":true}"""),
            10 => Of($"years/{year}/inspection", $$"""
                {"inspectedOn":"{{on}}","onSite":true,"result":"{{(step.On.Day % 2 == 0 ? "passed" : "failed")}}"}
                """),
            11 => Of("nonconformities", $$"""
                {"raisedOn":"{{on}}","source":"internal-audit","description":"Thiếu hồ sơ","severity":"minor",
                 "dueOn":"{{D(step.On.AddDays(30))}}"}
                """),
            12 => Of("nonconformities/NC-1/corrective-action",
                $$"""{"takenOn":"{{on}}","rootCause":"c","action":"a"}"""),
            13 => Of("nonconformities/NC-1/close", $$"""{"closedOn":"{{on}}","effective":true}"""),
            14 or 15 when step.Unit == 'C' =>
                Act($$"""{"kind":"rename","from":["{{code}}"],"name":"UBND Huyện {{on}}"}"""),
            14 => Act($$"""{"kind":"rename","from":["{{code}}"],"name":"UBND Xã {{code}} {{on}}"}"""),
            15 => Act($$"""{"kind":"transfer","from":["{{code}}"],"district":"Huyện {{step.On.Year}}"}"""),
            16 => Act($$$"""{"kind":"merge","from":["{{{b}}}"],"into":{"code":"{{{a}}}"}}"""),
            17 => Act($$"""{"kind":"split","from":["{{code}}"],"into":[{{New(1)}},{{New(2)}}]}"""),
            _ => Act($$"""{"kind":"dissolve","from":["{{code}}"]}"""),
        };
    }

    /// <summary>The reference model: the unit's recorded events dated by <paramref name="day"/> (and its
    /// registration), folded; null before the unit existed (as its full history tells).</summary>
    private static Unit? AsOf(IReadOnlyList<object> events, DateOnly day) =>
        day < UnitDecider.Replay(events)!.ExistsFrom
            ? null
            : UnitDecider.Replay(events.Where(e => e is UnitRegistered || ((IUnitEvent)e).BusinessDate <= day));

    private static IEnumerable<string> Flags(Unit unit, DateOnly day) =>
        Compliance.Flags(unit, day, Book).Select(f => $"{f.Rule.Id} {f.Subject} {D(f.Since)}").Order();

    private static IEnumerable<string> Flags(IEnumerable<JsonNode?> flags) =>
        flags.Select(f => $"{(string?)f!["rule"]} {(string?)f["subject"]} {(string?)f["since"]}").Order();

    /// <summary>A year's table row as the reference model gives it: null when the unit is in no table of the year as
    /// of the day (it had not existed by then, or had ended before the year began).</summary>
    private static string? ExpectedRow(Unit? unit, DateOnly day)
    {
        if (unit is null) return null;
        var yearBegan = new DateOnly(day.Year, 1, 1);
        if (unit.EndedOn <= (unit.ExistsFrom > yearBegan ? unit.ExistsFrom : yearBegan)) return null;
        var row = AnnualRow.Of(unit, day.Year, day, day);
        return Row(row.Name, row.District, row.FormerDistrict, row.Declared, row.QualityPolicy, row.QualityObjectives,
            row.MaintenancePlan, row.InternalAudit, row.CorrectiveActions, row.ManagementReview, row.ReportSubmitted,
            row.Inspection is { } inspection ? Kebab(inspection) : null, row.Standard);
    }

    private static string Row(JsonNode row) => Row((string?)row["name"], (string?)row["district"],
        (string?)row["formerDistrict"], (bool)row["declared"]!, (bool)row["qualityPolicy"]!,
        (bool)row["qualityObjectives"]!, (bool)row["maintenancePlan"]!, (bool)row["internalAudit"]!,
        (bool)row["correctiveActions"]!, (bool)row["managementReview"]!, (bool)row["reportSubmitted"]!,
        (string?)row["inspection"], (string?)row["standard"]);

    private static string Kebab<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>A unit's steps dated by <paramref name="day"/>, with those of the units it had taken over by then
    /// (each takeover dated by then, transitively), as "unit event day".</summary>
    private static IEnumerable<string> Steps(
        IReadOnlyDictionary<string, List<object>> recorded, string code, DateOnly day)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        var frontier = new List<string> { code };
        while (frontier.Count > 0)
        {
            frontier = [.. frontier.SelectMany(c => recorded[c].OfType<UnitTookOver>())
                .Where(t => t.EffectiveOn <= day)
                .SelectMany(t => t.Predecessors.Select(p => p.Code))
                .Where(seen.Add)];
        }
        return seen.SelectMany(c => recorded[c].OfType<IUnitEvent>().Where(e => e.BusinessDate <= day)
                .Select(e => $"{c} {e.GetType().Name} {D(e.BusinessDate)}"))
            .Order(StringComparer.Ordinal);
    }

    private static string Row(params object?[] cells) => string.Join(" | ", cells.Select(c => c?.ToString() ?? "-"));

    private async Task<JsonNode> Dashboard(string url) =>
        (await Host.Get($"{url}&consistent=true", Keys.Viewer).Expect(200)).Json["data"]!;

    /// <summary>Every disagreement between the answers as of <paramref name="day"/> and the reference model.
    /// </summary>
    private async Task<List<string>> Disagreements(
        string province, string[] codes, IReadOnlyDictionary<string, List<object>> recorded, DateOnly day)
    {
        var wrong = new List<string>();
        void Check(string what, string? expected, string? answered)
        {
            if (expected != answered)
                wrong.Add($"{D(day)} {what}: expected {expected ?? "none"}, answered {answered ?? "none"}");
        }
        var year = day.Year;
        var table = await Dashboard($"/api/dashboards/annual/{year}?province={Q(province)}&asOf={D(day)}");
        var compliance = await Dashboard($"/api/dashboards/compliance?province={Q(province)}&asOf={D(day)}");
        var statistics = await Dashboard($"/api/dashboards/statistics/{year}?province={Q(province)}&asOf={D(day)}");
        var conversion = (await Dashboard($"/api/dashboards/conversion?province={Q(province)}&asOf={D(day)}"
            + "&level=commune"))["units"]!.AsArray();
        // A successor is judged with its predecessors as recorded, whatever day their facts were recorded on
        // (Unit.WithPredecessorsAsRecorded): where each stood on the effective date, by its facts dated by then.
        var references = recorded.ToDictionary(p => p.Key, p => AsOf(p.Value, day)?.WithPredecessorsAsRecorded(
            predecessor => recorded.TryGetValue(predecessor, out var events) ? UnitDecider.Replay(events) : null));
        foreach (var code in codes)
        {
            var unit = references[code];
            var state = await Host.Get($"/api/units/{code}/state?asOf={D(day)}", Keys.Auditor);
            var page = await Host.Get($"/api/dashboards/units/{code}?asOf={D(day)}", Keys.Viewer);
            Check($"{code} state status", unit is null ? "404" : "200",
                state.Status.ToString(CultureInfo.InvariantCulture));
            Check($"{code} dashboard page", Without(state, "traceId"), Without(page, "traceId"));
            if (unit is not null && state.Status == 200)
            {
                var s = state.Json;
                Check($"{code} name", unit.NameOn(day), (string?)s["name"]);
                Check($"{code} district", unit.DistrictOn(day), (string?)s["district"]);
                Check($"{code} former district", unit.FormerDistrictOn(day), (string?)s["formerDistrict"]);
                Check($"{code} standard", unit.StandardOn(day).OrNone(), (string?)s["standard"]);
                Check($"{code} conversions",
                    string.Join("; ", unit.Conversions.Select(c => $"{c.From.Name}→{c.To.Name} "
                        + $"{(c.StartedOn is { } started ? D(started) : "")} "
                        + $"{(c.CompletedOn is { } completed ? D(completed) : "")}")),
                    string.Join("; ", s["conversions"]!.AsArray().Select(c => $"{c!["from"]}→{c["to"]} "
                        + $"{c["startedOn"]} {c["completedOn"]}")));
                Check($"{code} ended", unit.EndedOn <= day ? D(unit.EndedOn.Value) : null, (string?)s["endedOn"]);
                Check($"{code} flags", string.Join("; ", Flags(unit, day)),
                    string.Join("; ", Flags(s["flags"]!.AsArray())));
            }
            var rows = table["rows"]!.AsArray().Where(r => (string?)r!["code"] == code).ToList();
            Check($"{code} row of {year}", ExpectedRow(unit, day), rows.Count == 0 ? null : Row(rows.Single()!));
            Check($"{code} province flags",
                string.Join("; ", unit is not null && unit.ExistsOn(day) ? Flags(unit, day) : []),
                string.Join("; ", Flags(compliance["flags"]!.AsArray().Where(f => (string?)f!["code"] == code))));
            if (unit?.Level == UnitLevel.Commune)
            {
                Check($"{code} conversion standing",
                    unit.ExistsOn(day) ? Kebab(Standings.Of(unit, day, Book)) : null,
                    (string?)conversion.SingleOrDefault(u => (string?)u!["code"] == code)?["standing"]);
            }
            var timeline = await Host.Get($"/api/dashboards/units/{code}/timeline?asOf={D(day)}", Keys.Viewer);
            Check($"{code} timeline status", state.Status.ToString(CultureInfo.InvariantCulture),
                timeline.Status.ToString(CultureInfo.InvariantCulture));
            if (unit is not null && timeline.Status == 200)
            {
                Check($"{code} timeline", string.Join("; ", Steps(recorded, code, day)),
                    string.Join("; ", timeline.Json.AsArray()
                        .Select(e => $"{(string?)e!["unit"]} {(string?)e["event"]} {(string?)e["businessDate"]}")
                        .Order(StringComparer.Ordinal)));
            }
        }
        var all = references.Values.OfType<Unit>();
        var expected = ProvinceStatistics.Of(province, all, year, ServerToday, Book, day).Totals;
        var totals = statistics["totals"]!;
        Check("statistics", expected.ToString(),
            new LevelTotals((int)totals["units"]!, (int)totals["declared"]!, (int)totals["on2015"]!,
                (int)totals["complete"]!).ToString());
        return wrong;
    }

    /// <summary>An answer's JSON without <paramref name="field"/> (a problem's trace id is the request's own).
    /// </summary>
    private static string Without(Answer answer, string field)
    {
        var json = answer.Json.DeepClone();
        json.AsObject().Remove(field);
        return $"{answer.Status} {json.ToJsonString()}";
    }

    [Property(MaxTest = 8)]
    public Property Every_answer_as_of_a_day_is_the_fold_of_the_facts_dated_by_then() =>
        Prop.ForAll(Histories, history =>
        {
            var number = ++cases;
            var province = Provinces[number % Provinces.Length];
            var (a, b) = ($"OR{number}-A", $"OR{number}-B");
            var wrong = Run(province, a, b, history).GetAwaiter().GetResult();
            return (wrong.Count == 0).Label(string.Join("\n", wrong.Take(12)));
        });

    private async Task<List<string>> Run(string province, string a, string b, History history)
    {
        await Host.Post("/api/units", $$"""
            {"code":"{{a}}","name":"UBND Xã {{a}}","level":"commune","province":"{{province}}","district":"Mường Tè"
             {{(history.ADated ? $",\"registeredOn\":\"{D(history.ARegistered)}\"" : "")}}}
            """).Expect(201);
        await Host.Post("/api/units", $$"""
            {"code":"{{b}}","name":"UBND Xã {{b}}","level":"commune","province":"{{province}}","district":"Mường Tè",
             "registeredOn":"{{D(history.BRegistered)}}"}
            """).Expect(201);
        await Host.Post("/api/units", $$"""
            {"code":"{{a[..^1]}}C","name":"UBND Huyện {{a}}","level":"district","province":"{{province}}",
             "registeredOn":"{{D(history.BRegistered)}}"}
            """).Expect(201);
        foreach (var step in history.Steps)
        {
            var (route, body) = Request(step, province, a, b);
            var answer = await Host.Post(route, body, Keys.Admin);
            // Recorded, or refused as impossible (409, 404 for a nonconformity never raised); never a bad request.
            if (answer.Status is not (200 or 201 or 404 or 409))
                return [$"{step} {route} answered {answer.Status}: {answer.Text}"];
        }
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var recorded = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        await using (var session = store.QuerySession())
        {
            // Every unit of the province, of every case: its counts are judged on all of them.
            foreach (var code in await session.Query<Unit>().Where(u => u.Province == province).Select(u => u.Code)
                         .ToListAsync())
                recorded[code] = [.. (await session.Events.FetchStreamAsync(code)).Select(e => e.Data)];
        }
        var codes = recorded.Keys.Where(code => code.StartsWith(a[..^1], StringComparison.Ordinal)).ToArray();
        var days = codes.SelectMany(code => recorded[code]).OfType<IUnitEvent>().Select(e => e.BusinessDate)
            .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
            .Concat(history.Days)
            .Where(d => d >= First && d <= Today)
            .Distinct()
            .Order()
            .ToList();
        // Every fact's day and the days around it would be many requests: a spread of them.
        var chosen = days.Where((_, i) => i % Math.Max(1, days.Count / 8) == 0).Concat(history.Days).Distinct();
        var wrong = new List<string>();
        foreach (var day in chosen) wrong.AddRange(await Disagreements(province, codes, recorded, day));
        return wrong;
    }
}
