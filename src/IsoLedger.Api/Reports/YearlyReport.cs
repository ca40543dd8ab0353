using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Hosting;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace IsoLedger.Api.Reports;

/// <summary>What a year's report computed from the dashboards' projection shares: its parameters (year, province,
/// <c>asOf</c> a day of the year, <c>format</c>, <c>lang</c>, <c>consistent</c>), a 400 naming what is wrong, and the
/// answer as JSON with the projection's freshness or as a file (CSV or workbook) named
/// <c>iso-{year}-{report}</c>. It is judged by the rule book <paramref name="Rules"/>.</summary>
public sealed record YearlyReport(
    string Report, int Year, string? Province, string? Format, string? Lang, string? AsOf, string? Consistent,
    RuleBook Rules)
{
    public async Task<IResult> Answer<T>(
        Func<string, DateOnly?, Func<IReadOnlyList<Unit>, T>> compute, Func<T, bool, ReportTable> table,
        BusinessClock clock, IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache,
        CancellationToken cancellation)
    {
        var validation = new Validation().YearBegun("year", Year, clock.Today).Formats(Format, Lang);
        var common = ProvinceDashboard.ReadCommon(validation, Province, Consistent);
        var date = AnnualTable.ReadAsOf(validation, Year, AsOf, clock.Today);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var answer = await ProvinceDashboard.Judge(Report, common!, AnnualTable.JudgedOnFor(Year, clock.Today, date),
            $"{AnnualTable.Question(Year, date)}\nrules {Rules.Version}", compute(common!.Province, date), store,
            freshness, cache, cancellation);
        if (Format is not ("csv" or "xlsx")) return Results.Ok(answer);
        return ReportFormat.File(table(answer.Data, Lang == "en"), Format, $"iso-{Year}-{Report}");
    }
}
