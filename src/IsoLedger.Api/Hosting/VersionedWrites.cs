using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IsoLedger.Domain;
using JasperFx;
using Marten;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace IsoLedger.Api.Hosting;

/// <summary>What every write to a versioned stream shares (a unit's, a restructuring's units', the rule book's):
/// the version the client last saw (<c>If-Match</c>) and the collisions that mean another writer came first.</summary>
public static class VersionedWrites
{
    /// <summary>Reads <c>If-Match</c> (RFC 9110 §13.1.1): absent or <c>*</c> is no condition (null); otherwise the
    /// versions its entity tags name. Sent empty, or not a list of entity tags, it is refused (false), not taken for
    /// absent: a client that meant to send a version would write unchecked.</summary>
    public static bool TryReadIfMatch(HttpContext http, out VersionCondition? condition)
    {
        condition = null;
        if (!http.Request.Headers.TryGetValue(HeaderNames.IfMatch, out var values)) return true;
        if (!EntityTags.TryParse(values, out var tags)) return false;
        // "*" stands alone (it is no entity tag to list with others).
        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any))) return tags.Count == 1;
        condition = new VersionCondition(tags);
        return true;
    }

    /// <summary>Whether the request sends a version (an <c>If-Match</c> other than <c>*</c>).</summary>
    public static bool SendsVersion(HttpContext http) =>
        !TryReadIfMatch(http, out var condition) || condition is not null;

    /// <summary>Another writer got to the stream first: its version moved, or (for a new stream) its key is
    /// taken.</summary>
    public static bool IsConcurrencyConflict(Exception e) =>
        e is ConcurrencyException
            or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException
        || e.InnerException is PostgresException
        { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pkey_mt_streams_id" };
}

/// <summary>An <c>If-Match</c> that lists entity tags: it holds for a stream at a version one of them names. Tags are
/// compared strongly (RFC 9110 §8.8.3.2): a weak tag (<c>W/"3"</c>) names no version, nor does a tag this API never
/// sends (<c>"03"</c>, <c>"3 "</c>, a number beyond any version); such a condition does not hold, it is no malformed
/// header. A stream's version is named by a write's tag (<c>"3"</c>) and by a read's (<c>"3.</c>…<c>"</c>, see
/// <see cref="VersionedResults.ReadTag"/>).</summary>
public sealed class VersionCondition(IEnumerable<EntityTagHeaderValue> tags)
{
    private readonly HashSet<long> versions =
        [.. tags.Where(tag => !tag.IsWeak).Select(tag => VersionedResults.VersionOf(tag.Tag.Value!)).OfType<long>()];

    public bool Holds(long version) => versions.Contains(version);
}

/// <summary>A request's <c>Idempotency-Key</c>: scoped to the API key that sent it, with a fingerprint of the route
/// and the command, so that a retry gets the first answer and another request under the same key is refused.</summary>
public sealed record Idempotency(string Id, string Fingerprint)
{
    /// <summary>The key the request sends, or null without one.</summary>
    public static Idempotency? For(HttpContext http, object command)
    {
        var key = http.Request.Headers[HeaderLimits.IdempotencyKeyHeader].ToString();
        if (key.Length == 0) return null;
        var caller = http.User.FindFirstValue(ClaimTypes.Name) ?? "";
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{http.Request.Method} {http.Request.Path}\n{command.GetType().Name}\n"
            + JsonSerializer.Serialize(command, command.GetType()))));
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller}\n{key}")));
        return new Idempotency(id, fingerprint);
    }

    /// <summary>The answer to the request that first used the key (for this request: its replay, or 422 when
    /// the request differs), or null while no request with the key has committed.</summary>
    public async Task<IResult?> Earlier(IDocumentStore store, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        return (await query.LoadAsync<IdempotentResponse>(Id, cancellation))?.Replay(Fingerprint);
    }

    /// <summary>The answer when this request's key could not be stored because a request with the same key committed
    /// meanwhile (a retry racing its first try): that request's answer, or 422 should its record be gone again.
    /// </summary>
    public async Task<IResult> RacedBy(IDocumentStore store, CancellationToken cancellation) =>
        await Earlier(store, cancellation) ?? WriteProblems.IdempotencyKeyReused();
}

