using IsoLedger.Api.Imports;
using IsoLedger.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace IsoLedger.Api.Hosting;

/// <summary>Every error leaves as RFC 9457 <c>application/problem+json</c>.</summary>
public static class Problems
{
    public static IServiceCollection AddIsoLedgerProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType
                ? NotTaken(context.HttpContext)
                : DefaultDetail(context.ProblemDetails.Status);
        });
        services.AddExceptionHandler<ClientErrorExceptionHandler>();
        AnswerProblemsWhateverTheAcceptHeader(services);
        return services;
    }

    /// <summary>The framework writes a problem only to a client whose <c>Accept</c> names JSON: to one sending
    /// <c>Accept: text/csv</c> (a spreadsheet fetching a report) or <c>text/html</c> a refused key, an unknown
    /// address or a failure answered as plain text ("Status Code: 401; Unauthorized"), and an endpoint's own problem
    /// left without its <c>traceId</c>. Every problem is application/problem+json, as the API promises, so the
    /// framework's writer is asked to write whatever the client accepts.</summary>
    private static void AnswerProblemsWhateverTheAcceptHeader(IServiceCollection services)
    {
        var framework = services.Single(d => d.ServiceType == typeof(IProblemDetailsWriter)
            && d.ImplementationType?.Name == "DefaultProblemDetailsWriter");
        services.Remove(framework);
        var writerType = framework.ImplementationType!;
        services.AddSingleton<IProblemDetailsWriter>(provider => new AnyAcceptProblemWriter(
            (IProblemDetailsWriter)ActivatorUtilities.CreateInstance(provider, writerType)));
    }

    private sealed class AnyAcceptProblemWriter(IProblemDetailsWriter framework) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;
        public ValueTask WriteAsync(ProblemDetailsContext context) => framework.WriteAsync(context);
    }

    /// <summary>A sentence for answers the framework gives on its own (no route, no key, …), so every problem says
    /// what is wrong.</summary>
    private static string? DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Send a valid API key in the X-Api-Key header.",
        StatusCodes.Status403Forbidden => "This API key's roles do not allow this request.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take this HTTP method.",
        StatusCodes.Status406NotAcceptable => "This address answers JSON (problems as application/problem+json).",
        StatusCodes.Status500InternalServerError =>
            "Something went wrong on our side; nothing you sent caused it. The traceId identifies it in our logs.",
        _ => null,
    };

    /// <summary>A 415 (<see cref="RequestShape.UseBodyTypes"/>) names the types the route takes and the one sent:
    /// "send application/json" told an import what it does not take.</summary>
    private static string NotTaken(HttpContext context)
    {
        var types = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes
            is { Count: > 0 } taken ? taken : ["application/json"];
        var list = types.Count == 1 ? types[0] : $"{string.Join(", ", types.SkipLast(1))} or {types[^1]}";
        var type = UnicodeText.Excerpt(context.Request.ContentType ?? "");
        var sent = type.Length == 0 ? ", saying so in the Content-Type header"
            : type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                ? $", the content itself, not a form ('{type}' is not accepted)"
                : $" ('{type}' is not accepted)";
        return $"Send the body as {list}{sent}.";
    }

    /// <summary>The seconds a client waits before sending an upload again that the server could not store: room is
    /// made, or the folder mended, by an operator, not in seconds.</summary>
    public const int StorageRetryAfterSeconds = 60;

    /// <summary>The seconds a client waits before retrying while the database cannot be reached.</summary>
    public const int DatabaseRetryAfterSeconds = 5;

    /// <summary>The answer with a <c>Retry-After</c> of <paramref name="seconds"/>: every 429 and 503 says when to
    /// retry.</summary>
    public static IResult WithRetryAfter(this IResult inner, int seconds) => new RetryAfter(seconds, inner);

    private sealed class RetryAfter(int seconds, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString();
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>400 with the errors per field, for input that could be read but is not valid.</summary>
    public static ProblemDetails Invalid(IDictionary<string, string[]> errors) =>
        new ValidationProblemDetails(errors)
        {
            Title = "The request is not valid.",
            Status = StatusCodes.Status400BadRequest,
        };
}

/// <summary>Turns exceptions a client can cause into 4xx answers, and the failures of what the server depends on (the
/// database, the folder an upload is spooled in) into 503s; anything else stays a 500 (a bug), shown without stack
/// trace outside Development by the framework's default handler.</summary>
internal sealed class ClientErrorExceptionHandler(
    IProblemDetailsService problems, ILogger<ClientErrorExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is too large."
                    : "The request could not be read.",
                Detail = bad.Message,
            },
            // The server's storage, not the upload: the client can only retry, later, once an operator has made room
            // or mended the setting (logged here, as a handled exception is logged nowhere else).
            TempStorageException storage => Logged(storage, new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = "urn:isoledger:problem:storage-unavailable",
                Title = "The server cannot store the upload for now.",
                Detail = "Its temporary folder cannot be written (full, or missing). Nothing was recorded; send the "
                    + "file again later.",
            }),
            _ when DatabaseFailures.IsUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable.",
                Detail = "Nothing was recorded. Retry shortly; a request with an Idempotency-Key is safe to retry.",
            },
            _ => null,
        };
        if (problem is null) return false;
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = (exception is TempStorageException
                ? Problems.StorageRetryAfterSeconds
                : Problems.DatabaseRetryAfterSeconds).ToString();
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails Logged(TempStorageException failure, ProblemDetails problem)
    {
        logger.LogError(failure.InnerException, "An upload could not be spooled in the temporary folder {TempFolder}: "
            + "{Cause}", failure.Folder, failure.InnerException!.Message);
        return problem;
    }
}
