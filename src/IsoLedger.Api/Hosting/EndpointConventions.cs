namespace IsoLedger.Api.Hosting;

/// <summary>Marks an endpoint that records a command on a unit through <see cref="UnitCommands"/>, so that it is
/// described with the answers that write path gives.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnitCommandAttribute(int successStatus = StatusCodes.Status200OK, Type? response = null) : Attribute
{
    public int SuccessStatus { get; } = successStatus;
    public Type Response { get; } = response ?? typeof(UnitWritten);
}

public static class EndpointConventions
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Declares, per endpoint, the responses its shared machinery can give: the unit write path and the
    /// API-key check. The OpenAPI document lists exactly the declared responses.</summary>
    public static void Apply(HttpChain chain)
    {
        var method = chain.Method.Method;
        if (method.GetCustomAttributes(typeof(UnitCommandAttribute), false).FirstOrDefault() is UnitCommandAttribute command)
        {
            chain.Metadata.WithMetadata(
                new ProducesResponseTypeAttribute(command.Response, command.SuccessStatus),
                new ProducesResponseTypeAttribute(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, ProblemJson),
                new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status404NotFound, ProblemJson),
                new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status409Conflict, ProblemJson),
                new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status412PreconditionFailed, ProblemJson),
                new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity, ProblemJson));
        }
        if (method.GetCustomAttributes(typeof(AuthorizeAttribute), false).Length > 0)
        {
            chain.Metadata.WithMetadata(
                new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status401Unauthorized, ProblemJson),
                new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status403Forbidden, ProblemJson));
        }
    }
}
