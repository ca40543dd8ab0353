using System.Globalization;
using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Imports;
using IsoLedger.Domain;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Reports;

/// <summary>The annual table in the layout of the provincial report's appendices (for CSV and workbooks), or as CSV in
/// the import format.</summary>
public static class AnnualReport
{
    /// <summary>How a report in one language names things: every label comes from the vocabulary.</summary>
    private sealed record Language(Func<Term, string> Label, bool English)
    {
        public string Inspection(InspectionResult result) => Label(Vocabulary.Inspections[result]);

        public string Percent(decimal value) => ProvinceReportLayout.Percent(value, English);

        public string Count(int value) => ProvinceReportLayout.Count(value, English);

        public string Level(UnitLevel level) => Label(Vocabulary.Levels[level]);

        /// <summary>The unit's name, with the district it was in before the district level ended when the table's
        /// day is after that (grouped under none, communes of one name in two former districts are told apart), and
        /// the province it was recorded in when that had become part of another by then (Quảng Bình's Sở Nội vụ
        /// beside Quảng Trị's).</summary>
        public string Name(AnnualRow row) =>
            string.Join(", ", new[] { row.FormerDistrict, row.FormerProvince }.OfType<string>()) is { Length: > 0 } was
                ? $"{row.Name} ({Label(Vocabulary.FormerDistrict)} {was})"
                : row.Name;

        /// <summary>The report's standard column: the edition, or the conversion under way or done.</summary>
        public string Standard(AnnualRow row) =>
            row.Standard == Editions.None ? ""
            : row.ConversionShown is { } conversion ? Label(Vocabulary.Conversions[conversion])
            : row.Standard;
    }

    private static readonly Language Vietnamese = new(term => term.In(english: false), English: false);

    private static readonly Language English = new(term => term.In(english: true), English: true);

    /// <summary>Units grouped by level and, within a level, by district, each group followed by its totals; a
    /// section per level, and the province's totals last in a section of their own.</summary>
    public static ReportTable Table(AnnualTable table, bool english)
    {
        var language = english ? English : Vietnamese;
        var number = 0;
        var sections = table.Rows.GroupBy(r => r.Level)
            .Select(level => new ReportSection(language.Level(level.Key), LevelRows(language, level, ref number)))
            .Append(new(language.Label(Vocabulary.Total), [Totals(language, table.Province, table.Rows)]));
        return new(Columns(language), [.. sections]);
    }

    /// <summary>The report's columns in the language asked.</summary>
    public static IReadOnlyList<ReportColumn> Columns(bool english) => Columns(english ? English : Vietnamese);

    private static ReportColumn[] Columns(Language language) =>
        [.. Vocabulary.ReportColumns.Select(c => new ReportColumn(language.Label(c)))];

    /// <summary>An appendix of the report as one section: its rows grouped by level and district as in
    /// <see cref="Table"/>, numbered from 1, then its totals under its name.</summary>
    public static ReportSection Appendix(string name, IReadOnlyList<AnnualRow> rows, bool english)
    {
        var language = english ? English : Vietnamese;
        var number = 0;
        List<IReadOnlyList<object?>> lines = [];
        foreach (var level in rows.GroupBy(r => r.Level)) lines.AddRange(LevelRows(language, level, ref number));
        lines.Add(Totals(language, name, rows));
        return new(name, lines);
    }

    private static List<IReadOnlyList<object?>> LevelRows(
        Language language, IGrouping<UnitLevel, AnnualRow> level, ref int number)
    {
        List<IReadOnlyList<object?>> rows = [["", language.Level(level.Key)]];
        foreach (var district in level.GroupBy(r => r.District))
        {
            if (district.Key is not null && level.Key == UnitLevel.Commune) rows.Add(["", district.Key]);
            foreach (var row in district)
            {
                rows.Add([++number, language.Name(row), Mark(row.Declared), Mark(row.QualityPolicy),
                    Mark(row.QualityObjectives), Mark(row.MaintenancePlan), Mark(row.InternalAudit),
                    Mark(row.CorrectiveActions), Mark(row.ManagementReview), Mark(row.ReportSubmitted),
                    row.Inspection is { } result ? language.Inspection(result) : "", language.Standard(row)]);
            }
            if (district.Key is not null && level.Key == UnitLevel.Commune)
                rows.Add(Totals(language, district.Key, district.ToList()));
        }
        rows.Add(Totals(language, language.Level(level.Key), level.ToList()));
        return rows;
    }

