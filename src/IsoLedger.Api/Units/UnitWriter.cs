using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace IsoLedger.Api.Units;

/// <summary>The write path every unit command shares: concurrency (<c>If-Match</c>), idempotent retries
/// (<c>Idempotency-Key</c>), the decider, and who recorded what (event metadata).</summary>
public static class UnitWriter
{
    private const int Attempts = 3;

    /// <summary>Decides a command on an existing unit and appends its events.</summary>
    public static Task<IResult> Execute(
        HttpContext http, IDocumentStore store, BusinessClock clock, string code, IUnitCommand command,
        Func<Accepted, UnitWritten, object>? respond = null, Func<Accepted, string>? created = null) =>
        Execute(http, store, code, command,
            unit => UnitDecider.Decide(
                unit, command, clock.Today, http.RequestServices.GetRequiredService<RuleBookSource>().Current),
            respond, created);

    /// <summary>Runs <paramref name="decide"/> on the state of unit <paramref name="code"/> (null if it has no stream)
    /// and appends the events it accepts. <paramref name="command"/> identifies the request for idempotent retries;
    /// <paramref name="respond"/> shapes the success body; <paramref name="created"/> answers 201 with a
    /// location.</summary>
    public static async Task<IResult> Execute(
        HttpContext http, IDocumentStore store, string code, object command, Func<Unit?, Decision> decide,
        Func<Accepted, UnitWritten, object>? respond = null, Func<Accepted, string>? created = null)
    {
        if (!TryReadIfMatch(http, out var expectedVersion)) return UnitProblems.BadIfMatch();
        if (!UnitCode.IsValid(code)) return UnitProblems.UnitNotFound(code);

        var idempotency = IdempotencyFor(http, command);
        return await DatabaseRetries.Execute(
            (attempt, cancellation) => Write(http, store, code, expectedVersion, idempotency, decide, respond, created,
                attempt, cancellation),
            idempotent: idempotency is not null, http.RequestAborted);
    }

    /// <summary>One run of the write: replays the stored response of an <c>Idempotency-Key</c> already used (also when
    /// a retry finds that its first attempt did commit), otherwise decides on the unit's state and appends, deciding
    /// again on the newer state when another writer came first.</summary>
    private static async Task<IResult> Write(
        HttpContext http, IDocumentStore store, string code, long? expectedVersion, Idempotency? idempotency,
        Func<Unit?, Decision> decide, Func<Accepted, UnitWritten, object>? respond, Func<Accepted, string>? created,
        DatabaseAttempt databaseAttempt, CancellationToken cancellation)
    {
        if (idempotency is not null && await idempotency.Earlier(store, cancellation) is { } earlier) return earlier;
        for (var attempt = 1; ; attempt++)
        {
            // A fresh session per attempt: a failed commit leaves its session's transaction unusable.
            await using var session = store.LightweightSession();
            session.CorrelationId = http.Id();
            session.LastModifiedBy = http.User.Identity?.Name;

            // Locks the unit's stream row until the transaction ends, so writers to one unit take turns instead of
            // failing; a new stream has no row yet, and racing registrations meet at its unique key instead.
            var stream = await session.Events.FetchForExclusiveWriting<Unit>(code, cancellation);
            if (expectedVersion is not null && (stream.CurrentVersion ?? 0) != expectedVersion)
                return stream.Aggregate is null
                    ? UnitProblems.UnitNotFound(code)
                    : UnitProblems.StaleVersion(stream.CurrentVersion ?? 0);

            switch (decide(stream.Aggregate))
            {
                case Rejected { Broken: var broken } when broken == Rules.UnitNotRegistered:
                    return UnitProblems.UnitNotFound(code);
                case Rejected rejected:
                    return UnitProblems.RuleBroken(rejected.Broken);
                case Accepted accepted:
                    var version = (stream.CurrentVersion ?? 0) + accepted.Events.Count;
                    stream.AppendMany(accepted.Events.ToArray());
                    var written = new UnitWritten(code, version, accepted.Warnings.Select(RuleWarning.From).ToList());
                    var response = new IdempotentResponse
                    {
                        Id = idempotency?.Id ?? "",
                        Fingerprint = idempotency?.Fingerprint ?? "",
                        Status = created is null ? StatusCodes.Status200OK : StatusCodes.Status201Created,
                        Location = created?.Invoke(accepted),
                        Version = version,
                        Body = JsonSerializer.Serialize(
                            respond?.Invoke(accepted, written) ?? written, JsonOptions(http)),
                    };
                    if (idempotency is not null) session.Insert(response);
                    try
                    {
                        databaseAttempt.MarkIrreversible();
                        await session.SaveChangesAsync(cancellation);
                        return response.Replay(response.Fingerprint);
                    }
                    catch (Exception e) when (IsConcurrencyConflict(e) && expectedVersion is null && attempt < Attempts)
                    {
                        // Another writer appended first: decide again on the newer state.
                    }
                    catch (Exception e) when (IsConcurrencyConflict(e))
                    {
                        return expectedVersion is null
                            ? UnitProblems.Busy()
                            : UnitProblems.StaleVersion(await CurrentVersion(store, code, cancellation));
                    }
                    catch (DocumentAlreadyExistsException) when (idempotency is not null)
                    {
                        // The same key was used by a request that committed while this one ran.
                        return (await idempotency.Earlier(store, cancellation))!;
                    }
                    break;
                default:
                    throw new InvalidOperationException("A decision is either accepted or rejected.");
            }
        }
    }

