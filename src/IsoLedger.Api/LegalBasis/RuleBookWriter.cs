using System.Text;
using System.Text.Json;
using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace IsoLedger.Api.LegalBasis;

/// <summary>Records a change to the rule book: decided against the latest book, appended to its one stream at the
/// version it was decided on, so that two administrators' changes never pass each other unseen. As unit commands do,
/// it honours <c>If-Match</c> (the book's version: 412 when it moved) and <c>Idempotency-Key</c> (the answer is stored
/// in the change's transaction, and a retry gets it again instead of "already defined").</summary>
public static class RuleBookWriter
{
    public static async Task<IResult> Record(
        HttpContext http, object request, IDocumentStore store, RuleBookSource source, Func<RuleBook, Decision> decide,
        CancellationToken cancellation)
    {
        if (!VersionedWrites.TryReadIfMatch(http, out var ifMatch)) return WriteProblems.BadIfMatch();
        var idempotency = Idempotency.For(http, request);
        if (idempotency is not null && await idempotency.Earlier(store, cancellation) is { } replay) return replay;

        var book = await source.Refresh(cancellation);
        if (ifMatch is not null && !ifMatch.Holds(book.Version))
            return WriteProblems.StaleVersion(book.Version, "rule book");
        var decision = decide(book);
        if (decision is Rejected rejected)
        {
            // Refused because the same key's first try committed meanwhile ("already defined"): its answer is this
            // one's.
            if (idempotency is not null && await idempotency.Earlier(store, cancellation) is { } first) return first;
            return WriteProblems.RuleBroken(rejected.Broken, rejected.Detail);
        }
        var accepted = (Accepted)decision;
        var version = book.Version + accepted.Events.Count;
        var changed = accepted.Events.Select((change, i) => (change, i))
            .Aggregate(book, (state, step) => state.Evolve(step.change, book.Version + 1 + step.i));
        var body = JsonSerializer.SerializeToUtf8Bytes(RuleBookView.Of(changed), ApiJson.Options(http));
        await using var session = store.LightweightSession();
        // Who recorded it and under which request, as a unit's events say (the feed's recordedBy, correlationId).
        session.CorrelationId = http.Id();
        session.LastModifiedBy = http.User.Identity?.Name;
        session.Events.Append(RuleBook.StreamId, version, accepted.Events);
        if (idempotency is not null)
        {
            session.Insert(new IdempotentResponse
            {
                Id = idempotency.Id,
                Fingerprint = idempotency.Fingerprint,
                Status = StatusCodes.Status200OK,
                Version = version,
                Body = Encoding.UTF8.GetString(body),
            });
        }
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception conflict) when (VersionedWrites.IsConcurrencyConflict(conflict)
                                              || conflict is EventStreamUnexpectedMaxEventIdException)
        {
            // A retry racing its first try loses on the stream's version: the first try's answer is its answer.
            if (idempotency is not null && await idempotency.Earlier(store, cancellation) is { } earlier)
                return earlier;
            // A change sent with the version it read: the book moved past that version, as If-Match says.
            if (ifMatch is not null)
            {
                return WriteProblems.StaleVersion(
                    (await source.Refresh(cancellation)).Version, "rule book");
            }
            return Results.Problem(
                title: "The rule book changed meanwhile.",
                detail: "Another change was recorded while this one was decided; nothing was recorded. Read the rule "
                    + "book again and retry.",
                statusCode: StatusCodes.Status409Conflict);
        }
        catch (DocumentAlreadyExistsException) when (idempotency is not null)
        {
            return await idempotency.RacedBy(store, cancellation);
        }
        await source.Refresh(cancellation);
        return VersionedResults.Json(StatusCodes.Status200OK, version, body);
    }
}
