using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Hosting;

public static partial class OpenApi
{
    /// <summary>The generator's marks on a schema it will write as a reference to a component, and on one it will wrap
    /// in a oneOf with null.</summary>
    public const string SchemaId = "x-schema-id";
    public const string NullableProperty = "x-is-nullable-property";

    public static IServiceCollection AddIsoLedgerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "IsoLedger API";
                // HEAD is answered wherever GET is (HeadRequests), as RFC 9110 asks: the GET operations stand for it.
                document.Info.Description =
                    "Records how public-administration units build and keep an ISO 9001 quality-management system. "
                    + "Every GET route answers HEAD as well: the same status and headers, without the body.";
                return Task.CompletedTask;
            });
            // Wolverine describes every IResult endpoint with a generic 200 and 404; the responses an endpoint
            // declares with [ProducesResponseType] are its real contract, so only those are kept, each with the
            // description it is declared with (which the generator leaves at the status's name, "OK").
            options.AddOperationTransformer((operation, context, _) =>
            {
                var declared = context.Description.ActionDescriptor.EndpointMetadata
                    .OfType<ProducesResponseTypeAttribute>()
                    .GroupBy(attribute => attribute.StatusCode.ToString())
                    .ToDictionary(group => group.Key, group => group.Select(attribute => attribute.Description)
                        .LastOrDefault(description => description is not null));
                if (declared.Count == 0 || operation.Responses is null) return Task.CompletedTask;
                foreach (var status in operation.Responses.Keys.Where(status => !declared.ContainsKey(status)).ToList())
                    operation.Responses.Remove(status);
                foreach (var (status, response) in operation.Responses)
                {
                    if (declared[status] is { } description && response is OpenApiResponse described)
                        described.Description = description;
                }
                return Task.CompletedTask;
            });
            // What every API route may answer besides its own: 400 for a malformed X-Correlation-Id or
            // Idempotency-Key (HeaderLimits) or a query parameter given twice or not taken (RequestShape), what the
            // host answers on any route (AddHostAnswers), 503 while the database cannot be reached or an upload
            // cannot be spooled (Problems), and for a route that takes a body 415 (not its media type, encoding or
            // charset) and 408 (the body stopped arriving: StalledBodies); an import's body is CSV text.
            options.AddOperationTransformer((operation, context, _) =>
            {
                operation.Responses ??= [];
                OpenApiProblems.Add(operation.Responses, StatusCodes.Status400BadRequest,
                    "The request is not valid: a header or query parameter malformed, given twice or not taken "
                    + "here.");
                OpenApiProblems.Add(operation.Responses, StatusCodes.Status503ServiceUnavailable,
                    "The database cannot be reached for now (or, for an upload, its temporary folder cannot be "
                    + "written); retry after the Retry-After header's seconds.");
                AddHostAnswers(operation.Responses);
                // Every API read judges the preconditions it is sent (ConditionalReads).
                if (OpenApiParameters.IsApiRead(context.Description))
                {
                    operation.Responses.TryAdd("304", new OpenApiResponse
                    {
                        Description = "Not Modified: the copy If-None-Match names is current (no body).",
                    });
                    OpenApiProblems.Add(operation.Responses, StatusCodes.Status412PreconditionFailed,
                        "The answer's ETag does not match If-Match.");
                }
                // Every type the upload takes (CSV, a workbook, bytes), as its check takes them.
                var csv = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>()
                    .FirstOrDefault(accepts =>
                        accepts.RequestType is null && accepts.ContentTypes.Contains("text/csv"));
                if (csv is not null && operation.RequestBody is null)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "The table as CSV text (UTF-8, a header line, then one line per row), or as "
                            + "a workbook (XLSX) whose shown sheets with such a header hold it, each by its own.",
                        Content = csv.ContentTypes.ToDictionary(type => type, type => new OpenApiMediaType
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Format = type.EndsWith("csv") ? null : "binary",
                            },
                        }),
                    };
                }
                if (operation.RequestBody is null) return Task.CompletedTask;
                OpenApiProblems.Add(operation.Responses, StatusCodes.Status415UnsupportedMediaType,
                    "The body is not of the media type the route takes, or not sent as it is in UTF-8.");
                OpenApiProblems.Add(operation.Responses, StatusCodes.Status408RequestTimeout,
                    "The body stopped arriving: nothing of it came for a while, or it came too slowly.");
                return Task.CompletedTask;
            });
            // A report's CSV and workbook are files (text, or bytes), not the JSON object its json format answers.
            options.AddOperationTransformer((operation, _, _) =>
            {
                var contents = operation.Responses?.Values
                    .SelectMany(response => response.Content ?? new Dictionary<string, OpenApiMediaType>()) ?? [];
                foreach (var (type, media) in contents.Where(content => !content.Key.Contains("json")))
                {
                    media.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Format = type.StartsWith("text/") ? null : "binary",
                    };
                }
                return Task.CompletedTask;
            });
            // A property that answers null says so. The generator wraps a reference in a oneOf with null only where
            // null can be set: a computed property (AnnualRow.conversionShown) was described as never null.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonPropertyInfo is { IsGetNullable: true, Set: null } property
                    && Nullable.GetUnderlyingType(property.PropertyType) is not null
                    && schema.Metadata?.ContainsKey(SchemaId) == true)
                    schema.Metadata[NullableProperty] = true;
                return Task.CompletedTask;
            });
            OpenApiProblems.Describe(options);
            options.AddSchemaTransformer(OpenApiRequests.Describe);
            options.AddOperationTransformer(OpenApiParameters.Describe);
            options.AddOperationTransformer(OpenApiHeaders.DescribeOperation);
            // A document transformer runs once every operation is described, features' transformers included; the
            // health checks, which the generator does not see, are added before the headers of every answer.
            options.AddDocumentTransformer(Health.Describe);
            options.AddDocumentTransformer(OpenApiHeaders.DescribeEveryAnswer);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components?.Schemas?.Remove("IResult");
                foreach (var schema in document.Components?.Schemas?.Values ?? []) DescribeNullableMembers(schema);
                ApiTags.Describe(document);
                // The generator names the server by the request's base address, "http://host:port/": a client joins
                // it to a path that starts with a slash itself.
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                Unwrap(document);
                return Task.CompletedTask;
            });
        });

    /// <summary>Every description and summary of <paramref name="document"/> as one paragraph per paragraph: the
    /// generator keeps the line breaks and indentation of the documentation comments it reads ("…(standards,\n
    /// from the rule book)…"), which a reader of the document sees as breaks in the middle of a sentence. A blank
    /// line between paragraphs stays.</summary>
    private static void Unwrap(OpenApiDocument document)
    {
        foreach (var operation in document.Paths?.Values.SelectMany(path =>
                     path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()) ?? [])
        {
            operation.Summary = Unwrapped(operation.Summary);
            operation.Description = Unwrapped(operation.Description);
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Description = Unwrapped(parameter.Description);
                Unwrap(parameter.Schema);
            }
            if (operation.RequestBody is OpenApiRequestBody body) body.Description = Unwrapped(body.Description);
            foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? [])
            {
                response.Description = Unwrapped(response.Description);
                foreach (var header in response.Headers?.Values.OfType<OpenApiHeader>() ?? [])
                    header.Description = Unwrapped(header.Description);
            }
        }
        foreach (var schema in document.Components?.Schemas?.Values ?? []) Unwrap(schema);
    }

    private static void Unwrap(IOpenApiSchema? schema)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference:
                reference.Description = Unwrapped(reference.Description);
                break;
            case OpenApiSchema own:
                own.Description = Unwrapped(own.Description);
                foreach (var member in own.Properties?.Values ?? []) Unwrap(member);
                foreach (var branch in (own.OneOf ?? []).Concat(own.AnyOf ?? []).Concat(own.AllOf ?? []))
                    Unwrap(branch);
                Unwrap(own.Items);
                Unwrap(own.AdditionalProperties);
                break;
        }
    }

    private static string? Unwrapped(string? text) => text is null ? null : WrappedLine().Replace(text, " ");

    /// <summary>A line break inside a paragraph, with the spaces around it (not a blank line's).</summary>
    [GeneratedRegex(@"[ \t]*\n(?![ \t]*\n)[ \t]*(?<!\n[ \t]*\n[ \t]*)")]
    private static partial Regex WrappedLine();

    /// <summary>Gives a nullable member that refers to another schema its own description. The generator writes what
    /// the member's documentation says beside its reference, and wraps a nullable member's reference in a oneOf with
    /// null: the words then describe a branch (where a reader of the member, or a client generated from the
    /// document, does not look), and the member itself says nothing. They are moved onto the member.</summary>
    private static void DescribeNullableMembers(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema { Properties: { } members }) return;
        foreach (var member in members.Values.OfType<OpenApiSchema>())
        {
            if (member is { Description: null, OneOf: { } branches }
                && branches.OfType<OpenApiSchemaReference>().SingleOrDefault(b => b.Reference.Description is not null)
                    is { } described)
            {
                member.Description = described.Reference.Description;
                described.Description = null;
            }
            DescribeNullableMembers(member);
        }
    }

    /// <summary>What the host answers on any route before the route's own work: 429 from the rate limit
    /// (Protection), 413, 414 and 431 for a body (sent to any route: Protection), an address or headers too long
    /// (HeaderLimits).</summary>
    public static void AddHostAnswers(OpenApiResponses responses)
    {
        OpenApiProblems.Add(responses, StatusCodes.Status429TooManyRequests,
            "Too many requests: the rate of a key (or, without one, of an address) is limited; retry after the "
            + "Retry-After header's seconds.");
        OpenApiProblems.Add(responses, StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
        OpenApiProblems.Add(responses, StatusCodes.Status414UriTooLong, "The address is too long.");
        OpenApiProblems.Add(responses, StatusCodes.Status431RequestHeaderFieldsTooLarge,
            "The request's headers are too large.");
    }
}
