using System.Diagnostics;
using System.Text;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Units;
using IsoLedger.Domain;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using Marten;
using Npgsql;

namespace IsoLedger.Api.Imports;

/// <summary>What an import did (or, on a dry run, would do), of the file <c>file</c> names: null for an upload sent
/// without a name.</summary>
/// <param name="File">The name the upload was sent with; null when it was sent without one.</param>
/// <param name="Rows">The table's rows read: one per unit and year.</param>
/// <param name="UnitsCreated">The units the import registered (or, on a dry run, would register): those its rows named
/// that were not on record yet.</param>
/// <param name="EventsAppended">The events it appended to the units' streams (or, on a dry run, would
/// append).</param>
/// <param name="DryRun">Whether it was a dry run (<c>dryRun=true</c>): everything decided, nothing written.</param>
/// <param name="Seconds">How long the import took, in seconds.</param>
public sealed record ImportResult(
    string? File, int Rows, int UnitsCreated, int EventsAppended, bool DryRun, double Seconds);

/// <summary>The outcome of an import: a result, or the bad rows (at most <see cref="ReportImporter.MaxErrors"/>).
/// <see cref="Interrupted"/> is set when the write pass stopped after it had committed part of the file (a change
/// recorded meanwhile made a row wrong, or the database went away): <see cref="Result"/> then says what was written,
/// and importing the file again writes the rest, as what is recorded is skipped.</summary>
public sealed record ImportOutcome(
    ImportResult? Result, IReadOnlyList<ImportError> Errors, ImportInterruption? Interrupted = null);

/// <summary>Why a write pass stopped part way.</summary>
public enum ImportInterruption
{
    /// <summary>Units the file writes changed meanwhile in a way that makes rows wrong, or kept changing.</summary>
    ChangedMeanwhile,

    /// <summary>The database could not be reached any more.</summary>
    DatabaseUnavailable,
}

