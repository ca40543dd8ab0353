using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>Property-based: the dashboards judge a unit's state of every fact as of a day, the unit's status as of a
/// day replays only the facts dated by then. Whatever the history and the order it was recorded in (back-filled
/// years, yearly steps recorded twice, inspections failed then passed, renames and transfers, takeovers, an end by a
/// merge, split or dissolution), both say the same about every day: no fact dated later leaks into an answer as of an
/// earlier day.</summary>
public class UnitAsOfPropertyTests
{
    private static readonly RuleBook Book = ShippedRuleBook.Table;
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateOnly First = new(2013, 1, 1);
    private const int FirstYear = 2014;
    private const int LastYear = 2026;

    private static readonly Gen<DateOnly> Days =
        Gen.Choose(First.DayNumber, Today.DayNumber).Select(DateOnly.FromDayNumber);

    private static readonly Gen<int> Years = Gen.Choose(FirstYear, LastYear);

    /// <summary>A day of <paramref name="year"/>, the year before or the year after (where a yearly step may be
    /// dated).</summary>
    private static Gen<DateOnly> NearYear(int year) =>
        Gen.Choose(new DateOnly(year - 1, 1, 1).DayNumber, new DateOnly(year + 1, 12, 31).DayNumber)
            .Select(DateOnly.FromDayNumber);

    private static Gen<T> Yearly<T>(Func<int, DateOnly, T> step) =>
        from year in Years from at in NearYear(year) select step(year, at);

    private static readonly Gen<Edition> Editions =
        Gen.Elements(Edition.Iso9001V2008, Edition.Iso9001V2015, Edition.Iso9001V2015);

    /// <summary>One step of a history: a command the decider judges (refused ones are left out, as the API refuses
    /// them), or a restructuring's event at this unit, recorded if the unit existed at its day.</summary>
    private static readonly Gen<object> Steps = Gen.OneOf(
        Days.Select(at => (object)new FormSteeringBoard(at, 10, null, null)),
        Days.Zip(Editions, (at, edition) =>
            (object)new IssueDocumentation(at, edition, null, true, true, true, 6, 1, 10, 10)),
        Days.Zip(Editions, (at, edition) => (object)new DeclareConformity(at, edition, null, null)),
        Days.Zip(Editions, (at, edition) => (object)new DeclareConformity(at, edition, null, null, true)),
        Days.Select(at => (object)new StartConversion(at, null)),
        Days.Select(at => (object)new CompleteConversion(at, null)),
        Days.Select(at => (object)new HoldInternalAudit(at, null, null)),
        Days.Select(at => (object)new HoldManagementReview(at, null)),
        Days.Select(at => (object)new ChangeScope(at, "Thêm TTHC", 3)),
        from at in Days
        from due in Gen.Choose(0, 200)
        select (object)new RaiseNonconformity(at, NonconformitySource.InternalAudit, "Thiếu hồ sơ",
            NonconformitySeverity.Minor, null, at.AddDays(due)),
        from index in Gen.Choose(1, 4)
        from at in Days
        select (object)new TakeCorrectiveAction($"NC-{index}", at, "cause", "action"),
        from index in Gen.Choose(1, 4)
        from at in Days
        select (object)new CloseNonconformity($"NC-{index}", at, true),
        Yearly((year, at) => (object)new IssueQualityObjectives(year, at, true, year % 2 == 0)),
        Yearly((year, at) => (object)new IssueMaintenancePlan(year, at)),
        Yearly((year, at) => (object)new SubmitAnnualReport(year, at)),
        Yearly((year, at) => (object)new ReportCorrectiveActions(year, at)),
        Yearly((year, at) => (object)new ListInReport(year, at)),
        from year in Years
        from at in NearYear(year)
        from result in Gen.Elements(InspectionResult.Passed, InspectionResult.Failed, InspectionResult.Maintained)
        select (object)new RecordInspection(year, at, true, result, null, null),
        Days.Select(at => (object)new UnitRenamed(at, $"UBND Xã {at:yyyyMMdd}", null, null)),
        Days.Select(at => (object)new UnitTransferred(at, null, $"Huyện {at:yyyy}", null, null)),
        Days.Select(at => (object)new UnitTransferred(at, "Quảng Bình", null, null, null)),
        Days.Select(at => (object)new UnitDissolved(at, null, null)),
        Days.Select(at => (object)new UnitSplit(at, ["QT-ASOF-1", "QT-ASOF-2"], null, null)),
        from at in Days
        from declared in Gen.Elements(true, false)
        select (object)new UnitTookOver(at, RestructuringKind.Merge,
            [new PredecessorStanding($"QT-P{at:yyyyMMdd}", "UBND Xã Cũ", declared, declared ? "2015" : "none")],
            null, null),
        Days.Select(at => (object)new UnitMerged(at, "QB-INTO")));

    private static readonly Arbitrary<(bool Dated, object[] Steps, DateOnly[] Days)> Histories =
        (from dated in Gen.Elements(true, false)
         from steps in Gen.ArrayOf(Steps, 40)
         from days in Gen.ArrayOf(Days, 6)
         select (dated, steps, days)).ToArbitrary();

