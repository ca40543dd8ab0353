using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A state "as known at" a moment is judged by the rule book as it was known then: a rule added later
/// changes the answers about later moments only. (A class of its own: it changes the rule book.)</summary>
public class KnownAtRuleBookTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Fact]
    public async Task A_rule_added_later_does_not_judge_what_was_known_before_it()
    {
        await Host.Post("/api/units",
            """{"code":"KA-SO-01","name":"Sở Nội vụ","level":"department","province":"Lạng """
            + """Sơn","registeredOn":"2015-01-01"}""", Keys.Recorder).Expect(201);
        await Host.Post("/api/units/KA-SO-01/declarations", """{"declaredOn":"2016-03-01","standard":"2015"}""",
            Keys.Recorder).Expect(200);
        await Task.Delay(50);
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Host.Post("/api/rules/obligations", """
            {"id":"ka-conversion-to-amd1","kind":"conversion-deadline","validFrom":"2024-02-23",
             "legalAct":"QĐ 1/2024/QĐ-UBND","source":"Điều 2","reason":"Chuyển đổi sang Amd1:2024",
             "edition":"2015/Amd1:2024","deadline":"2026-06-30"}
            """).Expect(200);

        static IEnumerable<string?> Rules(Answer answer) =>
            answer.Json["flags"]!.AsArray().Select(f => (string?)f!["rule"]);
        var knownBefore = await Host.Get(
            $"/api/units/KA-SO-01/state?knownAt={Uri.EscapeDataString(before.ToString("O"))}",
            Keys.Auditor).Expect(200);
        Assert.DoesNotContain("conversion-deadline", Rules(knownBefore));
        var now = await Host.Get(
            $"/api/units/KA-SO-01/state?knownAt={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}",
            Keys.Auditor).Expect(200);
        Assert.Contains("conversion-deadline", Rules(now));
    }
}
