using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Hosting;

/// <summary>Describes parameters the endpoints read as text, to check them with their own 400s, by what they take:
/// query parameters by their name (a date, a number, a flag, one of a list), and the headers the versioned writes
/// and the conditional reads honour, on the routes marked as such (<see cref="VersionedWriteAttribute"/>,
/// <see cref="ConditionalReadAttribute"/>).</summary>
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
                    Description =
                        "The version last seen (the ETag, e.g. \"3\", or *): a stream that moved since answers 412.",
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Pattern = "^(\\*|\"(0|[1-9][0-9]*)\")$",
                    },
                });
            }
        }
        if (metadata.OfType<ConditionalReadAttribute>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "With If-Modified-Since: the ETag and Last-Modified of a copy; 304 while it is current.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Modified-Since",
                In = ParameterLocation.Header,
                Description = "The Last-Modified of a copy: the day it was judged for.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        return Task.CompletedTask;
    }

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
