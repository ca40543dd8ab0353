using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Metadata;

namespace IsoLedger.Api.Hosting;

/// <summary>What every answer is protected by: security headers, CORS (closed unless configured), a request-body
/// limit, and a rate limit per API key (per address without one).</summary>
public static class Protection
{
    public const long MaxJsonBodyBytes = 1024 * 1024;
    public const string CorsOrigins = "IsoLedger:Cors:Origins";
    public const string RateLimitPerSecond = "IsoLedger:RateLimit:PermitsPerSecond";
    public const string RateLimitBurst = "IsoLedger:RateLimit:Burst";

    public static IServiceCollection AddIsoLedgerProtection(
        this IServiceCollection services, IConfiguration configuration)
    {
        // HeaderLimits answers over-long addresses and headers with problems; the server's own limits sit above them.
        // A header value with bytes outside ASCII (a UTF-8 "é" in an Idempotency-Key) the server refused with a bare
        // 400 and no body: read as Latin-1, which takes every byte, it reaches the checks that say what is wrong.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = HeaderLimits.ServerLimit;
            kestrel.Limits.MaxRequestHeadersTotalSize = HeaderLimits.ServerLimit;
            kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;
            kestrel.AnswerAsProblems();
        });
        var origins = configuration.GetSection(CorsOrigins).Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
                policy.WithOrigins(origins)
                    .WithHeaders("X-Api-Key", "Content-Type", "If-Match", "Idempotency-Key", Correlation.Header)
                    .WithMethods("GET", "POST")
                    .WithExposedHeaders("ETag", "Location", Correlation.Header, "Retry-After");
        }));

        var perSecond = configuration.GetValue(RateLimitPerSecond, 200);
        var burst = configuration.GetValue(RateLimitBurst, perSecond * 2);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ =>
                    new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            options.OnRejected = async (rejection, cancellation) =>
            {
                var seconds = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                var http = rejection.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(
                    new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails =
                        {
                            Type = "https://tools.ietf.org/html/rfc6585#section-4",
                            Status = 429,
                            Title = "Too many requests.",
                            Detail = $"The request rate of this key (or, without one, of this address) is limited; "
                                + $"retry after {seconds} s.",
                        },
                    });
            };
        });
        return services;
    }

    /// <summary>The key's name once authenticated; the presented key's hash is not needed: unauthenticated requests
    /// share their address's bucket.</summary>
    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.Name) is { } key
            ? $"key:{key}"
            : $"address:{context.Connection.RemoteIpAddress}";

    /// <summary>The API reference page (Scalar, mapped by the host) runs inline scripts and styles.</summary>
    private static readonly PagePolicy ApiReference = new("/docs",
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        PagePolicy[] pages = [ApiReference, .. app.ApplicationServices.GetServices<PagePolicy>()];
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                // Pages load what their feature allows; the rest is data.
                headers.ContentSecurityPolicy = pages
                    .FirstOrDefault(page => context.Request.Path.StartsWithSegments(page.Path))?.ContentSecurityPolicy
                    ?? "default-src 'none'; frame-ancestors 'none'";
                if (context.Request.Path.StartsWithSegments("/api")) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    /// <summary>Refuses bodies over 1 MB, or the endpoint's own <c>[RequestSizeLimit]</c>, with 413, by their
    /// declared length or as they are read.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? MaxJsonBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(
                    new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails =
                        {
                            Status = 413,
                            Title = "The request body is too large.",
                            Detail = $"At most {limit / (1024 * 1024)} MB are accepted here.",
                        },
                    });
                return;
            }
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()
                is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
            await next(context);
        });
}

/// <summary>The <c>Content-Security-Policy</c> of the pages a feature serves under <paramref name="Path"/>.</summary>
public sealed record PagePolicy(PathString Path, string ContentSecurityPolicy);
