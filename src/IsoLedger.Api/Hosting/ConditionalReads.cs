using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace IsoLedger.Api.Hosting;

/// <summary>The preconditions of RFC 9110 §13 on every API read (GET and HEAD), judged on the answer the read gives:
/// only a 2xx is judged (§13.2.1: a refusal or a 404 comes first), in the order of §13.2.2. <c>If-Match</c> compares
/// the answer's <c>ETag</c> strongly (a weak tag never holds; <c>*</c> holds for any answer) and
/// <c>If-Unmodified-Since</c> its <c>Last-Modified</c> (ignored with <c>If-Match</c>): 412 when one does not hold.
/// <c>If-None-Match</c> compares weakly (<c>*</c> matches any answer) and <c>If-Modified-Since</c> the
/// <c>Last-Modified</c> (ignored with <c>If-None-Match</c>): 304 with the answer's headers when the client's copy is
/// current. A date that is no HTTP-date is ignored, as §13.1.3 and §13.1.4 ask; an <c>If-Match</c> that is not a list
/// of entity tags answers 400, as on a write.</summary>
public static class ConditionalReads
{
    public static IApplicationBuilder UseConditionalReads(this IApplicationBuilder app) => app.Use(JudgeRead);

    private static async Task JudgeRead(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments("/api") || !HasPreconditions(request.Headers))
        {
            await next(context);
            return;
        }

        // The answer is held until it is judged: a 304 or a 412 sends none of it.
        var server = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var held = new MemoryStream();
        var holding = new StreamResponseBodyFeature(held);
        context.Features.Set<IHttpResponseBodyFeature>(holding);
        try
        {
            await next(context);
            await holding.CompleteAsync();
        }
        finally
        {
            context.Features.Set(server);
        }

        var response = context.Response;
        switch (Judge(request.Headers, response))
        {
            case Outcome.Send:
                // An empty answer keeps no length, so that the status code pages still write a bare 404 or 405 (no
                // route at the address) as a problem: a Content-Length of 0 told them it had been written.
                if (held.Length > 0) response.ContentLength ??= held.Length;
                held.Position = 0;
                await held.CopyToAsync(response.Body, context.RequestAborted);
                break;
            case Outcome.NotModified:
                // A 304 has no content: the headers that describe it go, the validators stay.
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.Remove(HeaderNames.ContentType);
                break;
            case Outcome.PreconditionFailed:
                DropTheAnswersHeaders(response);
                await Results.Problem(
                    title: "A precondition of the request does not hold.",
                    detail: "The answer's ETag does not match If-Match, or it was modified after If-Unmodified-Since.",
                    statusCode: StatusCodes.Status412PreconditionFailed).ExecuteAsync(context);
                break;
            case Outcome.BadIfMatch:
                DropTheAnswersHeaders(response);
                await WriteProblems.BadIfMatch().ExecuteAsync(context);
                break;
        }
    }

    /// <summary>A problem instead of the answer carries none of the headers that describe the answer: a report's
    /// <c>Content-Disposition</c> had a browser save the problem as the report's file.</summary>
    private static void DropTheAnswersHeaders(HttpResponse response)
    {
        response.ContentLength = null;
        response.Headers.Remove(HeaderNames.ETag);
        response.Headers.Remove(HeaderNames.LastModified);
        response.Headers.Remove(HeaderNames.ContentDisposition);
    }

    private enum Outcome
    {
        Send,
        NotModified,
        PreconditionFailed,
        BadIfMatch,
    }

    private static bool HasPreconditions(IHeaderDictionary headers) =>
        headers.ContainsKey(HeaderNames.IfMatch) || headers.ContainsKey(HeaderNames.IfNoneMatch)
        || headers.ContainsKey(HeaderNames.IfModifiedSince) || headers.ContainsKey(HeaderNames.IfUnmodifiedSince);

    /// <summary>RFC 9110 §13.2.2, steps 1 to 4, for a read.</summary>
    private static Outcome Judge(IHeaderDictionary request, HttpResponse response)
    {
        if (response.StatusCode is < 200 or > 299) return Outcome.Send;
        EntityTagHeaderValue.TryParse(response.Headers.ETag.ToString(), out var current);
        var lastModified = Date(response.Headers.LastModified);

        if (request.TryGetValue(HeaderNames.IfMatch, out var ifMatch))
        {
            if (!EntityTags.TryParse(ifMatch, out var tags))
                return Outcome.BadIfMatch;
            if (!tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)
                    || (current is not null && tag.Compare(current, useStrongComparison: true))))
                return Outcome.PreconditionFailed;
        }
        else if (Date(request[HeaderNames.IfUnmodifiedSince]) is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            return Outcome.PreconditionFailed;
        }

        if (request.TryGetValue(HeaderNames.IfNoneMatch, out var ifNoneMatch))
        {
            // An If-None-Match that is not a list of entity tags matches nothing: the answer is sent in full.
            return EntityTags.TryParse(ifNoneMatch, out var tags)
                && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)
                    || (current is not null && tag.Compare(current, useStrongComparison: false)))
                    ? Outcome.NotModified
                    : Outcome.Send;
        }
        return Date(request[HeaderNames.IfModifiedSince]) is { } modifiedSince && lastModified <= modifiedSince
            ? Outcome.NotModified
            : Outcome.Send;
    }

    /// <summary>One HTTP-date, or null (absent, not a date, or more than one).</summary>
    private static DateTimeOffset? Date(StringValues values) =>
        values.Count == 1 && HeaderUtilities.TryParseDate(values.ToString(), out var date) ? date : null;
}
