using IsoLedger.Projections.Units;
using Marten;

namespace IsoLedger.Api.Units;

/// <summary>Units: registration, the lifecycle commands and the unit reads.</summary>
public static class UnitsFeature
{
    public static IServiceCollection AddUnits(this IServiceCollection services)
    {
        services.AddSingleton<UnitStatusCache>();
        services.ConfigureMarten(options =>
        {
            options.AddUnitProjection();
            options.Schema.For<IdempotentResponse>();
        });
        return services;
    }
}
