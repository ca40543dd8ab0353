using System.ComponentModel.DataAnnotations;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>Registers a unit. Without <c>registeredOn</c> the unit is recorded today and exists from its
/// earliest recorded fact (history may be back-filled); with it, nothing dated earlier can be recorded on it.</summary>
/// <param name="Code">Stable unit code, the key of the unit's stream: letters, digits, '.', '_' or '-', 2–64
/// characters.</param>
/// <param name="Name">The unit's official name, e.g. "UBND Xã Gia Cát".</param>
/// <param name="Level">department, sub-department, district or commune.</param>
/// <param name="Province">The province the unit belongs to, one valid on <c>registeredOn</c>, e.g.
/// "Quảng Trị" (stored by its canonical name: "Tỉnh Quảng Trị" is stored as "Quảng Trị").</param>
/// <param name="District">The district of a commune.</param>
/// <param name="ParentCode">The parent department of a sub-department (no other level has one): a department
/// registered and existing on <c>registeredOn</c> (today without it), in the same province.</param>
/// <param name="RegisteredOn">The unit's establishment date (YYYY-MM-DD), if known.</param>
public sealed record RegisterUnitRequest(
    [property: UnitCode] string? Code,
    [property: MaxLength(Validation.MaxName)] string? Name,
    UnitLevel? Level,
    [property: MaxLength(Validation.MaxName)] string? Province,
    [property: MaxLength(Validation.MaxName)] string? District = null,
    [property: UnitCode] string? ParentCode = null,
    DateOnly? RegisteredOn = null);

public static class RegisterUnitEndpoint
{

    /// <summary>The province must be one on the unit's date, so that a misspelling never starts a province of its
    /// own.</summary>
    public static ProblemDetails Validate(RegisterUnitRequest request, BusinessClock clock)
    {
        var validation = new Validation();
        if (request.Province is { } province && !string.IsNullOrWhiteSpace(province)
            && UnicodeText.Characters(province) <= Validation.MaxName
            && Provinces.Problem(province, request.RegisteredOn ?? clock.Today) is { } problem)
            validation.Add("province", problem);
        if (!UnitCode.IsValid(request.Code)) validation.Add("code", $"Required; must match {UnitCode.Pattern}.");
        if (request.ParentCode is not null && !UnitCode.IsValid(request.ParentCode))
            validation.Add("parentCode", $"Must match {UnitCode.Pattern}.");
        else if (request.ParentCode is not null && request.ParentCode == request.Code)
            validation.Add("parentCode", "A unit is not its own parent.");
        else if (request.ParentCode is not null && request.Level is { } level && !ParentUnits.TakesParent(level))
            validation.Add("parentCode", ParentUnits.NotTakenBy(level));
        if (request.District is not null && request.Level is { } placed && Levels.InNoDistrict(placed))
            validation.Add("district", Levels.InNoDistrictSentence(placed));
        return validation
            .Text("name", request.Name, required: true, max: Validation.MaxName)
            .Text("province", request.Province, required: true, max: Validation.MaxName)
            .Text("district", request.District, max: Validation.MaxName)
            .OneOf("level", request.Level)
            .Date("registeredOn", request.RegisteredOn, required: false)
            .Result;
    }

    /// <summary>Register a unit</summary>
    /// <remarks>Appends <c>UnitRegistered</c> as the first event of the unit's stream. A <c>parentCode</c> on a level
    /// other than sub-department answers 400; one that is no department existing on the unit's date in its province
    /// answers 409 naming the rule (<c>parent-not-existing</c>, <c>parent-level</c>,
    /// <c>parent-in-other-province</c>). A <c>district</c> with a <c>registeredOn</c> on or after 1 July 2025, when
    /// the district level ended, answers 409 <c>district-after-level-ended</c>; without <c>registeredOn</c> (the
    /// establishment date unknown) it is the district the unit was in before, its <c>formerDistrict</c>. A unit of the
    /// same level, province, district, parent and name (as the import compares names) existing on the date under
    /// another code answers 409 <c>unit-name-taken</c>, its code as <c>unit</c>.</remarks>
    [WolverinePost("/api/units", OperationId = "RegisterUnit")]
    [Tags(ApiTags.Units)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand(StatusCodes.Status201Created, TakesIfMatch = false, Recorded = "Registered: the unit's stream was "
        + "started; Location is its address, version its version (also the ETag), warnings the compliance rules it "
        + "breaks as of its date.")]
    public static async Task<IResult> Post(
        RegisterUnitRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock,
        IQuerySession session)
    {
        // A version names a stream that exists: sent here it would go unchecked (or answer 404 for a unit to come).
        if (VersionedWrites.SendsVersion(http))
            return WriteProblems.IfMatchNotTaken("A registration starts a unit's stream");
        var command = new RegisterUnit(
            request.Code!, UnicodeText.OneLine(request.Name!), request.Level!.Value,
            Provinces.Canonical(request.Province!)!,
            request.District is { } district ? UnicodeText.OneLine(district) : null, request.ParentCode,
            request.RegisteredOn ?? clock.Today,
            EstablishmentDated: request.RegisteredOn is not null);
        // The parent is read under its stream's lock, as a restructuring that ends it takes it: the registration is
        // decided on the parent as it is when it commits; the units of its name, under the lock of the transactions
        // that start units.
        return await UnitWriter.Execute(http, writes, command.Code, command,
            command.ParentCode is { } parentCode ? [parentCode] : [],
            (unit, read, namesakes) => command.Decide(
                unit, clock.Today, command.ParentCode is { } parent ? read(parent) : null, namesakes),
            created: _ => $"/api/units/{Uri.EscapeDataString(command.Code)}",
            namesakes: NamesakeSearch.For(command));
    }
}