    private static object?[] Totals(Language language, string group, IReadOnlyCollection<AnnualRow> rows)
    {
        var totals = AnnualTotals.Of(group, rows);
        var inspections = rows.Where(r => r.Inspection is not null).GroupBy(r => r.Inspection!.Value)
            .OrderBy(g => g.Key).Select(g => $"{language.Inspection(g.Key)}: {language.Count(g.Count())}");
        var standards = rows.Where(r => r.Standard != Editions.None).GroupBy(language.Standard)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {language.Count(g.Count())}");
        var units = $"{language.Count(totals.Units)} {language.Label(Vocabulary.UnitsCounted)}";
        return ["", $"{language.Label(Vocabulary.Total)}: {group} ({units})", totals.Declared, totals.QualityPolicy,
            totals.QualityObjectives, totals.MaintenancePlan, totals.InternalAudit, totals.CorrectiveActions,
            totals.ManagementReview,
            $"{language.Count(totals.ReportSubmitted)} ({language.Percent(totals.ReportedPercent)})",
            string.Join("; ", inspections), string.Join("; ", standards)];
    }

    /// <summary>The year in the import format, each row dated as <see cref="RowDate"/> says: importing it (as CSV
    /// or as a workbook of one sheet) into an empty store gives the same table, and the same answers as of each day of
    /// the year.</summary>
    public static ReportTable Import(AnnualTable table, IReadOnlyDictionary<string, Unit> units, RuleBook rules)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var row in table.Rows)
        {
            var unit = units[row.Code];
            var on = RowDate(unit, row, table.Year, table.JudgedOn);
            // The day an import gives the row's marks: the row's, or the year's last for a row dated after it.
            var stepsOn = ReportRow.StepDateOf(table.Year, on);
            // The unit's province as counted on that day: after 1 July 2025 a former province's unit (Quảng Bình's)
            // is named under the one it had become part of, which an import takes on that date; before, its own.
            // The district tells communes of one name apart and places a unit's earlier years: after the district
            // level ended the row writes the one the unit was in before, which an import takes as such.
            var steps = unit.Year(table.Year);
            // The one audit and review of the year a row carries: the first, as an import records the first.
            DateOnly? FirstOfYear(IEnumerable<DateOnly> held) =>
                held.Where(d => d.Year == table.Year && d <= on).Min(d => (DateOnly?)d);
            var board = unit.SteeringBoards.FirstOrDefault(b => b.FormedOn.Year == table.Year && b.FormedOn <= on);
            var documentation = unit.Documentation.FirstOrDefault(d => d.IssuedOn.Year == table.Year
                && d.IssuedOn <= on);
            var inspection = row.Inspection is null ? null : steps.InspectionOn(on);
            var firstDeclaration = unit.Declarations.MinBy(d => d.DeclaredOn) is { } first && first.DeclaredOn <= on
                ? first : null;
            var conversion = ConversionColumn(row, unit, rules);
            var (started, completed) = ConversionDays(ShownConversion(row, conversion, unit, rules), on);
            var underWay = UnderWay(row, unit, on);
            rows.Add([unit.ProvinceOn(on), row.Code, row.Name, Vocabulary.Levels[row.Level].Value,
                row.District ?? row.FormerDistrict, unit.ParentCodeOn(on), table.Year, on.ToString("yyyy-MM-dd"),
                DeclaredCell(unit, row.Declared, on),
                row.Standard == Editions.None ? "" : row.Standard, conversion,
                StepCell(row.QualityPolicy, steps.QualityPolicyOn, stepsOn),
                StepCell(row.QualityObjectives, steps.QualityObjectivesOn, stepsOn),
                StepCell(row.MaintenancePlan, steps.MaintenancePlanOn, stepsOn),
                StepCell(row.InternalAudit, FirstOfYear(unit.InternalAudits), stepsOn),
                StepCell(row.CorrectiveActions, CorrectiveActionsOn(unit, table.Year, on), stepsOn),
                StepCell(row.ManagementReview, FirstOfYear(unit.ManagementReviews), stepsOn),
                StepCell(row.ReportSubmitted, steps.ReportSubmittedOn, stepsOn),
                row.Inspection is { } result ? Vocabulary.Inspections[result].Value : "",
                DeclaredBefore(unit, on)?.ToString("yyyy-MM-dd") ?? "",
                DecidedCell(board?.FormedOn, board?.DecisionNo, stepsOn),
                DecidedCell(documentation?.IssuedOn, documentation?.DecisionNo, stepsOn),
                unit.EstablishmentDated ? unit.RegisteredOn.ToString("yyyy-MM-dd") : "",
                row.Declared ? firstDeclaration?.Scope ?? "" : "",
                CountCell(board?.Members), board?.Chair ?? "",
                YesOrNo(documentation?.QualityManual), YesOrNo(documentation?.QualityPolicy),
                YesOrNo(documentation?.QualityObjectives), CountCell(documentation?.MandatoryProcedures),
                CountCell(documentation?.InternalProcedures), CountCell(documentation?.BusinessProcedures),
                CountCell(documentation?.AdministrativeProcedures),
                inspection?.InspectedOn.ToString("yyyy-MM-dd") ?? "", YesOrNo(inspection?.OnSite),
                inspection?.Inspector ?? "", inspection?.Notes ?? "", started, completed,
                unit.FormerProvinceOn(on) ?? "", underWay?.To.Name ?? "",
                underWay is null ? "" : DecidedDay(underWay.StartedOn, underWay.StartDecisionNo)]);
        }
        return new ReportTable([.. ReportRowParser.Columns.Select(c => new ReportColumn(c))],
            [new ReportSection(table.Year.ToString(CultureInfo.InvariantCulture), rows)]);
    }

    /// <summary>The day a unit's row is dated, given to each of its facts on import: that of the unit's latest fact of
    /// the year, so that a year recorded from a report (every step on the report's date) imports back with its steps,
    /// its conversion and its declaration on their days, and every answer as of a day of the year comes out the same
    /// (dated the table's day, the year's conversions had come out weeks late, and the flags with them). A unit with
    /// no fact in the year, or one renamed or moved after its latest fact (its row names and places it as the table
    /// does), is dated the table's day, or its last day if it ended before: nothing can be recorded on a unit after
    /// it, and its row, and the whole file with it, had been refused (level-ended). A row showing a step of the year
    /// taken after the table's day (its report sent in January, in a table asked without a day) is dated by the
    /// latest such step: an import takes no step dated after its row, and had refused the file.</summary>
    private static DateOnly RowDate(Unit unit, AnnualRow row, int year, DateOnly judgedOn)
    {
        var last = unit.EndedOn is { } ended && ended <= judgedOn ? ended.AddDays(-1) : judgedOn;
        var steps = unit.Year(year);
        DateOnly?[] shown =
        [
            row.QualityPolicy ? steps.QualityPolicyOn : null, row.QualityObjectives ? steps.QualityObjectivesOn : null,
            row.MaintenancePlan ? steps.MaintenancePlanOn : null, row.ReportSubmitted ? steps.ReportSubmittedOn : null,
            row.CorrectiveActions ? steps.CorrectiveActionsReportedOn : null,
            row.Inspection is null ? null : steps.InspectionOn(DateOnly.MaxValue)?.InspectedOn,
        ];
        if (shown.Where(d => d > last).Max() is { } late) return late;
        DateOnly?[] facts =
        [
            steps.QualityPolicyOn, steps.QualityObjectivesOn, steps.MaintenancePlanOn, steps.ReportSubmittedOn,
            steps.CorrectiveActionsReportedOn, steps.ListedOn,
            .. steps.Inspections.Select(i => (DateOnly?)i.InspectedOn),
            .. unit.InternalAudits.Concat(unit.ManagementReviews).Select(d => (DateOnly?)d),
            .. unit.Nonconformities.SelectMany(n => n.CorrectiveActions).Select(a => (DateOnly?)a.TakenOn),
            .. unit.SteeringBoards.Select(b => (DateOnly?)b.FormedOn),
            .. unit.Documentation.Select(d => (DateOnly?)d.IssuedOn),
            .. unit.Declarations.Select(d => (DateOnly?)d.DeclaredOn),
            .. unit.Conversions.SelectMany(c => new[] { c.StartedOn, c.CompletedOn }),
        ];
        var latest = facts.Where(d => d?.Year == year && d <= last).Max();
        if (latest is not { } on) return last;
        var movedSince = unit.Renames.Any(r => r.RenamedOn > on && r.RenamedOn <= last)
            || unit.Transfers.Any(t => t.TransferredOn > on && t.TransferredOn <= last);
        return movedSince ? last : on;
    }

    /// <summary>The first declaration's date when it lies before the day the table is dated: the table's
    /// <c>declared_by</c>, so that the year's export imported dates the declaration as the next year's does (dated
    /// the table's day, it had become a second declaration once the next year was imported too).</summary>
    private static DateOnly? DeclaredBefore(Unit unit, DateOnly judgedOn) =>
        unit.Declarations.Min(d => (DateOnly?)d.DeclaredOn) is { } first && first < judgedOn ? first : null;

    private static string Mark(bool done) => done ? "x" : "";

    /// <summary>A yes or no the import reads back as given (x, "không"), empty where none is recorded.</summary>
    private static string YesOrNo(bool? recorded) => recorded is { } yes ? yes ? "x" : "không" : "";

    private static string CountCell(int? recorded) => recorded?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A step's mark column: x for a step taken on the row's date (as a report's are), the day it was taken
    /// (15/8/2020) for one taken on another, which an import dates so; empty for none.</summary>
    /// <summary>The day the unit's corrective actions of <paramref name="year"/> are first on record by
    /// <paramref name="rowDate"/>: stated by the year's report, or taken for a nonconformity. Written as the row's
    /// day, an action taken in April had come back from an import as stated in December.</summary>
    private static DateOnly? CorrectiveActionsOn(Unit unit, int year, DateOnly rowDate) =>
        unit.Nonconformities.SelectMany(n => n.CorrectiveActions).Where(a => a.TakenOn.Year == year)
            .Select(a => (DateOnly?)a.TakenOn).Append(unit.Year(year).CorrectiveActionsReportedOn)
            .Where(d => d <= rowDate).Min();

    private static string StepCell(bool taken, DateOnly? on, DateOnly rowDate) =>
        !taken ? ""
        : on is { } day && day != rowDate ? $"{day.Day}/{day.Month}/{day.Year}"
        : "x";

    /// <summary>The steering board's or documentation's cell: by its day and decision as the declared column writes a
    /// declaration's (<see cref="DeclarationCell.Written"/>), otherwise as a step's (<see cref="StepCell"/>): a
    /// number the cell does not read back is lost.</summary>
    private static string DecidedCell(DateOnly? on, string? decisionNo, DateOnly rowDate) =>
        on is { } day && decisionNo is not null && DeclarationCell.Written(day, decisionNo) is { } cell ? cell
        : StepCell(on is not null, on, rowDate);

    /// <summary>The declared column: the unit's first declaration by its day and decision ("Số 85/QĐ-UBND ngày
    /// 15/8/2018"), which an import reads back as the declaration's date and <c>decisionNo</c>; x for one without a
    /// number, or with one the cell cannot give back (<see cref="DeclarationCell.Written"/>), whose day
    /// <c>declared_by</c> gives.</summary>
    private static string DeclaredCell(Unit unit, bool declared, DateOnly on) =>
        declared && unit.Declarations.MinBy(d => d.DeclaredOn) is { DecisionNo: { } number } first
        && first.DeclaredOn <= on && DeclarationCell.Written(first.DeclaredOn, number) is { } cell
            ? cell
            : Mark(declared);

    /// <summary>The conversion a row's <paramref name="column"/> (<see cref="ConversionColumn"/>) shows, whose days
    /// the import layout gives: the one to 2015 the column says is under way or done; with the column empty, the one
    /// that reached the edition listed; none otherwise.</summary>
    private static EditionConversion? ShownConversion(AnnualRow row, string column, Unit unit, RuleBook rules) =>
        row.ConversionShown is not null ? unit.ConversionTo(Edition.Iso9001V2015)
        : column.Length == 0 && rules.Named(row.Standard) is { } listed ? unit.ConversionTo(listed)
        : null;

    /// <summary>The conversion's start and completion cells, by their days and decisions as the declared column
    /// writes a declaration's (<see cref="DeclarationCell.Written"/>): empty where the row's date dates them and no
    /// decision is known (as a report's row), both written where either lies on another day (its start, or one done
    /// in an earlier year) or has its decision, so that an import records them so. Only what had happened by the
    /// row's date.</summary>
    private static (string Started, string Completed) ConversionDays(EditionConversion? conversion, DateOnly on)
    {
        var started = conversion?.StartedOn <= on ? conversion.StartedOn : null;
        var completed = conversion?.CompletedOn <= on ? conversion.CompletedOn : null;
        var (startNo, completionNo) = (started is null ? null : conversion!.StartDecisionNo,
            completed is null ? null : conversion!.CompletionDecisionNo);
        if ((started ?? on) == on && (completed ?? on) == on && startNo is null && completionNo is null)
            return ("", "");
        return (DecidedDay(started, startNo), DecidedDay(completed, completionNo));
    }

    /// <summary>A day by its decision as the declared column writes a declaration's, else by itself; empty for none.
    /// </summary>
    private static string DecidedDay(DateOnly? day, string? decisionNo) =>
        day is not { } known ? ""
        : decisionNo is not null && DeclarationCell.Written(known, decisionNo) is { } decided ? decided
        : known.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The conversion under way on the row's date <paramref name="on"/> that the conversion column does not
    /// show (it shows the one to 2015 under way): to 2015/Amd1:2024, the import layout's <c>converting_to</c> and
    /// <c>converting_since</c>, so that an import starts it on its day.</summary>
    private static EditionConversion? UnderWay(AnnualRow row, Unit unit, DateOnly on) =>
        unit.Conversions
            .Where(c => c.StartedOn <= on && !(c.CompletedOn <= on)
                && !(row.ConversionShown == ConversionState.InProgress && c.To == Edition.Iso9001V2015))
            .MaxBy(c => c.StartedOn);

    /// <summary>The conversion column as an import reads it: about the conversion from 2008 to 2015, under way on
    /// 2008 or done on 2015 as the table shows it; empty for a unit on an edition after 2015, which an import reads as
    /// reached by a conversion (converted again, to 2015/Amd1:2024), and for one that first declared on the edition
    /// it is on (on 2015 from the start: no conversion concerns it, and an import declares it on the listed edition
    /// as it was); otherwise none, which with a later listed edition an import reads as a declaration on it (declared
    /// on 2015 while its conversion was under way, or imported from a table saying none). Written as recorded, those
    /// would be refused on import, and the whole file with them.</summary>
    private static string ConversionColumn(AnnualRow row, Unit unit, RuleBook rules) =>
        row.ConversionShown is { } shown ? Vocabulary.Conversions[shown].Value
        : rules.Named(row.Standard) is not { } edition ? Vocabulary.Conversions[ConversionState.None].Value
        : rules.Precedes(Edition.Iso9001V2015, edition) ? ""
        : unit.Declarations.MinBy(d => d.DeclaredOn) is { WithoutConversion: false } first && first.Standard == edition
            ? ""
            : Vocabulary.Conversions[ConversionState.None].Value;
}
