using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Hosting;

/// <summary>A feature's description of the endpoints it marks (the answers of its own machinery), applied to every
/// endpoint as the endpoints are mapped.</summary>
public sealed record EndpointConvention(Action<HttpChain> Apply);

public static class EndpointConventions
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Maps the Wolverine endpoints, described by the key check and every feature's
    /// <see cref="EndpointConvention"/>.</summary>
    public static void MapIsoLedgerEndpoints(this WebApplication app) =>
        app.MapWolverineEndpoints(options =>
        {
            options.ConfigureEndpoints(DescribeKeyCheck);
            foreach (var convention in app.Services.GetServices<EndpointConvention>())
                options.ConfigureEndpoints(convention.Apply);
        });

    /// <summary>Declares the answers of the API-key check on every endpoint that requires a key, so the OpenAPI
    /// document lists them; features add the answers of their own machinery the same way.</summary>
    private static void DescribeKeyCheck(HttpChain chain)
    {
        if (chain.Method.Method.GetCustomAttributes(typeof(AuthorizeAttribute), false).Length == 0) return;
        chain.Metadata.WithMetadata(
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status401Unauthorized, ProblemJson),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status403Forbidden, ProblemJson));
    }
}
