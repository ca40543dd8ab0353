using IsoLedger.Domain;

namespace IsoLedger.Api.Units;

/// <summary>The problems of the unit reads and the unit write path.</summary>
public static class UnitProblems
{
    /// <summary>The <c>type</c> of a problem caused by a business rule names the rule.</summary>
    public static string RuleType(Rule rule) => $"urn:isoledger:rule:{rule.Id}";

    /// <summary>409: the command breaks an invariant. <c>type</c> names the rule, <c>detail</c> is its sentence
    /// unless <paramref name="detail"/> says more precisely how it is broken.</summary>
    public static IResult RuleBroken(Rule rule, string? detail = null) => Results.Problem(
        type: RuleType(rule),
        title: "The command breaks a rule of the ledger.",
        detail: detail ?? rule.Sentence,
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["rule"] = rule.Id });

    /// <summary>404: the unit did not exist yet on the day asked about.</summary>
    public static IResult NotYetExisting(string code, DateOnly day, DateOnly existsFrom) => Results.Problem(
        title: "The unit did not exist yet.",
        detail: $"Unit '{code}' exists from {existsFrom:yyyy-MM-dd}; nothing is known of it on {day:yyyy-MM-dd}.",
        statusCode: StatusCodes.Status404NotFound,
        extensions: new Dictionary<string, object?> { ["existsFrom"] = existsFrom.ToString("yyyy-MM-dd") });

    public static IResult UnitNotFound(string code) => Results.Problem(
        title: "Unit not found.",
        detail: $"No unit with code '{code}' is registered.",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult BadIfMatch() => Results.Problem(
        title: "The If-Match header is not valid.",
        detail: "Send the stream version you last saw as a strong entity tag, e.g. If-Match: \"3\" "
            + "(as in the ETag header), or omit it.",
        statusCode: StatusCodes.Status400BadRequest);

    /// <summary>400: a version sent where no one stream's version can be checked (<paramref name="why"/>): it would
    /// go unchecked.</summary>
    public static IResult IfMatchNotTaken(string why) => Results.Problem(
        title: "The If-Match header is not taken here.",
        detail: $"{why}, so no one version can be checked: omit If-Match (or send *).",
        statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Whether the request sends a version (an <c>If-Match</c> other than <c>*</c>).</summary>
    public static bool SendsVersion(HttpContext http) =>
        !UnitWriter.TryReadIfMatch(http, out var version) || version is not null;

    /// <summary>412: the client's <c>If-Match</c> version is not the current version of <paramref name="what"/> (the
    /// unit, or the rule book).</summary>
    public static IResult StaleVersion(long current, string what = "unit") => Results.Problem(
        type: "urn:isoledger:problem:stale-version",
        title: $"The {what} has changed since you read it.",
        detail: $"The {what} is at version {current}; read it again and retry with If-Match: \"{current}\".",
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
}
