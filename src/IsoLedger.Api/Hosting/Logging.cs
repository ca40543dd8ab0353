using Serilog;
using Serilog.Formatting.Compact;

namespace IsoLedger.Api.Hosting;

public static class Logging
{
    /// <summary>Readable console lines for people in Development; one compact JSON object per line elsewhere,
    /// for log collectors. Levels come from the <c>Serilog</c> configuration section.</summary>
    public static void AddIsoLedgerLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (development)
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            else
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
        });
    }
}
