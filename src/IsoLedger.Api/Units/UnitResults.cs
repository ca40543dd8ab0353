namespace IsoLedger.Api.Units;

/// <summary>The HTTP face of a unit's stream version: an entity tag clients send back as <c>If-Match</c>.</summary>
public static class UnitResults
{
    public static string ETag(long version) => $"\"{version}\"";

    public static IResult Ok<T>(T value, long version) => new WithETag(version, TypedResults.Ok(value));

    private sealed class WithETag(long version, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = ETag(version);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
