using IsoLedger.Projections.Dashboards;
using Marten;

namespace IsoLedger.Api.Dashboards;

/// <summary>Dashboards: the asynchronous dashboard projection, the answers computed from it, the page, and the
/// administration of the asynchronous projections.</summary>
public static class DashboardsFeature
{
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton<ProjectionFreshness>();
        services.AddSingleton<DashboardCache>();
        services.AddSingleton<ProjectionAdmin>();
        services.ConfigureMarten(options => options.AddDashboardUnitProjection());
        return services;
    }
}
