using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Reports;
using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Tests;

/// <summary>Property-based, without a database: random histories of registrations (dated and undated), facts (yearly
/// steps too) and restructurings (transfers too) from 2010 to 2026, recorded in any order of their dates, of which only
/// what the deciders accept is applied, must keep the ledger true in time: the dashboards count exactly the units that
/// existed on the date asked, every answer as of a date is the one the facts dated by then give, a restructuring loses
/// no predecessor's history, and no unit holds a fact from before it existed or after it ended.</summary>
public class RestructuringPropertyTests
{
    private const string Province = "Quảng Trị";
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly First = new(2010, 1, 1);
    private static readonly DateOnly Last = new(2026, 12, 31);
    private static readonly string[] Pool = ["QT-01", "QT-02", "QT-03", "QT-04", "QT-05", "QT-06", "QT-07", "QT-08"];

    public abstract record Step;

    /// <summary>Registers a unit on <paramref name="On"/>, or undated (recorded today) when it is null.</summary>
    public sealed record Register(string Code, UnitLevel Level, DateOnly? On) : Step;

    public sealed record Fact(string Code, int Kind, DateOnly On) : Step;

    public sealed record Restructure(RestructuringKind Kind, string[] From, string? IntoExisting, DateOnly On) : Step
    {
        public override string ToString() =>
            $"Restructure {{ Kind = {Kind}, From = [{string.Join(", ", From)}], "
            + $"IntoExisting = {IntoExisting}, On = {On} }}";
    }

    public sealed record Script(Step[] Steps)
    {
        public override string ToString() => string.Join(Environment.NewLine, Steps.Select(s => s.ToString()));
    }

    private static readonly Gen<DateOnly> Dates =
        Gen.Choose(First.DayNumber, Last.DayNumber).Select(DateOnly.FromDayNumber);

    private static readonly Gen<string> Codes = Gen.Elements(Pool);

    private static readonly Gen<Step> Registrations =
        from code in Codes
        from level in Gen.Elements(UnitLevel.Commune, UnitLevel.Commune, UnitLevel.District, UnitLevel.Department)
        from dated in Gen.Elements(true, false)
        from day in Dates
        select (Step)new Register(code, level, dated ? day : null);

    private static readonly Gen<Step> Facts =
        from code in Codes
        from kind in Gen.Choose(0, 9)
        from day in Dates
        select (Step)new Fact(code, kind, day);

    private static readonly Gen<Step> Restructurings =
        from kind in Gen.Elements(
            RestructuringKind.Merge, RestructuringKind.Merge, RestructuringKind.Split, RestructuringKind.Dissolve,
            RestructuringKind.Rename, RestructuringKind.Transfer)
        from count in Gen.Choose(1, 3)
        from sources in Gen.ArrayOf(Codes, count)
        from intoExisting in Gen.OneOf(Gen.Constant<string?>(null), Codes.Select(c => (string?)c))
        from day in Dates
        select (Step)new Restructure(kind, kind == RestructuringKind.Split ? sources[..1] : sources,
            kind == RestructuringKind.Merge ? intoExisting : null, day);

    private static readonly Arbitrary<Script> Scripts =
        (from registrations in Gen.ArrayOf(Registrations, Pool.Length)
         from steps in Gen.Frequency((5, Facts), (3, Restructurings), (1, Registrations)).ArrayOf()
         select new Script([.. registrations, .. steps])).ToArbitrary();

    private static readonly Arbitrary<(Script, DateOnly[])> ScriptsAndDates =
        (from script in Scripts.Generator
         from dates in Gen.ArrayOf(Dates, 6)
         select (script, dates)).ToArbitrary();

    /// <summary>What applying a script recorded: each unit's events, and each accepted restructuring.</summary>
    private sealed class Ledger
    {
        public Dictionary<string, List<object>> Events { get; } = new(StringComparer.Ordinal);
        public List<(RestructureUnits Command, Dictionary<string, Unit> Before)> Restructurings { get; } = [];

        public Unit? State(string code) =>
            Events.TryGetValue(code, out var events) ? UnitDecider.Replay(events) : null;

        public IReadOnlyList<Unit> Units => [.. Events.Keys.Select(c => State(c)!)];
    }

