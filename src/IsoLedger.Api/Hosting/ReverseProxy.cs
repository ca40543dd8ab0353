using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace IsoLedger.Api.Hosting;

/// <summary>Behind a reverse proxy the connection comes from the proxy: the client's address and scheme arrive in
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>. They are believed only from the proxies and networks listed
/// in settings; with none listed the headers are ignored, so a client cannot choose the address it is rate-limited
/// and logged under.</summary>
public static class ReverseProxy
{
    public const string KnownProxiesSetting = "IsoLedger:ReverseProxy:KnownProxies";
    public const string KnownNetworksSetting = "IsoLedger:ReverseProxy:KnownNetworks";

    public static IServiceCollection AddIsoLedgerReverseProxy(
        this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(KnownProxiesSetting).Get<string[]>() ?? [];
        var networks = configuration.GetSection(KnownNetworksSetting).Get<string[]>() ?? [];
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Each hop is checked against the lists, so a chain of known proxies unwinds to the first unknown address.
            ForwardLimit = null,
        };
        // The defaults trust loopback; only what the operator lists is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"{KnownProxiesSetting}: '{proxy}' is not an IP address."));
        foreach (var network in networks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException(
                    $"{KnownNetworksSetting}: '{network}' is not a network such as 10.0.0.0/8."));
        services.AddSingleton(new ReverseProxySettings(options));
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme; a no-op when
    /// no proxy is configured.</summary>
    public static IApplicationBuilder UseIsoLedgerForwardedHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<ReverseProxySettings>().Options;
        return options.KnownProxies.Count + options.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders(options);
    }

    private sealed record ReverseProxySettings(ForwardedHeadersOptions Options);
}
