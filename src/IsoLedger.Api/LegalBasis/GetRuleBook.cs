using System.Text.Json;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.LegalBasis;

/// <summary>An edition with its transition window as the rule book gives it.</summary>
/// <param name="Name">The edition's name in the rule book.</param>
/// <param name="NameVi">Its Vietnamese label.</param>
/// <param name="NameEn">Its English label.</param>
/// <param name="PublishedOn">When it was published.</param>
/// <param name="Amends">The edition an amendment amends, or null.</param>
/// <param name="NewSystemsFrom">From when new systems had to be built on it, if ever.</param>
/// <param name="ConversionDeadline">By when units on older editions had to convert to it, if ever.</param>
/// <param name="Source">The act or publication it rests on.</param>
public sealed record EditionView(
    Edition Name, string NameVi, string NameEn, DateOnly PublishedOn, Edition? Amends, DateOnly? NewSystemsFrom,
    DateOnly? ConversionDeadline, string Source);

/// <summary>The rule book: its version (the number of changes recorded), the editions oldest first, and the
/// obligations.</summary>
/// <param name="Version">The rule book's version: the number of changes recorded; its ETag, which a change sends
/// back as <c>If-Match</c>.</param>
/// <param name="Editions">The editions of the standard, oldest first, each with its transition window.</param>
/// <param name="Obligations">The entries of the rule book (with <c>asOf</c>, those in force on that day), each with
/// its validity, the act it cites and its source.</param>
public sealed record RuleBookView(
    long Version, IReadOnlyList<EditionView> Editions, IReadOnlyList<Obligation> Obligations)
{
    public static RuleBookView Of(RuleBook book, DateOnly? inForceOn = null) => new(
        book.Version,
        [
            .. book.Editions.Select(e => new EditionView(
                e.Edition, e.NameVi, e.NameEn, e.PublishedOn, e.Amends,
                book.Obligations.Where(o => o.Kind == ObligationKind.NewSystemsOnEdition && o.Edition == e.Edition)
                    .Min(o => (DateOnly?)o.ValidFrom),
                book.Obligations.Where(o => o.Kind == ObligationKind.ConversionDeadline && o.Edition == e.Edition)
                    .Max(o => o.Deadline),
                e.Source)),
        ],
        [.. book.Obligations.Where(o => inForceOn is not { } date || o.InForceOn(date))]);
}

public static class GetRuleBookEndpoint
{
    /// <summary>The rule book: editions and obligations with their legal basis</summary>
    /// <remarks>Editions oldest first, each with its publication and transition window; the obligations with
    /// their validity, the act they cite and its source; the book's version, the ETag a change sends back as
    /// If-Match. <c>asOf</c> lists only the obligations in force on that day.</remarks>
    /// <param name="asOf">Only the obligations in force on this date (YYYY-MM-DD).</param>
    /// <param name="rules">The node's copy of the rule book.</param>
    /// <param name="clock">Today in Vietnam.</param>
    /// <param name="http">The request (for its JSON options).</param>
    /// <param name="cancellation">The request's end.</param>
    [WolverineGet("/api/rules", OperationId = "GetRuleBook")]
    [Tags(ApiTags.Rules)]
    [VersionedRead]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<RuleBookView>(StatusCodes.Status200OK,
        Description = "The rule book: its version, its editions and its obligations.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        string? asOf, RuleBookSource rules, BusinessClock clock, HttpContext http, CancellationToken cancellation)
    {
        var validation = new Validation();
        var date = Query.AsOf(validation, asOf, clock.Today);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);
        // Its version is named by the ETag a change sends back as If-Match.
        var book = await rules.Refresh(cancellation);
        return VersionedResults.Read(
            book.Version, JsonSerializer.SerializeToUtf8Bytes(RuleBookView.Of(book, date), ApiJson.Options(http)));
    }
}

/// <summary>A change to the rule book as recorded: what, by whom, why and when; <c>type</c> is the event's type as the
/// event feed names it (the vocabulary's <c>events</c> label each).</summary>
/// <param name="Version">The rule book's version the change made (1 for the first change).</param>
/// <param name="Type">What the change was: <c>EditionAdded</c>, <c>ObligationAdded</c> or
/// <c>ObligationEnded</c>.</param>
/// <param name="Change">The change's own fields: the edition or entry added (<c>entry</c>), or the entry ended and
/// its last day (<c>id</c>, <c>validTo</c>); with the name of the API key that made it (<c>recordedBy</c>) and why
/// (<c>reason</c>).</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record RuleBookChange(long Version, string Type, object Change, DateTimeOffset RecordedAt);

public static class GetRuleBookChangesEndpoint
{
    /// <summary>Every change an administrator made to the rule book, oldest first</summary>
    /// <remarks>Each with the rule book's version it made, its type (an edition or obligation added, an obligation
    /// ended), what it changed with who made it and why, and when it was recorded.</remarks>
    [WolverineGet("/api/rules/changes", OperationId = "GetRuleBookChanges")]
    [Tags(ApiTags.Rules)]
    [Authorize(Policy = Policies.Audit)]
    [ProducesResponseType<IReadOnlyList<RuleBookChange>>(StatusCodes.Status200OK,
        Description = "Every change made to the rule book, oldest first.")]
    public static async Task<IReadOnlyList<RuleBookChange>> Get(
        IQuerySession session, CancellationToken cancellation) =>
        [
            .. (await session.Events.FetchStreamAsync(RuleBook.StreamId, token: cancellation))
                .Select(e => new RuleBookChange(e.Version, e.EventType.Name, e.Data, e.Timestamp)),
        ];
}