    private static IUnitCommand Command(Fact fact) => fact.Kind switch
    {
        0 => new HoldInternalAudit(fact.On, null, null),
        1 => new HoldManagementReview(fact.On, null),
        2 => new DeclareConformity(fact.On, Edition.Iso9001V2008, null, null),
        3 => new DeclareConformity(fact.On, Edition.Iso9001V2015, null, null),
        4 => new IssueDocumentation(fact.On, Edition.Iso9001V2015, null, true, true, true, 6, 1, 10, 10),
        5 => new StartConversion(fact.On, null),
        6 => new SubmitAnnualReport(fact.On.Year, fact.On),
        7 => new IssueMaintenancePlan(fact.On.Year, fact.On),
        8 => new IssueQualityObjectives(fact.On.Year, fact.On, true, true),
        _ => new RecordInspection(fact.On.Year, fact.On, true, InspectionResult.Passed, null, null),
    };

    private static Ledger Apply(Script script)
    {
        var ledger = new Ledger();
        for (var i = 0; i < script.Steps.Length; i++)
        {
            switch (script.Steps[i])
            {
                case Register r:
                    var register = new RegisterUnit(r.Code, $"UBND {r.Code}", r.Level, Province,
                        r.Level == UnitLevel.Commune ? "Hải Lăng" : null, null, r.On ?? Today, r.On is not null);
                    if (register.Decide(ledger.State(r.Code), Today) is Accepted registered)
                        ledger.Events[r.Code] = [.. registered.Events];
                    break;
                case Fact f:
                    if (ledger.State(f.Code) is { } unit
                        && UnitDecider.Decide(unit, Command(f), Today, ShippedRuleBook.Table) is Accepted accepted)
                    {
                        ledger.Events[f.Code].AddRange(accepted.Events);
                    }
                    break;
                case Restructure s:
                    var id = $"R{i}";
                    NewUnit New(string code) =>
                        new(code, $"UBND {code}", UnitLevel.Commune, Province, "Hải Lăng", null);
                    var part = s.Kind switch
                    {
                        RestructuringKind.Merge when s.IntoExisting is { } into =>
                            new RestructuringPart(s.Kind, s.From, [], into),
                        RestructuringKind.Merge => new RestructuringPart(s.Kind, s.From, [New($"QT-N{i}")]),
                        RestructuringKind.Split =>
                            new RestructuringPart(s.Kind, s.From, [New($"QT-N{i}A"), New($"QT-N{i}B")]),
                        RestructuringKind.Rename =>
                            new RestructuringPart(s.Kind, s.From, [], Name: $"UBND đổi tên {i}"),
                        // Into another province a commune goes into one of its districts while there are any.
                        RestructuringKind.Transfer when i % 4 == 0 => new RestructuringPart(s.Kind, s.From, [],
                            Province: "Quảng Bình", District: Levels.DistrictsEndedBy(s.On) ? null : "Lệ Thủy"),
                        RestructuringKind.Transfer =>
                            new RestructuringPart(s.Kind, s.From, [], District: $"Huyện {i % 3}"),
                        _ => new RestructuringPart(s.Kind, s.From, []),
                    };
                    var command = new RestructureUnits(id, $"NQ {i}", s.On, [part]);
                    var states = command.Codes.ToDictionary(c => c, ledger.State, StringComparer.Ordinal);
                    if (command.Decide(states, Today) is RestructuringAccepted done)
                    {
                        ledger.Restructurings.Add(
                            (command, states.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!)));
                        foreach (var (code, events) in done.Events)
                            (ledger.Events.TryGetValue(code, out var list) ? list : ledger.Events[code] = [])
                                .AddRange(events);
                    }
                    break;
            }
        }
        return ledger;
    }

    /// <summary>When a unit existed, from its events alone (not from <see cref="Unit"/>'s own answer): from its
    /// establishment date, or when that is unknown its earliest fact, until the day it was merged, split or dissolved
    /// or its level ended.</summary>
    private static (DateOnly From, DateOnly? Ended) Existence(IReadOnlyList<object> events)
    {
        var registered = (UnitRegistered)events[0];
        var facts = events.Skip(1).Cast<IUnitEvent>().Select(e => e.BusinessDate).ToList();
        var from = registered.EstablishmentDated || facts.Count == 0 || facts.Min() >= registered.RegisteredOn
            ? registered.RegisteredOn
            : facts.Min();
        var ends = events.OfType<UnitMerged>().Select(m => m.MergedOn)
            .Concat(events.OfType<UnitSplit>().Select(s => s.SplitOn))
            .Concat(events.OfType<UnitDissolved>().Select(d => d.DissolvedOn))
            .Concat(registered.Level == UnitLevel.District ? [new DateOnly(2025, 7, 1)] : [])
            .ToList();
        return (from, ends.Count == 0 ? null : ends.Min());
    }

    private static HashSet<string> ExistingOn(Ledger ledger, DateOnly day) =>
    [
        .. ledger.Events
            .Where(p => Existence(p.Value) is var e && e.From <= day && !(e.Ended <= day))
            .Select(p => p.Key),
    ];

    [Property(MaxTest = 200)]
    public Property The_dashboards_count_exactly_the_units_existing_on_the_date() =>
        Prop.ForAll(ScriptsAndDates, input =>
        {
            var (script, dates) = input;
            var ledger = Apply(script);
            var units = ledger.Units;
            foreach (var day in dates)
            {
                var existing = ExistingOn(ledger, day);
                Assert.Equal(existing.Order(), units.Where(u => u.ExistsOn(day)).Select(u => u.Code).Order());

                var progress = ConversionProgress.Of(Province, units, day, ShippedRuleBook.Table);
                Assert.Equal(existing.Count, progress.Totals.Total);
                Assert.Equal(existing.Count, progress.ByLevel.Sum(l => l.Counts.Total));
                Assert.Equal(progress.Totals.Total,
                    progress.Totals.NotDeclared + progress.Totals.On2008 + progress.Totals.Converting
                    + progress.Totals.Converted);

                var compliance = ComplianceReport.Of(Province, units, day, ShippedRuleBook.Table);
                Assert.Equal(existing.Count, compliance.Units);
                Assert.All(compliance.Flags, f => Assert.Contains(f.Code, existing));
            }
        });

    /// <summary>A year's table holds the units that existed on some day of it, up to the day it is judged on.</summary>
    [Property(MaxTest = 200)]
    public Property The_annual_table_holds_the_units_existing_some_day_of_the_year() =>
        Prop.ForAll(ScriptsAndDates, input =>
        {
            var (script, dates) = input;
            var ledger = Apply(script);
            foreach (var year in dates.Select(d => d.Year).Distinct())
            {
                var table = AnnualTable.Of(Province, ledger.Units, year, Today);
                var start = new DateOnly(year, 1, 1);
                var expected = ledger.Events
                    .Where(p => Existence(p.Value) is var e && (e.From > start ? e.From : start) is var first
                                && first <= table.JudgedOn && !(e.Ended <= first))
                    .Select(p => p.Key);
                Assert.Equal(expected.Order(StringComparer.Ordinal),
                    table.Rows.Select(r => r.Code).Order(StringComparer.Ordinal));
            }
        });

    /// <summary>Every answer as of a day — each existing unit's place, name and standard (the unit list's and the
    /// state's), the conversion dashboard and its drill-down, the year's table judged on the day, the compliance
    /// flags, the editions, the year's statistics, the national overview, the province's report, summary and trends
    /// — is the answer the ledger gives when only the facts dated by then are on record: no fact dated later,
    /// whenever it was recorded, changes an answer about an earlier day. The province's units are found as the
    /// dashboards find them, by the province recorded for the day.</summary>
    [Property(MaxTest = 200)]
    public Property Every_answer_as_of_a_day_is_the_one_the_facts_dated_by_then_give() =>
        Prop.ForAll(ScriptsAndDates, input =>
        {
            var (script, dates) = input;
            var ledger = Apply(script);
            foreach (var day in dates.Where(d => d <= Today))
            {
                var datedByThen = ledger.Events.Values
                    .Select(events => UnitDecider.Replay(
                        events.Where(e => e is UnitRegistered || ((IUnitEvent)e).BusinessDate <= day))!)
                    .ToList();
                Assert.Equal(AnswersOn(ledger.Units, day), AnswersOn(datedByThen, day));
            }
        });

    private static string AnswersOn(IReadOnlyList<Unit> all, DateOnly day)
    {
        var book = ShippedRuleBook.Table;
        var names = Provinces.NamesCountedAs(Province, day).ToHashSet();
        var units = all.Where(u => names.Contains(u.RecordedProvinceOn(day)))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var placed = units.Where(u => u.ExistsOn(day)).Select(u => new
        {
            u.Code,
            Name = u.NameOn(day),
            Province = u.ProvinceOn(day),
            FormerProvince = u.FormerProvinceOn(day),
            District = u.DistrictOn(day),
            FormerDistrict = u.FormerDistrictOn(day),
            Standard = u.StandardOn(day)?.Name,
            Parent = u.ParentCodeOn(day),
            Standing = Standings.Of(u, day, book),
        });
        return JsonSerializer.Serialize(new object[]
        {
            placed,
            ConversionProgress.Of(Province, units, day, book),
            ConversionProgress.Of(Province, units, day, book, UnitLevel.Commune),
            AnnualTable.Of(Province, units, day.Year, Today, day),
            ComplianceReport.Of(Province, units, day, book),
            EditionProgress.Of(Province, units, day, book),
            ProvinceStatistics.Of(Province, units, day.Year, Today, book, day),
            NationalOverview.Of(units, day.Year, Today, book, day),
            ProvinceReport.Of(Province, units, day.Year, Today, book, day),
            SummaryTable.Of(Province, units, day.Year, Today, book, day),
            ReportTrends.Of(Province, units, Today, book, day),
        });
    }

    [Property(MaxTest = 300)]
    public Property A_restructuring_loses_no_predecessor_history_and_its_successors_name_every_predecessor() =>
        Prop.ForAll(Scripts, script =>
        {
            var ledger = Apply(script);
            foreach (var (command, before) in ledger.Restructurings)
            {
                var part = command.Parts[0];
                foreach (var code in part.Predecessors())
                {
                    var was = before[code];
                    var now = ledger.State(code)!;
                    Assert.Superset(was.Declarations.ToHashSet(), now.Declarations.ToHashSet());
                    Assert.Superset(was.InternalAudits.ToHashSet(), now.InternalAudits.ToHashSet());
                    Assert.Superset(was.ManagementReviews.ToHashSet(), now.ManagementReviews.ToHashSet());
                    Assert.Superset(was.Documentation.ToHashSet(), now.Documentation.ToHashSet());
                    Assert.Superset(was.TookOver.Select(t => t.RestructuringId).ToHashSet(),
                        now.TookOver.Select(t => t.RestructuringId).ToHashSet());
                    Assert.Superset(was.Conversions.ToHashSet(), now.Conversions.ToHashSet());
                    // Its history may still be back-filled, but only up to the effective date.
                    Assert.All(now.Declarations.Except(was.Declarations),
                        d => Assert.True(d.DeclaredOn <= command.EffectiveOn));
                    switch (part.Kind)
                    {
                        case RestructuringKind.Merge:
                            Assert.Equal(part.Successors().Single(), now.Merger!.IntoCode);
                            break;
                        case RestructuringKind.Split:
                            Assert.Equal(part.Successors(), now.Split!.IntoCodes);
                            break;
                        case RestructuringKind.Dissolve:
                            Assert.Equal(command.EffectiveOn, now.Dissolution!.DissolvedOn);
                            break;
                    }
                }
                foreach (var successor in part.Successors())
                {
                    var took = Assert.Single(ledger.State(successor)!.TookOver, t => t.RestructuringId == command.Id);
                    Assert.Equal(part.From.Order(StringComparer.Ordinal),
                        took.Predecessors.Select(p => p.Code).Order(StringComparer.Ordinal));
                    Assert.Equal(command.EffectiveOn, took.EffectiveOn);
                }
            }
        });

    [Property(MaxTest = 300)]
    public Property Every_fact_lies_within_its_units_existence() =>
        Prop.ForAll(Scripts, script =>
        {
            foreach (var (code, events) in Apply(script).Events)
            {
                var unit = UnitDecider.Replay(events)!;
                var (from, ended) = Existence(events);
                Assert.Equal(from, unit.ExistsFrom);
                Assert.Equal(ended, unit.EndedOn);
                foreach (var fact in events.Skip(1).Cast<IUnitEvent>())
                {
                    Assert.True(unit.ExistsFrom <= fact.BusinessDate,
                        $"{code}: {fact} before it exists from {unit.ExistsFrom}");
                    Assert.True(!(unit.EndedOn < fact.BusinessDate),
                        $"{code}: {fact} after it ended on {unit.EndedOn}");
                }
            }
        });

    /// <summary>The generator does reach the interesting cases: accepted merges, splits and dissolutions.</summary>
    [Fact]
    public void The_scripts_make_restructurings_that_are_accepted()
    {
        var accepted = Gen.Sample(Scripts.Generator, 200).Select(Apply).SelectMany(l => l.Restructurings)
            .Select(r => r.Command.Parts[0].Kind).ToHashSet();
        Assert.Superset(
            new HashSet<RestructuringKind>
            {
                RestructuringKind.Merge, RestructuringKind.Split, RestructuringKind.Dissolve, RestructuringKind.Rename,
                RestructuringKind.Transfer,
            },
            accepted);
    }
}
