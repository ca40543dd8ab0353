using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Restructurings;

/// <summary>A unit a part goes into: an existing one by its code alone, or a new one with its registration (name,
/// level, province, and the district of a commune).</summary>
/// <param name="Code">The unit's code: an existing unit's, or the one the new unit is registered under.</param>
/// <param name="Name">A new unit's official name; omitted for an existing unit.</param>
/// <param name="Level">A new unit's level (department, sub-department, district or commune); omitted for an existing
/// unit.</param>
/// <param name="Province">A new unit's province; omitted for an existing unit.</param>
/// <param name="District">A new commune's district (none on or after 1 July 2025, when the district level
/// ended).</param>
/// <param name="ParentCode">A new sub-department's parent department (its code): one existing on the effective date,
/// or formed by the same restructuring.</param>
public sealed record RestructuringTargetRequest(
    [property: UnitCode] string? Code,
    [property: MaxLength(Validation.MaxName)] string? Name = null,
    UnitLevel? Level = null,
    [property: MaxLength(Validation.MaxName)] string? Province = null,
    [property: MaxLength(Validation.MaxName)] string? District = null,
    [property: UnitCode] string? ParentCode = null)
{
    /// <summary>Read from the other fields (a method, so that it is no field of the body or its schema: sent, it is
    /// an unknown field).</summary>
    public bool IsNew() => Name is not null || Level is not null || Province is not null;
}

/// <summary>One change of a restructuring: units merged, split, renamed, transferred or dissolved.</summary>
/// <param name="Kind">merge, split, rename, transfer or dissolve.</param>
/// <param name="From">The units the part changes: for merge several (or one), for split exactly one.</param>
/// <param name="Into">merge: one unit (an object: a new unit, or an existing one by its code alone); split: the new
/// units (an array).</param>
/// <param name="Name">rename: the new name.</param>
/// <param name="Province">transfer: the new province.</param>
/// <param name="District">transfer: the new district; before 1 July 2025 required with a move of a unit in a district
/// into another province (a district belongs to one province), never for a department or a sub-department.</param>
/// <param name="ParentCode">transfer: the sub-department's new parent department (its code), a department existing
/// on the effective date (or formed by the same restructuring) in the sub-department's province.</param>
public sealed record RestructuringPartRequest(
    RestructuringKind? Kind,
    [property: UnitCode, MinLength(1)] IReadOnlyList<string>? From,
    [property: JsonConverter(typeof(OneOrMany<RestructuringTargetRequest>))]
    IReadOnlyList<RestructuringTargetRequest>? Into = null,
    [property: MaxLength(Validation.MaxName)] string? Name = null,
    [property: MaxLength(Validation.MaxName)] string? Province = null,
    [property: MaxLength(Validation.MaxName)] string? District = null,
    [property: UnitCode] string? ParentCode = null);

/// <summary>A reorganisation of units decided by one act and effective on one day (sắp xếp đơn vị hành chính): its
/// parts are recorded together, or none is.</summary>
/// <param name="DecisionNo">The act that decided it, e.g. "1680/NQ-UBTVQH15".</param>
/// <param name="EffectiveOn">The day it took effect (YYYY-MM-DD).</param>
/// <param name="Parts">What changed, part by part; all are recorded together or none.</param>
public sealed record RestructureUnitsRequest(
    [property: MaxLength(Validation.MaxName)] string? DecisionNo, DateOnly? EffectiveOn,
    [property: MinLength(1), MaxLength(RestructureUnitsRequest.MaxParts)]
    IReadOnlyList<RestructuringPartRequest>? Parts)
{
    public const int MaxParts = 2000;
}

public static class RestructureUnitsEndpoint
{

    public static ProblemDetails Validate(RestructureUnitsRequest request)
    {
        var validation = new Validation()
            .Text("decisionNo", request.DecisionNo, required: true, max: Validation.MaxName)
            .Date("effectiveOn", request.EffectiveOn);
        if (request.Parts is null || request.Parts.Count is 0 or > RestructureUnitsRequest.MaxParts)
            return validation.Add("parts", $"Required: 1 to {RestructureUnitsRequest.MaxParts} parts.").Result;
        for (var i = 0; i < request.Parts.Count; i++)
            ValidatePart(validation, $"parts[{i}]", request.Parts[i], request.EffectiveOn);
        return validation.Result;
    }

