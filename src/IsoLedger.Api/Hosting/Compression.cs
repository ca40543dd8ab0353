using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace IsoLedger.Api.Hosting;

/// <summary>Answers in text (JSON, CSV, the dashboard's files) are compressed for a client that accepts it (Brotli,
/// else gzip, at the fastest level): a province's annual table of a thousand units is 600 KB of JSON, which a phone on
/// a slow network waits seconds for, and a tenth of that compressed. A client that sends no <c>Accept-Encoding</c>
/// gets the answer as before; a workbook is compressed already and is sent as it is.</summary>
public static class Compression
{
    private static readonly string[] TextTypes =
    [
        "application/json", "application/problem+json", "text/csv", "text/html", "text/css", "text/javascript",
        "application/javascript", "image/svg+xml", "text/plain",
    ];

    public static IServiceCollection AddIsoLedgerCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // No answer mixes a secret with what a client sent (keys travel in headers only), so compression over
            // HTTPS gives a BREACH attack nothing to guess; behind a TLS proxy every request counts as HTTPS.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = TextTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);
        return services;
    }
}
