using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>The province's inspection (kiểm tra) of the unit's system for the year of the route, and its
/// verdict.</summary>
/// <param name="InspectedOn">The date of the inspection.</param>
/// <param name="OnSite">Whether the inspection was held on site.</param>
/// <param name="Result">"passed" or "failed".</param>
/// <param name="Inspector">Who inspected.</param>
/// <param name="Notes">Findings.</param>
public sealed record RecordInspectionRequest(
    DateOnly? InspectedOn,
    bool? OnSite,
    [property: AllowedValues(InspectionResult.Passed, InspectionResult.Failed)] InspectionResult? Result,
    string? Inspector = null,
    string? Notes = null);

public static class RecordInspectionEndpoint
{
    /// <summary>The results an inspection recorded through the API may have; the other two (maintained, no report)
    /// come from the provinces' report tables only. Named once, on the request's field, where the body's reader
    /// (<see cref="JsonBodies"/>) finds them too.</summary>
    public static readonly InspectionResult[] Verdicts = [.. typeof(RecordInspectionRequest)
        .GetProperty(nameof(RecordInspectionRequest.Result))!.GetCustomAttribute<AllowedValuesAttribute>()!.Values
        .Cast<InspectionResult>()];

    /// <summary>The request's <c>result</c> lists <see cref="Verdicts"/> only, not every value of the shared
    /// enumeration: a client built from the document would offer two values that always answer 400.</summary>
    public static Task DescribeResult(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellation)
    {
        IOpenApiSchema? request = null;
        if (document.Components?.Schemas?.TryGetValue(nameof(RecordInspectionRequest), out request) != true
            || request is not OpenApiSchema { Properties: { } properties })
            return Task.CompletedTask;
        // Required, so not null (OpenApiRequests).
        properties["result"] = new OpenApiSchema
        {
            Description = "\"passed\" or \"failed\".",
            Type = JsonSchemaType.String,
            Enum = [.. Verdicts.Select(v => (JsonNode)Vocabulary.Inspections[v].Value)],
        };
        return Task.CompletedTask;
    }

    public static ProblemDetails Validate(int year, RecordInspectionRequest request, BusinessClock clock) =>
        new Validation()
            .Year("year", year, clock.Today)
            .Date("inspectedOn", request.InspectedOn)
            .Required("onSite", request.OnSite, "true or false")
            .OneOf("result", request.Result, Verdicts)
            .Text("inspector", request.Inspector)
            .Text("notes", request.Notes)
            .Result;

    /// <summary>Record the year's inspection by the province</summary>
    /// <remarks>Records <c>InspectionRecorded</c> for the year of the path, with its verdict (passed or failed),
    /// dated in that year or the next (409 <c>yearly-step-outside-its-year</c> otherwise).</remarks>
    [WolverinePost("/api/units/{code}/years/{year}/inspection", OperationId = "RecordInspection")]
    [Tags(ApiTags.YearlySteps)]
    [Authorize(Policy = Policies.Inspect)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, int year, RecordInspectionRequest request, HttpContext http, UnitWriteQueue writes,
        BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code, new RecordInspection(
            year, request.InspectedOn!.Value, request.OnSite!.Value, request.Result!.Value, request.Inspector,
            request.Notes));
}