    private static void ValidatePart(
        Validation validation, string at, RestructuringPartRequest part, DateOnly? effectiveOn)
    {
        if (part is null)
        {
            validation.Add(at, "Required: a part.");
            return;
        }
        validation.OneOf($"{at}.kind", part.Kind);
        if (part.From is not { Count: > 0 } || part.From.Any(code => !UnitCode.IsValid(code)))
            validation.Add($"{at}.from", $"Required: unit codes matching {UnitCode.Pattern}.");
        var into = part.Into ?? [];
        switch (part.Kind)
        {
            case RestructuringKind.Merge:
                validation.Check($"{at}.into", into.Count == 1, "Required: the one unit they merge into.");
                break;
            case RestructuringKind.Split:
                validation.Check($"{at}.from", part.From?.Count == 1, "A split has exactly one unit to split.");
                validation.Check($"{at}.into", into.Count >= 2 && into.All(t => t?.IsNew() == true),
                    "Required: the new units (two or more), each with its registration.");
                break;
            case RestructuringKind.Rename:
                validation.Text($"{at}.name", part.Name, required: true, max: Validation.MaxName);
                break;
            case RestructuringKind.Transfer:
                ValidateProvince(validation, $"{at}.province", part.Province, effectiveOn);
                validation.Text($"{at}.province", part.Province, max: Validation.MaxName)
                    .Text($"{at}.district", part.District, max: Validation.MaxName)
                    .Check($"{at}.province",
                        part.Province is not null || part.District is not null || part.ParentCode is not null,
                        "A transfer names a new province, district or parent department.");
                if (part.ParentCode is not null && !UnitCode.IsValid(part.ParentCode))
                    validation.Add($"{at}.parentCode", $"Must match {UnitCode.Pattern}.");
                else if (part.ParentCode is not null && part.From?.Contains(part.ParentCode) == true)
                    validation.Add($"{at}.parentCode", "A unit is not its own parent.");
                break;
        }
        if (part.Kind is { } kind)
        {
            var given = RestructuringPart.FieldsNotTakenBy(
                kind, part.Name, part.Province, part.District, part.ParentCode);
            foreach (var field in given) validation.Add($"{at}.{field}", NotTaken(kind, field));
        }
        if (part.Kind is not (RestructuringKind.Merge or RestructuringKind.Split))
            validation.Check($"{at}.into", into.Count == 0, "Only a merge or a split goes into units.");
        // Errors name a target where the body has it: "into.name" within an object, "into[1].name" within a list.
        for (var i = 0; i < into.Count; i++)
        {
            var target = part.Into is OneOrMany<RestructuringTargetRequest>.One ? $"{at}.into" : $"{at}.into[{i}]";
            ValidateTarget(validation, target, into[i], effectiveOn);
        }
    }

    /// <summary>Why a part of <paramref name="kind"/> refuses <paramref name="field"/> (for the API and the CSV
    /// import alike).</summary>
    public static string NotTaken(RestructuringKind kind, string field) =>
        $"A {Vocabulary.RestructuringKinds[kind].Value} takes no {field}: "
        + (field == "name" ? "a new name is a rename" : "a new province, district or parent is a transfer")
        + ", a part of its own.";

    /// <summary>A province must be one in force on the effective date (reference data, with the 2025 mergers).
    /// </summary>
    private static void ValidateProvince(Validation validation, string field, string? province, DateOnly? on)
    {
        if (province is not null && on is { } date && Provinces.Problem(province, date) is { } problem)
            validation.Add(field, problem);
    }

    private static void ValidateTarget(
        Validation validation, string at, RestructuringTargetRequest target, DateOnly? effectiveOn)
    {
        if (target is null || !UnitCode.IsValid(target.Code))
        {
            validation.Add($"{at}.code", $"Required; must match {UnitCode.Pattern}.");
            return;
        }
        if (!target.IsNew())
        {
            // An existing unit is named by its code: its district or parent would be dropped, not recorded.
            if (target.District is not null || target.ParentCode is not null)
            {
                validation.Add(target.District is not null ? $"{at}.district" : $"{at}.parentCode",
                    "An existing unit is named by its code alone; a new one gives its name, level and province.");
            }
            return;
        }
        ValidateProvince(validation, $"{at}.province", target.Province, effectiveOn);
        // A name, level or province makes the target a new unit; one given to an existing unit is the likelier slip,
        // so the missing fields say both.
        const string forNewUnit = "Required for a new unit, with its name, level and province; an existing unit is "
            + "named by its code alone.";
        if (target.Name is null) validation.Add($"{at}.name", forNewUnit);
        if (target.Province is null) validation.Add($"{at}.province", forNewUnit);
        if (target.Level is null) validation.Add($"{at}.level", forNewUnit);
        else validation.OneOf($"{at}.level", target.Level);
        validation.Text($"{at}.name", target.Name, max: Validation.MaxName)
            .Text($"{at}.province", target.Province, max: Validation.MaxName)
            .Text($"{at}.district", target.District, max: Validation.MaxName);
        if (target.District is not null && target.Level is { } placed && Levels.InNoDistrict(placed))
            validation.Add($"{at}.district", Levels.InNoDistrictSentence(placed));
        if (target.ParentCode is not null && !UnitCode.IsValid(target.ParentCode))
            validation.Add($"{at}.parentCode", $"Must match {UnitCode.Pattern}.");
        else if (target.ParentCode is not null && target.Level is { } level && !ParentUnits.TakesParent(level))
            validation.Add($"{at}.parentCode", ParentUnits.NotTakenBy(level));
    }

