using IsoLedger.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Hosting;

public static class OpenApi
{
    public static IServiceCollection AddIsoLedgerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "IsoLedger API";
                document.Info.Description =
                    "Records how public-administration units build and keep an ISO 9001 quality-management system.";
                return Task.CompletedTask;
            });
            // Wolverine describes every IResult endpoint with a generic 200 and 404; the responses an endpoint
            // declares with [ProducesResponseType] are its real contract, so only those are kept.
            options.AddOperationTransformer((operation, context, _) =>
            {
                var declared = context.Description.ActionDescriptor.EndpointMetadata
                    .OfType<ProducesResponseTypeAttribute>()
                    .Select(attribute => attribute.StatusCode.ToString())
                    .ToHashSet();
                if (declared.Count == 0 || operation.Responses is null) return Task.CompletedTask;
                foreach (var status in operation.Responses.Keys.Where(status => !declared.Contains(status)).ToList())
                    operation.Responses.Remove(status);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components?.Schemas?.Remove("IResult");
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = ApiKeyAuthenticationHandler.Header,
                        Description = "An API key; its roles decide which routes it may use.",
                    },
                };
                var requirement = new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
                };
                var secured = document.Paths.Values
                    .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
                    .Where(operation => operation.Responses?.ContainsKey("401") == true);
                foreach (var operation in secured) operation.Security = [requirement];
                return Task.CompletedTask;
            });
        });
}
