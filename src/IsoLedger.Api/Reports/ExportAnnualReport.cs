using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Provinces;
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
    /// Vietnamese, or English with <c>lang=en</c>. <c>layout=import</c> gives the year in the import format instead
    /// (as CSV, or with <c>format=xlsx</c> as a workbook of one sheet, which imports as the CSV does).
    /// <c>format=xlsx</c> gives the appendix layout as a workbook: a sheet per level and one for the province's totals,
    /// text as values (never formulas), numbers as numbers. <c>format=json</c> gives the table as data. Read from the
    /// units' inline state, so it includes every write. <c>asOf</c> (a day of the year) judges the year on that day:
    /// only the steps that had happened by then count.</remarks>
    [WolverineGet("/api/reports/annual/{year}", OperationId = "ExportAnnualReport")]
    [Tags(ApiTags.ImportAndExport)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<AnnualTable>(StatusCodes.Status200OK, "application/json", "text/csv",
        XlsxWriter.ContentType,
        Description = "The year's report table, one row per unit, in the layout and format asked for: JSON, CSV or a "
            + "workbook.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        int year, IQuerySession session, BusinessClock clock, RuleBookSource rules, CancellationToken cancellation,
        string? province = null, string? format = null, string? lang = null, string? layout = null,
        string? asOf = null)
    {
        var validation = new Validation().YearBegun("year", year, clock.Today).Formats(format, lang);
        var common = ProvinceDashboard.ReadCommon(validation, province, consistent: null);
        var date = AnnualTable.ReadAsOf(validation, year, asOf, clock.Today);
        if (layout is not null && !ReportFormat.LayoutValues.Contains(layout))
            validation.Add("layout", "Must be report or import.");
        if (format == "json" && layout == "import") validation.Add("layout", "The import layout is CSV or XLSX.");
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        // The province's units as the dashboards count them on the year's judged day: a merged province's units
        // under the province it became part of from 1 July 2025, a transferred unit where it was then.
        var name = common!.Province;
        var judgedOn = AnnualTable.JudgedOnFor(year, clock.Today, date);
        var names = Provinces.NamesCountedAs(name, judgedOn).ToArray();
        // A unit moved more than once may have been here on the day under neither its first province nor its latest:
        // the few units ever moved are read too, and judged where they were.
        var stored = await session.Query<Unit>()
            .Where(u => names.Contains(u.Province) || names.Contains(u.RegisteredProvince) || u.Transfers.Any())
            .ToListAsync(cancellation);
        var units = stored.Where(u => names.Contains(u.RecordedProvinceOn(judgedOn))).ToList();
        var table = AnnualTable.Of(name, units, year, clock.Today, date);
        if (format == "json") return Results.Ok(table);

        if (layout == "import")
        {
            return ReportFormat.File(AnnualReport.Import(table, units.ToDictionary(u => u.Code), rules.Current),
                format, $"iso-{year}-import");
        }
        return ReportFormat.File(AnnualReport.Table(table, english: lang == "en"), format, $"iso-{year}-report");
    }
}
