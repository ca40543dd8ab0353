namespace IsoLedger.Api.Imports;

/// <summary>Imports of report tables, over HTTP and from the command line.</summary>
public static class ImportsFeature
{
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddSingleton(provider => TempFolder.From(provider.GetRequiredService<IConfiguration>()))
            .AddSingleton<ReportImporter>();
}
