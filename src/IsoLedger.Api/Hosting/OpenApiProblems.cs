using System.Text.Json.Nodes;
using IsoLedger.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Hosting;

/// <summary>Describes the problems the API answers (RFC 9457), in one place: every error answer is
/// application/problem+json; a 400 is a validation problem (its errors by field), an import's bad rows a list
/// (Imports.ImportProblemDetails, declared by the imports), any other a problem. Each schema is closed and lists the
/// members the API writes: the five of RFC 9457 (type, title and status always), the traceId added to every problem
/// (Problems), and the extension members of the problems that carry them.</summary>
public static class OpenApiProblems
{
    public static void Describe(OpenApiOptions options)
    {
        options.AddSchemaTransformer(DescribeSchema);
        options.AddOperationTransformer(DescribeErrors);
    }

    /// <summary>The answer <paramref name="status"/>, a problem (unless the route declares it already).</summary>
    public static void Add(OpenApiResponses responses, int status, string description) =>
        responses.TryAdd(status.ToString(), new OpenApiResponse
        {
            Description = description,
            Content = Content(null, status == StatusCodes.Status400BadRequest),
        });

    private static Task DescribeErrors(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status[0] is not ('4' or '5') || response is not OpenApiResponse described) continue;
            // The problem a route declares (an import's rows), or that of the status: a 400 names what is not valid
            // by field, whatever the route declared.
            var declared = status != "400" && described.Content?.TryGetValue(EndpointConventions.ProblemJson,
                out var problem) == true ? problem : null;
            described.Content = Content(declared, status == "400");
            if (described.Description == ReasonPhrases.GetReasonPhrase(int.Parse(status))
                && Meaning(status, importRows: (declared?.Schema as OpenApiSchemaReference)?.Reference.Id
                    == nameof(Imports.ImportProblemDetails)) is { } meaning)
                described.Description = meaning;
        }
        return Task.CompletedTask;
    }

    /// <summary>What an error answer means where the route's declaration says no more than its status's name
    /// ("Conflict"), or null: a 422 is an import's bad rows where the route declares them (<paramref
    /// name="importRows"/>), and an Idempotency-Key used for another request (the one 422 of a command).</summary>
    private static string? Meaning(string status, bool importRows) => status != "422"
        ? Meanings.GetValueOrDefault(status)
        : (importRows ? "The table has bad rows: errors lists each by its line, column and reason; or, where the "
            + "route takes an Idempotency-Key, that key was used for another request. Nothing was written."
            : "The Idempotency-Key was used for another request: a retry repeats the original request exactly, a "
            + "new request takes a new key. Nothing was recorded.");

    /// <summary>What the other error answers mean: what went wrong, which members say more, and what to do.</summary>
    private static readonly Dictionary<string, string> Meanings = new()
    {
        ["400"] = "The request is not valid: errors names each field refused, and why. Nothing was recorded.",
        ["404"] = "Nothing has the code or id the route names (registeredAs names a unit registered with that code in "
            + "another letter case).",
        ["409"] = "A rule refuses the request: rule names it (its sentences in GET /api/vocabulary), unit the unit it "
            + "is broken with. Nothing was recorded.",
        ["412"] = "If-Match names another version than the current one (currentVersion): read it again, then send the "
            + "request with the new ETag.",
        ["413"] = "The request body is too large.",
        ["415"] = "The body is not of the media type the route takes, or not sent as it is in UTF-8.",
        ["503"] = "The database cannot be reached for now: retry after the Retry-After header's seconds.",
    };

    private static Dictionary<string, OpenApiMediaType> Content(OpenApiMediaType? declared, bool invalid = false) =>
        new()
        {
            [EndpointConventions.ProblemJson] = declared ?? new OpenApiMediaType
            {
                Schema = new OpenApiSchemaReference(
                    invalid ? nameof(ValidationProblemDetails) : nameof(ProblemDetails)),
            },
        };

    private static Task DescribeSchema(
        OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is not null || !typeof(ProblemDetails).IsAssignableFrom(type))
            return Task.CompletedTask;
        // A problem of the API's own (an import's bad rows) keeps what its documentation says.
        schema.Description ??= type == typeof(ValidationProblemDetails)
            ? "A problem (RFC 9457) of a request that is not valid: errors names each part refused, and why."
            : "A problem (RFC 9457): what went wrong with the request. Besides the members every problem has, each "
                + "extension member is written only by the answers its description names (a 409's rule, a 412's "
                + "currentVersion).";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        // The members a problem has are written only when set (null is never written).
        foreach (var property in schema.Properties.Values.OfType<OpenApiSchema>())
        {
            if (property.Type is { } written) property.Type = written & ~JsonSchemaType.Null;
            property.Metadata?.Remove(OpenApi.NullableProperty);
        }
        schema.Properties["type"] = Text("A URI naming the kind of problem: urn:isoledger:rule:{rule id} for a broken "
            + "rule, urn:isoledger:problem:{name} for another of the API's own, or the HTTP status's section of its "
            + "RFC.", "uri-reference");
        schema.Properties["title"] = Text("What went wrong, in a sentence that is the same for every problem of the "
            + "type.");
        schema.Properties["status"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = "400",
            Maximum = "599",
            Description = "The answer's HTTP status.",
        };
        schema.Properties["detail"] = Text("What went wrong with this request, and what to do about it (English).");
        schema.Properties["instance"] = Text("A URI naming this occurrence of the problem.", "uri-reference");
        schema.Properties["traceId"] = Text("The request's trace identifier, as the logs have it.");
        if (type == typeof(ProblemDetails))
        {
            foreach (var (name, member) in Extensions()) schema.Properties[name] = member;
        }
        if (type == typeof(ValidationProblemDetails) && schema.Properties["errors"] is OpenApiSchema errors)
        {
            errors.Description = "The reasons each part of the request is refused, by the name of the field (a "
                + "body's member, or its JSON path), query parameter or route value. Absent when the request as a "
                + "whole is refused: a header not valid or not taken here, a body that could not be read.";
        }
        schema.Required = new HashSet<string> { "type", "title", "status", "traceId" };
        return Task.CompletedTask;
    }

    /// <summary>The extension members of the problems written with them: a broken rule's (409), a restructuring's
    /// (409), a stale version's (412) and a unit not found or not yet existing (404).</summary>
    private static IEnumerable<(string Name, OpenApiSchema Schema)> Extensions() =>
    [
        ("rule", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. Rules.All.Select(rule => (JsonNode)rule.Id)],
            Description = "409: the rule the request breaks, by its id (its sentences in GET /api/vocabulary, "
                + "rules); the type is urn:isoledger:rule:{rule id}.",
        }),
        ("unit", new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Description = "409: the unit the rule is broken with, by its code: another unit the command names, or "
                + "the unit of a restructuring that breaks it (null when the restructuring breaks it as a whole).",
        }),
        ("decisionNo", new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Description = "409 of a restructuring: the number of the act that breaks the rule (null without one).",
        }),
        ("parentCode", Text("409 of a restructuring: the parent given to the unit, or kept by it, that breaks the "
            + "rule.")),
        ("subDepartments", new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = "409 of a restructuring: the sub-departments an ended department would leave without a "
                + "parent.",
        }),
        ("registeredAs", Text("404 (no unit under the code asked) or 409 of a restructuring (a unit not "
            + "registered): the code of the unit registered under it in another letter case.")),
        ("existsFrom", Text("404 of a read as of a day: the first day the unit exists.", "date")),
        ("currentVersion", new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int64",
            Minimum = "0",
            Description = "412: the version the unit or the rule book is at; read it again, then send this as "
                + "If-Match.",
        }),
    ];

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Format = format, Description = description };
}
