using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using Npgsql;

namespace IsoLedger.Api.Hosting;

public static class Health
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddIsoLedgerHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: it can reach its database. Each is
    /// read with GET (and HEAD, routed as GET): the framework maps a health check for every method, and answered a
    /// POST or a PUT with 200.</summary>
    public static void MapIsoLedgerHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .AllowAnonymous()
            .WithTags(ApiTags.Health);
        var ready = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadiness,
        };
        app.MapHealthChecks("/health/ready", ready)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .AllowAnonymous()
            .WithTags(ApiTags.Health);
    }

    /// <summary>"Healthy" as text, as the framework writes it; not ready, a problem saying when to ask again, as
    /// every error answer of the API is (the framework wrote "Unhealthy" as text).</summary>
    private static Task WriteReadiness(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy)
        {
            var problem = Results.Problem(
                title: "The database cannot be reached.",
                detail: "The API answers nothing that needs its database for now; ask again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
            return problem.WithRetryAfter(Problems.DatabaseRetryAfterSeconds).ExecuteAsync(context);
        }
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }

    /// <summary>Adds the health checks to the OpenAPI document, which lists only the API's endpoints: anyone may ask
    /// them, with GET (or HEAD); they answer what the host answers on any route.</summary>
    public static Task Describe(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken _)
    {
        var live = Check(document, "GetLiveness", "Whether the process answers",
            "200 while the process serves requests, whatever its database's state: for a supervisor deciding whether "
            + "to restart it. No API key needed.");
        var ready = Check(document, "GetReadiness", "Whether the API can reach its database",
            "200 once the database answers (within 2 seconds), 503 while it does not: for a load balancer deciding "
            + "whether to send requests. No API key needed.");
        OpenApiProblems.Add(ready.Responses!, StatusCodes.Status503ServiceUnavailable,
            "The database cannot be reached; ask again after the Retry-After header's seconds.");
        document.Paths.Add("/health/live", new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = live } });
        document.Paths.Add("/health/ready", new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = ready } });
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = ApiTags.Health });
        return Task.CompletedTask;
    }

    private static OpenApiOperation Check(OpenApiDocument document, string id, string summary, string description)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "The check passed.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/plain"] = new()
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["Healthy"] },
                    },
                },
            },
        };
        OpenApiProblems.Add(responses, StatusCodes.Status400BadRequest,
            "A header is not valid: an X-Correlation-Id or Idempotency-Key malformed.");
        OpenApi.AddHostAnswers(responses);
        return new OpenApiOperation
        {
            OperationId = id,
            Summary = summary,
            Description = description,
            Tags = new HashSet<OpenApiTagReference> { new(ApiTags.Health, document) },
            // Said, not left out: an operation without a security requirement reads as one nobody documented.
            Security = [new OpenApiSecurityRequirement()],
            Parameters = [OpenApiParameters.CorrelationId()],
            Responses = responses,
        };
    }
}

internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception)
            when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
