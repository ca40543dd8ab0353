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

/// <summary>Describes parameters the endpoints read as text, to check them with their own 400s: what each means, from
/// one table by name, and what each takes:
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
            if (string.IsNullOrEmpty(parameter.Description)) parameter.Description = Description(parameter.Name, route);
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(CorrelationId());
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

    /// <summary>What a route value or query parameter means, by its name (and its route where routes read it
    /// otherwise): one table for every route, which the operations' descriptions complete.</summary>
    private static string? Description(string? name, string route) => name switch
    {
        "code" => "The unit's code, as it was registered (compared as written, letter case too).",
        "id" when route.Contains("/nonconformities/") =>
            "The nonconformity's id within the unit (NC-1, NC-2, …), as raising it answered.",
        "id" when route.StartsWith("api/rules/obligations/") =>
            "The obligation's id in the rule book (GET /api/rules).",
        "id" when route.StartsWith("api/restructurings/") =>
            "The restructuring's id, as recording it answered (its Location).",
        "name" when route.StartsWith("api/admin/projections/") =>
            "The asynchronous projection, by its name (GET /api/admin/projections).",
        // The year's upper bound moves with the clock, so the schema cannot state it: the description does.
        "year" when route == "api/imports" => "The year of every row of a table without a year column (an appendix's "
            + "own columns); refused with a table that has one.",
        "year" => "Four digits, from 2000: a year that has begun (this year at most) for a year's table, report or "
            + "figures; up to next year for a yearly step recorded ahead (a plan). A later year answers 400 saying "
            + "which is the last taken that day.",
        "asOf" when route.EndsWith("/state") => "The state by business date (YYYY-MM-DD): every fact that had happened "
            + "by that day, whenever it was recorded. Give exactly one of asOf, knownAt and version.",
        "asOf" when route == "api/rules" => "Only the obligations in force on this day (YYYY-MM-DD); every one without "
            + "it.",
        "asOf" when route.Contains("{year}") => "A day of the year (YYYY-MM-DD, not after today) to judge it on: only "
            + "the steps that had happened by then count. Without it, the year's end (today for the running year), "
            + "every step of the year counting.",
        "asOf" when route == "api/reports/trends" => "The last day counted (YYYY-MM-DD, not after today): every year "
            + "up to its own, that one judged on it. Today without it.",
        "asOf" => "The day to judge on (YYYY-MM-DD, at most the end of next year): only the facts that had happened "
            + "by then count. Today (in Vietnam) without it.",
        "knownAt" => "A moment (RFC 3339, with its offset: 2025-07-01T08:00:00Z): the state as it was recorded then. "
            + "Give exactly one of asOf, knownAt and version.",
        "version" => "A version of the unit's stream: the state after that many events, with the units it took over "
            + "as recorded then. Give exactly one of asOf, knownAt and version.",
        "province" when route == "api/imports" => "The province of every row of a table without a province column (an "
            + "appendix's own columns); refused with a table that has one.",
        "province" when route == "api/units" => "Only the units in this province today, by its name (a former "
            + "province's finds the units recorded in it).",
        "province" => "The province, by its name: one of any period (GET /api/dashboards/provinces lists those with "
            + "units).",
        "district" => "Only the units of this district, by its name: those in it, or last in it (from 1 July 2025, "
            + "when the district level ended, their formerDistrict).",
        "level" => "Only the units of this level.",
        "standard" => "Only the units on this edition of the rule book (2008, 2015, …), or none: those on no edition.",
        "q" => "Part of a unit's code or name, in any letter case.",
        "page" => "The page of the list, from 1 (the first without it).",
        "pageSize" => $"The units per page, from 1 to {ListUnitsEndpoint.MaxPageSize} (50 without it).",
        "rule" => "Only the flags of this compliance rule, by its id (GET /api/vocabulary, rules).",
        "consistent" => "true: wait (5 s at most, by default) until the dashboards' projection has caught up with "
            + "the events committed when the request arrived. false, or without it: answer at once, the answer's "
            + "freshness saying how far behind the projection is.",
        "format" when route.StartsWith("api/reports/annual/") => "csv (without it): the report's appendix layout as "
            + "CSV; xlsx: as a workbook; json: the table as data.",
        "format" => "json (without it): the answer as data; csv or xlsx: as a file, CSV text or a workbook.",
        "lang" => "The language of a CSV file's or a workbook's headers and labels: vi (without it) or en. JSON "
            + "answers carry both.",
        "layout" => "report (without it): the appendices' layout; import: the import's columns, a table to import "
            + "again (CSV or XLSX only).",
        "after" => "Only the events after this sequence number: the previous page's next (from the first without it).",
        "limit" => $"The events per page, from 1 to {GetEventsEndpoint.MaxEventPage} (100 without it).",
        "dryRun" => "true: decide everything and answer what would be recorded, recording nothing.",
        "fileName" => "The file's name, kept on every event the import records: one line.",
        "reportDate" => "The report date of every row of a table without a report_date column (an appendix's own "
            + "columns); refused with a table that has one.",
        _ => null,
    };

    /// <summary>A read of the API: its preconditions are judged (<see cref="ConditionalReads"/>).</summary>
    public static bool IsApiRead(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description) =>
        description.HttpMethod == HttpMethods.Get && description.RelativePath?.StartsWith("api/") == true;

    /// <summary>* or a list of entity tags (RFC 9110 §8.8.3), weak or strong.</summary>
    private static OpenApiSchema EntityTagList() => new()
    {
        Type = JsonSchemaType.String,
        Pattern = EntityTags.Pattern,
    };

    /// <summary>The request's id, which every route takes (Correlation).</summary>
    public static OpenApiParameter CorrelationId() => Header(Correlation.Header,
        "The request's id, kept on every event it records; answered in the same header (one is made if absent).");

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
