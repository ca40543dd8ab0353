using Alba;
using Microsoft.AspNetCore.Hosting;

namespace IsoLedger.Api.Tests;

public sealed class ShortGraceFixture : ApiFixture
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("IsoLedger:Rules:SuccessorGraceMonths", "3");
}

/// <summary>The grace period of <c>successor-not-declared</c> is the installation's to set.</summary>
public class SuccessorGraceTests(ShortGraceFixture api) : IClassFixture<ShortGraceFixture>
{
    private IAlbaHost Host => api.Host;

    [Fact]
    public async Task A_successor_is_flagged_once_the_configured_grace_has_passed()
    {
        await Host.RegisterCommune("GR-A", "2015-01-01");
        await Host.RegisterCommune("GR-B", "2015-01-01");
        await Host.Post("/api/units/GR-A/declarations", """{"declaredOn":"2016-03-01","standard":"2008"}""")
            .Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"NQ 1","effectiveOn":"2025-07-01","parts":[
              {"kind":"merge","from":["GR-A","GR-B"],
               "into":{"code":"GR-NEW","name":"UBND Xã Mới","level":"commune","province":"Quảng Trị"}}]}
            """).Expect(201);

        static IEnumerable<string?> Rules(Answer answer) =>
            answer.Json["flags"]!.AsArray().Select(f => (string?)f!["rule"]);
        Assert.DoesNotContain("successor-not-declared",
            Rules(await Host.Get("/api/units/GR-NEW/state?asOf=2025-10-01").Expect(200)));
        var late = (await Host.Get("/api/units/GR-NEW/state?asOf=2025-10-02").Expect(200)).Json["flags"]!.AsArray();
        Assert.Contains(late,
            f => (string?)f!["rule"] == "successor-not-declared" && (string?)f["since"] == "2025-10-02");
    }
}
