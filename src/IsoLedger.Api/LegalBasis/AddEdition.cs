using System.ComponentModel.DataAnnotations;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.LegalBasis;

/// <summary>A new edition of the standard (or an amendment) added to the rule book by an administrator.</summary>
/// <param name="Name">The edition's name as the API will write it, e.g. "2026".</param>
/// <param name="NameVi">Its Vietnamese name, e.g. "TCVN ISO 9001:2026".</param>
/// <param name="NameEn">Its English name, e.g. "ISO 9001:2026".</param>
/// <param name="PublishedOn">The day it was published.</param>
/// <param name="Amends">For an amendment, the edition it amends.</param>
/// <param name="Source">Where it comes from (the act or the standard's publication).</param>
/// <param name="Reason">Why it is added, kept with the change.</param>
public sealed record AddEditionRequest(
    Edition? Name, [property: MaxLength(RuleBookTexts.MaxLabel)] string? NameVi,
    [property: MaxLength(RuleBookTexts.MaxLabel)] string? NameEn, DateOnly? PublishedOn,
    [property: MaxLength(RuleBookTexts.MaxSource)] string? Source,
    [property: MaxLength(RuleBookTexts.MaxSource)] string? Reason, Edition? Amends = null);

public static class AddEditionEndpoint
{
    public static ProblemDetails Validate(AddEditionRequest request) =>
        new Validation()
            .Check("name", request.Name is not null, "Required: the edition's name, such as \"2026\".")
            .Text("nameVi", request.NameVi, required: true, max: RuleBookTexts.MaxLabel)
            .Text("nameEn", request.NameEn, required: true, max: RuleBookTexts.MaxLabel)
            .Date("publishedOn", request.PublishedOn)
            .Text("source", request.Source, required: true, max: RuleBookTexts.MaxSource)
            .Text("reason", request.Reason, required: true, max: RuleBookTexts.MaxSource)
            .Result;

    /// <summary>Add an edition of the standard to the rule book</summary>
    /// <remarks>The edition can then be declared and converted to; what it obliges, and from when, is added as
    /// obligations (new systems on it, a conversion deadline).</remarks>
    [WolverinePost("/api/rules/editions", OperationId = "AddEdition")]
    [Tags(ApiTags.Rules)]
    [RuleBookChange]
    [Authorize(Roles = Roles.Admin)]
    public static Task<IResult> Post(
        AddEditionRequest request, HttpContext http, IDocumentStore store, RuleBookSource rules, BusinessClock clock,
        CancellationToken cancellation)
    {
        var entry = new EditionEntry(
            request.Name!.Value, request.NameVi!, request.NameEn!, request.PublishedOn!.Value, request.Amends,
            request.Source!);
        return RuleBookWriter.Record(http, request, store, rules,
            book => new AddEdition(entry, http.User.Identity!.Name!, request.Reason!).Decide(book, clock.Today),
            cancellation);
    }
}
