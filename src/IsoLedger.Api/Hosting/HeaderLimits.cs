using System.Text.RegularExpressions;

namespace IsoLedger.Api.Hosting;

/// <summary>The headers the API stores or keys on — <c>X-Correlation-Id</c> (kept on every event) and
/// <c>Idempotency-Key</c> (kept with the response) — are bounded in length and alphabet: anything else answers 400
/// saying the limit, before any work is done. An address longer than <see cref="MaxTargetLength"/> answers 414 and
/// headers longer than <see cref="MaxHeadersLength"/> in all 431, as problems: the server lets through up to
/// <see cref="ServerLimit"/> of each, so that these limits, not its own bare answers, are what clients meet.</summary>
public static partial class HeaderLimits
{
    public const int MaxTargetLength = 8 * 1024;
    public const int MaxHeadersLength = 32 * 1024;
    public const int ServerLimit = 256 * 1024;

    public const int MaxLength = 128;
    public const string Alphabet = "letters A–Z and a–z, digits and . _ : + / = ~ -";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static readonly string[] Bounded = [Correlation.Header, IdempotencyKeyHeader];

    public static bool IsValid(string value) => Token().IsMatch(value);

    public static IApplicationBuilder UseHeaderLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.ToUriComponent().Length + request.QueryString.Value?.Length > MaxTargetLength)
        {
            await Results.Problem(
                title: "The address is too long.",
                detail: $"Send an address (path and query) of at most {MaxTargetLength} characters.",
                statusCode: StatusCodes.Status414UriTooLong).ExecuteAsync(context);
            return;
        }
        if (request.Headers.Sum(header => header.Key.Length + header.Value.Sum(value => value?.Length ?? 0))
            > MaxHeadersLength)
        {
            // The framework's defaults name no type for 431 (RFC 6585's, as 429's in Protection).
            await Results.Problem(
                type: "https://tools.ietf.org/html/rfc6585#section-5",
                title: "The request's headers are too large.",
                detail: $"Send headers of at most {MaxHeadersLength} characters in all.",
                statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge).ExecuteAsync(context);
            return;
        }
        foreach (var name in Bounded)
        {
            if (!context.Request.Headers.TryGetValue(name, out var values)) continue;
            if (values.Count == 1 && IsValid(values[0]!)) continue;
            await Results.Problem(
                title: $"The {name} header is not valid.",
                detail: $"Send one {name} of 1 to {MaxLength} characters: {Alphabet}.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    [GeneratedRegex("^[A-Za-z0-9._:+/=~-]{1,128}$")]
    private static partial Regex Token();
}
