using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Small helpers for reading API answers in assertions.</summary>
public static class Http
{
    public const string ProblemJson = "application/problem+json";

    public static async Task<JsonNode> Json(this IScenarioResult result) =>
        JsonNode.Parse(await result.ReadAsTextAsync()) ?? throw new InvalidOperationException("The body is empty.");

    public static Task<IScenarioResult> PostJson(this IAlbaHost host, string url, string json, int expectedStatus) =>
        host.Scenario(s =>
        {
            s.Post.RawJson(json).ToUrl(url);
            s.StatusCodeShouldBe(expectedStatus);
        });
}
