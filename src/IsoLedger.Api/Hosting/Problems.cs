using Microsoft.AspNetCore.Diagnostics;

namespace IsoLedger.Api.Hosting;

/// <summary>Every error leaves as RFC 9457 <c>application/problem+json</c>.</summary>
public static class Problems
{
    public static IServiceCollection AddIsoLedgerProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status);
        });
        services.AddExceptionHandler<ClientErrorExceptionHandler>();
        return services;
    }

    /// <summary>A sentence for answers the framework gives on its own (no route, no key, …), so every problem says what is wrong.</summary>
    private static string? DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Send a valid API key in the X-Api-Key header.",
        StatusCodes.Status403Forbidden => "This API key's roles do not allow this request.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take this HTTP method.",
        StatusCodes.Status406NotAcceptable => "This address answers JSON (problems as application/problem+json).",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json (imports: text/csv).",
        StatusCodes.Status500InternalServerError => "Something went wrong on our side; nothing you sent caused it. The traceId identifies it in our logs.",
        _ => null,
    };

    /// <summary>The <c>type</c> of a problem caused by a business rule names the rule.</summary>
    public static string RuleType(Rule rule) => $"urn:isoledger:rule:{rule.Id}";

    /// <summary>409: the command breaks an invariant. <c>type</c> names the rule, <c>detail</c> is its sentence.</summary>
    public static IResult RuleBroken(Rule rule) => Results.Problem(
        type: RuleType(rule),
        title: "The command breaks a rule of the ledger.",
        detail: rule.Sentence,
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["rule"] = rule.Id });

    public static IResult UnitNotFound(string code) => Results.Problem(
        title: "Unit not found.",
        detail: $"No unit with code '{code}' is registered.",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult BadIfMatch() => Results.Problem(
        title: "The If-Match header is not valid.",
        detail: "Send the stream version you last saw as a strong entity tag, e.g. If-Match: \"3\" (as in the ETag header), or omit it.",
        statusCode: StatusCodes.Status400BadRequest);

    /// <summary>412: the client's <c>If-Match</c> version is not the stream's current version.</summary>
    public static IResult StaleVersion(long current) => Results.Problem(
        type: "urn:isoledger:problem:stale-version",
        title: "The unit has changed since you read it.",
        detail: $"The unit is at version {current}; read it again and retry with If-Match: \"{current}\".",
        statusCode: StatusCodes.Status412PreconditionFailed,
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current });

    /// <summary>503: the write kept colliding with others; nothing was recorded and a retry is safe.</summary>
    public static IResult Busy() => new RetryAfter(1, Results.Problem(
        title: "The unit is busy.",
        detail: "Other writes to this unit kept coming first; nothing was recorded. Retry shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable));

    private sealed class RetryAfter(int seconds, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString();
            return inner.ExecuteAsync(httpContext);
        }
    }

    public static IResult IdempotencyKeyReused() => Results.Problem(
        type: "urn:isoledger:problem:idempotency-key-reused",
        title: "The Idempotency-Key was already used for another request.",
        detail: "A retry must repeat the original request exactly; use a new key for a new request.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult ImportRejected(IReadOnlyList<Imports.ImportError> errors) => Results.Problem(
        type: "urn:isoledger:problem:import-rejected",
        title: "The file has bad rows; nothing was imported.",
        detail: $"{errors.Count} problem(s) found{(errors.Count >= Imports.ReportImporter.MaxErrors ? " (only the first ones are listed)" : "")}. Fix them and import the file again.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>400 with the errors per field, for input that could be read but is not valid.</summary>
    public static ProblemDetails Invalid(IDictionary<string, string[]> errors) => new ValidationProblemDetails(errors)
    {
        Title = "The request is not valid.",
        Status = StatusCodes.Status400BadRequest,
    };
}

/// <summary>Turns exceptions a client can cause into 4xx answers; anything else stays a 500 (a bug), shown
/// without stack trace outside Development by the framework's default handler.</summary>
internal sealed class ClientErrorExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
                Detail = bad.Message,
            },
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
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
