using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;

namespace IsoLedger.Api.Hosting;

/// <summary>What every request must look like before any endpoint reads it: the parameters its route takes, each
/// once, no If-None-Match on a write, and a body sent as it is, in UTF-8, of a type the route takes, to a route that
/// reads one.</summary>
public static partial class RequestShape
{
    public static IApplicationBuilder UseRequestShape(this IApplicationBuilder app)
    {
        // The query parameters each API route takes, as its OpenAPI description lists them; what a route takes is
        // worked out once per route, so a request with no query and no year in its path is not looked at.
        var parameters = new Lazy<Dictionary<(string Method, string Route), HashSet<string>>>(() =>
            QueryParameters(app.ApplicationServices.GetRequiredService<IApiDescriptionGroupCollectionProvider>()));
        var routes = new ConcurrentDictionary<RouteEndpoint, RouteShape>();
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (FramedTwice(request))
            {
                // RFC 9112 §6.3: the server "MUST respond with a 400 (Bad Request) status code and then close the
                // connection"; the server closes it after such a request anyway, and is told so here as well.
                context.Response.Headers.Connection = "close";
                await Results.Problem(title: "The request's length is given twice.",
                    detail: "Send the body either with a Content-Length or with Transfer-Encoding: chunked, not both: "
                        + "a message framed both ways may be read differently by a proxy (request smuggling).",
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
            var route = context.GetEndpoint() is RouteEndpoint endpoint
                ? routes.GetOrAdd(endpoint, e => RouteShape.Of(e, parameters.Value))
                : null;
            if ((request.QueryString.HasValue || route?.TakesYear == true) && Malformed(request, route) is { } errors)
            {
                await Results.Problem(Problems.Invalid(errors)).ExecuteAsync(context);
                return;
            }
            if (route?.Taken is not null && WritesWithIfNoneMatch(request))
            {
                await Results.Problem(title: "The If-None-Match header is not taken here.",
                    detail: "A write judges no If-None-Match (a read does, to answer 304): send the version you read "
                        + "as If-Match, or neither.",
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }

    /// <summary>A body judged once the caller may send it (placed after authorization): a client without a key is
    /// told it needs one, and a key without the role that it may not, before being told its body would be refused.
    /// Only where a body is read: another route's answer does not depend on what it was sent. The body must be sent
    /// as it is, in UTF-8, and be of a media type the route takes, in any letter case and exactly (a "+json" type is
    /// not JSON to the API: a merge patch's null means "remove"); 415 otherwise.</summary>
    public static IApplicationBuilder UseBodyTypes(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
            && (BodyNotAsSent(context.Request) ?? NotTaken(context.Request, accepts)) is { } unsupported)
        {
            await unsupported.ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    /// <summary>Leaves the body's media type to <see cref="UseBodyTypes"/> alone: the framework's routing matched it
    /// against the route's types before any middleware ran, and so answered 415 before authentication, to a client
    /// without a key. Called once every service is added: adding routing again would add the policy again.</summary>
    public static void RouteWhateverTheBodyType(this IServiceCollection services)
    {
        foreach (var policy in services.Where(d => d.ServiceType == typeof(MatcherPolicy)
                     && d.ImplementationType?.Name == "AcceptsMatcherPolicy").ToList())
            services.Remove(policy);
    }

    /// <summary>415 unless the body's media type is one of the route's; the problem names them (<see
    /// cref="Problems"/>).</summary>
    private static IResult? NotTaken(HttpRequest request, IAcceptsMetadata accepts) =>
        accepts.ContentTypes.Count == 0
        || MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && accepts.ContentTypes.Any(taken => type.MediaType.Equals(taken, StringComparison.OrdinalIgnoreCase))
            ? null
            : Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType);

    /// <summary>What a route takes: its query parameters (null for a route the API description does not list, such
    /// as the dashboard's page or the health checks), and whether its path has a year.</summary>
    private sealed record RouteShape(HashSet<string>? Taken, bool TakesYear)
    {
        public static RouteShape Of(
            RouteEndpoint endpoint, Dictionary<(string Method, string Route), HashSet<string>> parameters)
        {
            var route = Route(endpoint.RoutePattern.RawText);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var taken = methods.Select(method => parameters.GetValueOrDefault((method, route)))
                .FirstOrDefault(found => found is not null);
            return new(taken, endpoint.RoutePattern.GetParameter("year") is not null);
        }
    }

    private static Dictionary<(string, string), HashSet<string>> QueryParameters(
        IApiDescriptionGroupCollectionProvider descriptions) =>
        descriptions.ApiDescriptionGroups.Items.SelectMany(group => group.Items)
            .GroupBy(d => (d.HttpMethod ?? "", Route(d.RelativePath)))
            .ToDictionary(g => g.Key, g => g.SelectMany(d => d.ParameterDescriptions)
                .Where(p => p.Source == BindingSource.Query).Select(p => p.Name).ToHashSet(StringComparer.Ordinal));

    private static string Route(string? path) => (path ?? "").Split('?')[0].Trim('/');

    /// <summary>What is wrong with the address's parameters, by name, or null: a query parameter given twice (no
    /// route takes a list: a repeated <c>province</c> would be joined into "A,A" and match nothing), one the route
    /// does not take (a mistyped <c>as_of</c> would be ignored and the answer judged on today; names are matched in
    /// their case, as a body's fields are), and a year in the path that is no number (answered as no such address).
    /// </summary>
    private static Dictionary<string, string[]>? Malformed(HttpRequest request, RouteShape? route)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var name in NotUtf8(request.QueryString.Value ?? "")) errors[name] = [NotUtf8Told];
        foreach (var (name, values) in request.Query)
        {
            if (errors.ContainsKey(name)) continue;
            if (values.Count > 1) errors[name] = ["Give this parameter once."];
            else if (route?.Taken is { } taken && !taken.Contains(name)) errors[name] = [NotTaken(name, taken)];
        }
        if (route?.TakesYear == true && request.RouteValues["year"] is string year && !YearDigits().IsMatch(year))
            errors["year"] = [$"'{year}' is no year: write it in four digits, e.g. 2020."];
        return errors.Count > 0 ? errors : null;
    }

    private const string NotUtf8Told =
        "Not UTF-8: percent-encode the text's UTF-8 bytes (Quảng Trị is Qu%E1%BA%A3ng%20Tr%E1%BB%8B).";

    /// <summary>The parameters whose name or value, percent-decoded, is no UTF-8 (<c>%FF</c>, the overlong
    /// <c>%C0%AF</c>, a Windows-1258 <c>%E0</c> for "à"): ASP.NET reads each such byte as U+FFFD, so a filter searched
    /// for that and answered nothing found instead of saying what was wrong.</summary>
    private static IEnumerable<string> NotUtf8(string query)
    {
        foreach (var parameter in query.TrimStart('?').Split('&'))
        {
            var raw = Encoding.UTF8.GetBytes(parameter);
            if (!Utf8.IsValid(WebUtility.UrlDecodeToBytes(raw, 0, raw.Length)))
                yield return Uri.UnescapeDataString(parameter.Split('=')[0].Replace('+', ' '));
        }
    }

    /// <summary>Whether a write comes with <c>If-None-Match</c>, which asks that nothing be written over what exists
    /// (<c>*</c>) or over the versions it names (RFC 9110 §13.1.2): a condition no write judges, refused rather than
    /// ignored, as the write would be recorded against it.</summary>
    private static bool WritesWithIfNoneMatch(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && request.Headers.ContainsKey(HeaderNames.IfNoneMatch);

    private static string NotTaken(string name, HashSet<string> taken) =>
        taken.FirstOrDefault(known => known.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } meant
            ? $"Write it as {meant}."
            : taken.Count == 0 ? "This route takes no query parameters."
            : $"This route takes no such parameter; it takes: {string.Join(", ", taken.Order())}.";

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex YearDigits();

    /// <summary>The header the server moves a request's <c>Content-Length</c> to when the request is chunked too: it
    /// reads the body as chunked, as RFC 9112 §6.3 says, and the application sees no Content-Length.</summary>
    private const string ContentLengthBesideChunked = "X-Content-Length";

    /// <summary>Whether the request gave its body's length both by <c>Content-Length</c> and by
    /// <c>Transfer-Encoding</c>, which RFC 9112 §6.3 says "ought to be handled as an error": it may be an attempt at
    /// request smuggling, where a proxy in front reads the body by the one and the server by the other.</summary>
    private static bool FramedTwice(HttpRequest request) =>
        request.Headers.TransferEncoding.Count > 0
        && (request.Headers.ContainsKey(ContentLengthBesideChunked) || request.Headers.ContentLength is not null);

    /// <summary>A body sent encoded (a compressed or otherwise encoded body would be read as garbled JSON) or in
    /// another charset than UTF-8 (its encoding would be ignored): 415. The server undoes one <c>chunked</c> transfer
    /// coding and passes the bytes of any other on as they came, so a transfer coding besides it (<c>gzip,
    /// chunked</c>, one it does not know, <c>chunked</c> twice) is refused as a content coding is.</summary>
    private static IResult? BodyNotAsSent(HttpRequest request)
    {
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && Codings(request.Headers.ContentEncoding).Any())
        {
            return Unsupported($"Send the body as it is, without a Content-Encoding "
                + $"('{request.Headers.ContentEncoding}' is not accepted).");
        }
        if (Codings(request.Headers.TransferEncoding).ToList() is { Count: > 0 } transfer
            && !(transfer is [var only] && only.Equals("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            return Unsupported($"Send the body as it is, or chunked alone (Transfer-Encoding "
                + $"'{request.Headers.TransferEncoding}' is not accepted).");
        }
        // Every charset parameter: "charset=utf-8; charset=iso-8859-1" is not UTF-8 either.
        var charsets = MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            ? type.Parameters.Where(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase))
                .Select(p => HeaderUtilities.RemoveQuotes(p.Value).ToString())
            : [];
        if (hasBody && charsets.FirstOrDefault(charset => !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)) is { } other)
            return Unsupported($"Send the body in UTF-8 (charset={other} is not accepted).");
        return null;
    }

    /// <summary>The codings a Content-Encoding or Transfer-Encoding header lists, <c>identity</c> (none) left out.
    /// </summary>
    private static IEnumerable<string> Codings(Microsoft.Extensions.Primitives.StringValues header) =>
        header.SelectMany(value => (value ?? "").Split(',')).Select(coding => coding.Trim())
            .Where(coding => coding.Length > 0 && !"identity".Equals(coding, StringComparison.OrdinalIgnoreCase));

    private static IResult Unsupported(string detail) => Results.Problem(
        title: "The body's encoding is not supported.", detail: detail,
        statusCode: StatusCodes.Status415UnsupportedMediaType);
}
