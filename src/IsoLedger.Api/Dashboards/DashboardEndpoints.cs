using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using IsoLedger.Projections.Dashboards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

/// <summary>The province dashboards, computed from the asynchronous <see cref="DashboardUnit"/> projection.</summary>
public static class DashboardEndpoints
{
    private const string Tag = "Dashboards";

    private sealed record Common(string Province, bool Consistent);

    /// <summary>Reads the query parameters every dashboard takes: a province, and consistent=true|false.</summary>
    private static Common? ReadCommon(Validation validation, string? province, string? consistent)
    {
        validation.Text("province", province, required: true, max: 500);
        if (consistent is not null and not "true" and not "false")
            validation.Add("consistent", "Must be true or false.");
        return province is null ? null : new Common(province.Normalize(), consistent == "true");
    }

    /// <summary>Answers from the cache when the projection has not moved since the same question was last asked;
    /// otherwise judges the province's units. The documents are read after the progress, so an answer is never older
    /// than the freshness it is reported with.</summary>
    private static async Task<IResult> Answer<T>(
        string dashboard, Common common, DateOnly date, string filters, Func<IReadOnlyList<Unit>, T> compute,
        IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, CancellationToken cancellation)
    {
        var fresh = await freshness.For(common.Consistent, cancellation);
        var key = new DashboardKey(dashboard, common.Province, fresh.ProcessedSequence, date, filters);
        // Shared by every request waiting for the same key, so one request's cancellation must not end it.
        var data = await cache.GetOrCompute(key, async () =>
        {
            await using var session = store.QuerySession();
            var units = await session.Query<DashboardUnit>()
                .Where(u => u.Province == common.Province)
                .ToListAsync(CancellationToken.None);
            return compute(units.Select(u => u.State).ToList());
        }).WaitAsync(cancellation);
        return Results.Ok(new DashboardAnswer<T>(fresh, data));
    }

    /// <summary>Conversion progress 2008 → 2015</summary>
    /// <remarks>Per level, per district and in all: not declared, on 2008, converting, converted. <c>asOf</c> defaults
    /// to today.</remarks>
    [WolverineGet("/api/dashboards/conversion", OperationId = "GetConversionProgress")]
    [Tags(Tag)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<ConversionProgress>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Conversion(
        IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        CancellationToken cancellation, string? province = null, string? asOf = null, string? consistent = null)
    {
        var validation = new Validation();
        var common = ReadCommon(validation, province, consistent);
        var date = Query.Date(validation, "asOf", asOf) ?? clock.Today;
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        return await Answer("conversion", common!, date, "",
            units => ConversionProgress.Of(common!.Province, units, date),
            store, freshness, cache, cancellation);
    }

    /// <summary>The year's table of units, as in the report's appendices</summary>
    /// <remarks>One row per unit with its yearly steps, and totals per level and per district with the share that
    /// reported.</remarks>
    [WolverineGet("/api/dashboards/annual/{year}", OperationId = "GetAnnualTable")]
    [Tags(Tag)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<AnnualTable>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Annual(
        int year, IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        CancellationToken cancellation,
        string? province = null, string? level = null, string? district = null, string? consistent = null)
    {
        var validation = new Validation().Year("year", year, clock.Today).Text("district", district, max: 500);
        var common = ReadCommon(validation, province, consistent);
        var levelFilter = Query.Enum<UnitLevel>(validation, "level", level);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var districtFilter = district?.Normalize();
        return await Answer("annual", common!, clock.Today, $"{year}\n{levelFilter}\n{districtFilter}",
            units => AnnualTable.Of(common!.Province,
                units.Where(u => (levelFilter is null || u.Level == levelFilter)
                    && (districtFilter is null || u.District == districtFilter)),
                year, clock.Today),
            store, freshness, cache, cancellation);
    }

    /// <summary>The year's summary per level</summary>
    /// <remarks>Units, declared, on 2015, and complete (declared and did every yearly step) per level.</remarks>
    [WolverineGet("/api/dashboards/statistics/{year}", OperationId = "GetProvinceStatistics")]
    [Tags(Tag)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<ProvinceStatistics>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Statistics(
        int year, IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        CancellationToken cancellation, string? province = null, string? consistent = null)
    {
        var validation = new Validation().Year("year", year, clock.Today);
        var common = ReadCommon(validation, province, consistent);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        return await Answer("statistics", common!, clock.Today, $"{year}",
            units => ProvinceStatistics.Of(common!.Province, units, year, clock.Today),
            store, freshness, cache, cancellation);
    }

    /// <summary>Active compliance flags in a province</summary>
    /// <remarks>Filter by <c>rule</c> id, <c>level</c> and <c>district</c>; <c>asOf</c> (default today) judges the
    /// yearly rules: a year counts as missed only once it has ended.</remarks>
    [WolverineGet("/api/dashboards/compliance", OperationId = "GetComplianceFlags")]
    [Tags(Tag)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<ComplianceReport>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> ComplianceFlags(
        IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        CancellationToken cancellation,
        string? province = null, string? rule = null, string? level = null, string? district = null,
        string? asOf = null, string? consistent = null)
    {
        var validation = new Validation().Text("district", district, max: 500);
        var common = ReadCommon(validation, province, consistent);
        var levelFilter = Query.Enum<UnitLevel>(validation, "level", level);
        var date = Query.Date(validation, "asOf", asOf) ?? clock.Today;
        if (rule is not null && !Rules.All.Any(r => r.Kind == RuleKind.Compliance && r.Id == rule))
            validation.Add("rule", "Must be a compliance rule id: "
                + string.Join(", ", Rules.All.Where(r => r.Kind == RuleKind.Compliance).Select(r => r.Id)) + ".");
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var districtFilter = district?.Normalize();
        return await Answer("compliance", common!, date, $"{rule}\n{levelFilter}\n{districtFilter}", units =>
        {
            var report = ComplianceReport.Of(common!.Province, units, date);
            var flags = report.Flags.Where(f =>
                (rule is null || f.Rule == rule)
                && (levelFilter is null || f.Level == levelFilter)
                && (districtFilter is null || f.District == districtFilter));
            return report with { Flags = flags.ToList() };
        }, store, freshness, cache, cancellation);
    }
}
