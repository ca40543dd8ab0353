using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A restructuring refused for what the request itself repeats says what it repeats: two new units with
/// one code had answered "already registered" (it was not), and two renames of one unit the cycle rule's sentence
/// about predecessors and successors.</summary>
public class RestructuringRuleSentenceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<Answer> Refused(string parts, string rule, string unit)
    {
        var answer = await Host.Post("/api/restructurings",
            $$"""{"decisionNo":"RS/1","effectiveOn":"2020-01-01","parts":[{{parts}}]}""", Keys.Recorder).Expect(409);
        Assert.Equal(rule, (string?)answer.Json["rule"]);
        Assert.Equal(unit, (string?)answer.Json["unit"]);
        return answer;
    }

    [Fact]
    public async Task Two_new_units_of_a_split_that_share_a_code_are_refused_saying_so()
    {
        await Host.RegisterCommune("RS-SPLIT", "2015-01-01");
        static string NewUnit(string name) =>
            $$"""{"code":"RS-NEW","name":"UBND Xã {{name}}","level":"commune","province":"Quảng Trị"}""";

        var answer = await Refused(
            $$"""{"kind":"split","from":["RS-SPLIT"],"into":[{{NewUnit("A")}},{{NewUnit("B")}}]}""",
            "new-unit-code-repeated", "RS-NEW");

        Assert.Contains("two new units cannot share", (string?)answer.Json["detail"]);
        await Host.Get("/api/units/RS-NEW").Expect(404);
    }

    [Fact]
    public async Task Two_renames_of_one_unit_are_refused_with_a_sentence_about_renames()
    {
        await Host.RegisterCommune("RS-RENAME", "2015-01-01");

        var answer = await Refused(
            """{"kind":"rename","from":["RS-RENAME"],"name":"X"},{"kind":"rename","from":["RS-RENAME"],"name":"Y"}""",
            "restructuring-change-repeated", "RS-RENAME");

        Assert.Contains("renamed at most once", (string?)answer.Json["detail"]);
        Assert.DoesNotContain("predecessor", (string?)answer.Json["detail"]);
    }
}