    /// <summary>Another writer got to the stream first: its version moved, or (for a new stream) its key is
    /// taken.</summary>
    internal static bool IsConcurrencyConflict(Exception e) =>
        e is ConcurrencyException
            or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException
        || e.InnerException is PostgresException
        { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pkey_mt_streams_id" };

    private static async Task<long> CurrentVersion(IDocumentStore store, string code, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        return (await query.Events.FetchStreamStateAsync(code, cancellation))?.Version ?? 0;
    }

    internal static JsonSerializerOptions JsonOptions(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;

    /// <summary>Reads <c>If-Match</c>: absent or <c>*</c> means "any version"; otherwise one entity tag holding a
    /// version.</summary>
    internal static bool TryReadIfMatch(HttpContext http, out long? version)
    {
        version = null;
        var header = http.Request.Headers.IfMatch.ToString();
        if (header.Length == 0 || header.Trim() == "*") return true;
        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.IsWeak) return false;
        if (!long.TryParse(tag.Tag.AsSpan().Trim('"'), out var parsed) || parsed < 0) return false;
        version = parsed;
        return true;
    }

    internal sealed record Idempotency(string Id, string Fingerprint)
    {
        /// <summary>The answer to the request that first used the key (for this request: its replay, or 422 when
        /// the request differs), or null while no request with the key has committed.</summary>
        public async Task<IResult?> Earlier(IDocumentStore store, CancellationToken cancellation)
        {
            await using var query = store.QuerySession();
            return (await query.LoadAsync<IdempotentResponse>(Id, cancellation))?.Replay(Fingerprint);
        }
    }

    /// <summary>A key is scoped to the API key that sent it; the fingerprint covers the route and the
    /// command.</summary>
    internal static Idempotency? IdempotencyFor(HttpContext http, object command)
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
}

/// <summary>The response to a request sent with an <c>Idempotency-Key</c>, kept to answer its retries.</summary>
public sealed class IdempotentResponse
{
    public string Id { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public int Status { get; set; }
    public string? Location { get; set; }
    public long Version { get; set; }
    public string Body { get; set; } = "";

    public IResult Replay(string fingerprint) => fingerprint != Fingerprint
        ? UnitProblems.IdempotencyKeyReused()
        : UnitResults.Json(Status, Version, Encoding.UTF8.GetBytes(Body), Location);
}
