using System.Security.Cryptography;
using System.Text.Json;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Reports;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Provinces;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Imports;

public static class ImportReportTableEndpoint
{
    public const long MaxImportBytes = 50L * 1024 * 1024;

    /// <summary>The longest <c>fileName</c> taken: it names the source on every imported event.</summary>
    public const int MaxFileNameLength = 200;

    /// <summary>What ends a line of text, in a log or on a screen: a file name is logged and stamped on every imported
    /// event, where a line break in it would read as a line of its own (a forged log entry).</summary>
    private static readonly char[] LineBreaks = ['\n', '\r', '\u2028', '\u2029'];

    /// <summary>Import a province's yearly report table</summary>
    /// <remarks>Body: CSV (<c>text/csv</c>, UTF-8 or UTF-16 with its BOM, columns separated by commas, semicolons or
    /// tabs, header row, columns in any order; see README) or a workbook (XLSX: every shown sheet whose first row names
    /// the required columns; errors by sheet and row), read by what the bytes are. All or nothing: a file with any bad
    /// row imports nothing and answers 422 listing the bad rows (up to 1000) with line, column and reason. Importing
    /// the same file again appends nothing; sent again with its <c>Idempotency-Key</c> (and the same file and
    /// parameters) it answers what it answered the first time. <c>?dryRun=true</c> checks the file and says what it
    /// would do. A table without a province, year or report date column (an appendix's own columns: "TT", "Tên cơ quan,
    /// đơn vị", "Ghi chú") takes them from <c>province</c>, <c>year</c> and <c>reportDate</c>; a table with the column
    /// and the request giving it is refused. Imports take turns; once a file is checked its write runs to the end even
    /// if the client leaves. 409 or 503 when the write stopped part way (units changed meanwhile, the database went
    /// away): what it wrote stays, and importing the file again writes the rest. 503 too, with nothing recorded, when
    /// the server cannot store the upload (its temporary folder full or missing): send it again later.</remarks>
    [WolverinePost("/api/imports", OperationId = "ImportReportTable")]
    [Tags(ApiTags.ImportAndExport)]
    [Authorize(Roles = Roles.Admin)]
    [VersionedWrite(TakesIfMatch = false, AnswersVersion = false)]
    [RequestSizeLimit(MaxImportBytes)]
    [Consumes("text/csv", "application/csv", XlsxWriter.ContentType, "application/octet-stream")]
    [ProducesResponseType<ImportResult>(StatusCodes.Status200OK,
        Description = "What the import did (or, on a dry run, would do): rows read, units created, events appended.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ImportProblemDetails>(StatusCodes.Status409Conflict, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ImportProblemDetails>(
        StatusCodes.Status422UnprocessableEntity, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ImportProblemDetails>(
        StatusCodes.Status503ServiceUnavailable, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Post(
        HttpContext http, ReportImporter importer, IDocumentStore store, TempFolder temp,
        CancellationToken cancellation,
        string? dryRun = null, string? fileName = null, string? province = null, string? year = null,
        string? reportDate = null)
    {
        if (VersionedWrites.SendsVersion(http))
            return WriteProblems.IfMatchNotTaken("An import writes many units' streams");
        var validation = new Validation().Text("fileName", fileName, max: MaxFileNameLength)
            .Check("fileName", fileName?.IndexOfAny(LineBreaks) is null or < 0, "Must be one line: no line breaks.");
        var dry = Query.Flag(validation, "dryRun", dryRun);
        // The province, year and report date of a table whose columns do not say them, read as the columns are.
        validation.Text("province", province, max: Validation.MaxName);
        if (province is not null && Provinces.Problem(province) is { } unknown) validation.Add("province", unknown);
        var givenYear = Query.Int(validation, "year", year, 0, Validation.EarliestDate.Year, 9999);
        var givenDate = Query.Date(validation, "reportDate", reportDate);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        // The upload's copy, read twice (check, then write), deleted when it is closed, however the import ends.
        await using var spool = temp.Create();
        var digest = await Copy(http.Request.Body, spool, temp, cancellation);
        // A dry run records nothing for a retry to repeat, as a restructuring's does not.
        var idempotency = dry ? null : Idempotency.For(http,
            new ImportedTable(Convert.ToHexStringLower(digest), fileName, province, year, reportDate));
        if (idempotency is not null && await idempotency.Earlier(store, cancellation) is { } earlier) return earlier;
        var outcome = await importer.Import(
            () => TempFolder.FromStart(spool),
            fileName,
            http.User.Identity?.Name ?? "",
            http.Id(),
            dry,
            cancellation,
            new TableDefaults(province, year is null ? null : $"{givenYear}", givenDate?.ToString("yyyy-MM-dd")));
        return outcome switch
        {
            { Interrupted: { } why, Result: { } written } => Interrupted(why, written, outcome.Errors),
            { Result: { } result } => idempotency is null
                ? Results.Ok(result)
                : await Kept(http, store, idempotency, result),
            _ => Rejected(outcome.Errors),
        };
    }

    /// <summary>What an import's <c>Idempotency-Key</c> stands for: the file's bytes (their SHA-256) and the
    /// parameters it was read with.</summary>
    private sealed record ImportedTable(
        string Sha256, string? FileName, string? Province, string? Year, string? ReportDate);

    /// <summary>The answer of an import that wrote the whole file, kept under its key for a retry (the client that
    /// retries has mostly left before it came: kept whatever the client does, as the write pass ran). Only a whole
    /// import's answer is kept: a retry of a refused file is judged again, and one of an interrupted import writes
    /// the rest. A retry that ran meanwhile and kept its answer first is answered with that.</summary>
    private static async Task<IResult> Kept(
        HttpContext http, IDocumentStore store, Idempotency idempotency, ImportResult result)
    {
        var response = new IdempotentResponse
        {
            Id = idempotency.Id,
            Fingerprint = idempotency.Fingerprint,
            Status = StatusCodes.Status200OK,
            Body = JsonSerializer.Serialize(result, ApiJson.Options(http)),
        };
        await using var session = store.LightweightSession();
        session.Insert(response);
        try
        {
            await session.SaveChangesAsync(CancellationToken.None);
        }
        catch (DocumentAlreadyExistsException)
        {
            return await idempotency.RacedBy(store, CancellationToken.None);
        }
        return response.Replay(idempotency.Fingerprint);
    }

    /// <summary>Copies the body into <paramref name="spool"/>, answering its SHA-256: what reading the body throws is
    /// the client's (a body cut short, or stalled: 400, 408), what writing the copy throws the server's storage's
    /// (<see cref="TempStorageException"/>: 503).</summary>
    private static async Task<byte[]> Copy(
        Stream body, FileStream spool, TempFolder temp, CancellationToken cancellation)
    {
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        for (int read; (read = await body.ReadAsync(buffer, cancellation)) > 0;)
        {
            digest.AppendData(buffer, 0, read);
            await temp.Storing(() => spool.WriteAsync(buffer.AsMemory(0, read), cancellation).AsTask());
        }
        await temp.Storing(() => spool.FlushAsync(cancellation));
        return digest.GetHashAndReset();
    }

    /// <summary>409 (a change recorded meanwhile made rows wrong) or 503 (the database went away): the write pass
    /// stopped after committing part of the file; importing it again writes the rest.</summary>
    private static IResult Interrupted(ImportInterruption why, ImportResult written, IReadOnlyList<ImportError> errors)
    {
        var unavailable = why == ImportInterruption.DatabaseUnavailable;
        var problem = Results.Problem(new ImportProblemDetails
        {
            Type = "urn:isoledger:problem:import-interrupted",
            Title = "The import stopped part way; what it wrote before stays.",
            Detail = $"{written.UnitsCreated} unit(s) created and {written.EventsAppended} event(s) appended before "
                + (unavailable
                    ? "the database could not be reached any more. Import the file again when it is back: "
                    : "units changed meanwhile made the rows listed wrong. Fix them and import the file again: ")
                + "what is already recorded is skipped.",
            Status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict,
            Written = written,
            Errors = errors,
        });
        // As every 503 does, it says when to try again.
        return unavailable ? problem.WithRetryAfter(Problems.DatabaseRetryAfterSeconds) : problem;
    }

    /// <summary>422: the file has bad rows, listed (the first <see cref="ReportImporter.MaxErrors"/>).</summary>
    public static IResult Rejected(IReadOnlyList<ImportError> errors) => Results.Problem(new ImportProblemDetails
    {
        Type = "urn:isoledger:problem:import-rejected",
        Title = "The file has bad rows; nothing was imported.",
        // The reading stops at the limit: more may follow, which are not counted.
        Detail = (errors.Count >= ReportImporter.MaxErrors
                ? $"At least {errors.Count} problems found (the reading stopped there; the first {errors.Count} are "
                    + "listed)"
                : $"{errors.Count} problem(s) found")
            + ". Fix them and import the file again.",
        Status = StatusCodes.Status422UnprocessableEntity,
        Errors = errors,
    });
}
