using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Reports;

public static class ExportAnnualReportEndpoint
{
    /// <summary>Export the year's report table</summary>
    /// <remarks><c>format=csv</c> (default) gives the layout of the report's appendices: units grouped by level and
    /// district with x marks, the inspection result, the standard, and group totals with percentages; headers in
    /// Vietnamese, or English with <c>lang=en</c>. <c>layout=import</c> gives the year in the import format instead.
    /// <c>format=json</c> gives the table as data. Read from the units' inline state, so it includes every
    /// write.</remarks>
    [WolverineGet("/api/reports/annual/{year}", OperationId = "ExportAnnualReport")]
    [Tags("Import and export")]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<AnnualTable>(StatusCodes.Status200OK, "application/json", "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(
        int year, IQuerySession session, BusinessClock clock, CancellationToken cancellation,
        string? province = null, string? format = null, string? lang = null, string? layout = null)
    {
        var validation = new Validation()
            .Year("year", year, clock.Today)
            .Text("province", province, required: true, max: 500);
        if (format is not null and not "csv" and not "json") validation.Add("format", "Must be csv or json.");
        if (lang is not null and not "vi" and not "en") validation.Add("lang", "Must be vi or en.");
        if (layout is not null and not "report" and not "import") validation.Add("layout", "Must be report or import.");
        if (format == "json" && layout == "import") validation.Add("layout", "The import layout is CSV.");
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var name = province!.Normalize();
        var units = await session.Query<Unit>().Where(u => u.Province == name).ToListAsync(cancellation);
        var table = AnnualTable.Of(name, units, year, clock.Today);
        if (format == "json") return Results.Ok(table);

        var csv = layout == "import"
            ? AnnualReportCsv.Import(table, units.ToDictionary(u => u.Code))
            : AnnualReportCsv.Report(table, english: lang == "en");
        var fileName = $"iso-{year}-{(layout == "import" ? "import" : "report")}.csv";
        return Results.File(csv, "text/csv; charset=utf-8", fileName);
    }
}
