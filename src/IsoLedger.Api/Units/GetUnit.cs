using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

public static class GetUnitEndpoint
{
    /// <summary>Get a unit's current status</summary>
    /// <remarks>Reflects every acknowledged write (the stream's version is read on every request) and is judged as of
    /// today. The <c>ETag</c> is the stream version, to send back as <c>If-Match</c>; <c>Last-Modified</c> is the start
    /// of the day it is judged for (Vietnam time). A request with <c>If-None-Match</c> naming the current version and
    /// <c>If-Modified-Since</c> not before that day answers 304 without a body: both are needed, as the same version
    /// is judged again each day.</remarks>
    [WolverineGet("/api/units/{code}", OperationId = "GetUnit")]
    [Tags("Units")]
    [ConditionalRead]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<UnitStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        string code, HttpContext http, UnitStatusCache statuses, BusinessClock clock, CancellationToken cancellation)
    {
        var today = clock.Today;
        var status = UnitCode.IsValid(code) ? await statuses.Get(code, today, cancellation) : null;
        if (status is null) return UnitProblems.UnitNotFound(code);
        var judgedSince = BusinessClock.StartOf(status.Day);
        http.Response.Headers.LastModified = judgedSince.ToString("R");
        return IsCurrent(http.Request.GetTypedHeaders(), status.Version, judgedSince)
            ? VersionedResults.NotModified(status.Version)
            : VersionedResults.Json(StatusCodes.Status200OK, status.Version, status.Json);
    }

    private static bool IsCurrent(RequestHeaders request, long version, DateTimeOffset judgedSince) =>
        request.IfModifiedSince >= judgedSince
        // If-None-Match compares weakly (RFC 9110 13.1.2): W/"9" and * match the version's tag "9" too.
        && request.IfNoneMatch.Any(tag => tag.Tag == "*" || tag.Tag == VersionedResults.ETag(version));
}
