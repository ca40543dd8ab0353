using IsoLedger.Api.Reports;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Hosting;

/// <summary>Describes the response headers the API sends, where it sends them: an operation's own by how its endpoint
/// is marked (<see cref="VersionedWriteAttribute"/>, <see cref="VersionedReadAttribute"/>) or by the files it answers
/// (<see cref="ReportFormat.File"/>), and those of the host on every answer that has them, once every operation is
/// described (features add answers of their own).</summary>
public static class OpenApiHeaders
{
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";
    public const string ContentDisposition = "Content-Disposition";

    /// <summary>The media types of the answers sent as files (<see cref="ReportFormat.File"/>).</summary>
    private static readonly string[] FileTypes = ["text/csv", XlsxWriter.ContentType];

    /// <summary>The version a write's success answers as its entity tag, and a read's tag on its success and its 304
    /// (<see cref="VersionedResults"/>); the file's name on a success that may be a CSV file or a workbook.</summary>
    public static Task DescribeOperation(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var write = metadata.OfType<VersionedWriteAttribute>().FirstOrDefault();
        var read = metadata.OfType<VersionedReadAttribute>().FirstOrDefault();
        foreach (var (status, response) in operation.Responses ?? [])
        {
            var success = status.StartsWith('2');
            var notModified = status == "304";
            if (success && write is { AnswersVersion: true })
            {
                Add(response, ETag, "The written stream's version after the write (e.g. \"3\"): send it back as "
                    + "If-Match.", VersionTag());
            }
            if ((success || notModified) && read is not null)
            {
                Add(response, ETag, "The version of the stream read and a digest of this answer (e.g. "
                    + "\"3.5f0c2a9b1d3e4f60\"): send it back as If-Match with a write, or as If-None-Match.",
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Pattern = "^\"(0|[1-9][0-9]*)\\.[0-9a-f]{16}\"$",
                    });
            }
            if (success && response.Content?.Keys.Any(FileTypes.Contains) == true)
            {
                Add(response, ContentDisposition, "With format=csv or xlsx only: the file's name to save it as "
                    + "(e.g. attachment; filename=iso-2020-report.csv).",
                    new OpenApiSchema { Type = JsonSchemaType.String }, required: false);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>What the host sends on every answer of its kind: the correlation id on all (<see cref="Correlation"/>),
    /// the address of what a 201 created, and the seconds to wait before retrying a 429 (<see cref="Protection"/>) or a
    /// 503 (the database unavailable, a unit busy).</summary>
    public static Task DescribeEveryAnswer(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken _)
    {
        var operations = document.Paths?.Values
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()) ?? [];
        foreach (var (status, response) in operations.SelectMany(operation => operation.Responses ?? []))
        {
            Add(response, Correlation.Header, "The request's id: the client's, or one made for it.",
                new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Pattern = "^[A-Za-z0-9._:+/=~-]{1,128}$",
                    MaxLength = HeaderLimits.MaxLength,
                });
            if (status == "201")
            {
                Add(response, Location, "Where what was created is read (GET).",
                    new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" });
            }
            if (status is "429" or "503")
            {
                Add(response, RetryAfter, "The seconds to wait before retrying.",
                    OpenApiParameters.Integer(1, null, "int32"));
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema VersionTag() =>
        new() { Type = JsonSchemaType.String, Pattern = "^\"(0|[1-9][0-9]*)\"$" };

    private static void Add(
        IOpenApiResponse response, string name, string description, OpenApiSchema schema, bool required = true)
    {
        if (response is not OpenApiResponse described) return;
        described.Headers ??= new Dictionary<string, IOpenApiHeader>();
        described.Headers[name] =
            new OpenApiHeader { Description = description, Required = required, Schema = schema };
    }
}
