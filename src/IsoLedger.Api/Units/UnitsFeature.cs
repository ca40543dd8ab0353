using IsoLedger.Projections.Units;
using Marten;
using Microsoft.AspNetCore.OpenApi;

namespace IsoLedger.Api.Units;

/// <summary>Units: registration, the lifecycle commands and the unit reads.</summary>
public static class UnitsFeature
{
    public static IServiceCollection AddUnits(this IServiceCollection services)
    {
        services.AddSingleton<StreamVersions>();
        services.AddSingleton<UnitStatusCache>();
        services.AddSingleton<UnitLocks>();
        services.AddSingleton<KnownVersionWrites>();
        services.AddSingleton<UnitWriteCache>();
        services.AddSingleton<UnitWriteMetrics>();
        services.AddSingleton<UnitWriteQueue>();
        services.Configure<OpenApiOptions>("v1", options =>
            options.AddDocumentTransformer(RecordInspectionEndpoint.DescribeResult));
        services.ConfigureMarten(options => options.AddUnitDocuments());
        return services;
    }
}
