using System.Globalization;
using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Imports;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Restructurings;
using IsoLedger.Api.Units;
using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Hosting;

/// <summary>Describes parameters the endpoints read as text, to check them with their own 400s, by what they take:
/// query parameters by their name (a date, a number, a flag, one of a list), the headers the versioned writes honour,
/// on the routes marked as such (<see cref="VersionedWriteAttribute"/>), and the preconditions every API read honours
/// (<see cref="ConditionalReads"/>).</summary>
public static class OpenApiParameters
{
    public static Task Describe(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var route = context.Description.RelativePath ?? "";
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            var schema = parameter.In switch
            {
                ParameterLocation.Path => PathSchema(parameter.Name, route),
                ParameterLocation.Query => QuerySchema(parameter.Name),
                _ => null,
            };
            if (schema is not null) parameter.Schema = schema;
            // The year's upper bound moves with the clock, so the schema cannot state it: the description does.
            if (parameter.Name == "year" && string.IsNullOrEmpty(parameter.Description))
                parameter.Description = YearLimits;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(Header(Correlation.Header,
            "The request's id, kept on every event it records; answered in the same header (one is made if absent)."));
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<VersionedWriteAttribute>().FirstOrDefault() is { } write)
        {
            operation.Parameters.Add(Header(HeaderLimits.IdempotencyKeyHeader,
                "Makes a retry safe: a request sent again with the same key (by the same API key) gets the first "
                + "answer and records nothing more; the same key with another request is 422."));
            if (write.TakesIfMatch)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Description = "The version last seen, as the ETag of a read or a write names it (\"3.5f0c…\", "
                        + "\"3\"), or a list of them: a stream at none of them answers 412, as does a weak tag "
                        + "(compared strongly, it never matches). * or no If-Match writes on any version.",
                    Schema = EntityTagList(),
                });
            }
        }
        if (IsApiRead(context.Description))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of a copy (or a list of them, or *): 304 without a body while it is current "
                    + "(compared weakly: W/\"3.5f0c…\" matches too).",
                Schema = EntityTagList(),
            });
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "An ETag (or a list of them, or *) the answer must have, compared strongly: 412 if not.",
                Schema = EntityTagList(),
            });
        }
        return Task.CompletedTask;
    }

    private const string YearLimits = "Four digits, from 2000: a year that has begun (this year at most) for a "
        + "year's table, report or figures; up to next year for a yearly step recorded ahead (a plan). A later year "
        + "answers 400 saying which is the last taken that day.";

    /// <summary>A read of the API: its preconditions are judged (<see cref="ConditionalReads"/>).</summary>
    public static bool IsApiRead(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description) =>
        description.HttpMethod == HttpMethods.Get && description.RelativePath?.StartsWith("api/") == true;

    /// <summary>* or a list of entity tags (RFC 9110 §8.8.3), weak or strong.</summary>
    private static OpenApiSchema EntityTagList() => new()
    {
        Type = JsonSchemaType.String,
        Pattern = EntityTags.Pattern,
    };

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Description = description,
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Pattern = "^[A-Za-z0-9._:+/=~-]{1,128}$",
            MaxLength = HeaderLimits.MaxLength,
        },
    };

    /// <summary>What a route value can be: another is never found (404), or is refused as its query twin is.</summary>
    private static OpenApiSchema? PathSchema(string? name, string route) => name switch
    {
        // A year in the path is four digits (RequestShape), from 2000 (Validation.Year).
        "year" => Integer(Validation.EarliestDate.Year, 9999, "int32"),
        "code" => Text(UnitCode.Pattern),
        "id" when route.Contains("/nonconformities/") => Text(NonconformityIds.Pattern),
        "id" when route.StartsWith("api/rules/obligations/") => Text(RuleBookTexts.IdPattern),
        "id" when route.StartsWith("api/restructurings/") => new()
        {
            Type = JsonSchemaType.String,
            MaxLength = GetRestructuringEndpoint.MaxIdLength,
        },
        "name" when route.StartsWith("api/admin/projections/") => OneOf(ProjectionAdmin.AsyncProjections),
        _ => null,
    };

    private static OpenApiSchema? QuerySchema(string? name) => name switch
    {
        "province" or "district" => new() { Type = JsonSchemaType.String, MaxLength = Validation.MaxName },
        "q" => new() { Type = JsonSchemaType.String, MaxLength = ListUnitsEndpoint.MaxSearchText },
        "fileName" => new() { Type = JsonSchemaType.String, MaxLength = ImportReportTableEndpoint.MaxFileNameLength },
        // A unit on no edition, or an edition's name (one of the rule book's, which administrators extend).
        "standard" => new()
        {
            Type = JsonSchemaType.String,
            Pattern = $"^({Editions.None}|{Edition.Pattern[1..^1]})$",
            MaxLength = Edition.MaxLength,
        },
        "rule" => OneOf(Rules.All.Where(rule => rule.Kind == RuleKind.Compliance).Select(rule => rule.Id)),
        "asOf" or "reportDate" => new() { Type = JsonSchemaType.String, Format = "date" },
        // A table's year given with the request (POST /api/imports); a year in a route is PathSchema's.
        "year" => Integer(Validation.EarliestDate.Year, 9999, "int32"),
        "knownAt" => new() { Type = JsonSchemaType.String, Format = "date-time" },
        // The bounds the endpoints check (Query.Long with its limits); features describe their own numbers.
        "after" => Integer(0, null, "int64"),
        "version" => Integer(1, null, "int64"),
        "consistent" or "dryRun" => new() { Type = JsonSchemaType.Boolean },
        _ => null,
    };

    private static OpenApiSchema Text(string pattern) => new() { Type = JsonSchemaType.String, Pattern = pattern };

    public static OpenApiSchema Integer(long minimum, long? maximum, string format) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = format,
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
    };

    public static OpenApiSchema OneOf(IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(value => (System.Text.Json.Nodes.JsonNode)value)],
    };
}
