using Microsoft.AspNetCore.Mvc;

namespace IsoLedger.Api.Hosting;

public static class OpenApi
{
    public static IServiceCollection AddIsoLedgerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "IsoLedger API";
                document.Info.Description = "Records how public-administration units build and keep an ISO 9001 quality-management system.";
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
                return Task.CompletedTask;
            });
        });
}
