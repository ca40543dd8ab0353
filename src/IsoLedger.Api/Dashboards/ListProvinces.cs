using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain;
using IsoLedger.Projections.Dashboards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

/// <summary>A province with data, and the years it has yearly facts for (the dashboard's pickers).</summary>
/// <param name="Province">The province's name, as its units are recorded under it.</param>
/// <param name="Units">The units recorded under it, ended ones too.</param>
/// <param name="Years">The years, up to this one, for which its units have yearly facts (a year's steps, an internal
/// audit, a management review), in ascending order.</param>
public sealed record ProvinceSummary(string Province, int Units, IReadOnlyList<int> Years);

public static class ListProvincesEndpoint
{
    /// <summary>Provinces with units, and their years with data</summary>
    /// <remarks>Each province with units recorded under its name, in Vietnamese alphabetical order, with its
    /// number of units and the years (up to this one) its units have yearly facts for: the dashboard's pickers.
    /// </remarks>
    [WolverineGet("/api/dashboards/provinces", OperationId = "ListProvinces")]
    [Tags(ApiTags.Dashboards)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<IReadOnlyList<ProvinceSummary>>(StatusCodes.Status200OK,
        Description = "The provinces with units, each with the years it has yearly facts for.")]
    public static async Task<IResult> Get(IQuerySession session, BusinessClock clock, CancellationToken cancellation)
    {
        var units = await session.Query<DashboardUnit>().ToListAsync(cancellation);
        // A year to come, whose plan is recorded ahead, has no table yet.
        var provinces = units.GroupBy(u => u.Province).OrderBy(g => g.Key, UnicodeText.VietnameseOrder)
            .Select(g => new ProvinceSummary(
                g.Key, g.Count(), [.. DataYears.Of(g.Select(u => u.State)).Where(year => year <= clock.Today.Year)]));
        return Results.Ok(provinces.ToList());
    }
}
