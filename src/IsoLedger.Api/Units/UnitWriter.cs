using System.Globalization;
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
/// (<c>Idempotency-Key</c>), the decider, and who recorded what (event metadata). The command itself is decided and
/// written by this node's group commit (<see cref="UnitWriteQueue"/>).</summary>
public static class UnitWriter
{
    /// <summary>Decides a command on an existing unit and appends its events.</summary>
    public static Task<IResult> Execute(
        HttpContext http, UnitWriteQueue writes, BusinessClock clock, string code, IUnitCommand command,
        Func<Accepted, UnitWritten, object>? respond = null, Func<Accepted, string>? created = null)
    {
        var rules = http.RequestServices.GetRequiredService<RuleBookSource>().Current;
        var today = clock.Today;
        return Execute(http, writes, code, command, unit => UnitDecider.Decide(unit, command, today, rules),
            respond, created);
    }

    /// <summary>Runs <paramref name="decide"/> on the state of unit <paramref name="code"/> (null if it has no stream)
    /// and appends the events it accepts. <paramref name="command"/> identifies the request for idempotent retries;
    /// <paramref name="respond"/> shapes the success body; <paramref name="created"/> answers 201 with a
    /// location.</summary>
    public static async Task<IResult> Execute(
        HttpContext http, UnitWriteQueue writes, string code, object command, Func<Unit?, Decision> decide,
        Func<Accepted, UnitWritten, object>? respond = null, Func<Accepted, string>? created = null)
    {
        if (!TryReadIfMatch(http, out var expectedVersion)) return UnitProblems.BadIfMatch();
        if (!UnitCode.IsValid(code)) return UnitProblems.UnitNotFound(code);

        var idempotency = IdempotencyFor(http, command);
        var correlationId = http.Id();
        var recordedBy = http.User.Identity?.Name;
        // A retry submits the command again: its batch looks for the answer a first commit stored under its key.
        return await DatabaseRetries.Execute(
            (attempt, _) => writes.Submit(new PendingWrite(
                code, expectedVersion, idempotency, decide, respond, created, correlationId, recordedBy, attempt)),
            idempotent: idempotency is not null, http.RequestAborted);
    }

    /// <summary>Another writer got to the stream first: its version moved, or (for a new stream) its key is
    /// taken.</summary>
    internal static bool IsConcurrencyConflict(Exception e) =>
        e is ConcurrencyException
            or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException
        || e.InnerException is PostgresException
        { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pkey_mt_streams_id" };

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
        // A version as the ETag writes it, digits only: "09", "+9" or " 9" are no tag this API gave.
        var text = tag.Tag.AsSpan().Trim('"');
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            || !text.SequenceEqual(parsed.ToString(CultureInfo.InvariantCulture))) return false;
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
