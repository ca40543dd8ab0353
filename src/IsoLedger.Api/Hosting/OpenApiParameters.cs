using System.Globalization;
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
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            // A year in the path is four digits (RequestShape), from 2000 (Validation.Year).
            if (parameter is { In: ParameterLocation.Path, Name: "year" })
                parameter.Schema = Integer(Validation.EarliestDate.Year, 9999, "int32");
            if (parameter.In != ParameterLocation.Query) continue;
            if (QuerySchema(parameter.Name) is { } schema) parameter.Schema = schema;
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
                    Schema = EntityTags(),
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
                Schema = EntityTags(),
            });
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "An ETag (or a list of them, or *) the answer must have, compared strongly: 412 if not.",
                Schema = EntityTags(),
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>A read of the API: its preconditions are judged (<see cref="ConditionalReads"/>).</summary>
    public static bool IsApiRead(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description) =>
        description.HttpMethod == HttpMethods.Get && description.RelativePath?.StartsWith("api/") == true;

    /// <summary>* or a list of entity tags (RFC 9110 §8.8.3), weak or strong.</summary>
    private static OpenApiSchema EntityTags() => new()
    {
        Type = JsonSchemaType.String,
        Pattern = "^(\\*|(W/)?\"[^\"]*\"([ \\t]*,[ \\t]*(W/)?\"[^\"]*\")*)$",
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

    private static OpenApiSchema? QuerySchema(string? name) => name switch
    {
        "asOf" => new() { Type = JsonSchemaType.String, Format = "date" },
        "knownAt" => new() { Type = JsonSchemaType.String, Format = "date-time" },
        // The bounds the endpoints check (Query.Long with its limits); features describe their own numbers.
        "after" => Integer(0, null, "int64"),
        "version" => Integer(1, null, "int64"),
        "consistent" or "dryRun" => new() { Type = JsonSchemaType.Boolean },
        _ => null,
    };

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
