using Marten;

namespace IsoLedger.Api.Restructurings;

/// <summary>Restructurings: merges, splits, renames, transfers and dissolutions recorded across units at once.
/// </summary>
public static class RestructuringsFeature
{
    public static IServiceCollection AddRestructurings(this IServiceCollection services) =>
        services.ConfigureMarten(options => options.Schema.For<Restructuring>());
}