/// <summary>Imports a report table all or nothing. A first pass reads the whole file, checks every row and decides it
/// through the domain rules against the units' recorded state, without writing; only a file without a bad row is
/// read again and appended, in batches. Neither pass holds the file in memory, only the states of its units.</summary>
public sealed class ReportImporter(
    IDocumentStore store, BusinessClock clock, RuleBookSource rules, TempFolder temp, ILogger<ReportImporter> logger)
{
    public const int MaxErrors = 1000;

    private readonly UnitLocks locks = new(store);
    /// <summary>Rows per transaction.</summary>
    private const int BatchRows = 500;
    /// <summary>Rows the write pass reads before writing them grouped by unit: a report table lists a year's units
    /// one after the other, so without grouping every transaction would append one year to each of its units and
    /// rewrite each unit's state once per year; grouped, a unit's years in the window go in one append and one
    /// rewrite.</summary>
    private const int WindowRows = 50_000;

    /// <summary>Checks the whole file, then (unless <paramref name="dryRun"/>, and only if no row is bad) appends its
    /// events; <paramref name="open"/> opens the file from its start, as it is read twice. <paramref name="fileName"/>
    /// is recorded on every event, unless null (an upload sent without a name). <paramref name="given"/> says what the
    /// table's columns do not (an appendix's province, year and report date).</summary>
    public async Task<ImportOutcome> Import(
        Func<Stream> open, string? fileName, string recordedBy, string correlationId, bool dryRun,
        CancellationToken cancellation, TableDefaults? given = null)
    {
        given ??= TableDefaults.None;
        var timer = Stopwatch.StartNew();
        // One import at a time: a second one checks its file on what the first one wrote, instead of both deciding
        // on the same states and colliding part way through their write passes.
        await using var turn = await ImportTurn.Take(store, cancellation);
        var check = await Run(open, fileName, given, write: null, cancellation);
        if (check.Errors.Count > 0 || dryRun)
            return check.Errors.Count > 0
                ? check
                : check with { Result = check.Result! with { Seconds = timer.Elapsed.TotalSeconds } };

        // Once the write pass has begun it runs to its end whatever the client does (a closed connection, a proxy's
        // timeout): stopping it would leave the file half imported.
        var progress = new Progress();
        ImportOutcome written;
        try
        {
            written = await Run(open, fileName, given, new Writer(recordedBy, correlationId),
                CancellationToken.None, progress);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            logger.LogWarning(e, "The database went away while {File} was imported: {Units} units created, {Events} "
                + "events appended before", fileName, progress.Created, progress.Appended);
            return new(progress.Result(fileName), [progress.Place.Error(null,
                "The database could not be reached any more; the rows before were imported.")],
                ImportInterruption.DatabaseUnavailable);
        }
        logger.LogInformation("Imported {File}: {Rows} rows, {Units} units created, {Events} events appended",
            fileName, written.Result?.Rows ?? progress.Rows, progress.Created, progress.Appended);
        if (progress.Appended >= AnalyzeAfterEvents) await RefreshStatistics();
        return written.Errors.Count > 0
            ? new(progress.Result(fileName), written.Errors, ImportInterruption.ChangedMeanwhile)
            : written with { Result = written.Result! with { Seconds = timer.Elapsed.TotalSeconds } };
    }

    /// <summary>What a write pass has committed so far, and the row it is at.</summary>
    private sealed class Progress
    {
        public int Rows { get; set; }
        public int Created { get; set; }
        public int Appended { get; set; }
        public TablePlace Place { get; set; } = new(1, null);

        public ImportResult Result(string? fileName) => new(fileName, Rows, Created, Appended, false, 0);
    }

    /// <summary>Imports take turns across every node: a PostgreSQL advisory lock held by a connection of its own for
    /// the whole import, released when the import ends.</summary>
    private sealed class ImportTurn(NpgsqlConnection connection) : IAsyncDisposable
    {
        /// <summary>The lock's key: "isoledgr" in ASCII, a number no other user of the database takes.</summary>
        private const long Key = 0x69736f6c65646772;

        public static async Task<ImportTurn> Take(IDocumentStore store, CancellationToken cancellation)
        {
            var connection = store.Storage.Database.CreateConnection();
            try
            {
                await connection.OpenAsync(cancellation);
                await using var wait = new NpgsqlCommand($"select pg_advisory_lock({Key})", connection);
                wait.CommandTimeout = 0;
                await wait.ExecuteNonQueryAsync(cancellation);
                return new ImportTurn(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            // Unlocked here, not left to the pool, which resets a connection only when it is next used.
            try
            {
                await using var release = new NpgsqlCommand($"select pg_advisory_unlock({Key})", connection);
                await release.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // A connection that broke ended its session, and the lock with it.
            }
            await connection.DisposeAsync();
        }
    }

    /// <summary>Events an import must append for the tables' statistics to be refreshed after it.</summary>
    private const int AnalyzeAfterEvents = 10_000;

    /// <summary>Analyses the tables a large import grew. PostgreSQL keeps the plan of a prepared statement (the async
    /// daemon's page query among them) until the statistics of its tables change, and autovacuum may take minutes to
    /// notice: a plan made while the event table was small went on scanning a million imported events for every
    /// page (a rebuild just after five imports took 45–52 s, 6.8 s once analysed). The import has committed by then, so
    /// neither the client leaving nor a failure here turns its answer into an error: a failure is logged, and
    /// autovacuum analyses the tables later.</summary>
    private async Task RefreshStatistics()
    {
        var events = store.Options.Events.DatabaseSchemaName;
        var units = store.Options.FindOrResolveDocumentType(typeof(Unit)).TableName.QualifiedName;
        try
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync();
            await using var analyze = new NpgsqlCommand(
                $"analyze {events}.mt_events, {events}.mt_streams, {units}", connection);
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "The tables could not be analysed after an import; autovacuum will");
        }
    }

    private sealed record Writer(string RecordedBy, string CorrelationId);

    private async Task<ImportOutcome> Run(
        Func<Stream> open, string? fileName, TableDefaults given, Writer? write, CancellationToken cancellation,
        Progress? progress = null)
    {
        progress ??= new Progress();
        var errors = new List<ImportError>();
        var states = new Dictionary<string, Unit?>();
        // The check pass judges the rows' parents once it has read the file: a parent may be listed below its unit.
        // The write pass judges again those recorded before the file, under their locks, batch by batch.
        var parents = new ReportParents();
        // Read here, not from the node's copy: the import command runs without the node's background services.
        var book = await rules.Refresh(cancellation);
        int rows = 0, created = 0, appended = 0;
        await using var stream = open();
        ITableReader? reader = null;
        // The sheets read, in order (a workbook's table may be on several, each with its own header): the errors are
        // listed by sheet, then row. The errors before those of the sheet being read.
        var sheets = new List<string?>();
        var sheetErrors = 0;
        // The reader of the sheet being read, by its header: a cell that cannot be read is named at its column.
        ReportRowParser? parser = null;
        try
        {
            var required = ReportRowParser.RequiredWith(given);
            reader = TableFile.Open(stream, required, errors, temp) is { } table ? new TwoRowHeader(table) : null;
            if (reader is null) return new(null, errors.Take(MaxErrors).ToList());

            // The districts' renames recorded, which a row's district and its unit follow.
            var districts = DistrictHistory.None;
            // The check pass decides in file order, so that the bad rows are listed in it.
            var window = new List<PendingRow>();
            var windowRows = write is null ? BatchRows : WindowRows;
            async Task Flush()
            {
                foreach (var batch in write is null ? [window] : ByUnit(window))
                {
                    // A write pass stops at its first bad row: what it wrote before stays, and is reported.
                    if (write is not null && errors.Count > 0) break;
                    progress.Place = batch.Count > 0 ? batch[0].Place : progress.Place;
                    var (batchCreated, batchAppended) =
                        await Decide(batch, states, book, districts, fileName, write, parents, errors, cancellation);
                    created += batchCreated;
                    appended += batchAppended;
                    if (write is null) continue;
                    progress.Created = created;
                    progress.Appended = appended;
                }
                window.Clear();
            }

            // A unit's year is one row: listed again with other data (another district, another verdict), one of the
            // two would be dropped silently. The check keeps each one's line and a hash of its row, not the row.
            var listed = new Dictionary<(string Code, int Year), (TablePlace Place, int Row)>();
            // Codes registered or listed above, by any letter case: "ls-so-01" beside "LS-SO-01" is not a new unit.
            Dictionary<string, string> codes = [];
            UnitNames? names = null;
            DistrictSpellings spellings;
            await using (var query = store.QuerySession())
            {
                if (write is null)
                {
                    codes = await CodesInOtherCase.Registered(query, cancellation);
                    names = await UnitNames.Recorded(query, cancellation);
                }
                // Both passes spell the districts alike: the recorded spellings are the same, and so is the file.
                spellings = await DistrictSpellings.Recorded(query, cancellation);
                districts = DistrictHistory.Of(await query.Query<Unit>()
                    .Where(u => u.Level == UnitLevel.District && u.Transfers.Any()).ToListAsync(cancellation));
            }
            TablePlace? firstHeader = null;
            // The parents of the sub-departments the table lists without them.
            var listedParents = new ListedParents();
            do
            {
                sheetErrors = errors.Count;
                var sheet = reader.Sheet;
                sheets.Add(sheet);
                var header = reader.Read();
                if (header is null)
                    return new(null, [new ImportError(1, null, "The file is empty: it needs a header line and rows.")]);
                firstHeader ??= new TablePlace(header.Line, sheet);
                parser = ReportRowParser.FromHeader(header, errors, given, (reader as TwoRowHeader)?.HeaderRows);
                // A workbook's title rows are judged where its sheets are chosen; a CSV file's here.
                if (parser is null && reader is TwoRowHeader { Inner: CsvReader }
                    && CsvHeader.TitleAbove(header, reader, required) is { } titled)
                    return new(null, [titled]);
                // A sheet listing its units without codes finds the recorded ones by name in both passes (the
                // check pass has them already).
                if (parser is { ListsWithoutCodes: true } && names is null)
                {
                    await using var query = store.QuerySession();
                    names = await UnitNames.Recorded(query, cancellation);
                }
                // The heading row above, kept from the report's appendix: the rows under it that give no district or
                // level are in its district, at its tier's level, as the appendix groups them (up to the sheet's end).
                TableHeading? above = null;
                listedParents.NewTier();
                // A sheet named after a district is its communes' district where their rows give none, the one sheet
                // of a workbook too (which errors do not name: its Sheet is null).
                var sheetDistrict = SheetDistricts.Of(reader.SheetName, lone: reader.Sheet is null);
                // The line the block under the table begins on (TableFooter): the lines below it are the people who
                // sign, whose names read as units'.
                int? footer = null;
                // A sheet whose header cannot be read is not read on; the other sheets are still checked.
                while (parser is not null && reader.Read() is { } record && errors.Count < MaxErrors)
                {
                    if (record.Fields.All(f => f.Length == 0)) continue;
                    if (footer is null && parser.BeginsFooter(record)) footer = record.Line;
                    if (footer is { } footerLine)
                    {
                        // A unit's row under it is no signature: it is not passed over unseen.
                        if (parser.GivesCode(record))
                        {
                            errors.Add(new TablePlace(record.Line, sheet).Error("unit_code", "A unit's row below the "
                                + $"block that ends the table (line {footerLine}: where it is sent, who signs): list "
                                + "the units above it."));
                        }
                        continue;
                    }
                    // Under the districts' tier a district named alone is that district's row, which reported
                    // nothing: a heading of a district groups its communes, under theirs.
                    if (parser.Heading(record) is { } heading
                        && !(heading.District is not null && above is { District: null, Level: UnitLevel.District }))
                    {
                        above = heading.Under(above);
                        listedParents.NewTier();
                        continue;
                    }
                    // A totals row sums the rows above it: it records nothing of its own.
                    if (parser.IsTotals(record)) continue;
                    progress.Rows = ++rows;
                    if (parser.Parse(record, clock.Today, book, errors, above, sheetDistrict) is not { } parsed)
                    {
                        listedParents.Unreadable(parser.NameOf(record));
                        continue;
                    }
                    var row = spellings.Spelled(parsed);
                    // A row that writes a district under its name before a recorded rename means the district as
                    // then named (a commune of 2016 listed under "Thị xã Sông Công", a thành phố from 2015).
                    if (row.District is { } written
                        && districts.NameOn(row.Province, written, row.StepDate) is var current && current != written)
                        row = row with { District = current };
                    // A unit listed without a code is the one recorded under its name, if any; without its former
                    // district, a name several districts' units bore names none of them.
                    IReadOnlyList<(string Code, string District)> namesakes = [];
                    IReadOnlyList<(string Code, string Name)> kinded = [];
                    var kindless = false;
                    if (parser.ListsWithoutCodes)
                    {
                        var recordedCode = names!.RecordedCodeOf(row);
                        if (recordedCode is null)
                            (namesakes, kinded) = (names.InAnyDistrict(row), names.WithKinds(row));
                        // A proper name alone is the one unit of its level and district named so with a kind.
                        if (recordedCode is null && kinded is [var (kindedCode, kindedName)])
                            (recordedCode, row) = (kindedCode, row with { UnitName = kindedName });
                        // A new commune or district is named with its kind, which its proper name alone does not say.
                        kindless = recordedCode is null && UnitNames.LacksKind(row);
                        row = row with
                        {
                            UnitCode = recordedCode ?? ListedUnitCodes.Of(row),
                        };
                    }
                    var place = new TablePlace(record.Line, sheet);
                    string? parentReadFrom = null, awaited = null;
                    var parentNamed = parser.ParentNamed(record);
                    if (ListedParents.Wanted(row, parser.GivesLevel(record), above?.Level, parentNamed))
                    {
                        // The units recorded name the department named, or the one a recorded unit is in: both
                        // passes read them, so that both find the same parents.
                        if (names is null)
                        {
                            await using var query = store.QuerySession();
                            names = await UnitNames.Recorded(query, cancellation);
                        }
                        (var parent, parentReadFrom, awaited, var orphan) =
                            listedParents.ParentOf(row, parentNamed, place, names);
                        if (orphan is not null) errors.Add(orphan);
                        row = row with { ParentCode = parent };
                    }
                    listedParents.Listed(row);
                    if (write is null && !codes.TryAdd(row.UnitCode, row.UnitCode) && codes[row.UnitCode] is var code
                        && code != row.UnitCode)
                    {
                        errors.Add(place.Error("unit_code", $"'{row.UnitCode}' differs from unit {code} (registered, "
                            + "or listed above) only in letter case: a unit's code is written one way."));
                    }
                    else if (write is null && namesakes.Count > 1)
                    {
                        errors.Add(place.Error("district", $"'{row.UnitName}' is recorded in "
                            + $"{string.Join(", ", namesakes.Select(n => $"{n.District} ({n.Code})"))}: give the "
                            + "district it was in" + (Levels.DistrictsEndedBy(row.StepDate)
                                ? " before the district level ended" : "")
                            + " (a district column, or a district's heading above it)."));
                    }
                    else if (write is null && kinded.Count > 1)
                    {
                        errors.Add(place.Error("unit_name", $"'{row.UnitName}' may be "
                            + $"{string.Join(" or ", kinded.Select(k => $"{k.Name} ({k.Code})"))}: write its kind "
                            + "(xã, phường, thị trấn; huyện, quận, thị xã, thành phố) before its name."));
                    }
                    else if (write is null && kindless)
                    {
                        errors.Add(place.Error("unit_name", $"'{row.UnitName}' names no unit recorded at this level "
                            + "in this district, and a new one is written with its kind: \"Xã …\", \"Phường …\", "
                            + "\"Thị trấn …\" (\"Huyện …\", \"Thị xã …\", \"Thành phố …\" for a district), or "
                            + "\"UBND xã …\"."));
                    }
                    else if (write is null && names!.OtherCodeOf(row) is { } named)
                    {
                        errors.Add(place.Error("unit_code", $"'{row.UnitName}' is unit {named} (recorded, or listed "
                            + "above, at this level in this district): one unit is written under one code."));
                    }
                    else if (write is null && Alike(row) is var alike
                        && !listed.TryAdd((row.UnitCode, row.Year), (place, alike))
                        && listed[(row.UnitCode, row.Year)] is var (first, hash) && hash != alike)
                    {
                        errors.Add(place.Error("unit_code", $"Unit {row.UnitCode} is listed for {row.Year} on "
                            + $"{first.Named} too, with other data: a unit's year is one row."));
                    }
                    else window.AddRange(listedParents.Ready(new PendingRow(place, row, parentReadFrom), awaited));
                    if (window.Count >= windowRows) await Flush();
                }
                InSheet(errors, sheetErrors, sheet);
            } while (errors.Count < MaxErrors && reader.NextSheet());
            errors.AddRange(listedParents.Unfound());
            await Flush();
            if (write is null) await parents.Check(store, states, codes, errors, cancellation);
            if (rows == 0 && errors.Count == 0)
                errors.Add(firstHeader.Value.Error(null, "The file has a header but no rows."));
        }
        catch (TableFormatException broken)
        {
            errors.Add(broken.Error(index => parser?.ColumnAt(index)));
            InSheet(errors, sheetErrors, reader?.Sheet);
        }
        catch (DecoderFallbackException)
        {
            // The reader decodes ahead of the rows it returns, so the line is found in the file itself.
            await using var again = open();
            errors.Add(Utf8Lines.NotText(again));
        }
        finally
        {
            reader?.Dispose();
        }
        // In file order: the parents' rows come last from the check.
        return errors.Count > 0
            ? new(null, errors.OrderBy(e => sheets.IndexOf(e.Sheet)).ThenBy(e => e.Line).Take(MaxErrors).ToList())
            : new(new ImportResult(fileName, rows, created, appended, write is null, 0), []);
    }

    /// <summary>Names <paramref name="sheet"/> (a workbook's of several) in the errors from <paramref name="from"/>
    /// on that name none: those found in its rows as they were read.</summary>
    public static void InSheet(List<ImportError> errors, int from, string? sheet)
    {
        if (sheet is null) return;
        for (var i = from; i < errors.Count; i++)
            if (errors[i].Sheet is null) errors[i] = errors[i] with { Sheet = sheet };
    }

    /// <summary>A hash of what a row says, its unit's name read as everywhere in an import (as
    /// <see cref="UnitNameSpelling"/> compares names): a unit listed twice alike is one row.</summary>
    private static int Alike(ReportRow row) =>
        (row with { UnitName = UnitNameSpelling.Comparable(row.UnitName) }).GetHashCode();

    /// <summary>The rows of <paramref name="window"/> grouped by unit (each unit's rows in file order: a unit's
    /// decisions depend on its own earlier rows only), in batches of whole units of about
    /// <see cref="BatchRows"/> rows.</summary>
    private static IEnumerable<List<PendingRow>> ByUnit(List<PendingRow> window)
    {
        var batch = new List<PendingRow>();
        foreach (var unit in window.GroupBy(p => p.Row.UnitCode, StringComparer.Ordinal))
        {
            batch.AddRange(unit);
            if (batch.Count < BatchRows) continue;
            yield return batch;
            batch = [];
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>Attempts at writing a batch whose units other writers keep changing.</summary>
    private const int WriteAttempts = 3;

    /// <summary>Decides a batch of rows on the units' states and, when writing, appends the events in one
    /// transaction. A unit command (on any node) may append to one of the batch's units between the check and the
    /// write: the database then refuses the batch, and it is decided again on the units as they are now — what the
    /// command recorded is skipped, as when the file is imported again.</summary>
    private async Task<(int Created, int Appended)> Decide(
        List<PendingRow> batch, Dictionary<string, Unit?> states, RuleBook book, DistrictHistory districts,
        string? fileName, Writer? write, ReportParents parents, List<ImportError> errors,
        CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DecideOnce(
                    batch, states, book, districts, fileName, write, parents, errors, cancellation);
            }
            catch (Exception e) when (write is not null && VersionedWrites.IsConcurrencyConflict(e))
            {
                foreach (var (_, row, _) in batch) states.Remove(row.UnitCode);
                if (attempt < WriteAttempts) continue;
                errors.Add(batch[0].Place.Error("unit_code",
                    $"Unit {batch[0].Row.UnitCode} and the units written with it kept changing while the file was "
                    + "imported; import the file again."));
                return (0, 0);
            }
        }
    }

    private async Task<(int Created, int Appended)> DecideOnce(
        List<PendingRow> batch, Dictionary<string, Unit?> states, RuleBook book, DistrictHistory districts,
        string? fileName, Writer? write, ReportParents parents, List<ImportError> errors,
        CancellationToken cancellation)
    {
        if (batch.Count == 0) return (0, 0);
        await using var session = store.LightweightSession();
        var unseen = batch.Select(p => p.Row.UnitCode).Distinct().Where(code => !states.ContainsKey(code)).ToList();
        var loaded = (await session.LoadManyAsync<Unit>(cancellation, unseen)).ToDictionary(u => u.Code);
        foreach (var code in unseen) states[code] = loaded.GetValueOrDefault(code);

        int created = 0, appended = 0;
        // The units the batch registers, by the row that registers them.
        var startedHere = new Dictionary<string, TablePlace>();
        var written = new HashSet<string>();
        foreach (var (place, listed, parentReadFrom) in batch)
        {
            var unit = states[listed.UnitCode];
            // A unit that ended within the year by the row's date is listed as on its last day.
            var row = listed.For(unit);
            if (unit is not null && (unit.Level != row.Level || !InRowsProvince(unit, row)))
            {
                errors.Add(place.Error("unit_code", OtherLevelOrProvince(unit, row)));
                continue;
            }
            if (unit is not null && ReportRowDecider.Contradiction(unit, row, book, districts) is { } contradiction)
            {
                errors.Add(place.Error(contradiction.Column, contradiction.RecordedBy is null
                    ? contradiction.Message
                    : contradiction.Message + " " + HowRestructuringsAreRecorded));
                continue;
            }
            parents.Note(place, row, unit, parentReadFrom);
            switch (ReportRowDecider.Decide(unit, row, clock.Today, book, districts))
            {
                case Rejected rejected:
                    errors.Add(place.Error(ReportRowDecider.ColumnOf(rejected.Broken, unit, row),
                        $"Unit {row.UnitCode}, {row.Year}: {rejected.Broken.Sentence} ({rejected.Broken.Id})"));
                    break;
                case Accepted { Events.Count: > 0 } accepted:
                    if (unit is null) created++;
                    appended += accepted.Events.Count;
                    var version = (unit?.Version ?? 0) + accepted.Events.Count;
                    states[row.UnitCode] = UnitDocuments.Evolve(unit, accepted.Events, version);
                    if (write is null) break;
                    written.Add(row.UnitCode);
                    var stamped = accepted.Events.Select(e => Stamped(session, e, fileName, place)).ToArray();
                    // Expected versions: the store numbers the events itself and refuses to interleave with another
                    // writer.
                    if (unit is null && startedHere.TryAdd(row.UnitCode, place))
                        session.Events.StartStream<Unit>(row.UnitCode, stamped);
                    else session.Events.Append(row.UnitCode, version, stamped);
                    break;
            }
        }
        // Checked once the file was read; a unit registered since in another letter case is found under the lock of
        // the transactions that start streams, which this one holds until it commits.
        if (write is not null && errors.Count == 0)
        {
            if (startedHere.Count == 0) await session.BeginTransactionAsync(cancellation);
            else
            {
                foreach (var (code, registered) in
                         await CodesInOtherCase.Starting(session, startedHere.Keys, cancellation))
                {
                    errors.Add(startedHere[code].Error("unit_code",
                        $"{CodesInOtherCase.Sentence(code, registered)} A unit's code is written one way."));
                }
            }
            if (errors.Count == 0) await parents.CheckRecordedAgain(session, locks, errors, cancellation);
        }
        if (write is not null && errors.Count == 0)
        {
            session.CorrelationId = write.CorrelationId;
            session.LastModifiedBy = write.RecordedBy;
            foreach (var code in written) session.Store(states[code]!);
            await session.SaveChangesAsync(cancellation);
        }
        return (created, appended);
    }

    /// <summary>Where a change an import refuses is recorded: one restructuring through the API, or the province's
    /// restructuring tables as they are published (one row per unit), before the report table again.</summary>
    public const string HowRestructuringsAreRecorded = "Record it with POST /api/restructurings, or import the "
        + "restructuring table (one row per unit and change) with POST /api/restructurings/import; then import this "
        + "file again.";

    /// <summary>An imported event says where it came from (its file, when the file has a name, its sheet, in a
    /// workbook of several, and line) and that its business date is the report's date.</summary>
    private static object Stamped(IDocumentSession session, object data, string? fileName, TablePlace place)
    {
        var e = session.Events.BuildEvent(data);
        if (fileName is not null) e.SetHeader("import-file", fileName);
        if (place.Sheet is not null) e.SetHeader("import-sheet", place.Sheet);
        e.SetHeader("import-line", place.Line);
        e.SetHeader("business-date", "report-date");
        return e;
    }

    /// <summary>Why a row's level or province is not the recorded unit's. A row dated before the province the unit
    /// was recorded in became part of the row's (a Bắc Kạn department listed under Thái Nguyên on 30 June 2025, its
    /// last day) is told that the merger came later and what the row names instead.</summary>
    private static string OtherLevelOrProvince(Unit unit, ReportRow row)
    {
        var on = row.StepDate;
        var level = Vocabulary.Levels[unit.Level].Value;
        var province = unit.RecordedProvinceOn(on);
        if (unit.Level == row.Level && Provinces.Ending(province) is var (successor, from, merged) && on < from
            && Provinces.On(successor, from) == Provinces.On(row.Province, from))
        {
            var became = merged ? "became part of" : "became";
            return $"On {on:yyyy-MM-dd} unit {row.UnitCode} was still a {level} of {province}, which {became} "
                + $"{Provinces.On(successor, from)} from {from:yyyy-MM-dd}: a row dated before then names its province "
                + $"as it was, \"{province}\".";
        }
        return $"Unit {row.UnitCode} is recorded as a {level} of {province}, not a "
            + $"{Vocabulary.Levels[row.Level].Value} of {row.Province}.";
    }

    /// <summary>Whether the row's province is the one <paramref name="unit"/> counts under on the row's date (its
    /// steps' date, on which the row's province is checked): the
    /// province it was recorded in (or transferred to) by then, or that province's successor once it has merged into
    /// another (a 2025 report of Quảng Trị lists the former Quảng Bình units; Huế lists Thừa Thiên Huế's).</summary>
    private static bool InRowsProvince(Unit unit, ReportRow row) =>
        unit.RecordedProvinceOn(row.StepDate) is var recorded && recorded == row.Province
        || Provinces.On(recorded, row.StepDate) == Provinces.On(row.Province, row.StepDate);
}
