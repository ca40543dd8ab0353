using Serilog.Context;

namespace IsoLedger.Api.Hosting;

/// <summary>Every request carries a correlation id: the client's <c>X-Correlation-Id</c> (bounded by
/// <see cref="HeaderLimits"/>), otherwise a new one. It is returned in the same header, logged, and stored on the
/// events written.</summary>
public static class Correlation
{
    public const string Header = "X-Correlation-Id";

    public static string Id(this HttpContext context) => (string)context.Items[Header]!;

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var presented = context.Request.Headers[Header].ToString();
            var id = HeaderLimits.IsValid(presented) ? presented : Guid.NewGuid().ToString("N");
            context.Items[Header] = id;
            context.Response.Headers[Header] = id;
            // Set again as the answer starts: the exception handler clears the headers before it writes its problem
            // (a 503 while the database is away), and every answer carries the id.
            context.Response.OnStarting(static state =>
            {
                var (response, id) = ((HttpResponse, string))state;
                response.Headers[Header] = id;
                return Task.CompletedTask;
            }, (context.Response, id));
            using (LogContext.PushProperty("CorrelationId", id))
                await next(context);
        });
}
