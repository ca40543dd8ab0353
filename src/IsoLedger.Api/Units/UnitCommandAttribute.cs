using IsoLedger.Api.Hosting;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>Marks an endpoint that records a command on one unit (through <see cref="UnitWriter"/>, or a merge
/// through the restructurings' writer), so that it is described with the answers that write path gives.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnitCommandAttribute(int successStatus = StatusCodes.Status200OK, Type? response = null)
    : VersionedWriteAttribute
{
    public int SuccessStatus { get; } = successStatus;
    public Type Response { get; } = response ?? typeof(UnitWritten);

    /// <summary>What the success answer says was recorded.</summary>
    public string Recorded { get; init; } = "Recorded: the events were appended to the unit; version is its new "
        + "version (also the ETag), warnings the compliance rules the unit breaks as of the fact's date.";

    /// <summary>Declares, per marked endpoint, the responses the unit write path can give: the OpenAPI document
    /// lists exactly the declared responses.</summary>
    public static void Describe(HttpChain chain)
    {
        if (chain.Method.Method.GetCustomAttributes(typeof(UnitCommandAttribute), false).FirstOrDefault()
            is not UnitCommandAttribute command) return;
        const string problemJson = EndpointConventions.ProblemJson;
        chain.Metadata.WithMetadata(
            new ProducesResponseTypeAttribute(command.Response, command.SuccessStatus)
            {
                Description = command.Recorded,
            },
            new ProducesResponseTypeAttribute(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest,
                problemJson),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status404NotFound, problemJson),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status409Conflict, problemJson),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity,
                problemJson));
        if (command.TakesIfMatch)
        {
            chain.Metadata.WithMetadata(new ProducesResponseTypeAttribute(
                typeof(ProblemDetails), StatusCodes.Status412PreconditionFailed, problemJson));
        }
    }
}
