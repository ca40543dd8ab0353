using Npgsql;
using Polly;
using Polly.Retry;

namespace IsoLedger.Api.Hosting;

public static class DatabaseFailures
{
    /// <summary>A failure to reach PostgreSQL (connection refused or lost, timeouts, server shutting down), anywhere
    /// in the chain of causes: Marten wraps what Npgsql throws.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is NpgsqlException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException) return true;
        return false;
    }
}

/// <summary>Retries a request that met a passing database failure, where a retry is safe: reads, and commands that
/// carry an <c>Idempotency-Key</c> (a retry of one that did commit answers the first response). After the last
/// attempt the failure becomes a 503 with Retry-After.</summary>
public static class TransientRetries
{
    private static readonly ResiliencePropertyKey<HttpContext> Request = new("isoledger.request");

    private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = arguments => ValueTask.FromResult(
                DatabaseFailures.IsUnavailable(arguments.Outcome.Exception)
                && arguments.Context.Properties.TryGetValue(Request, out var http) && !http.Response.HasStarted),
        })
        .Build();

    public static IApplicationBuilder UseTransientRetries(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var safe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || context.Request.Headers.ContainsKey(Units.UnitCommands.IdempotencyKeyHeader);
        if (!safe)
        {
            await next(context);
            return;
        }
        context.Request.EnableBuffering();
        var resilience = ResilienceContextPool.Shared.Get(context.RequestAborted);
        resilience.Properties.Set(Request, context);
        try
        {
            await Pipeline.ExecuteAsync(async _ =>
            {
                context.Request.Body.Position = 0;
                await next(context);
            }, resilience);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    });
}
