namespace IsoLedger.Api.Hosting;

/// <summary>The HTTP face of a stream's version (a unit's, the rule book's): an entity tag clients send back as
/// <c>If-Match</c>. An answer that names no one stream's version (a restructuring writes several) sends none.
/// </summary>
public static class VersionedResults
{
    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>304: the client's copy, at <paramref name="version"/>, is current.</summary>
    public static IResult NotModified(long version) =>
        new WithETag(version, TypedResults.StatusCode(StatusCodes.Status304NotModified));

    /// <summary>What a command wrote, serialised when the answer is sent (on the request's thread, not the
    /// writer's).</summary>
    public static IResult Written(int status, long? version, object body, string? location) =>
        new WithETag(version, TypedResults.Json(body, statusCode: status), location);

    /// <summary>A body already serialised to JSON (a cached status, a replayed response), with its version, if it
    /// names one, as the ETag.</summary>
    public static IResult Json(int status, long? version, byte[] json, string? location = null) =>
        new SerialisedJson(status, version, json, location);

    private sealed class WithETag(long? version, IResult inner, string? location = null) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (version is { } named) httpContext.Response.Headers.ETag = ETag(named);
            if (location is not null) httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }

    private sealed class SerialisedJson(int status, long? version, byte[] json, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (version is { } named) http.Response.Headers.ETag = ETag(named);
            if (location is not null) http.Response.Headers.Location = location;
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = json.Length;
            await http.Response.Body.WriteAsync(json, http.RequestAborted);
        }
    }
}
