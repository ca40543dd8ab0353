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
        {
            if (exception is NpgsqlException { IsTransient: true } or TimeoutException
                or System.Net.Sockets.SocketException) return true;
        }
        return false;
    }
}

/// <summary>One attempt at some database work, telling the retry whether it may run again.</summary>
public sealed class DatabaseAttempt
{
    /// <summary>Set once the work did what running it again could repeat: a commit sent (after a failure it is
    /// unknown whether it committed), an answer begun.</summary>
    public bool Irreversible { get; private set; }

    public void MarkIrreversible() => Irreversible = true;
}

/// <summary>Retries database work that met a passing failure (Polly, exponential backoff with jitter), around the
/// work alone: authentication, rate limiting and validation are not run again. Work is retried only where a retry
/// cannot record twice: reads; a write whose commit was never sent; a write whose commit was sent only when it carries
/// an <c>Idempotency-Key</c>, since its retry first looks for the response the first commit stored. After the last
/// attempt the failure reaches the exception handler, which answers 503 with Retry-After.</summary>
public static class DatabaseRetries
{
    private static readonly ResiliencePropertyKey<DatabaseAttempt> Attempt = new("isoledger.database-attempt");
    private static readonly ResiliencePropertyKey<bool> RetryAfterCommit = new("isoledger.retry-after-commit");

    private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = arguments => ValueTask.FromResult(
                DatabaseFailures.IsUnavailable(arguments.Outcome.Exception)
                && (!arguments.Context.Properties.GetValue(Attempt, new DatabaseAttempt()).Irreversible
                    || arguments.Context.Properties.GetValue(RetryAfterCommit, false))),
        })
        .Build();

    /// <summary>Runs <paramref name="work"/>, again after a passing database failure where that is safe (see the type);
    /// <paramref name="idempotent"/> work is run again even after it became irreversible.</summary>
    public static async Task<T> Execute<T>(
        Func<DatabaseAttempt, CancellationToken, Task<T>> work, bool idempotent, CancellationToken cancellation)
    {
        var context = ResilienceContextPool.Shared.Get(cancellation);
        context.Properties.Set(RetryAfterCommit, idempotent);
        try
        {
            return await Pipeline.ExecuteAsync(async resilience =>
            {
                var attempt = new DatabaseAttempt();
                resilience.Properties.Set(Attempt, attempt);
                return await work(attempt, resilience.CancellationToken);
            }, context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Reads record nothing: after authentication and the rate limiter, a read that met a passing database
    /// failure runs again, unless it had begun to answer.</summary>
    public static IApplicationBuilder UseReadRetries(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        await Execute(async (attempt, _) =>
        {
            try
            {
                await next(context);
            }
            catch when (context.Response.HasStarted)
            {
                attempt.MarkIrreversible();
                throw;
            }
            return true;
        }, idempotent: false, context.RequestAborted);
    });
}
