using System.Text.RegularExpressions;

namespace IsoLedger.Api.Hosting;

/// <summary>The headers the API stores or keys on — <c>X-Correlation-Id</c> (kept on every event) and
/// <c>Idempotency-Key</c> (kept with the response) — are bounded in length and alphabet: anything else answers 400
/// saying the limit, before any work is done.</summary>
public static partial class HeaderLimits
{
    public const int MaxLength = 128;
    public const string Alphabet = "letters A–Z and a–z, digits and . _ : + / = ~ -";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static readonly string[] Bounded = [Correlation.Header, IdempotencyKeyHeader];

    public static bool IsValid(string value) => Token().IsMatch(value);

    public static IApplicationBuilder UseHeaderLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
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
