using System.ComponentModel.DataAnnotations;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>A nonconformity found (điểm không phù hợp): by whom, how serious, and by when it must be closed.</summary>
/// <param name="RaisedOn">The date the nonconformity was found.</param>
/// <param name="Source">internal-audit, inspection, complaint or other.</param>
/// <param name="Description">What does not conform.</param>
/// <param name="Severity">minor or major.</param>
/// <param name="Clause">The ISO 9001 clause concerned, e.g. "8.5".</param>
/// <param name="DueOn">When it must be closed by: not before raisedOn, at most 10 years after it.</param>
public sealed record RaiseNonconformityRequest(
    DateOnly? RaisedOn, NonconformitySource? Source, string? Description, NonconformitySeverity? Severity,
    [property: MaxLength(RaiseNonconformityRequest.MaxClause)] string? Clause = null, DateOnly? DueOn = null)
{
    public const int MaxClause = 20;

    /// <summary>The furthest a closing deadline may lie after the day a nonconformity was found. A corrective action
    /// runs weeks or months; a deadline decades away (9999-12-31 was accepted) is a typing slip or a way of saying
    /// "never", and it would hide the nonconformity from the overdue flags for good.</summary>
    public const int MaxYearsToDue = 10;

    /// <summary>Whether <paramref name="dueOn"/> lies within <see cref="MaxYearsToDue"/> years of
    /// <paramref name="raisedOn"/>; a find dated in the calendar's last years is refused as a future date, not here.
    /// </summary>
    public static bool DueWithinReach(DateOnly? raisedOn, DateOnly? dueOn) =>
        raisedOn is not { } raised || dueOn is not { } due
        || raised.Year > DateOnly.MaxValue.Year - MaxYearsToDue || due <= raised.AddYears(MaxYearsToDue);
}

/// <summary>What raising a nonconformity wrote, with the id to act on it by.</summary>
/// <param name="Code">The unit the nonconformity was raised on.</param>
/// <param name="Version">The unit stream's version after the write; send it back as <c>If-Match</c>.</param>
/// <param name="Warnings">Compliance rules the unit breaks as of the nonconformity's date; it is recorded
/// anyway.</param>
/// <param name="NonconformityId">The nonconformity's id in the unit (its routes'
/// <c>/nonconformities/{id}</c>).</param>
public sealed record NonconformityWritten(
    string Code, long Version, IReadOnlyList<RuleWarning> Warnings, string NonconformityId)
    : UnitWritten(Code, Version, Warnings);

public static class RaiseNonconformityEndpoint
{
    public static ProblemDetails Validate(RaiseNonconformityRequest request) => new Validation()
        .Date("raisedOn", request.RaisedOn)
        .OneOf("source", request.Source)
        .Text("description", request.Description, required: true)
        .OneOf("severity", request.Severity)
        .Text("clause", request.Clause, max: RaiseNonconformityRequest.MaxClause)
        .Date("dueOn", request.DueOn, required: false)
        .Check("dueOn", RaiseNonconformityRequest.DueWithinReach(request.RaisedOn, request.DueOn),
            $"Must be at most {RaiseNonconformityRequest.MaxYearsToDue} years after raisedOn.")
        .Result;

    /// <summary>Raise a nonconformity</summary>
    /// <remarks>Answers 201 with the nonconformity's id (NC-1, NC-2, … within the unit).</remarks>
    [WolverinePost("/api/units/{code}/nonconformities", OperationId = "RaiseNonconformity")]
    [Tags(ApiTags.Nonconformities)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand(StatusCodes.Status201Created, typeof(NonconformityWritten), Recorded = "Raised: nonconformityId is "
        + "its id within the unit and Location its address; version is the unit's new version (also the ETag).")]
    public static Task<IResult> Post(
        string code, RaiseNonconformityRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock)
    {
        var command = new RaiseNonconformity(
            request.RaisedOn!.Value, request.Source!.Value, request.Description!.Normalize(), request.Severity!.Value,
            request.Clause, request.DueOn);
        return UnitWriter.Execute(http, writes, clock, code, command,
            respond: (accepted, written) =>
                new NonconformityWritten(written.Code, written.Version, written.Warnings, RaisedId(accepted)),
            created: accepted => $"/api/units/{Uri.EscapeDataString(code)}/nonconformities/{RaisedId(accepted)}");
    }

    private static string RaisedId(Accepted accepted) =>
        accepted.Events.OfType<NonconformityRaised>().Single().NonconformityId;
}
