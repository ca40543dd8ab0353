using Microsoft.Net.Http.Headers;

namespace IsoLedger.Api.Hosting;

/// <summary>What every request must look like before any endpoint reads it: each query parameter given once (no
/// route takes a list: a repeated <c>province</c> had been joined into "A,A" and matched nothing), and a body sent as
/// it is, in UTF-8 (a compressed or otherwise encoded body had been read as garbled JSON, or its encoding ignored).
/// </summary>
public static class RequestShape
{
    public static IApplicationBuilder UseRequestShape(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var repeated = request.Query.Where(parameter => parameter.Value.Count > 1).Select(p => p.Key).ToList();
        if (repeated.Count > 0)
        {
            await Results.Problem(Problems.Invalid(repeated.ToDictionary(
                name => name, _ => new[] { "Give this parameter once." }))).ExecuteAsync(context);
            return;
        }
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        var encodings = request.Headers.ContentEncoding.SelectMany(value => (value ?? "").Split(','))
            .Select(encoding => encoding.Trim()).Where(encoding => encoding.Length > 0);
        if (hasBody && encodings.Any(encoding => !"identity".Equals(encoding, StringComparison.OrdinalIgnoreCase)))
        {
            await Unsupported($"Send the body as it is, without a Content-Encoding "
                + $"('{request.Headers.ContentEncoding}' is not accepted).").ExecuteAsync(context);
            return;
        }
        // Every charset parameter: "charset=utf-8; charset=iso-8859-1" is not UTF-8 either.
        var charsets = MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            ? type.Parameters.Where(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase))
                .Select(p => HeaderUtilities.RemoveQuotes(p.Value).ToString())
            : [];
        if (hasBody && charsets.FirstOrDefault(charset => !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            await Unsupported($"Send the body in UTF-8 (charset={other} is not accepted).").ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static IResult Unsupported(string detail) => Results.Problem(
        title: "The body's encoding is not supported.", detail: detail,
        statusCode: StatusCodes.Status415UnsupportedMediaType);
}
