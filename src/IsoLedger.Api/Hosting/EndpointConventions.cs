using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Hosting;

public static class EndpointConventions
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Declares the answers of the API-key check on every endpoint that requires a key, so the OpenAPI
    /// document lists them; features add the answers of their own machinery the same way.</summary>
    public static void DescribeKeyCheck(HttpChain chain)
    {
        if (chain.Method.Method.GetCustomAttributes(typeof(AuthorizeAttribute), false).Length == 0) return;
        chain.Metadata.WithMetadata(
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status401Unauthorized, ProblemJson),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status403Forbidden, ProblemJson));
    }
}
