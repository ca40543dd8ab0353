using Alba;

namespace IsoLedger.Api.Tests;

public class HostTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_a_key(string url) =>
        await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); });

    [Fact]
    public async Task The_OpenAPI_document_describes_the_unit_endpoints_and_their_errors()
    {
        var document = await (await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).Json();
        var register = document["paths"]!["/api/units"]!["post"]!;
        Assert.Equal(["201", "400", "409"], register["responses"]!.AsObject().Select(r => r.Key).Order());
        Assert.Equal("#/components/schemas/RegisterUnitRequest",
            (string?)register["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        var get = document["paths"]!["/api/units/{code}"]!["get"]!;
        Assert.Equal(["200", "404"], get["responses"]!.AsObject().Select(r => r.Key).Order());
        Assert.NotNull(document["components"]!["schemas"]!["UnitStatus"]);
    }

    [Fact]
    public async Task The_API_reference_page_is_served() =>
        await Host.Scenario(s => { s.Get.Url("/docs/"); s.StatusCodeShouldBeOk(); });

    [Fact]
    public async Task Unknown_routes_answer_with_problem_details() =>
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/nothing-here");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe(Http.ProblemJson);
        });
}
