using System.Globalization;
using System.Text.Json.Serialization;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Reports;
using IsoLedger.Api.Units;
using IsoLedger.Domain;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Imports;

/// <summary>A problem with one field of one line of an import file (a row of a workbook's sheet, named when the
/// workbook has several).</summary>
/// <param name="Line">The line of the file (the header is line 1), or the row of the sheet.</param>
/// <param name="Column">The column, by its name in the header; null for the row as a whole.</param>
/// <param name="Reason">What is wrong, and what is taken there.</param>
/// <param name="Sheet">The sheet of a workbook with several (absent otherwise).</param>
public sealed record ImportError(
    int Line, string? Column, string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sheet = null);

/// <summary>Reads report-table rows by their header, in any column order, and says exactly what is wrong with a
/// row.</summary>
public sealed class ReportRowParser
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "province", "unit_code", "unit_name", "level", "district", "parent_code", "year", "report_date", "declared",
        "standard", "conversion", "quality_policy", "quality_objectives", "maintenance_plan", "internal_audit",
        "corrective_actions", "management_review", "report_submitted", "inspection", "declared_by", "steering_board",
        "documentation",
        // What the import layout carries beside a report's facts (RowDetails), optional as every column but the
        // required ones.
        "established_on", "scope", "steering_board_members", "steering_board_chair",
        "documentation_quality_manual", "documentation_quality_policy", "documentation_quality_objectives",
        "documentation_mandatory_procedures", "documentation_internal_procedures",
        "documentation_business_procedures", "documentation_administrative_procedures",
        "inspected_on", "on_site", "inspector", "inspection_notes", "conversion_started", "conversion_completed",
        "former_province", "converting_to", "converting_since",
    ];

    /// <summary>The columns a header names for its rows to mean something. A table without <c>unit_code</c> (an
    /// appendix's, which numbers its rows instead) lists its units under their names (<see cref="ListedUnitCodes"/>);
    /// one without <c>level</c> gives it by its tier headings; the province, year and report date may come with the
    /// request (<see cref="TableDefaults"/>) instead.</summary>
    public static readonly IReadOnlyList<string> Required = ["province", "unit_name", "year", "report_date"];

    /// <summary>The <see cref="Required"/> columns a table must name when the request gives
    /// <paramref name="given"/>.</summary>
    public static IReadOnlyList<string> RequiredWith(TableDefaults given) =>
        [.. Required.Where(column => given.Of(column) is null)];

    private readonly Dictionary<string, int> positions;
    private readonly int width;

    /// <summary>The lines the header is on: one, or a two-row header's first and last.</summary>
    private readonly (int First, int Last) headerLines;
    private readonly TableDefaults defaults;

    /// <summary>The header's own words for the columns it names in an appendix's (<see cref="AppendixColumns"/>),
    /// which its errors name.</summary>
    private readonly Dictionary<string, string> headed;

    /// <summary>The columns of marks for one edition each (<see cref="AppendixColumns.EditionColumn"/>) and their
    /// editions' names: found once from the header, not again for every row.</summary>
    private readonly (string Column, string Edition)[] editionColumns;

    private readonly RepeatedHeader repeatedHeader;

    private ReportRowParser(
        Dictionary<string, int> positions, int width, TableDefaults given, CsvRecord header,
        IReadOnlyList<CsvRecord>? headerRows)
    {
        (this.positions, this.width, defaults) = (positions, width, given);
        headerLines = (header.Line, headerRows is [.., var last] ? last.Line : header.Line);
        repeatedHeader = new RepeatedHeader(header, headerRows,
            cell => AppendixColumns.Read(cell) is { Count: > 0 } columns ? string.Join(" ", columns)
                : Columns.Contains(cell.ToLowerInvariant()) ? cell.ToLowerInvariant()
                : null);
        headed = positions.Where(p => header.Fields[p.Value].Trim().ToLowerInvariant() != p.Key)
            .ToDictionary(p => p.Key, p => header.Fields[p.Value].Trim());
        editionColumns = [.. positions.Keys
            .Select(column => (Column: column, Edition: AppendixColumns.EditionOf(column)))
            .Where(c => c.Edition is not null).Select(c => (c.Column, c.Edition!))];
    }

    /// <summary>The name the errors give the column at <paramref name="index"/> (the header's own words for one it
    /// names in an appendix's), or null where the header names none.</summary>
    public string? ColumnAt(int index) =>
        CsvHeader.ColumnAt(positions, index) is { } column ? headed.GetValueOrDefault(column, column) : null;

    /// <summary>Whether the table lists its units without codes (<see cref="ListedUnitCodes"/>).</summary>
    public bool ListsWithoutCodes => !positions.ContainsKey("unit_code");

    /// <summary>The text columns not judged for letters lost to an encoding (<see cref="LostLetters"/>): free text,
    /// where a question mark may end a question ("Đã khắc phục chưa?"), and the unit's code, whose pattern refuses a
    /// question mark.</summary>
    private static readonly HashSet<string> NotJudgedForLostLetters = ["scope", "inspection_notes", "unit_code"];

    /// <summary>Reads the header, in the import format's or an appendix's words; null with the errors when it is not
    /// usable. A column the request gives (<paramref name="given"/>) is not to be in the table as well. The rows it
    /// was read from (<paramref name="headerRows"/>, two for an appendix's two-row header) tell it repeated below.
    /// </summary>
    public static ReportRowParser? FromHeader(
        CsvRecord header, List<ImportError> errors, TableDefaults given, IReadOnlyList<CsvRecord>? headerRows = null)
    {
        if (CsvHeader.Positions(header, Columns, RequiredWith(given), errors, appendix: true) is not { } positions)
            return null;
        var twice = positions.Keys.Where(column => given.Of(column) is not null).ToList();
        foreach (var column in twice)
        {
            errors.Add(new(header.Line, column, $"The request gives {TableDefaults.Parameter(column)} and the table "
                + "this column: give one of them."));
        }
        return twice.Count == 0
            ? new ReportRowParser(positions, header.Fields.Count, given, header, headerRows)
            : null;
    }

    /// <summary>The heading <paramref name="record"/> is (<see cref="TableHeading"/>): a line no wider than the header
    /// whose only value, in <c>unit_name</c>, <c>district</c> or the row number column, reads as a district's or a
    /// tier's heading; or null.</summary>
    public TableHeading? Heading(CsvRecord record)
    {
        // A heading's line may end after its words, as a hand-made file or this API's report export writes it.
        if (record.Fields.Count > width) return null;
        // An appendix numbers a heading in its row number column ("I", "II"), beside its words.
        var valued = positions.Where(p => p.Value < record.Fields.Count && record.Fields[p.Value].Trim().Length > 0)
            .Where(p => p.Key != AppendixColumns.RowNumber || !TableHeading.IsNumber(record.Fields[p.Value]))
            .Select(p => p.Key).ToList();
        var unnamed = record.Fields.Where((field, i) => field.Trim().Length > 0 && !positions.ContainsValue(i));
        // The heading's words may stand in the row number column, merged across the row ("I. CÁC SỞ, BAN, NGÀNH" over
        // every column), as a totals label may.
        if (valued is not [var column] || column is not ("unit_name" or "district" or AppendixColumns.RowNumber)
            || unnamed.Any())
            return null;
        return TableHeading.Read(record.Fields[positions[column]]);
    }

    /// <summary>Whether <paramref name="record"/> begins the block under the table (<see cref="TableFooter"/>): a line
    /// without a unit's code whose name, or its first cell where it has none, reads so.</summary>
    public bool BeginsFooter(CsvRecord record)
    {
        if (GivesCode(record)) return false;
        var name = positions["unit_name"];
        var first = name < record.Fields.Count && record.Fields[name].Trim().Length > 0
            ? record.Fields[name]
            : record.Fields.FirstOrDefault(field => field.Trim().Length > 0);
        return first is not null && TableFooter.Begins(first);
    }

    /// <summary>Whether <paramref name="record"/> writes a unit's code.</summary>
    public bool GivesCode(CsvRecord record) =>
        positions.TryGetValue("unit_code", out var code) && code < record.Fields.Count
        && record.Fields[code].Trim().Length > 0;

    /// <summary>Whether <paramref name="record"/> is a totals row (<see cref="TableTotals"/>): a line as wide as the
    /// header without a unit's code, its <c>unit_name</c> (or, that empty, its row number column) a totals label, and
    /// counts or nothing in its other cells (the province aside): a label alone ("Tổng cộng: 37 đơn vị") had been
    /// read as a unit, refused for the province, year and date it lacked.</summary>
    public bool IsTotals(CsvRecord record)
    {
        if (record.Fields.Count != width) return false;
        // The label may stand in the row number column, merged across the name's ("Tổng cộng" over "TT" and "Đơn
        // vị"), the name's cell empty.
        var label = positions["unit_name"];
        if (record.Fields[label].Trim().Length == 0
            && positions.TryGetValue(AppendixColumns.RowNumber, out var number) && number < record.Fields.Count)
            label = number;
        var code = positions.GetValueOrDefault("unit_code", -1);
        var province = positions.GetValueOrDefault("province", -1);
        if (!TableTotals.IsLabel(record.Fields[label])
            || code >= 0 && record.Fields[code].Trim().Length > 0)
            return false;
        var counts = record.Fields.Where((field, i) => i != label && i != province && field.Trim().Length > 0)
            .ToList();
        return counts.All(TableTotals.IsCount);
    }

    /// <summary>The row, or null with every problem it has added to <paramref name="errors"/>. The heading row above
    /// it (<paramref name="above"/>) gives the rows under it that give none their district and level; without a
    /// heading, the level is the one the unit's name says (<see cref="UnitNameLevels"/>), and a commune's district
    /// the one its sheet is named after (<paramref name="sheetDistrict"/>, <see cref="SheetDistricts"/>).</summary>
    public ReportRow? Parse(
        CsvRecord record, DateOnly today, RuleBook rules, List<ImportError> errors, TableHeading? above = null,
        string? sheetDistrict = null)
    {
        if (repeatedHeader.Of(record) is { } repeated)
        {
            errors.Add(repeated);
            return null;
        }
        var before = errors.Count;
        void Error(string column, string reason) =>
            errors.Add(new(record.Line, headed.GetValueOrDefault(column, column), reason));
        // In a table that numbers its rows, a line holding a name alone, without its number or any mark, is no
        // unit's row: a note, the body that signs, a signer's name under the table whose first line no rule knows.
        if (positions.TryGetValue(AppendixColumns.RowNumber, out var numberAt) && !GivesCode(record)
            && record.Fields.Select((field, i) => (Field: field.Trim(), At: i))
                .Where(cell => cell.Field.Length > 0).Select(cell => cell.At).ToList() is [var only]
            && only == positions["unit_name"] && only != numberAt)
        {
            errors.Add(new(record.Line, headed.GetValueOrDefault("unit_name", "unit_name"), "A name alone, without "
                + "its row's number or any mark, is no unit's row: number it (a unit that reported nothing) or remove "
                + "it (a note or a signature under the table)."));
            return null;
        }
        if (CsvHeader.OtherWidth(record, headerLines.First, width, headerLines.Last) is { } otherWidth)
        {
            errors.Add(otherWidth);
            return null;
        }
        if (CsvHeader.UnnamedValue(record, positions) is { } unnamed) errors.Add(unnamed);
        string Field(string column) =>
            positions.TryGetValue(column, out var i) ? i < record.Fields.Count ? record.Fields[i].Trim() : ""
            : defaults.Of(column) ?? "";

        // Text comes back from our own exports behind the apostrophe that keeps spreadsheets from running it, and
        // may hold the line breaks and tabs the API accepts, so that such an export imports as the text it was.
        string? Text(string column, bool required, int max = Validation.MaxName)
        {
            var value = SpreadsheetText.Restore(Field(column));
            if (value.Length == 0) { if (required) Error(column, "Required."); return null; }
            // A value with a problem is not read further (a province holding a noncharacter cannot be looked up).
            if (UnicodeText.Characters(value) > max) Error(column, $"At most {max} characters.");
            else if (TableText.Problem(value, NotJudgedForLostLetters.Contains(column)) is { } problem)
                Error(column, problem);
            else return value;
            return null;
        }

        string? Code(string column, bool required)
        {
            var value = Text(column, required);
            if (value is not null && !UnitCode.IsValid(value)) Error(column, $"Must match {UnitCode.Pattern}.");
            return value;
        }

        bool Invalid(string column, string reason) { Error(column, reason); return false; }

        // A value as the import format writes it, the vocabulary's Vietnamese label, the report's word ("Đạt"), or
        // what a column's own reader takes of the words tables write beyond the labels.
        T? Choice<T>(string column, Func<string, T?>? reportWords = null) where T : struct, Enum
        {
            var value = Field(column);
            var terms = Vocabulary.Of<T>();
            if (value.Length == 0) return null;
            if (terms.TryParse(value, out var chosen) || terms.TryParseLabel(value, out chosen)) return chosen;
            if (reportWords?.Invoke(value) is { } worded) return worded;
            Error(column, $"'{UnicodeText.Excerpt(value)}' is not one of: {string.Join(", ", terms.Values)} "
                + $"(or, as reports write them: {string.Join(", ", terms.All.Select(t => t.Vi))}).");
            return null;
        }

        var province = Text("province", required: true);
        var code = Code("unit_code", required: !ListsWithoutCodes);
        // Neither the row's number before the name nor a note after a dash on the unit's restructuring is part of its
        // name (UnitNameSpelling).
        var name = Text("unit_name", required: true) is { } named
            ? UnitNameSpelling.WithoutRowNumber(UnitNameSpelling.WithoutRestructuringNote(UnicodeText.OneLine(named)))
            : null;
        // The report's export names a unit after the district level ended with the district (and the province) it was
        // in before: "UBND xã Ngọk Tụ (nguyên thuộc Đắk Tô)". That is no part of its name but its district's and its
        // province's cells (a district's only for a unit a district holds: FormerPlaces.DistrictOf).
        var former = name is null ? null : FormerPlaces.Read(name);
        name = former?.Name ?? name;
        var wasInProvince = former?.Province;
        var level = Field("level") is not "" ? Choice("level", LevelWords.Read)
            : above?.Level is { } tier ? TierLevel(tier, name, province ?? "", StepDate(Field) ?? DateOnly.MinValue)
            : name is null ? null
            : UnitNameLevels.Of(name, province ?? "", StepDate(Field) ?? DateOnly.MinValue);
        if (level is null && Field("level") is "")
        {
            Error("level", $"Required: one of: {string.Join(", ", Vocabulary.Levels.Values)}; or a tier's heading "
                + "row above (\"I. Các Sở, ban, ngành\", \"III. UBND cấp xã\"): the unit's name does not say its "
                + "level unambiguously, as \"Sở …\", \"Chi cục …\", \"UBND huyện …\" (before 1 July 2025) or "
                + "\"UBND xã …\" do.");
        }
        var district = Text("district", required: false) is { } written
            ? DistrictNames.Written(UnicodeText.OneLine(written))
            : former?.DistrictOf(level) is { } wasInDistrict ? DistrictNames.Written(wasInDistrict)
            : level is UnitLevel.Commune or UnitLevel.District ? above?.District
                ?? (level is UnitLevel.Commune ? sheetDistrict : null)
            : null;
        if (district is not null && level is { } provincial && Levels.InNoDistrict(provincial)
            && Field("district") is not "")
            Error("district", Levels.InNoDistrictSentence(provincial));
        // A district's committee is in the district its name says ("UBND Huyện Cam Lộ", "Huyện Cam Lộ"), with a code
        // or without: it is found by it, registered in it.
        if (district is null && level is UnitLevel.District && name is not null
            && (DistrictNames.Parts(name, committee: true) ?? DistrictNames.WithKind(name)) is var (kind, proper))
            district = $"{kind} {proper}";
        // A department's name in place of its code is found by the import (ParentNamed); a people's committee
        // (UBND tỉnh above a Sở or a district) is no parent.
        var parentGiven = Text("parent_code", required: false) is { } parentCell
            && !ParentUnits.NamesPeoplesCommittee(parentCell)
                ? parentCell
                : null;
        var parent = UnitCode.IsValid(parentGiven) ? parentGiven : null;
        if (parent is not null && parent == code) Error("parent_code", "A unit is not its own parent.");
        else if (parentGiven is not null && level is { } parentless && !ParentUnits.TakesParent(parentless))
            Error("parent_code", ParentUnits.NotTakenBy(parentless));

        int? year = null;
        if (TableYears.Read(Field("year")) is { } parsedYear && parsedYear >= 2000 && parsedYear <= today.Year)
            year = parsedYear;
        else Error("year", $"Must be a year from 2000 to {today.Year} (2021; as tables write it, 2.021, Năm 2021).");

        DateOnly? reportDate = null;
        var dateText = Field("report_date");
        if (!CsvReader.TryDate(dateText, out var parsedDate))
        {
            Error("report_date", CsvReader.NotADate(dateText));
        }
        else if (parsedDate > today) Error("report_date", "Must not lie in the future.");
        else if (year is not null && parsedDate.Year < year)
            Error("report_date", "A year's report cannot be dated before that year.");
        else reportDate = parsedDate;

        // Judged on the date the row's facts get (the year's end for a report written after it), as the API judges a
        // fact on its business date: Quảng Bình's 2024 report, written in July 2025 after it merged into Quảng Trị,
        // is about Quảng Bình. Stored by the province's canonical name.
        if (province is not null)
        {
            var problem = reportDate is { } on && year is { } of
                ? Provinces.Problem(province, ReportRow.StepDateOf(of, on))
                : Provinces.Problem(province);
            if (problem is not null) Error("province", problem);
            province = Provinces.Canonical(province);
        }

        // A list of the units that declared gives the declaration's day or decision where a report marks it.
        var declaration = DeclarationCell.Read(Field("declared"));
        if (declaration is null) Error("declared", DeclarationCell.NotADeclaration(Field("declared")));
        var declared = declaration?.Declared ?? false;
        // An appendix's note states the unit's state in words ("Đã công bố", "Đang xây dựng").
        var note = NoteCell.Read(Field(AppendixColumns.Note), rules);
        if (note is null) Error(AppendixColumns.Note, NoteCell.NotAState(Field(AppendixColumns.Note)));
        if (note?.Declared is { } noted && declaration is { } marked && noted != marked.Declared
            && Field("declared").Length > 0)
        {
            Error(AppendixColumns.Note, $"Says the unit {(noted ? "declared" : "has not declared")}, the declared "
                + "column otherwise: give one, or the same in both.");
        }
        declared |= note?.Declared ?? false;
        // The standard column may state the conversion too ("Đã ch/đổi 9001:2015"), as an appendix writes it; so may
        // an edition's column of marks, and the note.
        var standardCell = Standard(Field, rules, Error);
        var standard = standardCell?.Edition;
        // A table without a declared column (an appendix listing its units by edition) says a unit on an edition
        // declared, unless its note says it has not.
        if (!positions.ContainsKey("declared") && standard is not null && note?.Declared is null) declared = true;
        var conversion = Choice("conversion", ConversionWords.Read);
        if (standardCell?.Conversion is { } stated)
        {
            if (Field("conversion").Length == 0) conversion = stated;
            else if (conversion is { } inColumn && inColumn != stated)
            {
                Error("standard", $"States the conversion {Vocabulary.Conversions[stated].Value}, the conversion "
                    + $"column {Vocabulary.Conversions[inColumn].Value}: give one, or the same in both.");
            }
        }
        // A step's mark as the reports' tables write it (TableMarks: x, a tick, "có", "đạt"), or the day it was taken,
        // as the import layout writes a step dated otherwise than its row.
        var stepDays = new Dictionary<string, DateOnly>();
        bool Step(string column)
        {
            if (TableMarks.Read(Field(column)) is { } marked) return marked;
            if (TableDates.Read(Field(column)) is not { } day)
                return Invalid(column, TableMarks.NotAMark(Field(column)).TrimEnd('.') + "; or the day it was taken "
                    + "(15/8/2020).");
            if (day < Validation.EarliestDate)
                Error(column, $"Must not lie before {Validation.EarliestDate:yyyy-MM-dd}.");
            else if (reportDate is { } by && day > by) Error(column, "Must not lie after the report's date.");
            else if (year is { } y && StepYears(column, y) is var (first, last)
                     && (day.Year < first || day.Year > last))
                Error(column, first == last ? $"A day of {y}, the row's year." : $"A day of {first} or {last}.");
            else stepDays[column] = day;
            return true;
        }
        // The years a step of the row's year may be dated in, as IYearlyStep judges the commands a row records: a
        // plan, the policy and objectives set the year out, a report and corrective actions account for it; an
        // internal audit and a management review are no yearly steps, but the year's by their day.
        static (int First, int Last) StepYears(string column, int year) => column switch
        {
            "quality_policy" or "quality_objectives" or "maintenance_plan" => IYearlyStep.YearsOf(year, true),
            "corrective_actions" or "report_submitted" => IYearlyStep.YearsOf(year, false),
            _ => (year, year),
        };
        var policy = Step("quality_policy");
        var objectives = Step("quality_objectives");
        var plan = Step("maintenance_plan");
        var audit = Step("internal_audit");
        var actions = Step("corrective_actions");
        var review = Step("management_review");
        var report = Step("report_submitted");
        var inspection = Choice("inspection", InspectionWords.Read);
        // A table without a report column says by its verdict that the report came, as an appendix counts them.
        if (!positions.ContainsKey("report_submitted") && inspection is { } verdict
            && InspectionWords.JudgesAReport(verdict))
            report = true;

        // The last day by which a unit the report lists as applying since earlier years had declared, or the day the
        // declared column gives the declaration.
        DateOnly? declaredBy = null;
        (DateOnly Day, string Column)? given = null;
        if (Field("declared_by") is { Length: > 0 } byText)
        {
            if (!CsvReader.TryDate(byText, out var by))
                Error("declared_by", $"{CsvReader.NotADate(byText)} Or leave it empty.");
            else if (declaration?.On is { } cellDay && cellDay != by)
                Error("declared_by", $"The declared column dates the declaration {cellDay:dd/MM/yyyy}: leave this "
                    + "empty or give that day.");
            else given = (by, "declared_by");
        }
        else if (declaration?.On is { } cellDay) given = (cellDay, "declared");
        if (given is var (day, column))
        {
            if (day < Validation.EarliestDate)
                Error(column, $"Must not lie before {Validation.EarliestDate:yyyy-MM-dd}.");
            else if (reportDate is { } on && year is { } y && day > ReportRow.StepDateOf(y, on))
                Error(column, "Must not lie after the report's date.");
            else if (!declared) Error("declared", "A declaration date is given, so the unit is declared: mark it x.");
            else declaredBy = day;
        }
        // A section's heading stating the years its units applied in ("B/ UBND các Phường, xã, thị trấn áp dụng từ năm
        // 2015 – 2019") dates the declarations of its rows that date none, so that its communes are told from the
        // year's new ones (appendix C's, "xây dựng áp dụng năm 2020"), as the report tells them.
        if (above?.AppliedIn is { } applied && year is { } listedIn)
        {
            if (applied.Last > listedIn || applied.First < Validation.EarliestDate.Year)
            {
                errors.Add(new(record.Line, null, $"The heading above lists units applying in {applied}, not a year "
                    + $"from {Validation.EarliestDate.Year} to {listedIn}, the row's: a section of another year's "
                    + "report?"));
            }
            else if (given is null && declared) declaredBy = applied.DeclaredBy(listedIn);
        }

        // The report tables' conversion column is about the conversion from 2008 to 2015.
        if (conversion is ConversionState.InProgress && standard is { } converting
            && converting != Edition.Iso9001V2008)
            Error("standard", "A unit converting from 2008 is still on 2008.");
        if (conversion is ConversionState.Done && standard is { } converted && converted != Edition.Iso9001V2015)
            Error("standard", "A unit whose conversion is done is on 2015.");
        if (!declared && standard is not null && conversion is null or ConversionState.None)
            Error("declared", "A standard is given, so the unit is declared: mark it x.");

        var board = Decided("steering_board", "steering board", year, reportDate);
        var documentation = Decided("documentation", "documentation", year, reportDate);
        DateOnly? StepDay(string column) => stepDays.TryGetValue(column, out var day) ? day : null;
        var steps = new StepDays(StepDay("quality_policy"), StepDay("quality_objectives"),
            StepDay("maintenance_plan"), StepDay("internal_audit"), StepDay("corrective_actions"),
            StepDay("management_review"), StepDay("report_submitted"));
        var details = Details(Field, Text, Error, board, documentation, year, reportDate, inspection is not null,
            steps, ConversionDays(), FormerProvince(), ConversionUnderWay());
        if (details?.Scope is not null && !declared)
            Error("scope", "A declaration's scope is given: mark the unit declared (x, its day or decision).");

        if (errors.Count > before) return null;
        var row = new ReportRow(province!, code ?? "", name!, level!.Value, district, parent, year!.Value,
            reportDate!.Value, declared, standard, conversion, policy, objectives, plan, audit, actions, review, report,
            inspection, declaredBy, board!.Declared, documentation!.Declared, declaration!.DecisionNo, details);
        return code is null ? row with { UnitCode = ListedUnitCodes.Of(row) } : row;

        // The province a unit of the row's province was recorded in, where that one had become part of it by the row's
        // facts' date (Provinces.On): a former province's unit in its successor's table.
        string? FormerProvince()
        {
            if ((Text("former_province", false, Validation.MaxText) ?? wasInProvince) is not { } written) return null;
            if (province is not null && year is { } y && reportDate is { } d
                && Provinces.Canonical(written) is { } former && former != province
                && Provinces.On(former, ReportRow.StepDateOf(y, d)) == province)
                return former;
            if (province is not null && year is not null && reportDate is not null)
                Error("former_province", $"A province that had become part of {province} by the row's date (as "
                    + "Quảng Bình of Quảng Trị from 1 July 2025), or empty.");
            return null;
        }

        // The days and decisions of the conversion the row shows, as the declared column gives a declaration's, of
        // any year by the row's facts' date (ConversionDays): the start of one the conversion column says is under
        // way or done, the completion of one done; with that column empty, of the one that reached the listed
        // edition, whose completion is then given.
        ConversionDays ConversionDays()
        {
            var (start, startOn) = ConversionCell("conversion_started", "conversion's start");
            var (completion, completedOn) = ConversionCell("conversion_completed", "conversion's completion");
            var reached = conversion is null && standard is not null;
            if (completion is not null && conversion != ConversionState.Done && !reached)
                Error("conversion_completed", "Given for a conversion done: the conversion column says done, or, "
                    + "left empty, the standard column gives the edition it reached.");
            if (start is not null && conversion is not (ConversionState.InProgress or ConversionState.Done)
                && !(reached && completion is not null))
                Error("conversion_started", "Given for a conversion the row shows: under way or done in the "
                    + "conversion column, or, with that column empty, completed to the listed standard "
                    + "(conversion_completed).");
            if (startOn > completedOn)
                Error("conversion_started", "Must not lie after the conversion's completion.");
            return new(startOn, start?.DecisionNo, completedOn, completion?.DecisionNo);
        }

        // A conversion under way on the row's date that the conversion column does not show (ConversionUnderWay),
        // started on the day or by the decision its start column gives: to an edition after the one the unit was on
        // then, which the decider judges (the listed one, where the unit declared it while converting to it).
        ConversionUnderWay? ConversionUnderWay()
        {
            var (start, startOn) = ConversionCell("converting_since", "conversion under way's start");
            if (Field("converting_to") is not { Length: > 0 } written)
            {
                if (start is not null)
                    Error("converting_since", "Given for a conversion under way: give its edition (converting_to).");
                return null;
            }
            var startedBy = startOn ?? (year is { } y && reportDate is { } d ? ReportRow.StepDateOf(y, d) : null);
            if (rules.Named(written) is not { } to)
            {
                Error("converting_to", $"'{UnicodeText.Excerpt(written)}' is not an edition of the rule book: "
                    + $"{string.Join(", ", rules.Editions.Select(e => e.Edition))}.");
            }
            else if (startedBy is { } startDay && !rules.Published(to, startDay))
            {
                Error(startOn is null ? "converting_to" : "converting_since",
                    $"{to.Name} was not yet published on {startDay:yyyy-MM-dd}, when the conversion started.");
            }
            else if (conversion is ConversionState.InProgress)
                Error("converting_to", "The conversion column shows the conversion under way: leave this empty.");
            else if (!declared)
                Error("declared", "A conversion under way is given, so the unit is declared: mark it x.");
            else return new(to, startOn, start?.DecisionNo);
            return null;
        }

        (DeclarationCell? Cell, DateOnly? On) ConversionCell(string column, string fact)
        {
            if (Field(column) is not { Length: > 0 } text) return (null, null);
            var cell = DeclarationCell.Read(text);
            if (cell is not { Declared: true })
                Error(column, cell is null ? DeclarationCell.NotADeclaration(text, fact)
                    : $"The {fact}'s day (15/8/2018) or decision (Số 85/QĐ-UBND ngày 15/8/2018), or empty.");
            else if (cell.On < Validation.EarliestDate)
                Error(column, $"Must not lie before {Validation.EarliestDate:yyyy-MM-dd}.");
            else if (cell.On is { } day && year is { } y && reportDate is { } d && day > ReportRow.StepDateOf(y, d))
                Error(column, "Must not lie after the report's date.");
            else return (cell, cell.On);
            return (null, null);
        }

        // A step of the year the import layout gives as the declared column gives a declaration: marked, or by its
        // day or decision (a day of the row's year, by its facts' date).
        DeclarationCell? Decided(string column, string fact, int? rowYear, DateOnly? rowDate)
        {
            var cell = DeclarationCell.Read(Field(column));
            if (cell is null) Error(column, DeclarationCell.NotADeclaration(Field(column), fact));
            else if (cell.On is { } day && rowYear is { } y && rowDate is { } d
                     && (day.Year != y || day > ReportRow.StepDateOf(y, d)))
                Error(column, $"The {fact} of the row's year: a day of {y} by the report's date.");
            return cell;
        }
    }

    /// <summary>The row's <see cref="RowDetails"/>, each null where its cell is empty, the steering board's and the
    /// documentation's read from their cells (<paramref name="board"/>, <paramref name="documentation"/>), the steps'
    /// days read from theirs (<paramref name="steps"/>), the conversion's from its two (<paramref name="conversion"/>),
    /// the province recorded (<paramref name="formerProvince"/>), the conversion under way the conversion column does
    /// not show (<paramref name="converting"/>);
    /// null when the row gives none, as a report's row, so that deciding it compares no detail with the record
    /// (<see cref="ReportRowDecider.Contradiction"/>).</summary>
    private static RowDetails? Details(
        Func<string, string> field, Func<string, bool, int, string?> text, Action<string, string> error,
        DeclarationCell? board, DeclarationCell? documentation, int? year, DateOnly? reportDate, bool inspected,
        StepDays steps, ConversionDays conversion, string? formerProvince, ConversionUnderWay? converting)
    {
        var stepDate = year is { } y && reportDate is { } d ? ReportRow.StepDateOf(y, d) : (DateOnly?)null;
        DateOnly? Day(string column, string of, DateOnly? latest)
        {
            if (field(column) is not { Length: > 0 } written) return null;
            if (!CsvReader.TryDate(written, out var day)) error(column, $"{CsvReader.NotADate(written)} Or leave it "
                + "empty.");
            else if (day < Validation.EarliestDate)
                error(column, $"Must not lie before {Validation.EarliestDate:yyyy-MM-dd}.");
            else if (day > latest) error(column, $"Must not lie after {of}.");
            else return day;
            return null;
        }

        var established = Day("established_on", "the row's facts' date (the report's)", stepDate);
        var inspectedOn = Day("inspected_on", "the report's date", reportDate);
        if (inspectedOn is { } on && year is { } inYear && on.Year < inYear)
            error("inspected_on", $"An inspection of {inYear} is not dated before that year.");
        int? Count(string column, int max)
        {
            if (field(column) is not { Length: > 0 } count) return null;
            if (int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var read) && read <= max)
                return read;
            error(column, $"A count from 0 to {max}, or empty.");
            return null;
        }
        // Yes or no as the marks write them (x, "không"), where empty is not given.
        bool? YesOrNo(string column)
        {
            if (field(column) is not { Length: > 0 } written) return null;
            if (TableMarks.Read(written) is { } read) return read;
            error(column, TableMarks.NotAMark(written));
            return null;
        }

        var members = Count("steering_board_members", FormSteeringBoardRequest.MaxMembers);
        var chair = text("steering_board_chair", false, Validation.MaxText);
        if ((members is not null || chair is not null) && board is { Declared: false })
            error("steering_board", "The board's members or chair are given: mark the board formed (x, its day or "
                + "decision).");
        var contents = new DocumentationContents(YesOrNo("documentation_quality_manual"),
            YesOrNo("documentation_quality_policy"), YesOrNo("documentation_quality_objectives"),
            Count("documentation_mandatory_procedures", Validation.MaxCount),
            Count("documentation_internal_procedures", Validation.MaxCount),
            Count("documentation_business_procedures", Validation.MaxCount),
            Count("documentation_administrative_procedures", Validation.MaxCount));
        if (contents != DocumentationContents.None && documentation is { Declared: false })
            error("documentation", "The documentation's contents are given: mark it issued (x, its day or decision).");
        var onSite = YesOrNo("on_site");
        var inspector = text("inspector", false, Validation.MaxText);
        var notes = text("inspection_notes", false, Validation.MaxText);
        if ((inspectedOn is not null || onSite is not null || inspector is not null || notes is not null)
            && !inspected)
            error("inspection", "The inspection's day, place, inspector or notes are given: give its verdict.");
        var details = new RowDetails(established, text("scope", false, Validation.MaxText), board?.On,
            board?.DecisionNo, members, chair, documentation?.On, documentation?.DecisionNo, inspectedOn, inspector,
            steps == StepDays.None ? null : steps, contents == DocumentationContents.None ? null : contents, onSite,
            notes, conversion == ConversionDays.None ? null : conversion, formerProvince, converting);
        return details == RowDetails.None ? null : details;
    }

    /// <summary>Whether <paramref name="record"/> gives its level in a column: a sub-department whose level the table
    /// does not give is one its tier or name says, whose parent the import finds.</summary>
    public bool GivesLevel(CsvRecord record) =>
        positions.TryGetValue("level", out var i) && i < record.Fields.Count && record.Fields[i].Trim().Length > 0;

    /// <summary>The department's name the parent column of <paramref name="record"/> holds in place of a unit's code
    /// ("Sở Y tế", as an appendix's "Cơ quan chủ quản" writes a Chi cục's Sở), or null: the import finds the
    /// department by it (<see cref="ListedParents"/>).</summary>
    public string? ParentNamed(CsvRecord record) =>
        positions.TryGetValue("parent_code", out var i) && i < record.Fields.Count
        && SpreadsheetText.Restore(record.Fields[i].Trim()) is { Length: > 0 } value && !UnitCode.IsValid(value)
        && !ParentUnits.NamesPeoplesCommittee(value)
            ? value
            : null;

    /// <summary>The unit's name <paramref name="record"/> gives, or null: a row refused may still be named.</summary>
    public string? NameOf(CsvRecord record) =>
        positions.TryGetValue("unit_name", out var i) && i < record.Fields.Count
        && SpreadsheetText.Restore(record.Fields[i].Trim()) is { Length: > 0 } name
            ? name
            : null;

    /// <summary>The level of a row under a tier's heading: the tier's, but a Chi cục's that a tier of departments
    /// ("I. Các Sở, ban, ngành") lists under its Sở is a sub-department.</summary>
    private static UnitLevel TierLevel(UnitLevel tier, string? name, string province, DateOnly on) =>
        tier is UnitLevel.Department && name is not null && UnitNameLevels.IsSubDepartment(name)
            ? UnitLevel.SubDepartment
            // A table may list a district's committee first among its communes, under its district's heading, or a
            // commune under its district's row: "UBND huyện …" is no commune, "UBND xã …" no district.
            : tier is UnitLevel.Commune or UnitLevel.District && name is not null
                && UnitNameLevels.Of(name, province, on) is { } named and (UnitLevel.Commune or UnitLevel.District)
                ? named
                : tier;

    /// <summary>The day the row's facts get, when its year and report date read, for judging what its name says of
    /// its level (a district's committee is a unit before 1 July 2025 only); their errors are the row's.</summary>
    private static DateOnly? StepDate(Func<string, string> field) =>
        TableYears.Read(field("year")) is { } year && CsvReader.TryDate(field("report_date"), out var on)
            ? ReportRow.StepDateOf(year, on)
            : null;

    /// <summary>What the row says of its edition and conversion: in the standard column, in the columns of marks an
    /// appendix gives each edition ("Áp dụng TCVN ISO 9001:2008", "… 9001:2015": a unit marked in one of them, or
    /// stating its conversion there as "Đã ch/đổi 9001:2015"), and in its note, which must agree; null after an
    /// error.</summary>
    private StandardCell? Standard(Func<string, string> field, RuleBook rules, Action<string, string> error)
    {
        var stated = new List<(string Column, StandardCell Cell)>();
        var marked = new List<string>();
        foreach (var (column, columnEdition) in editionColumns)
        {
            var text = field(column);
            if (TableMarks.Read(text) is { } mark)
            {
                if (!mark) continue;
                if (rules.Named(columnEdition) is not { } onEdition)
                {
                    error(column, StandardCell.NotAStandard(columnEdition, rules));
                    return null;
                }
                stated.Add((column, new(onEdition, null)));
            }
            else if (StandardCell.Read(text, rules) is { } cell) stated.Add((column, cell));
            else
            {
                error(column, StandardCell.NotAStandard(text, rules));
                return null;
            }
            marked.Add(headed.GetValueOrDefault(column, column));
        }
        if (marked.Count > 1)
        {
            error(marked[1], $"The unit is marked under {string.Join(" and ", marked)}: a unit applies one "
                + "edition; mark one.");
            return null;
        }
        if (StandardCell.Read(field("standard"), rules) is not { } inColumn)
        {
            error("standard", StandardCell.NotAStandard(field("standard"), rules));
            return null;
        }
        // A note that is no state is the note's error (Parse).
        if (NoteCell.Read(field(AppendixColumns.Note), rules) is not { } note) return null;
        foreach (var (column, cell) in new[] { ("standard", inColumn), (AppendixColumns.Note, note.Standard) })
        {
            if (cell.Edition is not null || cell.Conversion is not null) stated.Add((column, cell));
        }
        var edition = stated.Select(s => s.Cell.Edition).FirstOrDefault(e => e is not null);
        var conversion = stated.Select(s => s.Cell.Conversion).FirstOrDefault(c => c is not null);
        foreach (var (column, cell) in stated.Skip(1))
        {
            if (cell.Edition is { } other && other != edition || cell.Conversion is { } then && then != conversion)
            {
                var first = headed.GetValueOrDefault(stated[0].Column, stated[0].Column);
                error(column, $"Says otherwise of the unit's edition or conversion than {first}: give one, or the "
                    + "same in both.");
                return null;
            }
        }
        return new(edition, conversion);
    }
}
