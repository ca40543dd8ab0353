using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

public static class GetComplianceFlagsEndpoint
{
    /// <summary>Active compliance flags in a province</summary>
    /// <remarks>Filter by <c>rule</c> id, <c>level</c> and <c>district</c> (from 1 July 2025, when the district level
    /// ended, a unit's <c>formerDistrict</c>); <c>asOf</c> (default today) judges the yearly rules: a year counts as
    /// missed only once it has ended.</remarks>
    [WolverineGet("/api/dashboards/compliance", OperationId = "GetComplianceFlags")]
    [Tags(ApiTags.Dashboards)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<ComplianceReport>>(StatusCodes.Status200OK,
        Description = "The compliance flags active in the province as of the day asked for, each with its unit and "
            + "rule.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        RuleBookSource rules, CancellationToken cancellation,
        string? province = null, string? rule = null, string? level = null, string? district = null,
        string? asOf = null, string? consistent = null)
    {
        var validation = new Validation().Text("district", district, max: Validation.MaxName);
        var common = ProvinceDashboard.ReadCommon(validation, province, consistent);
        var levelFilter = Query.Enum<UnitLevel>(validation, "level", level);
        var date = Query.AsOf(validation, asOf, clock.Today) ?? clock.Today;
        if (rule is not null && !Rules.All.Any(r => r.Kind == RuleKind.Compliance && r.Id == rule))
            validation.Add("rule", "Must be a compliance rule id: "
                + string.Join(", ", Rules.All.Where(r => r.Kind == RuleKind.Compliance).Select(r => r.Id)) + ".");
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var districtFilter = district?.Normalize();
        var book = rules.Current;
        var filters = $"{rule}\n{levelFilter}\n{districtFilter}\nrules {book.Version}";
        return await ProvinceDashboard.Answer("compliance", common!, date, filters, units =>
        {
            var report = ComplianceReport.Of(common!.Province, units, date, book);
            var flags = report.Flags.Where(f =>
                (rule is null || f.Rule == rule)
                && (levelFilter is null || f.Level == levelFilter)
                && (districtFilter is null || DistrictNames.Same(f.District ?? f.FormerDistrict, districtFilter)));
            return report with { Flags = flags.ToList() };
        }, store, freshness, cache, cancellation);
    }
}
