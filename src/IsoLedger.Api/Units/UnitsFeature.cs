using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using Marten;
using Microsoft.AspNetCore.OpenApi;

namespace IsoLedger.Api.Units;

/// <summary>Units: registration, the lifecycle commands and the unit reads.</summary>
public static class UnitsFeature
{
    /// <summary>The compliance settings of this installation (<c>IsoLedger:Rules</c>, e.g.
    /// <c>IsoLedger__Rules__SuccessorGraceMonths=18</c>).</summary>
    public const string RulesSection = "IsoLedger:Rules";

    public static IServiceCollection AddUnits(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection(RulesSection)
            .Get<ComplianceSettings>() ?? ComplianceSettings.Default);
        services.AddSingleton<StreamVersions>();
        services.AddSingleton<UnitStatusCache>();
        services.AddSingleton<UnitLocks>();
        services.AddSingleton<KnownVersionWrites>();
        services.AddSingleton<UnitWriteCache>();
        services.AddSingleton<UnitWriteMetrics>();
        services.AddSingleton<UnitWriteQueue>();
        services.Configure<OpenApiOptions>("v1", options =>
            options.AddDocumentTransformer(RecordInspectionEndpoint.DescribeResult));
        services.ConfigureMarten(options =>
        {
            options.AddUnitDocuments();
            options.Schema.For<IdempotentResponse>();
        });
        return services;
    }
}
