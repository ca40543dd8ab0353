using System.Net;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IsoLedger.Api.Tests;

/// <summary>A host configured as a province runs it: behind a reverse proxy, sending telemetry.</summary>
public sealed class ProductionSettingsFixture : ApiFixture
{
    public const string Proxy = "10.1.2.3";

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("IsoLedger:ReverseProxy:KnownProxies:0", Proxy);
        builder.UseSetting("IsoLedger:ReverseProxy:KnownNetworks:0", "192.168.50.0/24");
        // Nothing listens there: exports fail quietly, which is all a test of the wiring needs.
        builder.UseSetting("IsoLedger:OpenTelemetry:Endpoint", "http://127.0.0.1:9");
    }
}

public class ProductionHostingTests(ApiFixture plain, ProductionSettingsFixture configured)
    : IClassFixture<ApiFixture>, IClassFixture<ProductionSettingsFixture>
{
    [Fact]
    public void Telemetry_is_off_unless_an_endpoint_is_configured()
    {
        Assert.Null(plain.Host.Services.GetService<TracerProvider>());
        Assert.Null(plain.Host.Services.GetService<MeterProvider>());
        Assert.NotNull(configured.Host.Services.GetService<TracerProvider>());
        Assert.NotNull(configured.Host.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData(ProductionSettingsFixture.Proxy)]
    [InlineData("192.168.50.7")]
    public async Task A_known_proxy_passes_on_the_client_address_and_scheme(string proxy)
    {
        var request = await Forwarded(configured.Host, proxy);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), request.Connection.RemoteIpAddress);
        Assert.Equal("https", request.Request.Scheme);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var request = await Forwarded(configured.Host, "10.9.9.9");
        Assert.Equal(IPAddress.Parse("10.9.9.9"), request.Connection.RemoteIpAddress);
        Assert.Equal("http", request.Request.Scheme);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData(ProductionSettingsFixture.Proxy)]
    public async Task Without_configured_proxies_no_forwarded_header_is_believed(string proxy)
    {
        var request = await Forwarded(plain.Host, proxy);
        Assert.Equal(IPAddress.Parse(proxy), request.Connection.RemoteIpAddress);
        Assert.Equal("http", request.Request.Scheme);
    }

    /// <summary>A request arriving from <paramref name="proxy"/> that says it forwards a client's HTTPS request; the
    /// context afterwards shows what the pipeline believed.</summary>
    private static async Task<Microsoft.AspNetCore.Http.HttpContext> Forwarded(IAlbaHost host, string proxy)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = IPAddress.Parse(proxy));
            s.WithRequestHeader("X-Forwarded-For", "203.0.113.9");
            s.WithRequestHeader("X-Forwarded-Proto", "https");
        });
        return result.Context;
    }
}
