using System.ComponentModel.DataAnnotations;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.LegalBasis;

/// <summary>A new entry of the rule book: what a legal act requires, of which units, from when; added by an
/// administrator.</summary>
/// <param name="Id">A stable name for the entry, e.g. "conversion-to-2026".</param>
/// <param name="Kind">What it requires.</param>
/// <param name="ValidFrom">The first day it is in force.</param>
/// <param name="ValidTo">The last day it is in force, if known.</param>
/// <param name="LegalAct">The act it cites, e.g. "QĐ 19/2014/QĐ-TTg".</param>
/// <param name="Source">Where it comes from (the act's article, a document).</param>
/// <param name="Reason">Why it is added, kept with the change.</param>
/// <param name="Level">must-apply: the level it obliges.</param>
/// <param name="Edition">new-systems-on-edition and conversion-deadline: the edition.</param>
/// <param name="Deadline">conversion-deadline: the last day to convert.</param>
/// <param name="Months">successor-redeclares: how many months after a restructuring's effective date its successor
/// has to declare its own system (1 to 120).</param>
public sealed record AddObligationRequest(
    [property: RegularExpression(RuleBookTexts.IdPattern)] string? Id, ObligationKind? Kind, DateOnly? ValidFrom,
    [property: MaxLength(RuleBookTexts.MaxLegalAct)] string? LegalAct,
    [property: MaxLength(RuleBookTexts.MaxSource)] string? Source,
    [property: MaxLength(RuleBookTexts.MaxSource)] string? Reason,
    DateOnly? ValidTo = null, UnitLevel? Level = null, Edition? Edition = null, DateOnly? Deadline = null,
    [property: Range(1, AddObligationEndpoint.MaxMonths)] int? Months = null);

public static partial class AddObligationEndpoint
{
    /// <summary>Ten years: a successor given longer has no period worth judging.</summary>
    public const int MaxMonths = 120;

    public static ProblemDetails Validate(AddObligationRequest request)
    {
        var validation = new Validation()
            .Check("id", IsId(request.Id),
                "Required: 1 to 100 letters, digits and hyphens.")
            .OneOf("kind", request.Kind)
            .Date("validFrom", request.ValidFrom)
            .Date("validTo", request.ValidTo, required: false)
            .Check("validTo", !(request.ValidTo < request.ValidFrom), "Must not be before validFrom.")
            .Text("legalAct", request.LegalAct, required: true, max: RuleBookTexts.MaxLegalAct)
            .Text("source", request.Source, required: true, max: RuleBookTexts.MaxSource)
            .Text("reason", request.Reason, required: true, max: RuleBookTexts.MaxSource);
        var kind = request.Kind;
        validation.Check("level", (kind == ObligationKind.MustApply) == (request.Level is not null),
            "Required for must-apply, and only for it.");
        validation.Check("edition",
            (kind is ObligationKind.NewSystemsOnEdition or ObligationKind.ConversionDeadline)
            == (request.Edition is not null),
            "Required for new-systems-on-edition and conversion-deadline, and only for them.");
        validation.Check("deadline", (kind == ObligationKind.ConversionDeadline) == (request.Deadline is not null),
            "Required for conversion-deadline, and only for it.");
        validation.Check("months", (kind == ObligationKind.SuccessorRedeclares) == (request.Months is not null),
            "Required for successor-redeclares, and only for it.");
        validation.Check("months", request.Months is null or >= 1 and <= MaxMonths,
            $"Must be a whole number of months from 1 to {MaxMonths}.");
        if (request.Deadline is not null)
        {
            validation.Date("deadline", request.Deadline)
                .Check("deadline", !(request.Deadline < request.ValidFrom), "Must not be before validFrom.")
                .Check("deadline", !(request.Deadline > request.ValidTo), "Must not be after validTo.");
        }
        return validation.Result;
    }

    /// <summary>Add an obligation to the rule book</summary>
    /// <remarks>Facts dated within its validity are judged by it from now on; facts outside it are not.</remarks>
    [WolverinePost("/api/rules/obligations", OperationId = "AddObligation")]
    [Tags(ApiTags.Rules)]
    [RuleBookChange]
    [Authorize(Roles = Roles.Admin)]
    public static Task<IResult> Post(
        AddObligationRequest request, HttpContext http, IDocumentStore store, RuleBookSource rules,
        CancellationToken cancellation)
    {
        var entry = new Obligation(
            request.Id!, request.Kind!.Value, request.ValidFrom!.Value, request.ValidTo, request.LegalAct!,
            request.Source!, request.Level, request.Edition, request.Deadline, request.Months);
        return RuleBookWriter.Record(http, request, store, rules,
            book => new AddObligation(entry, http.User.Identity!.Name!, request.Reason!).Decide(book), cancellation);
    }

    /// <summary>Whether <paramref name="id"/> has the shape of an entry's id (<see cref="RuleBookTexts.IdPattern"/>).
    /// </summary>
    public static bool IsId(string? id) => id is not null && IdShape().IsMatch(id);

    /// <summary><see cref="RuleBookTexts.IdPattern"/> for .NET, whose <c>$</c> also matches before a final line
    /// break.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\A[A-Za-z0-9-]{1,100}\z")]
    private static partial System.Text.RegularExpressions.Regex IdShape();
}
