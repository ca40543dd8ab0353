using System.Globalization;
using System.Security.Cryptography;

namespace IsoLedger.Api.Hosting;

/// <summary>The HTTP face of a stream's version (a unit's, the rule book's): an entity tag clients send back as
/// <c>If-Match</c>. An answer that names no one stream's version (a restructuring writes several) sends none.
/// </summary>
public static class VersionedResults
{
    private const int DigestLength = 16;

    /// <summary>A write's tag: the version it left the stream at, <c>"3"</c>.</summary>
    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>A read's tag: the version read and a digest of the answer, <c>"3.5f0c…"</c>. A read is judged as of
    /// today and on the rule book, so the same version answers otherwise on another day or after a change of the
    /// book: the tag is a strong validator of what it tags (RFC 9110 §8.8.3) and still names the version, to send
    /// back as <c>If-Match</c>.</summary>
    public static string ReadTag(long version, ReadOnlySpan<byte> json) =>
        $"\"{version}.{Convert.ToHexStringLower(SHA256.HashData(json))[..DigestLength]}\"";

    /// <summary>The version an entity tag's quoted text names, as <see cref="ETag"/> or <see cref="ReadTag"/> write
    /// it (the digits exactly: <c>"03"</c> names none), or null.</summary>
    public static long? VersionOf(string quoted)
    {
        var text = quoted.AsSpan().Trim('"');
        var dot = text.IndexOf('.');
        var digits = dot < 0 ? text : text[..dot];
        if (dot >= 0 && !IsDigest(text[(dot + 1)..])) return null;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && digits.SequenceEqual(version.ToString(CultureInfo.InvariantCulture))
                ? version
                : null;
    }

    private static bool IsDigest(ReadOnlySpan<char> text) =>
        text.Length == DigestLength && !text.ContainsAnyExcept("0123456789abcdef");

    /// <summary>What a command wrote, serialised when the answer is sent (on the request's thread, not the
    /// writer's).</summary>
    public static IResult Written(int status, long? version, object body, string? location) =>
        new WithETag(version, TypedResults.Json(body, statusCode: status), location);

    /// <summary>A body already serialised to JSON (a replayed response), with its version, if it names one, as the
    /// ETag.</summary>
    public static IResult Json(int status, long? version, byte[] json, string? location = null) =>
        new SerialisedJson(status, version is { } named ? ETag(named) : null, json, location);

    /// <summary>200: what a read of a stream at <paramref name="version"/> answers, tagged by <see cref="ReadTag"/>
    /// (or by <paramref name="tag"/>, that tag computed once for a cached answer).</summary>
    public static IResult Read(long version, byte[] json, string? tag = null) =>
        new SerialisedJson(StatusCodes.Status200OK, tag ?? ReadTag(version, json), json, null);

    private sealed class WithETag(long? version, IResult inner, string? location = null) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (version is { } named) httpContext.Response.Headers.ETag = ETag(named);
            if (location is not null) httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }

    private sealed class SerialisedJson(int status, string? tag, byte[] json, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (tag is not null) http.Response.Headers.ETag = tag;
            if (location is not null) http.Response.Headers.Location = location;
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = json.Length;
            await http.Response.Body.WriteAsync(json, http.RequestAborted);
        }
    }
}
