using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using IsoLedger.Domain.Units.Commands;
using IsoLedger.Domain.Units;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>Registers a unit. <paramref name="RegisteredOn"/> defaults to today.</summary>
/// <param name="Code">Stable unit code, the key of the unit's stream: letters, digits, '.', '_' or '-', 2–64 characters.</param>
/// <param name="Name">The unit's official name, e.g. "UBND Xã Gia Cát".</param>
/// <param name="Level">department, sub-department, district or commune.</param>
/// <param name="Province">The province the unit belongs to.</param>
/// <param name="District">The district of a commune.</param>
/// <param name="ParentCode">The parent department of a sub-department.</param>
/// <param name="RegisteredOn">The business date of the registration (YYYY-MM-DD).</param>
public sealed record RegisterUnitRequest(
    string? Code,
    string? Name,
    UnitLevel? Level,
    string? Province,
    string? District = null,
    string? ParentCode = null,
    DateOnly? RegisteredOn = null);

/// <summary>What a successful command wrote.</summary>
/// <param name="Code">The unit the events were appended to.</param>
/// <param name="Version">The unit stream's version after the write; send it back as <c>If-Match</c>.</param>
/// <param name="Warnings">Compliance rules the recorded fact breaks; the fact is recorded anyway.</param>
public sealed record UnitWritten(string Code, long Version, IReadOnlyList<RuleWarning> Warnings);

/// <summary>A compliance rule that a recorded fact breaks.</summary>
public sealed record RuleWarning(string Rule, string Sentence)
{
    public static RuleWarning From(Rule rule) => new(rule.Id, rule.Sentence);
}

public static class RegisterUnitEndpoint
{
    public const int MaxTextLength = 500;

    public static ProblemDetails Validate(RegisterUnitRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!UnitCode.IsValid(request.Code))
            errors["code"] = [$"Required; must match {UnitCode.Pattern}."];
        RequireText(errors, "name", request.Name, required: true);
        RequireText(errors, "province", request.Province, required: true);
        RequireText(errors, "district", request.District, required: false);
        if (request.Level is null) errors["level"] = ["Required: department, sub-department, district or commune."];
        if (request.ParentCode is not null && !UnitCode.IsValid(request.ParentCode))
            errors["parentCode"] = [$"Must match {UnitCode.Pattern}."];
        return errors.Count == 0 ? WolverineContinue.NoProblems : Problems.Invalid(errors);
    }

    private static void RequireText(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        if (value is null)
        {
            if (required) errors[field] = ["Required."];
        }
        else if (string.IsNullOrWhiteSpace(value) || value.Length > MaxTextLength || value.Any(char.IsControl))
        {
            errors[field] = [$"Must be 1–{MaxTextLength} characters of text without control characters."];
        }
    }

    /// <summary>Register a unit</summary>
    /// <remarks>Appends <c>UnitRegistered</c> as the first event of the unit's stream.</remarks>
    [WolverinePost("/api/units", OperationId = "RegisterUnit"), Tags("Units")]
    [ProducesResponseType<UnitWritten>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Post(RegisterUnitRequest request, IDocumentSession session, BusinessClock clock, CancellationToken cancellation)
    {
        var code = request.Code!;
        var command = new RegisterUnit(
            code, request.Name!.Normalize(), request.Level!.Value, request.Province!.Normalize(),
            request.District?.Normalize(), request.ParentCode, request.RegisteredOn ?? clock.Today);

        var existing = await session.Events.FetchLatest<Unit>(code, cancellation);
        switch (command.Decide(existing, clock.Today))
        {
            case Rejected rejected:
                return Problems.RuleBroken(rejected.Broken);
            case Accepted accepted:
                session.Events.StartStream<Unit>(code, accepted.Events.ToArray());
                try
                {
                    await session.SaveChangesAsync(cancellation);
                }
                catch (ExistingStreamIdCollisionException)
                {
                    return Problems.RuleBroken(Rules.UnitAlreadyRegistered);
                }
                var written = new UnitWritten(code, accepted.Events.Count, accepted.Warnings.Select(RuleWarning.From).ToList());
                return UnitResults.Created(written);
            default:
                throw new InvalidOperationException("A decision is either accepted or rejected.");
        }
    }
}
