using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>How long a restructuring's successor has to declare its own system is an entry of the rule book, dated as
/// the others are: a successor is judged by the entry in force on its restructuring's effective date. It had been an
/// installation's setting, which changed the period for successors of every date at once.</summary>
public class SuccessorGraceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static IEnumerable<string?> Rules(Answer answer) =>
        answer.Json["flags"]!.AsArray().Select(f => (string?)f!["rule"]);

    private async Task MergedInto(string code, string effectiveOn)
    {
        await Host.RegisterCommune($"{code}-A", "2015-01-01");
        await Host.RegisterCommune($"{code}-B", "2015-01-01");
        await Host.Post($"/api/units/{code}-A/declarations", """{"declaredOn":"2016-03-01","standard":"2008"}""")
            .Expect(200);
        await Host.Post("/api/restructurings", $$$"""
            {"decisionNo":"NQ {{{code}}}","effectiveOn":"{{{effectiveOn}}}","parts":[
              {"kind":"merge","from":["{{{code}}}-A","{{{code}}}-B"],
               "into":{"code":"{{{code}}}","name":"UBND Xã {{{code}}}","level":"commune","province":"Quảng Trị"}}]}
            """).Expect(201);
    }

    private const string ShortGrace = """
        {"id":"successor-redeclares-2025","kind":"successor-redeclares","validFrom":"2025-07-01","months":3,
         "legalAct":"QĐ 1/2025/QĐ-UBND","source":"Điều 3","reason":"Xã mới công bố lại trong 3 tháng"}
        """;

    [Fact]
    public async Task A_successor_is_judged_by_the_entry_in_force_on_its_effective_date()
    {
        await MergedInto("GR-OLD", "2024-01-01");
        await Host.Post("/api/rules/obligations/successor-redeclares-2014/end",
            """{"validTo":"2025-06-30","reason":"Thay bằng thời hạn 3 tháng"}""").Expect(200);
        await Host.Post("/api/rules/obligations", ShortGrace).Expect(200);
        await MergedInto("GR-NEW", "2025-07-01");

        Assert.DoesNotContain("successor-not-declared",
            Rules(await Host.Get("/api/units/GR-NEW/state?asOf=2025-10-01").Expect(200)));
        var late = (await Host.Get("/api/units/GR-NEW/state?asOf=2025-10-02").Expect(200)).Json["flags"]!.AsArray()
            .Single(f => (string?)f!["rule"] == "successor-not-declared")!;
        Assert.Equal(("2025-10-02", "successor-redeclares-2025", "QĐ 1/2025/QĐ-UBND"),
            ((string?)late["since"], (string?)late["basis"]?["id"], (string?)late["basis"]?["legalAct"]));

        // Formed before the new entry: still the twelve months of the entry in force then.
        Assert.DoesNotContain("successor-not-declared",
            Rules(await Host.Get("/api/units/GR-OLD/state?asOf=2025-01-01").Expect(200)));
        var old = (await Host.Get("/api/units/GR-OLD/state?asOf=2025-01-02").Expect(200)).Json["flags"]!.AsArray()
            .Single(f => (string?)f!["rule"] == "successor-not-declared")!;
        Assert.Equal("successor-redeclares-2014", (string?)old["basis"]?["id"]);
    }

    [Theory]
    [InlineData("\"months\":3,", "", "Required for successor-redeclares")]
    [InlineData("\"months\":3,", "\"months\":0,", "from 1 to 120")]
    [InlineData("\"months\":3,", "\"months\":121,", "from 1 to 120")]
    [InlineData("\"kind\":\"successor-redeclares\"", "\"kind\":\"yearly-report\"", "only for it")]
    public async Task An_entry_s_months_are_given_for_successors_alone_within_ten_years(
        string written, string instead, string told)
    {
        var refused = await Host.Post("/api/rules/obligations", ShortGrace.Replace(written, instead)).Expect(400);

        Assert.Contains(told, refused.Json["errors"]!["months"]!.AsArray().Select(e => (string?)e).Single());
    }

    [Fact]
    public async Task The_setting_that_set_the_period_before_refuses_to_start_saying_where_the_period_is_now()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:IsoLedger", api.ConnectionString);
            builder.UseSetting("IsoLedger:Rules:SuccessorGraceMonths", "3");
        }));

        Assert.Contains("successor-redeclares", failure.ToString());
    }
}
