using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Units;

/// <summary>The write path every unit command shares: concurrency (<c>If-Match</c>) and idempotent retries
/// (<c>Idempotency-Key</c>, see <see cref="VersionedWrites"/>), the decider, and who recorded what (event
/// metadata). The command itself is decided and written by this node's group commit
/// (<see cref="UnitWriteQueue"/>).</summary>
public static class UnitWriter
{
    /// <summary>Decides a command on an existing unit and appends its events.</summary>
    public static Task<IResult> Execute(
        HttpContext http, UnitWriteQueue writes, BusinessClock clock, string code, IUnitCommand command,
        Func<Accepted, UnitWritten, object>? respond = null, Func<Accepted, string>? created = null)
    {
        var rules = http.RequestServices.GetRequiredService<RuleBookSource>().Current;
        var today = clock.Today;
        return Execute(http, writes, code, command, [],
            (unit, _, _) => UnitDecider.Decide(unit, command, today, rules), respond, created);
    }

    /// <summary>Runs <paramref name="decide"/> on the state of unit <paramref name="code"/> (null if it has no stream)
    /// and appends the events it accepts. <paramref name="reads"/> are other units the decision reads (the second
    /// argument of <paramref name="decide"/> gives their states by code, null without a stream): their streams are
    /// locked with the unit's, so that none of them changes between the decision and its commit (a registration's
    /// parent, which a restructuring may end meanwhile); the third gives the registered units
    /// <paramref name="namesakes"/> finds, read under the lock of the transactions that start units.
    /// <paramref name="command"/> identifies the request for idempotent retries; <paramref name="respond"/> shapes the
    /// success body; <paramref name="created"/> answers 201 with a location.</summary>
    public static async Task<IResult> Execute(
        HttpContext http, UnitWriteQueue writes, string code, object command, IReadOnlyList<string> reads,
        Func<Unit?, Func<string, Unit?>, IReadOnlyList<Unit>, Decision> decide,
        Func<Accepted, UnitWritten, object>? respond = null, Func<Accepted, string>? created = null,
        NamesakeSearch? namesakes = null)
    {
        if (!VersionedWrites.TryReadIfMatch(http, out var ifMatch)) return WriteProblems.BadIfMatch();
        if (!UnitCode.IsValid(code)) return UnitProblems.UnitNotFound(code);

        var idempotency = Idempotency.For(http, command);
        var correlationId = http.Id();
        var recordedBy = http.User.Identity?.Name;
        // A retry submits the command again: its batch looks for the answer a first commit stored under its key.
        return await DatabaseRetries.Execute(
            (attempt, _) => writes.Submit(new PendingWrite(
                code, ifMatch, idempotency, reads, decide, respond, created, correlationId, recordedBy,
                attempt, namesakes)),
            idempotent: idempotency is not null, http.RequestAborted);
    }
}
