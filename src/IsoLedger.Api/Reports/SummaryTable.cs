using System.Globalization;
using IsoLedger.Api.Dashboards;
using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Reports;

/// <summary>One cell of the summary: the units that meet the row's criterion, out of the declared units of the tier,
/// as the report writes "26/30".</summary>
/// <param name="Count">The declared units of the tier that meet the row's criterion.</param>
/// <param name="Of">The declared units of the tier (existing on the day judged).</param>
public sealed record SummaryCell(int Count, int Of);

/// <summary>One row of the summary, in all and per administrative tier: provincial bodies (departments and their
/// sub-departments), districts, communes. <c>criterion</c> is the row's value in the summary's rows (GET
/// /api/vocabulary, <c>summaryRows</c>).</summary>
/// <param name="Criterion">The row: <c>declared</c>, <c>complied</c> (no compliance flag about the year),
/// <c>implementingCurrentEdition</c> (on the year's current edition or converting to it) or <c>onOlderEdition</c>.
/// </param>
/// <param name="Total">The cell of every tier together.</param>
/// <param name="Provincial">The cell of the provincial bodies: departments and their sub-departments.</param>
/// <param name="District">The cell of the districts.</param>
/// <param name="Commune">The cell of the communes.</param>
public sealed record SummaryRow(
    string Criterion, SummaryCell Total, SummaryCell Provincial, SummaryCell District, SummaryCell Commune);

/// <summary>The report's summary table (Phụ lục 9, "Thống kê số liệu thực hiện ISO"): of the units of a province's
/// table for the year (the units that existed at some time of it) that exist on the day it is judged on (the year's
/// end, today for the running year, or the day asked), those that declared a system by then; of these, those that
/// complied with the rules in the year, those that have put the year's current edition in place (the latest published
/// before the year began, an amendment counting its edition: on it, or converting to it) and the others, on an older
/// one. The report's headline figures count the same units (the province's report): a unit that ended within the year
/// (merged away, or a district body when the level ended on 1 July 2025) is counted in its successor; counted itself,
/// it had put a province's communes merged in 2025 in the summary twice, before and after their merger, and its
/// district bodies beside the headlines' bodies that existed.</summary>
/// <param name="Province">The province, by its canonical name.</param>
/// <param name="Year">The report's year.</param>
/// <param name="JudgedOn">The day the year is judged on.</param>
/// <param name="CurrentEdition">The year's current edition.</param>
/// <param name="ImplementedEditionName">How the rule book names the edition the third row counts units on: the current
/// one, or the one it amends (TCVN ISO 9001:2015 while its Amd 1:2024 is current: a system on it counts, as the rule
/// book judges the current edition); named as the amendment, the row had counted 145 units on it where none was.
/// </param>
/// <param name="Rows">The criteria in the report's order (GET /api/vocabulary, <c>summaryRows</c>).</param>
public sealed record SummaryTable(
    string Province, int Year, DateOnly JudgedOn, Edition CurrentEdition, Term ImplementedEditionName,
    IReadOnlyList<SummaryRow> Rows)
{
    /// <summary>One declared unit as the summary counts it.</summary>
    private sealed record Judged(UnitLevel Level, bool Complied, bool OnCurrentEdition);

    /// <summary>The criterion of each row of <see cref="Vocabulary.SummaryRows"/>, in its order, over the declared
    /// units.</summary>
    private static readonly Func<Judged, bool>[] Criteria =
        [_ => true, u => u.Complied, u => u.OnCurrentEdition, u => !u.OnCurrentEdition];

    public static SummaryTable Of(
        string province, IEnumerable<Unit> units, int year, DateOnly today, RuleBook rules, DateOnly? asOf = null,
        DateOnly? factsBy = null)
    {
        var judgedOn = AnnualTable.JudgedOnFor(year, today, asOf);
        // Asked as of a day, only what had happened by then counts. The year as a whole is judged the day after it
        // ended, when its yearly flags are raised (the running year as of today), its steps sent late counted as the
        // year's table counts them.
        var flagsOn = asOf ?? (judgedOn < today ? judgedOn.AddDays(1) : today);
        var stepsBy = asOf ?? factsBy ?? DateOnly.MaxValue;
        var edition = rules.CurrentIn(year);
        var implemented = rules.NameOf(rules.Find(edition)!.Amends ?? edition)!;
        var declared = AnnualTable.UnitsOf(units, year, judgedOn)
            .Where(u => u.ExistsOn(judgedOn) && u.Declarations.Any(d => d.DeclaredOn <= judgedOn))
            .Select(u => new Judged(
                u.Level, Complied(u, year, flagsOn, stepsBy, rules), PutInPlace(u, judgedOn, year, rules)))
            .ToList();
        return new(province, year, judgedOn, edition, implemented,
            [.. Vocabulary.SummaryRows.Zip(Criteria, (row, meets) => Row(row.Value, declared, meets))]);
    }

    /// <summary>Whether a declared unit has put the year's current edition in place by <paramref name="judgedOn"/>
    /// ("đã triển khai thực hiện hệ thống QLCL ISO 9001:2015"): its system is on it, or its conversion to it is under
    /// way. The 2020 report counts so: its districts' cell, 6/10, is the 3 converted and the 3 converting (lines
    /// 133, 304–314 of seed <c>003_…</c>); a unit converting is still on the older edition by
    /// <see cref="Unit.StandardOn"/>, and it is that edition's system it maintains meanwhile.</summary>
    private static bool PutInPlace(Unit unit, DateOnly judgedOn, int year, RuleBook rules) =>
        unit.StandardOn(judgedOn) is { } on && rules.IsCurrentIn(on, year)
        || unit.ConversionUnderWayOn(judgedOn) is { } conversion && rules.IsCurrentIn(conversion.To, year);

    /// <summary>Whether a declared unit kept the rules in <paramref name="year"/>: no compliance flag as of
    /// <paramref name="flagsOn"/>, counting the point-in-time flags active then and the yearly flags about this year
    /// (those about earlier years belong to those years' summaries).</summary>
    private static bool Complied(Unit unit, int year, DateOnly flagsOn, DateOnly stepsBy, RuleBook rules) =>
        Compliance.PointInTimeFlags(unit, flagsOn, rules).Count == 0
        && !Compliance.YearlyFlags(unit, flagsOn, rules, stepsBy)
            .Any(flag => flag.Subject == year.ToString(CultureInfo.InvariantCulture));

    private static SummaryRow Row(string criterion, IReadOnlyList<Judged> declared, Func<Judged, bool> meets)
    {
        SummaryCell Cell(Func<UnitLevel, bool> tier)
        {
            var units = declared.Where(u => tier(u.Level)).ToList();
            return new(units.Count(meets), units.Count);
        }

        return new(criterion, Cell(_ => true),
            Cell(level => level is UnitLevel.Department or UnitLevel.SubDepartment),
            Cell(level => level == UnitLevel.District), Cell(level => level == UnitLevel.Commune));
    }
}
