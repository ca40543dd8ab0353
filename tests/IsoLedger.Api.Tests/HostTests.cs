using Alba;
using Microsoft.AspNetCore.Hosting;

namespace IsoLedger.Api.Tests;

public class HostTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_a_key(string url) => await Host.Get(url, key: null).Expect(200);

    /// <summary>A health check is read: another method is refused as at any address (it answered 200 to POST, PUT,
    /// DELETE and OPTIONS alike).</summary>
    [Theory]
    [InlineData("/health/live", "POST")]
    [InlineData("/health/ready", "PUT")]
    [InlineData("/health/live", "DELETE")]
    [InlineData("/health/ready", "OPTIONS")]
    public async Task Health_endpoints_take_GET_and_HEAD_alone(string url, string method)
    {
        var answer = await SendWith(method, url).Expect(405);

        Assert.Equal("GET, HEAD", answer.Header("Allow"));
        var head = await SendWith("HEAD", url);
        Assert.Equal(200, head.Status);
    }

    /// <summary>The dashboard's page and its files are read: another method is refused as at the API's addresses, a
    /// 405 problem with the methods they take (it answered 404, as if nothing were there).</summary>
    [Theory]
    [InlineData("/dashboard/", "POST")]
    [InlineData("/dashboard", "PUT")]
    [InlineData("/dashboard/index.html", "DELETE")]
    [InlineData("/dashboard/app.js", "PATCH")]
    [InlineData("/dashboard/style.css", "POST")]
    public async Task The_dashboard_page_takes_GET_and_HEAD_alone(string url, string method)
    {
        var answer = await SendWith(method, url).Expect(405);

        Assert.Equal("GET, HEAD", answer.Header("Allow"));
        Assert.StartsWith(Http.ProblemJson, answer.ContentType);
        Assert.Equal(405, (int?)answer.Json["status"]);
        await Host.Get("/dashboard/app.js", key: null).Expect(200);
        await Host.Post("/dashboard/missing.js", "{}", key: null).Expect(404);
    }

    /// <summary>The server's own address, opened in a browser, leads to the dashboard (it answered 404).</summary>
    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task The_server_s_address_leads_to_the_dashboard(string method)
    {
        var answer = await SendWith(method, "/").Expect(302);

        Assert.Equal("/dashboard/", answer.Header("Location"));
        await Host.Get(answer.Header("Location")!, key: null).Expect(200);
    }

    /// <summary>A request without a key or a body, by any method.</summary>
    private Task<Answer> SendWith(string method, string url) => Host.Send(null, [], s =>
    {
        s.Get.Url(url);
        s.ConfigureHttpContext(context => context.Request.Method = method);
    });

    /// <summary>The one document is v1: asked for another, the answer is a problem like any other address's (it was
    /// a plain-text sentence).</summary>
    [Theory]
    [InlineData("/openapi/v2.json")]
    [InlineData("/openapi/%2E%2E.json")]
    public async Task An_OpenAPI_document_that_does_not_exist_is_a_problem(string url)
    {
        var answer = await Host.Get(url, key: null).Expect(404);
        Assert.NotNull(answer.Json["detail"]);
        await Host.Get("/openapi/v1.json", key: null).Expect(200);
    }

    public static TheoryData<string, string> CommandOperations() => new()
    {
        { "/api/units", "post" },
        { "/api/units/{code}/steering-board", "post" },
        { "/api/units/{code}/documentation", "post" },
        { "/api/units/{code}/declarations", "post" },
        { "/api/units/{code}/conversion/start", "post" },
        { "/api/units/{code}/conversion/complete", "post" },
        { "/api/units/{code}/years/{year}/quality-objectives", "post" },
        { "/api/units/{code}/years/{year}/maintenance-plan", "post" },
        { "/api/units/{code}/years/{year}/report", "post" },
        { "/api/units/{code}/years/{year}/inspection", "post" },
        { "/api/units/{code}/internal-audits", "post" },
        { "/api/units/{code}/nonconformities", "post" },
        { "/api/units/{code}/nonconformities/{id}/corrective-action", "post" },
        { "/api/units/{code}/nonconformities/{id}/close", "post" },
        { "/api/units/{code}/management-reviews", "post" },
        { "/api/units/{code}/scope-changes", "post" },
        { "/api/units/{code}/merge", "post" },
    };

    [Theory, MemberData(nameof(CommandOperations))]
    public async Task The_OpenAPI_document_describes_each_command_with_its_body_answers_and_errors(
        string path, string method)
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var operation = document["paths"]![path]![method]!;

        Assert.NotNull(operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        var responses = operation["responses"]!.AsObject();
        var success = responses.Single(r => r.Key is "200" or "201");
        Assert.NotNull(success.Value!["content"]!["application/json"]!["schema"]);
        foreach (var status in new[] { "400", "401", "403", "404", "409", "422" })
            Assert.True(responses.ContainsKey(status), $"{method} {path} does not describe {status}");
        // A version is checked where a stream exists: a registration starts one, and takes no If-Match.
        Assert.Equal(path != "/api/units", responses.ContainsKey("412"));
        Assert.NotNull(responses["409"]!["content"]!["application/problem+json"]);
    }

    [Theory]
    [InlineData("/api/units", "UnitPage")]
    [InlineData("/api/units/{code}", "UnitStatus")]
    [InlineData("/api/units/{code}/state", "UnitStatus")]
    [InlineData("/api/units/{code}/history", null)]
    [InlineData("/api/events", "EventPage")]
    [InlineData("/api/dashboards/conversion", "DashboardAnswerOfConversionProgress")]
    [InlineData("/api/dashboards/annual/{year}", "DashboardAnswerOfAnnualTable")]
    [InlineData("/api/dashboards/statistics/{year}", "DashboardAnswerOfProvinceStatistics")]
    [InlineData("/api/dashboards/compliance", "DashboardAnswerOfComplianceReport")]
    [InlineData("/api/admin/projections", null)]
    [InlineData("/api/admin/unit-writes", "UnitWriteStatistics")]
    public async Task The_OpenAPI_document_describes_each_read(string path, string? schema)
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var responses = document["paths"]![path]!["get"]!["responses"]!.AsObject();

        var ok = responses["200"]!["content"]!["application/json"]!["schema"]!;
        if (schema is not null) Assert.Equal($"#/components/schemas/{schema}", (string?)ok["$ref"]);
        Assert.True(responses.ContainsKey("401"));
        Assert.True(responses.ContainsKey("403"));
        Assert.DoesNotContain(responses, r =>
            r.Value!["content"]?["application/json"]?["schema"]?["$ref"]?.ToString() == "#/components/schemas/IResult");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_answers_every_route_may_give_and_the_CSV_bodies()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key} {path.Key}", Op: op.Value!)))
            .ToList();
        foreach (var status in new[] { "414", "429", "431" })
            Assert.All(operations, o => Assert.True(o.Op["responses"]!.AsObject().ContainsKey(status), o.Name));
        Assert.All(operations.Where(o => o.Op["requestBody"] is not null), o =>
        {
            Assert.True(o.Op["responses"]!.AsObject().ContainsKey("413"), o.Name);
            Assert.True(o.Op["responses"]!.AsObject().ContainsKey("415"), o.Name);
        });
        foreach (var path in new[] { "/api/imports", "/api/restructurings/import" })
            Assert.NotNull(document["paths"]![path]!["post"]!["requestBody"]!["content"]!["text/csv"]);
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_API_key_scheme_on_secured_operations()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", (string?)scheme["type"]);
        Assert.Equal("header", (string?)scheme["in"]);
        Assert.Equal("X-Api-Key", (string?)scheme["name"]);
        Assert.NotNull(document["paths"]!["/api/units/{code}/history"]!["get"]!["security"]);
        Assert.Empty(Assert.Single(document["paths"]!["/health/live"]!["get"]!["security"]!.AsArray())!.AsObject());
    }

    [Fact]
    public async Task Production_refuses_to_start_without_configured_keys()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:IsoLedger", api.ConnectionString);
        }));
        Assert.Contains("No API keys are configured", failure.ToString());
    }

    [Fact]
    public async Task The_API_reference_page_is_served() => await Host.Get("/docs/", key: null).Expect(200);

    [Fact]
    public async Task Unknown_routes_answer_with_problem_details() => await Host.Get("/api/nothing-here").Expect(404);

    [Fact]
    public async Task Every_answer_carries_a_correlation_id_and_keeps_a_sensible_one_from_the_client()
    {
        var generated = await Host.Get("/health/live", key: null);
        Assert.False(string.IsNullOrEmpty(generated.Header("X-Correlation-Id")));

        var kept = await Host.Send(HttpMethod.Get, "/health/live", key: null, headers: ("X-Correlation-Id", "req-42"));
        Assert.Equal("req-42", kept.Header("X-Correlation-Id"));
    }
}
