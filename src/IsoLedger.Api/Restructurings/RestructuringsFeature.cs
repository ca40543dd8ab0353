using Marten;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Restructurings;

/// <summary>Restructurings: merges, splits, renames, transfers and dissolutions recorded across units at once.
/// </summary>
public static class RestructuringsFeature
{
    public static IServiceCollection AddRestructurings(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer(DescribeInto))
            .ConfigureMarten(options => options.Schema.For<Restructuring>());

    /// <summary>A part's <c>into</c> is one unit (a merge's) or a list of them (a split's), as
    /// <see cref="OneOrMany{T}"/> reads it: the generator described the list only.</summary>
    private static Task DescribeInto(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellation)
    {
        IOpenApiSchema? part = null;
        if (document.Components?.Schemas?.TryGetValue(nameof(RestructuringPartRequest), out part) != true
            || part is not OpenApiSchema { Properties: { } properties }
            || !properties.TryGetValue("into", out var into))
            return Task.CompletedTask;
        var target = new OpenApiSchemaReference(nameof(RestructuringTargetRequest), document);
        properties["into"] = new OpenApiSchema
        {
            Description = into.Description,
            OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.Null }, target,
                new OpenApiSchema { Type = JsonSchemaType.Array, Items = target },
            ],
        };
        return Task.CompletedTask;
    }
}
