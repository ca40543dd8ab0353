using Alba;
using Microsoft.AspNetCore.Hosting;

namespace IsoLedger.Api.Tests;

/// <summary>A host with one allowed cross-origin caller.</summary>
public sealed class CorsApiFixture : ApiFixture
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("IsoLedger:Cors:Origins:0", "https://dashboard.example");
}

/// <summary>A request refused for its shape (a parameter the route does not take, a year that is no number) carries
/// the CORS headers too: without them a browser on another origin saw a network error, not the problem.</summary>
public class CorsProblemTests(CorsApiFixture api) : IClassFixture<CorsApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Theory]
    [InlineData("/api/units?provinc=Kon+Tum")]
    [InlineData("/api/dashboards/national/abc")]
    public async Task A_refused_request_s_problem_is_readable_from_an_allowed_origin(string url)
    {
        var answer = await Host.Send(HttpMethod.Get, url, key: Keys.Viewer,
            headers: ("Origin", "https://dashboard.example")).Expect(400);

        Assert.Equal("https://dashboard.example", answer.Header("Access-Control-Allow-Origin"));
    }
}
