using IsoLedger.Api.Hosting;
using IsoLedger.Api.Imports;
using IsoLedger.Api.Reports;
using IsoLedger.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Restructurings;

/// <summary>What an import of a restructuring table recorded (or, on a dry run, would record).</summary>
/// <param name="DryRun">Whether it was a dry run (<c>dryRun=true</c>): everything decided, nothing written.</param>
/// <param name="Restructurings">The restructurings of the table, one per act and effective date, less the parts
/// already on record: a file imported again records none.</param>
public sealed record RestructuringImport(bool DryRun, IReadOnlyList<Restructuring> Restructurings);

public static class ImportRestructuringsEndpoint
{
    public const int MaxErrors = 1000;

    /// <summary>Import a restructuring table (old code → new code)</summary>
    /// <remarks>Body: CSV (<c>text/csv</c>) or a workbook (XLSX), read as a report table is; header row, columns in
    /// any order; see README, "Restructurings".
    /// All or nothing: every restructuring of the file is written in one transaction, or none; a bad row answers 422
    /// listing every bad row; a broken guard 409 naming the act, rule and unit. Importing the same file again records
    /// nothing more. <c>?dryRun=true</c> decides everything and writes nothing.</remarks>
    [WolverinePost("/api/restructurings/import", OperationId = "ImportRestructurings")]
    [Tags(ApiTags.Restructurings)]
    [VersionedWrite(TakesIfMatch = false, AnswersVersion = false)]
    [Authorize(Policy = Policies.Record)]
    [RequestSizeLimit(ImportReportTableEndpoint.MaxImportBytes)]
    [Consumes("text/csv", "application/csv", XlsxWriter.ContentType, "application/octet-stream")]
    [ProducesResponseType<RestructuringImport>(StatusCodes.Status200OK,
        Description = "What the import recorded (or, on a dry run, would record): the restructurings of the table.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ImportProblemDetails>(
        StatusCodes.Status422UnprocessableEntity, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Post(
        HttpContext http, IDocumentStore store, BusinessClock clock, TempFolder temp, CancellationToken cancellation,
        string? dryRun = null)
    {
        var flags = new Validation();
        var dry = Query.Flag(flags, "dryRun", dryRun);
        if (flags.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        // The table is small (one row per old unit); it is read whole before anything is decided.
        using var file = new MemoryStream();
        await http.Request.Body.CopyToAsync(file, cancellation);
        file.Position = 0;
        var (restructurings, errors) = RestructuringTable.Read(file, MaxErrors, temp);
        if (errors.Count > 0) return ImportReportTableEndpoint.Rejected(errors);
        return await RestructuringWriter.Execute(http, store, clock, restructurings,
            written => new WriteAnswer(
                StatusCodes.Status200OK, new RestructuringImport(dry, written), null, Version: null),
            new RestructuringOptions(DryRun: dry, SkipRecordedParts: true, TakeListedSuccessors: true));
    }
}
