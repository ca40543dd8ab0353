using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Http;

namespace IsoLedger.Api.Tests;

/// <summary>The development keys (see appsettings.Development.json), by role.</summary>
public static class Keys
{
    public const string Admin = "dev-admin";
    public const string Recorder = "dev-recorder";
    public const string Inspector = "dev-inspector";
    public const string Auditor = "dev-auditor";
    public const string Viewer = "dev-viewer";
}

/// <summary>An answer of the API, read for assertions.</summary>
public sealed record Answer(int Status, JsonNode? Body, IHeaderDictionary Headers, string ContentType, string Text)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException($"The {Status} answer has no JSON body.");
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value.ToString() : null;
    public string? ProblemType => (string?)Json["type"];
}

public static class Http
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Sends a request with the given API key (none when null) and returns whatever it answers.</summary>
    public static Task<Answer> Send(
        this IAlbaHost host, HttpMethod method, string url, string? json = null, string? key = Keys.Admin,
        params (string Name, string Value)[] headers) =>
        host.Send(key, headers, s =>
        {
            if (method == HttpMethod.Get) s.Get.Url(url);
            else s.Post.RawJson(json ?? "{}").ToUrl(url);
        });

    /// <summary>Posts raw bytes (a CSV file) with the given content type.</summary>
    public static Task<Answer> PostBytes(
        this IAlbaHost host, string url, byte[] body, string contentType = "text/csv", string? key = Keys.Admin) =>
        host.Send(key, [], s =>
        {
            s.Post.Url(url);
            s.ConfigureHttpContext(context =>
            {
                context.Request.ContentType = contentType;
                context.Request.ContentLength = body.Length;
                context.Request.Body = new MemoryStream(body);
            });
        });

    internal static async Task<Answer> Send(
        this IAlbaHost host, string? key, (string Name, string Value)[] headers, Action<Scenario> request)
    {
        var result = await host.Scenario(s =>
        {
            request(s);
            if (key is not null) s.WithRequestHeader("X-Api-Key", key);
            foreach (var (name, value) in headers) s.WithRequestHeader(name, value);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        var response = result.Context.Response;
        var contentType = response.ContentType ?? "";
        var body = contentType.Contains("json") && text.Length > 0 ? JsonNode.Parse(text) : null;
        return new Answer(response.StatusCode, body, response.Headers, contentType, text);
    }

    public static Task<Answer> Post(
        this IAlbaHost host, string url, string json, string? key = Keys.Admin, params (string, string)[] headers) =>
        host.Send(HttpMethod.Post, url, json, key, headers);

    public static Task<Answer> Get(this IAlbaHost host, string url, string? key = Keys.Admin) =>
        host.Send(HttpMethod.Get, url, key: key);

    /// <summary>The bytes a file export answers (a workbook), asserting 200.</summary>
    public static async Task<byte[]> Download(this IAlbaHost host, string url)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("X-Api-Key", Keys.Viewer);
            s.StatusCodeShouldBe(200);
        });
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    /// <summary>Posts and asserts the status, showing the body when it differs.</summary>
    public static async Task<Answer> Expect(this Task<Answer> request, int status)
    {
        var answer = await request;
        Assert.True(answer.Status == status, $"Expected {status}, got {answer.Status}: {answer.Body?.ToJsonString()}");
        if (status >= 400) Assert.StartsWith(ProblemJson, answer.ContentType);
        return answer;
    }

    public static Task<Answer> RegisterCommune(this IAlbaHost host, string code, string registeredOn = "2010-01-01") =>
        host.Post("/api/units",
            $$"""{"code":"{{code}}","name":"UBND Xã {{code}}","level":"commune","province":"Quảng """
            + $$"""Trị","district":"Hải Lăng","registeredOn":"{{registeredOn}}"}""")
            .Expect(201);

    public static Task<Answer> RegisterDepartment(
        this IAlbaHost host, string code, string registeredOn = "2010-01-01", string province = "Quảng Trị") =>
        host.Post("/api/units",
            $$"""{"code":"{{code}}","name":"Sở {{code}}","level":"department","province":"{{province}}", """
            + $$""" "registeredOn":"{{registeredOn}}"}""")
            .Expect(201);

    public static Task<Answer> RegisterSubDepartment(
        this IAlbaHost host, string code, string parentCode, string registeredOn = "2010-01-01") =>
        host.Post("/api/units",
            $$"""{"code":"{{code}}","name":"Chi cục {{code}}","level":"sub-department","province":"Quảng Trị", """
            + $$""" "parentCode":"{{parentCode}}","registeredOn":"{{registeredOn}}"}""")
            .Expect(201);

    /// <summary>A browser's CORS preflight for <paramref name="method"/> on /api/units from
    /// <paramref name="origin"/>.</summary>
    public static async Task<IHeaderDictionary> Preflight(
        this IAlbaHost host, string origin, string method, string? requestHeaders = null)
    {
        var result = await host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => { c.Request.Method = "OPTIONS"; c.Request.Path = "/api/units"; });
            s.WithRequestHeader("Origin", origin);
            s.WithRequestHeader("Access-Control-Request-Method", method);
            if (requestHeaders is not null) s.WithRequestHeader("Access-Control-Request-Headers", requestHeaders);
            s.IgnoreStatusCode();
        });
        return result.Context.Response.Headers;
    }

    /// <summary>Records steps (path relative to the unit, body) on a unit, asserting each succeeds.</summary>
    public static async Task Record(this IAlbaHost host, string code, params (string Path, string Body)[] steps)
    {
        foreach (var (path, body) in steps)
        {
            var key = path.EndsWith("/inspection") ? Keys.Inspector : Keys.Recorder;
            var answer = await host.Post($"/api/units/{code}{path}", body, key);
            Assert.True(answer.Status is 200 or 201, $"{code}{path}: {answer.Body?.ToJsonString()}");
        }
    }

    public static IEnumerable<string> WarningRules(this Answer answer) =>
        answer.Json["warnings"]!.AsArray().Select(w => (string)w!["rule"]!);
}
