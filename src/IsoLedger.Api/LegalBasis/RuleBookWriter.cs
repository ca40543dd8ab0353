using IsoLedger.Api.Units;
using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using JasperFx.Events;
using Marten;

namespace IsoLedger.Api.LegalBasis;

/// <summary>Records a change to the rule book: decided against the latest book, appended to its one stream at the
/// version it was decided on, so that two administrators' changes never pass each other unseen.</summary>
public static class RuleBookWriter
{
    public static async Task<IResult> Record(
        IDocumentStore store, RuleBookSource source, Func<RuleBook, Decision> decide, CancellationToken cancellation)
    {
        var book = await source.Refresh(cancellation);
        var decision = decide(book);
        if (decision is Rejected rejected) return UnitProblems.RuleBroken(rejected.Broken);
        var accepted = (Accepted)decision;
        await using var session = store.LightweightSession();
        session.Events.Append(RuleBook.StreamId, book.Version + accepted.Events.Count, accepted.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception conflict) when (UnitWriter.IsConcurrencyConflict(conflict)
                                              || conflict is EventStreamUnexpectedMaxEventIdException)
        {
            return Results.Problem(
                title: "The rule book changed meanwhile.",
                detail: "Another change was recorded while this one was decided; nothing was recorded. Read the rule "
                    + "book again and retry.",
                statusCode: StatusCodes.Status409Conflict);
        }
        return Results.Ok(RuleBookView.Of(await source.Refresh(cancellation)));
    }
}