    /// <summary>The history the ledger would hold: each step decided on the state the ones before it left.</summary>
    private static List<IUnitEvent> Record(bool dated, IEnumerable<object> steps)
    {
        List<IUnitEvent> history =
        [
            new UnitRegistered("QT-ASOF", "UBND Xã Hải Thiện", UnitLevel.Commune, "Quảng Trị", "Hải Lăng", null,
                dated ? First : Today, dated),
        ];
        foreach (var step in steps)
        {
            var unit = UnitDecider.Replay(history)!;
            switch (step)
            {
                case IUnitCommand command:
                    if (UnitDecider.Decide(unit, command, Today, Book) is Accepted accepted)
                        history.AddRange(accepted.Events.Cast<IUnitEvent>());
                    break;
                case IUnitEvent restructured when UnitDecider.OutsideExistence(unit, restructured.BusinessDate, Today)
                    is null && !(restructured is UnitMerged or UnitDissolved or UnitSplit && unit.EndedOn is not null):
                    history.Add(restructured);
                    break;
            }
        }
        return history;
    }

    /// <summary>Everything an answer as of <paramref name="day"/> reads of a unit, each fact bounded by that day as
    /// the dashboards bound it.</summary>
    private static string View(Unit unit, DateOnly day)
    {
        string D(DateOnly? on) => on?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
        bool By(DateOnly? on) => on <= day;
        var lines = new List<string>
        {
            $"exists {unit.ExistsOn(day)} from {D(unit.ExistsFrom <= day ? unit.ExistsFrom : null)}"
                + $" ended {D(unit.EndedOn <= day ? unit.EndedOn : null)}",
            $"named {unit.NameOn(day)} in {unit.ProvinceOn(day)} / {unit.DistrictOn(day)}",
            $"standard {unit.StandardOn(day)?.Name} standing {Standings.Of(unit, day, Book)}",
            $"conversion {unit.ConversionOn(day, Edition.Iso9001V2015)} under way "
                + (unit.ConversionUnderWayOn(day) is { } underWay
                    ? $"{underWay.From} → {underWay.To} since {D(underWay.StartedOn)}"
                    : "-"),
            $"declaration {unit.LatestDeclarationOn(day)?.DeclaredOn} {unit.LatestDeclarationOn(day)?.Standard}",
            "took over " + string.Join(",", unit.TookOver.Where(t => t.EffectiveOn <= day)
                .SelectMany(t => t.Predecessors.Select(p => p.Code))),
            $"open {string.Join(",", unit.Nonconformities.Where(n => n.IsOpenOn(day)).Select(n => n.Id))}",
            $"overdue {string.Join(",", unit.Nonconformities.Where(n => n.IsOverdueOn(day)).Select(n => n.Id))}",
            "flags " + string.Join("; ", Compliance.Flags(unit, day, Book)
                .Select(f => $"{f.Rule.Id} {D(f.Since)} {f.Subject}").Order(StringComparer.Ordinal)),
        };
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var steps = unit.Year(year);
            lines.Add($"{year}: policy {By(steps.QualityPolicyOn)} objectives {By(steps.QualityObjectivesOn)}"
                + $" plan {By(steps.MaintenancePlanOn)} report {By(steps.ReportSubmittedOn)}"
                + $" actions {By(steps.CorrectiveActionsReportedOn)} listed {By(steps.ListedOn)}"
                + $" inspection {steps.InspectionOn(day)?.Result}"
                + $" audits {unit.InternalAudits.Count(d => d.Year == year && d <= day)}"
                + $" reviews {unit.ManagementReviews.Count(d => d.Year == year && d <= day)}");
        }
        return string.Join("\n", lines);
    }

    [Property(MaxTest = 300)]
    public Property The_state_of_every_fact_judged_as_of_a_day_is_the_replay_of_the_facts_dated_by_then() =>
        Prop.ForAll(Histories, h =>
        {
            var history = Record(h.Dated, h.Steps);
            var unit = UnitDecider.Replay(history)!;
            // Every fact's day, the days around it, year ends, and random days.
            var days = history.Select(e => e.BusinessDate)
                .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
                .Concat(Enumerable.Range(FirstYear, LastYear - FirstYear).Select(y => new DateOnly(y, 12, 31)))
                .Concat(h.Days)
                .Where(d => d <= Today)
                .Distinct();
            var wrong = days.Select(day => (Day: day,
                    Full: View(unit, day),
                    Replayed: View(UnitDecider.Replay(
                        history.Where(e => e is UnitRegistered || e.BusinessDate <= day).Cast<object>())!, day)))
                .FirstOrDefault(c => c.Full != c.Replayed);
            return (wrong.Full is null).Label(wrong.Full is null ? "" : $"as of {wrong.Day}:\n"
                + string.Join("\n", wrong.Full.Split('\n').Zip(wrong.Replayed.Split('\n'))
                    .Where(p => p.First != p.Second).Select(p => $"state:  {p.First}\nreplay: {p.Second}"))
                + "\nhistory: " + string.Join(", ", history.Select(e => $"{e.GetType().Name} {e.BusinessDate}")));
        });
}
