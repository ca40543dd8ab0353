using IsoLedger.Api.Hosting;
using IsoLedger.Projections.Dashboards;
using Marten;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

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
        services.AddHostedService<RebuildAfterRefold>();
        // The dashboard loads only its own files (and its empty data: icon, so browsers ask for no favicon).
        services.AddSingleton(
            new PagePolicy("/dashboard", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"));
        services.ConfigureMarten(options => options.AddDashboardUnitProjection());
        services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer(DescribeProvince));
        return services;
    }

    /// <summary>A province's dashboards (<see cref="ProvinceDashboard.ReadCommon"/>) answer for one province: without
    /// it they answer 400 "Required".</summary>
    private static Task DescribeProvince(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var path = "/" + context.Description.RelativePath;
        if (!path.StartsWith("/api/dashboards/")) return Task.CompletedTask;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter is { In: ParameterLocation.Query, Name: "province" }) parameter.Required = true;
        }
        return Task.CompletedTask;
    }
}