    /// <summary>Record a restructuring (sắp xếp): merges, splits, renames, transfers, dissolutions</summary>
    /// <remarks>All parts are written in one transaction or none. Predecessors get <c>UnitMerged</c>,
    /// <c>UnitSplit</c> or <c>UnitDissolved</c> naming their successors; successors get <c>UnitTookOver</c> naming
    /// their predecessors (new ones are registered on the effective date first); renames and transfers record
    /// <c>UnitRenamed</c> and <c>UnitTransferred</c>. A department merged into one department takes its
    /// sub-departments (a transfer part the answer lists); one split or dissolved with sub-departments the act does
    /// not place answers 409 <c>sub-departments-left-without-parent</c> (<c>subDepartments</c> names them). A broken
    /// guard answers 409 naming the rule and the unit (and the <c>parentCode</c> when a parent given to it, or kept by
    /// a sub-department the act moves, breaks the guard).</remarks>
    [WolverinePost("/api/restructurings", OperationId = "RestructureUnits")]
    [Tags(ApiTags.Restructurings)]
    [VersionedWrite(TakesIfMatch = false, AnswersVersion = false)]
    [Authorize(Policy = Policies.Record)]
    [ProducesResponseType<Restructuring>(StatusCodes.Status201Created,
        Description = "Recorded: every part's events were appended together; Location is the restructuring's "
            + "address.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, EndpointConventions.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, EndpointConventions.ProblemJson)]
    public static Task<IResult> Post(
        RestructureUnitsRequest request, HttpContext http, IDocumentStore store, BusinessClock clock)
    {
        var command = new RestructureUnits(
            Guid.CreateVersion7().ToString("N"), request.DecisionNo!.Normalize(), request.EffectiveOn!.Value,
            [.. request.Parts!.Select(Part)]);
        return RestructuringWriter.Execute(http, store, clock, [command], written => new WriteAnswer(
            StatusCodes.Status201Created, written[0], $"/api/restructurings/{written[0].Id}", Version: null));
    }

    private static RestructuringPart Part(RestructuringPartRequest part)
    {
        var into = part.Into ?? [];
        return new RestructuringPart(
            part.Kind!.Value,
            [.. part.From!],
            [.. into.Where(t => t.IsNew()).Select(t => new NewUnit(
                t.Code!, UnicodeText.OneLine(t.Name!), t.Level!.Value, Provinces.Canonical(t.Province!)!,
                t.District is null ? null : UnicodeText.OneLine(t.District), t.ParentCode))],
            into.FirstOrDefault(t => !t.IsNew())?.Code,
            part.Name is null ? null : UnicodeText.OneLine(part.Name),
            part.Province is null ? null : Provinces.Canonical(part.Province),
            part.District is null ? null : UnicodeText.OneLine(part.District),
            part.ParentCode);
    }
}

/// <summary>Reads either one JSON object or an array of them as a list: a merge goes into one unit, a split into
/// several, under the same name.</summary>
public sealed class OneOrMany<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
            throw JsonBodies.Expecting("an object or a list of objects");
        try
        {
            if (reader.TokenType == JsonTokenType.StartArray)
                return JsonSerializer.Deserialize<List<T>>(ref reader, options);
            return JsonSerializer.Deserialize<T>(ref reader, options) is { } one ? new One(one) : null;
        }
        catch (JsonException e)
        {
            throw JsonBodies.Within(e);
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);

    /// <summary>The list of the one object the body gave where a list was also taken, so that its errors can name
    /// the object, not an element the body does not have.</summary>
    public sealed class One(T item) : System.Collections.ObjectModel.ReadOnlyCollection<T>([item]);
}
