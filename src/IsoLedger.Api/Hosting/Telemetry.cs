using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IsoLedger.Api.Hosting;

/// <summary>Traces and metrics of ASP.NET Core, Npgsql, Marten and Wolverine, sent over OTLP. Off unless an endpoint
/// is configured: collecting spans nobody receives costs every request for nothing.</summary>
public static class Telemetry
{
    public const string EndpointSetting = "IsoLedger:OpenTelemetry:Endpoint";
    public const string ProtocolSetting = "IsoLedger:OpenTelemetry:Protocol";
    /// <summary>The standard OpenTelemetry variable; with it every other <c>OTEL_*</c> variable applies too.</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "isoledger";

    /// <summary>Marten and Wolverine name their activity sources and meters after themselves.</summary>
    private static readonly string[] Libraries = ["Marten", "Wolverine"];

    public static void AddIsoLedgerTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var endpoint = configuration[EndpointSetting];
        if (string.IsNullOrEmpty(endpoint) && string.IsNullOrEmpty(configuration[StandardEndpointVariable])) return;

        // Marten records connection spans and appended-event counters only when asked.
        builder.Services.ConfigureMarten(options =>
        {
            options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            options.OpenTelemetry.TrackEventCounters();
        });
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddSource(Libraries))
            .WithMetrics(metrics =>
                metrics.AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation().AddMeter(Libraries));
        if (string.IsNullOrEmpty(endpoint))
            telemetry.UseOtlpExporter();
        else
            telemetry.UseOtlpExporter(Protocol(configuration[ProtocolSetting]), new Uri(endpoint));
    }

    private static OtlpExportProtocol Protocol(string? name) => name switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"{ProtocolSetting} must be 'grpc' or 'http/protobuf', not '{name}'."),
    };
}