/// <summary>The response to a request sent with an <c>Idempotency-Key</c>, kept to answer its retries.</summary>
public sealed class IdempotentResponse
{
    public string Id { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public int Status { get; set; }
    public string? Location { get; set; }

    /// <summary>The stream version the answer sends as its ETag, or null where it names no one stream's version (a
    /// restructuring writes several). Answers stored before it could be null hold 0 there; no write answers version 0
    /// (a write appends at least one event), so 0 is read as none.</summary>
    public long? Version { get; set; }

    public string Body { get; set; } = "";

    public IResult Replay(string fingerprint) => fingerprint != Fingerprint
        ? WriteProblems.IdempotencyKeyReused()
        : VersionedResults.Json(Status, Version is > 0 ? Version : null, Encoding.UTF8.GetBytes(Body), Location);
}

/// <summary>The problems of the write path every versioned stream shares.</summary>
public static class WriteProblems
{
    /// <summary>The <c>type</c> of a problem caused by a business rule names the rule.</summary>
    public static string RuleType(Rule rule) => $"urn:isoledger:rule:{rule.Id}";

    /// <summary>409: the command breaks an invariant. <c>type</c> names the rule, <c>detail</c> is its sentence
    /// unless <paramref name="detail"/> says more precisely how it is broken, and <c>unit</c> names the other unit
    /// it is broken with (<paramref name="unit"/>), if any.</summary>
    public static IResult RuleBroken(Rule rule, string? detail = null, string? unit = null)
    {
        var extensions = new Dictionary<string, object?> { ["rule"] = rule.Id };
        if (unit is not null) extensions["unit"] = unit;
        return Results.Problem(
            type: RuleType(rule),
            title: "The command breaks a rule of the ledger.",
            detail: detail ?? rule.Sentence,
            statusCode: StatusCodes.Status409Conflict,
            extensions: extensions);
    }

    public static IResult BadIfMatch() => Results.Problem(
        title: "The If-Match header is not valid.",
        detail: "Send * or a list of entity tags, e.g. If-Match: \"3\" (as in the ETag header), or omit it.",
        statusCode: StatusCodes.Status400BadRequest);

    /// <summary>400: a version sent where no one stream's version can be checked (<paramref name="why"/>): it would
    /// go unchecked.</summary>
    public static IResult IfMatchNotTaken(string why) => Results.Problem(
        title: "The If-Match header is not taken here.",
        detail: $"{why}, so no one version can be checked: omit If-Match (or send *).",
        statusCode: StatusCodes.Status400BadRequest);

    /// <summary>412: the client's <c>If-Match</c> version is not the current version of <paramref name="what"/> (the
    /// unit, or the rule book).</summary>
    public static IResult StaleVersion(long current, string what) => Results.Problem(
        type: "urn:isoledger:problem:stale-version",
        title: $"The {what} has changed since you read it.",
        detail: $"The {what} is at version {current}; read it again and retry with If-Match: \"{current}\".",
        statusCode: StatusCodes.Status412PreconditionFailed,
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current });

    /// <summary>400: an <c>Idempotency-Key</c> sent where no answer is kept for a retry (<paramref name="why"/>):
    /// ignored, it would have the client believe its retry answered as the first request was.</summary>
    public static IResult IdempotencyKeyNotTaken(string why) => Results.Problem(
        title: "The Idempotency-Key header is not taken here.",
        detail: $"{why}: send the request without the key.",
        statusCode: StatusCodes.Status400BadRequest);

    public static IResult IdempotencyKeyReused() => Results.Problem(
        type: "urn:isoledger:problem:idempotency-key-reused",
        title: "The Idempotency-Key was already used for another request.",
        detail: "A retry must repeat the original request exactly; use a new key for a new request.",
        statusCode: StatusCodes.Status422UnprocessableEntity);
}
