using IsoLedger.Api.Hosting;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.LegalBasis;

/// <summary>Marks an endpoint that records a change of the rule book (through <see cref="RuleBookWriter"/>), so that
/// it is described with the answers that write path gives: the rule book as changed, or a refused change.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RuleBookChangeAttribute : VersionedWriteAttribute
{
    public static void Describe(HttpChain chain)
    {
        if (!chain.Method.Method.IsDefined(typeof(RuleBookChangeAttribute), false)) return;
        const string problemJson = EndpointConventions.ProblemJson;
        chain.Metadata.WithMetadata(
            new ProducesResponseTypeAttribute(typeof(RuleBookView), StatusCodes.Status200OK)
            {
                Description = "Recorded: the rule book as changed, with its new version (also the ETag).",
            },
            new ProducesResponseTypeAttribute(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest,
                problemJson),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status409Conflict, problemJson),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status412PreconditionFailed,
                problemJson),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity,
                problemJson));
    }
}
