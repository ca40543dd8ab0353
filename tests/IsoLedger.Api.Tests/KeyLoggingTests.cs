using System.Collections.Concurrent;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace IsoLedger.Api.Tests;

/// <summary>Keeps every log event the host writes, rendered with its properties, for the test to search.</summary>
public sealed class CollectingSink : ILogEventSink
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter();
        new Serilog.Formatting.Compact.CompactJsonFormatter().Format(logEvent, text);
        Lines.Enqueue(text.ToString());
    }
}

/// <summary>A host that logs every level into a <see cref="CollectingSink"/>.</summary>
public sealed class LogCollectingApiFixture : ApiFixture
{
    public CollectingSink Sink { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Sink));
    }
}

public class KeyLoggingTests(LogCollectingApiFixture api) : IClassFixture<LogCollectingApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Fact]
    public async Task API_keys_never_appear_in_the_logs()
    {
        const string wrongKey = "wrong-key-4b1d9c";
        await Host.Post("/api/units",
            """{"code":"QT-LOG","name":"x","level":"commune","province":"Quảng Trị"}""", Keys.Recorder).Expect(201);
        await Host.Get("/api/units/QT-LOG", Keys.Viewer).Expect(200);
        await Host.Get("/api/units/QT-LOG", wrongKey).Expect(401);
        await Host.Post("/api/units", "{ not json", Keys.Admin).Expect(400);

        var log = string.Join("\n", api.Sink.Lines);
        Assert.Contains("/api/units/QT-LOG", log);
        foreach (var key in new[] { Keys.Recorder, Keys.Viewer, Keys.Admin, wrongKey })
            Assert.DoesNotContain(key, log);
    }
}
