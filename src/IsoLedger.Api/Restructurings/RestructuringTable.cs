using IsoLedger.Api.Hosting;
using IsoLedger.Api.Imports;
using IsoLedger.Api.Reports;
using IsoLedger.Domain;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Restructurings;

/// <summary>Reads a restructuring table as provinces publish them — one row per old unit and what it became — into
/// one restructuring per act and effective date. Columns, in any order: <c>decision_no</c>, <c>effective_on</c>,
/// <c>from_code</c> (required), <c>kind</c> (merge, split, rename, transfer, dissolve; when empty: a row with an
/// <c>into_code</c> merges, or splits when its unit goes into several; one with a <c>name</c> renames; one with a
/// <c>province</c>, <c>district</c> or <c>parent_code</c> transfers; one with none of them dissolves),
/// <c>into_code</c>, and for a new unit <c>into_name</c>, <c>into_level</c>, <c>into_province</c>,
/// <c>into_district</c>, <c>into_parent_code</c>; for a rename <c>name</c>; for a transfer <c>province</c>,
/// <c>district</c>, <c>parent_code</c>.</summary>
public static class RestructuringTable
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "decision_no", "effective_on", "kind", "from_code", "into_code", "into_name", "into_level", "into_province",
        "into_district", "into_parent_code", "name", "province", "district", "parent_code",
    ];

    private static readonly IReadOnlyList<string> Required = ["decision_no", "effective_on", "from_code"];

    /// <summary>The most rows a table holds: one per old unit, about twice the communes of the whole country before
    /// 2025 (every row is decided in one transaction, with every unit it names locked and read).</summary>
    public const int MaxRows = 20_000;

    private sealed record Row(
        TablePlace Place, string DecisionNo, DateOnly EffectiveOn, RestructuringKind? Kind, string From, string? Into,
        NewUnit? IntoNew, string? Name, string? Province, string? District, string? ParentCode);

    /// <summary>The restructurings of the file, or its bad rows (all of them, up to <paramref name="maxErrors"/>).
    /// </summary>
    public static (IReadOnlyList<RestructureUnits> Restructurings, IReadOnlyList<ImportError> Errors) Read(
        Stream file, int maxErrors, TempFolder temp)
    {
        var errors = new List<ImportError>();
        var rows = new List<Row>();
        var read = 0;
        ITableReader? reader = null;
        // The errors before those of the sheet being read (a workbook's table may be on several).
        var sheetErrors = 0;
        // Where the table starts, for a file of a header alone: refused as a report table is, not answered as an
        // import that recorded nothing (as a file imported again is).
        (int Line, string? Sheet)? firstHeader = null;
        // The columns of the sheet being read, by its header: a cell that cannot be read is named at its column.
        Dictionary<string, int>? positions = null;
        try
        {
            reader = TableFile.Open(file, Required, errors, temp);
            if (reader is null) return ([], errors);
            do
            {
                sheetErrors = errors.Count;
                var header = reader.Read();
                if (header is null)
                    return ([], [new ImportError(1, null, "The file is empty: it needs a header and rows.")]);
                firstHeader ??= (header.Line, reader.Sheet);
                positions = CsvHeader.Positions(header, Columns, Required, errors, maxErrors);
                var repeated = new RepeatedHeader(header);
                // A sheet whose header cannot be read is not read on; the other sheets are still checked.
                for (var record = positions is null ? null : reader.Read();
                     record is not null && errors.Count < maxErrors;
                     record = reader.Read())
                {
                    if (record.Fields.All(string.IsNullOrWhiteSpace)) continue;
                    if (++read > MaxRows)
                    {
                        errors.Add(new ImportError(record.Line, null, $"A restructuring table holds at most "
                            + $"{MaxRows} rows: import it in several files, each act's rows in one."));
                        break;
                    }
                    // A line is judged for its width as a report table's is: one of another width would have its
                    // values read under other columns, or its missing cells as empty.
                    if ((repeated.Of(record) ?? CsvHeader.OtherWidth(record, header.Line, header.Fields.Count)
                            ?? CsvHeader.UnnamedValue(record, positions!)) is { } bad)
                        errors.Add(bad);
                    else if (ReadRow(record, reader.Sheet, positions!, errors) is { } row) rows.Add(row);
                }
                ReportImporter.InSheet(errors, sheetErrors, reader.Sheet);
            } while (errors.Count < maxErrors && read <= MaxRows && reader.NextSheet());
        }
        catch (TableFormatException e)
        {
            errors.Add(e.Error(index => positions is null ? null : CsvHeader.ColumnAt(positions, index)));
            ReportImporter.InSheet(errors, sheetErrors, reader?.Sheet);
        }
        catch (System.Text.DecoderFallbackException)
        {
            file.Position = 0;
            errors.Add(Utf8Lines.NotText(file));
        }
        finally
        {
            reader?.Dispose();
        }
        if (rows.Count == 0 && errors.Count == 0 && firstHeader is var (line, sheet))
            errors.Add(new ImportError(line, null, "The file has a header but no rows.", sheet));
        if (errors.Count > 0) return ([], errors);
        var restructurings = rows
            .GroupBy(r => (r.DecisionNo, r.EffectiveOn))
            .Select(group => new RestructureUnits(
                Guid.CreateVersion7().ToString("N"), group.Key.DecisionNo, group.Key.EffectiveOn, Parts(group, errors)))
            .ToList();
        return errors.Count > 0 ? ([], errors) : (restructurings, []);
    }

    private static Row? ReadRow(
        CsvRecord record, string? sheet, Dictionary<string, int> positions, List<ImportError> errors)
    {
        var before = errors.Count;
        string? Field(string column)
        {
            if (!positions.TryGetValue(column, out var at) || at >= record.Fields.Count) return null;
            var text = SpreadsheetText.Restore(record.Fields[at].Trim());
            if (text.Length == 0) return null;
            if (UnicodeText.Characters(text) > Validation.MaxName)
            {
                errors.Add(new(record.Line, column, $"At most {Validation.MaxName} characters."));
                return null;
            }
            // A code's pattern refuses a question mark, and says what a code is.
            var isCode = column.EndsWith("_code", StringComparison.Ordinal);
            if (TableText.Problem(text, questionMarksAllowed: isCode) is { } problem)
            {
                errors.Add(new(record.Line, column, problem));
                return null;
            }
            return text;
        }
        string? Code(string column)
        {
            var code = Field(column);
            if (code is not null && !UnitCode.IsValid(code))
                errors.Add(new(record.Line, column, $"Must match {UnitCode.Pattern}."));
            return code;
        }
        T? Member<T>(string column, Terms<T> terms) where T : struct, Enum
        {
            if (Field(column) is not { } text) return null;
            if (terms.TryParse(text, out var member)) return member;
            errors.Add(new(record.Line, column, $"Must be one of: {string.Join(", ", terms.Values)}."));
            return null;
        }

        // A level as the report import reads one: a tier as the tables word it ("Cấp xã") too.
        UnitLevel? Level(string column)
        {
            if (Field(column) is not { } text) return null;
            if (LevelWords.Read(text) is { } level) return level;
            errors.Add(new(record.Line, column, $"'{UnicodeText.Excerpt(text)}' is not one of: "
                + $"{string.Join(", ", Vocabulary.Levels.Values)} (or, as reports write them: "
                + $"{string.Join(", ", Vocabulary.Levels.All.Select(t => t.Vi))}, or a tier: Sở, ban, ngành; Chi cục; "
                + "Cấp huyện; Cấp xã)."));
            return null;
        }

        var decisionNo = Field("decision_no");
        if (decisionNo is null) errors.Add(new(record.Line, "decision_no", "Required: the act that decided it."));
        var effectiveText = Field("effective_on");
        DateOnly? effectiveOn = CsvReader.TryDate(effectiveText, out var date) ? date : null;
        if (effectiveOn is null) errors.Add(new(record.Line, "effective_on", CsvReader.NotADate(effectiveText)));
        else if (effectiveOn < Validation.EarliestDate)
        {
            errors.Add(new(record.Line, "effective_on", $"Must be on or after {Validation.EarliestDate:yyyy-MM-dd}."));
            effectiveOn = null;
        }
        var from = Code("from_code");
        if (from is null) errors.Add(new(record.Line, "from_code", "Required: the code of the unit it changes."));
        var kind = Member("kind", Vocabulary.RestructuringKinds);
        var into = Code("into_code");
        // A name and a district are kept on one line, as the API keeps them.
        var name = Field("name") is { } newName ? UnicodeText.OneLine(newName) : null;
        var province = Province(record.Line, "province", Field("province"), effectiveOn, errors);
        // A district as written in a report table, a heading's colon after it ("Huyện Cam Lộ:") left out.
        string? District(string column) =>
            Field(column) is { } written ? DistrictNames.Written(UnicodeText.OneLine(written)) : null;
        var district = District("district");
        var parentCode = Code("parent_code");
        NewUnit? intoNew = null;
        // An existing unit is named by its code: its district or parent would be dropped, not recorded.
        var describesExisting = new[] { "into_level", "into_province", "into_district", "into_parent_code" }
            .FirstOrDefault(column => Field(column) is not null);
        if (Field("into_name") is null && describesExisting is { } column)
        {
            errors.Add(new(record.Line, column,
                "An existing unit is named by its code alone; a new one gives its into_name, level and province."));
        }
        if (Field("into_name") is { } intoName)
        {
            var level = Level("into_level");
            var intoProvince = Province(record.Line, "into_province", Field("into_province"), effectiveOn, errors);
            // A name makes the row's unit a new one; given to an existing unit it is the likelier slip, so what is
            // missing says both.
            const string orExisting = " (an existing unit is named by its into_code alone)";
            if (into is null) errors.Add(new(record.Line, "into_code", "Required: the new unit's code."));
            if (Field("into_level") is null)
                errors.Add(new(record.Line, "into_level", $"Required: the new unit's level{orExisting}."));
            if (intoProvince is null && Field("into_province") is null)
                errors.Add(new(record.Line, "into_province", $"Required: the new unit's province{orExisting}."));
            if (level is { } placed && Levels.InNoDistrict(placed) && Field("into_district") is not null)
                errors.Add(new(record.Line, "into_district", Levels.InNoDistrictSentence(placed)));
            var intoParent = Code("into_parent_code");
            if (intoParent is not null && level is { } parentless && !ParentUnits.TakesParent(parentless))
                errors.Add(new(record.Line, "into_parent_code", ParentUnits.NotTakenBy(parentless)));
            if (into is not null && level is not null && intoProvince is not null)
            {
                intoNew = new NewUnit(
                    into, UnicodeText.OneLine(intoName), level.Value, intoProvince, District("into_district"),
                    intoParent);
            }
        }
        return errors.Count > before
            ? null
            : new Row(
                new TablePlace(record.Line, sheet), decisionNo!, effectiveOn!.Value, kind, from!, into, intoNew, name,
                province, district, parentCode);
    }

    /// <summary>The table's column of a request field (parentCode is parent_code).</summary>
    private static string Column(string field) =>
        string.Concat(field.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>A province in force on the effective date, stored by its canonical name.</summary>
    private static string? Province(
        int line, string column, string? name, DateOnly? effectiveOn, List<ImportError> errors)
    {
        if (name is null || effectiveOn is null) return null;
        if (Provinces.Problem(name, effectiveOn.Value) is not { } problem) return Provinces.Canonical(name);
        errors.Add(new(line, column, problem));
        return null;
    }

    private static List<RestructuringPart> Parts(IEnumerable<Row> group, List<ImportError> errors)
    {
        var rows = group.ToList();
        var splitting = rows.Where(r => r.Into is not null).GroupBy(r => r.From)
            .Where(g => g.Select(r => r.Into).Distinct().Count() > 1).Select(g => g.Key).ToHashSet();
        RestructuringKind KindOf(Row r) => r.Kind ?? (
            r.Into is not null ? (splitting.Contains(r.From) ? RestructuringKind.Split : RestructuringKind.Merge)
            : r.Name is not null ? RestructuringKind.Rename
            : r.Province is not null || r.District is not null || r.ParentCode is not null
                ? RestructuringKind.Transfer
            : RestructuringKind.Dissolve);

        foreach (var row in rows)
        {
            var kind = KindOf(row);
            var given = RestructuringPart.FieldsNotTakenBy(kind, row.Name, row.Province, row.District, row.ParentCode);
            foreach (var field in given)
                errors.Add(row.Place.Error(Column(field), RestructureUnitsEndpoint.NotTaken(kind, field)));
        }
        var parts = new List<RestructuringPart>();
        foreach (var merge in rows.Where(r => KindOf(r) == RestructuringKind.Merge).GroupBy(r => r.Into))
        {
            if (merge.Key is null)
            {
                errors.AddRange(merge.Select(r => r.Place.Error("into_code", "A merge names its unit.")));
                continue;
            }
            var intoNew = merge.Select(r => r.IntoNew).OfType<NewUnit>().Distinct().ToList();
            if (intoNew.Count > 1)
                errors.Add(merge.Last().Place.Error("into_name", $"The rows describe {merge.Key} differently."));
            parts.Add(new RestructuringPart(RestructuringKind.Merge, [.. merge.Select(r => r.From).Distinct()],
                intoNew.Take(1).ToList(), intoNew.Count == 0 ? merge.Key : null));
        }
        foreach (var split in rows.Where(r => KindOf(r) == RestructuringKind.Split).GroupBy(r => r.From))
        {
            foreach (var row in split.Where(r => r.IntoNew is null))
                errors.Add(row.Place.Error("into_name", "A split forms new units: give each one's registration."));
            parts.Add(new RestructuringPart(RestructuringKind.Split, [split.Key],
                [.. split.Select(r => r.IntoNew).OfType<NewUnit>().Distinct()]));
        }
        foreach (var row in rows.Where(r => KindOf(r) is RestructuringKind.Rename or RestructuringKind.Transfer
                     or RestructuringKind.Dissolve))
        {
            var kind = KindOf(row);
            if (kind == RestructuringKind.Rename && row.Name is null)
                errors.Add(row.Place.Error("name", "A rename gives the new name."));
            if (row.ParentCode is not null && row.ParentCode == row.From)
                errors.Add(row.Place.Error("parent_code", "A unit is not its own parent."));
            parts.Add(new RestructuringPart(kind, [row.From], [], Name: row.Name, Province: row.Province,
                District: row.District, ParentCode: row.ParentCode));
        }
        return parts;
    }
}
