using IsoLedger.Api.Hosting;
using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using Marten;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

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
        services.AddSingleton<UnitStateReplay>();
        services.AddHostedService(provider => provider.GetRequiredService<UnitStateReplay>());
        services.AddSingleton(new EndpointConvention(UnitCommandAttribute.Describe));
        services.AddSingleton(NumericUnitVersions.Upgrade);
        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer(RecordInspectionEndpoint.DescribeResult);
            options.AddOperationTransformer(DescribeQuery);
        });
        services.ConfigureMarten(options =>
        {
            options.AddUnitDocuments();
            options.Schema.For<UnitStateFold>();
        });
        return services;
    }

    /// <summary>The bounds the unit list and the event pages check (Query.Int with their limits), and the levels a
    /// <c>level</c> filter takes (the unit list's, the dashboards').</summary>
    private static Task DescribeQuery(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Query) continue;
            parameter.Schema = parameter.Name switch
            {
                "page" => OpenApiParameters.Integer(1, int.MaxValue / ListUnitsEndpoint.MaxPageSize, "int32"),
                "pageSize" => OpenApiParameters.Integer(1, ListUnitsEndpoint.MaxPageSize, "int32"),
                "limit" => OpenApiParameters.Integer(1, GetEventsEndpoint.MaxEventPage, "int32"),
                "level" => OpenApiParameters.OneOf(Vocabulary.Levels.All.Select(term => term.Value)),
                _ => parameter.Schema,
            };
        }
        return Task.CompletedTask;
    }
}
