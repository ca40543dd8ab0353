using Serilog;
using Serilog.Formatting.Compact;

namespace IsoLedger.Api.Hosting;

public static class Logging
{
    /// <summary>Request logging through this host's own logger (not Serilog's static one, which several hosts in one
    /// process would share).</summary>
    public static void UseIsoLedgerRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());

    /// <summary>Readable console lines for people in Development; one compact JSON object per line elsewhere,
    /// for log collectors. Levels come from the <c>Serilog</c> configuration section. The host's report of an address
    /// already in use is left out, to be said in one line (<see cref="StartFailure"/>).</summary>
    public static void AddIsoLedgerLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSingleton<StartFailure>();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Filter.ByExcluding(services.GetRequiredService<StartFailure>().Takes);
            if (development)
                logger.WriteTo.Console(outputTemplate:
                    "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            else
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
        }, preserveStaticLogger: true);
    }
}
