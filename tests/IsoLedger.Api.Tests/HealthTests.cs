using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IsoLedger.Api.Tests;

/// <summary>A host whose readiness check fails, as when its database cannot be reached.</summary>
public sealed class UnreadyFixture : ApiFixture
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddHealthChecks().AddCheck(
            "database-down", () => HealthCheckResult.Unhealthy("Simulated: the database cannot be reached."),
            tags: ["ready"]));
}

/// <summary>The health checks are in the OpenAPI document with what they answer (the document listed the API's
/// routes alone), and a host that is not ready answers a problem, as every error answer is (it answered
/// "Unhealthy" as text).</summary>
public class HealthTests(UnreadyFixture api) : IClassFixture<UnreadyFixture>
{
    private IAlbaHost Host => api.Host;

    [Theory]
    [InlineData("/health/live", "200 400 413 414 429 431")]
    [InlineData("/health/ready", "200 400 413 414 429 431 503")]
    public async Task A_health_check_is_in_the_document_with_its_answers(string path, string statuses)
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var check = document["paths"]![path]!["get"]!;

        Assert.Equal(statuses.Split(' '), check["responses"]!.AsObject().Select(r => r.Key).Order());
        Assert.Equal("string", (string?)check["responses"]!["200"]!["content"]!["text/plain"]!["schema"]!["type"]);
        // No key: one requirement naming no scheme.
        Assert.Empty(Assert.Single(check["security"]!.AsArray())!.AsObject());
    }

    [Fact]
    public async Task A_host_that_is_not_ready_answers_503_with_a_problem_saying_when_to_ask_again()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;

        var answer = await Host.Get("/health/ready", key: null).Expect(503);

        Assert.Equal("5", answer.Header("Retry-After"));
        Assert.Empty(new DocumentedAnswers(document).Mismatches("/health/ready", "get", 503, answer.Json,
            Http.ProblemJson));
        await Host.Get("/health/live", key: null).Expect(200);
    }
}
