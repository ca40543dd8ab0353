using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The annual table, the statistics and the compliance dashboard, from events recorded
/// through the API.</summary>
public class AnnualDashboardTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task Commune(string code, string province, string district, params (string, string)[] steps)
    {
        await Host.Post("/api/units",
            $$"""{"code":"{{code}}","name":"UBND Xã {{code}}","level":"commune","province":"{{province}}","""
            + $$"""
                "district":"{{district}}","registeredOn":"2015-01-01"}
                """,
            Keys.Recorder).Expect(201);
        await Host.Record(code, steps);
    }

    private static readonly (string, string)[] Declared2016 =
    [
        ("/documentation",
            """{"issuedOn":"2016-03-01","standard":"2008","qualityManual":true,"qualityPolicy":"""
            + """true,"qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":0,"businessProcedures":"""
            + """90,"administrativeProcedures":90}"""),
        ("/internal-audits", """{"heldOn":"2016-05-01"}"""),
        ("/management-reviews", """{"heldOn":"2016-06-01"}"""),
        ("/declarations", """{"declaredOn":"2016-09-01","standard":"2008"}"""),
    ];

    private static (string, string)[] EveryStepOf(int year) =>
    [
        ($"/years/{year}/quality-objectives", $$"""{"issuedOn":"{{year}}-01-10","policy":true,"objectives":true}"""),
        ($"/years/{year}/maintenance-plan", $$"""{"issuedOn":"{{year}}-01-20"}"""),
        ("/internal-audits", $$"""{"heldOn":"{{year}}-06-10"}"""),
        ("/management-reviews", $$"""{"heldOn":"{{year}}-08-10"}"""),
        ($"/years/{year}/report", $$"""{"submittedOn":"{{year}}-11-10"}"""),
        ($"/years/{year}/inspection", $$"""{"inspectedOn":"{{year}}-11-15","onSite":true,"result":"passed"}"""),
    ];

    private async Task<JsonNode> Dashboard(string path) => (await Host.Get(path, Keys.Viewer).Expect(200)).Json;

    private static string Q(string value) => Uri.EscapeDataString(value);

    [Fact]
    public async Task Appendix_B_44_of_109_communes_reported_is_40_37_percent()
    {
        const string province = "Quảng Trị";
        for (var i = 0; i < 109; i++)
        {
            var district = i % 2 == 0 ? "Đông Hà" : "Hải Lăng";
            await Commune(
                $"QT-B{i + 1:000}", province, district, [.. Declared2016, .. (i < 44 ? EveryStepOf(2020) : [])]);
        }

        var table = (await Dashboard($"/api/dashboards/annual/2020?province={Q(province)}&consistent=true"))["data"]!;
        var totals = table["totals"]!;
        Assert.Equal(109, (int)totals["units"]!);
        Assert.Equal(109, (int)totals["declared"]!);
        Assert.Equal(44, (int)totals["reportSubmitted"]!);
        Assert.Equal(44, (int)totals["internalAudit"]!);
        Assert.Equal(44, (int)totals["inspectionPassed"]!);
        Assert.Equal(40.37m, (decimal)totals["reportedPercent"]!);
        Assert.Equal(109, table["rows"]!.AsArray().Count);
        var communes = table["byLevel"]!.AsArray().Single()!;
        Assert.Equal("commune", (string?)communes["group"]);
        Assert.Equal(40.37m, (decimal)communes["reportedPercent"]!);
        var districts = table["byDistrict"]!.AsArray().ToDictionary(d => (string)d!["group"]!, d => d!);
        Assert.Equal((55, 22, 40.00m),
            ((int)districts["Đông Hà"]["units"]!, (int)districts["Đông Hà"]["reportSubmitted"]!,
                (decimal)districts["Đông Hà"]["reportedPercent"]!));
        Assert.Equal((54, 22, 40.74m),
            ((int)districts["Hải Lăng"]["units"]!, (int)districts["Hải Lăng"]["reportSubmitted"]!,
                (decimal)districts["Hải Lăng"]["reportedPercent"]!));

        var haiLang =
            (await Dashboard($"/api/dashboards/annual/2020?province={Q(province)}&district={Q("Hải Lăng")}"))["data"]!;
        Assert.Equal(54, (int)haiLang["totals"]!["units"]!);
        Assert.Empty((await Dashboard($"/api/dashboards/annual/2020?province={Q(province)}&level=department"))
            ["data"]!["rows"]!.AsArray());

        var statistics = (await Dashboard($"/api/dashboards/statistics/2020?province={Q(province)}"))["data"]!;
        var level = statistics["byLevel"]!.AsArray().Single()!;
        Assert.Equal(("commune", false, 109, 109, 0, 44),
            ((string)level["level"]!, (bool)level["mandatory"]!, (int)level["units"]!, (int)level["declared"]!,
                (int)level["on2015"]!, (int)level["complete"]!));
    }

    [Fact]
    public async Task Rows_follow_business_dates_merges_conversions_and_missing_steps()
    {
        const string province = "Cao Bằng";
        // Back-filled out of order: 2019 first, then the 2018 steps and the original 2016 declaration.
        await Commune("KT-BACKFILL", province, "Huyện A",
            [.. EveryStepOf(2019), .. EveryStepOf(2018), .. Declared2016]);
        await Commune("KT-CONVERTING", province, "Huyện A",
            [.. Declared2016, ("/conversion/start", """{"startedOn":"2019-03-01"}""")]);
        await Commune("KT-MERGED", province, "Huyện B",
            [.. Declared2016, ("/merge", """{"mergedOn":"2019-07-01","intoCode":"KT-BACKFILL"}""")]);
        await Commune("KT-GAPS", province, "Huyện B",
            [.. Declared2016, ("/internal-audits", """{"heldOn":"2019-04-01"}""")]);

        var rows2018 = Rows(await Dashboard($"/api/dashboards/annual/2018?province={Q(province)}&consistent=true"));
        Assert.True((bool)rows2018["KT-BACKFILL"]["declared"]!
            && (bool)rows2018["KT-BACKFILL"]["reportSubmitted"]!
            && (bool)rows2018["KT-BACKFILL"]["managementReview"]!);
        Assert.Equal("none", (string?)rows2018["KT-CONVERTING"]["conversion"]);

        var rows2019 = Rows(await Dashboard($"/api/dashboards/annual/2019?province={Q(province)}"));
        Assert.Equal(["KT-BACKFILL", "KT-CONVERTING", "KT-GAPS", "KT-MERGED"], rows2019.Keys.Order());
        Assert.Equal(("in-progress", "2008"),
            ((string)rows2019["KT-CONVERTING"]["conversion"]!, (string)rows2019["KT-CONVERTING"]["standard"]!));
        Assert.True((bool)rows2019["KT-GAPS"]["internalAudit"]!);
        Assert.False((bool)rows2019["KT-GAPS"]["managementReview"]!);
        Assert.False((bool)rows2019["KT-GAPS"]["reportSubmitted"]!);
        Assert.Equal("passed", (string?)rows2019["KT-BACKFILL"]["inspection"]);
        Assert.Null((string?)rows2019["KT-GAPS"]["inspection"]);

        var rows2020 = Rows(await Dashboard($"/api/dashboards/annual/2020?province={Q(province)}"));
        Assert.DoesNotContain("KT-MERGED", rows2020.Keys);

        var statistics =
            (await Dashboard($"/api/dashboards/statistics/2019?province={Q(province)}"))["data"]!["totals"]!;
        Assert.Equal((4, 4, 1),
            ((int)statistics["units"]!, (int)statistics["declared"]!, (int)statistics["complete"]!));

        // The missing 2019 review counts only once 2019 has ended; the merged unit is no longer judged.
        var inDecember = Flags(await Dashboard(
            $"/api/dashboards/compliance?province={Q(province)}&asOf=2019-12-31&rule=yearly-management-review"));
        Assert.DoesNotContain(inDecember, f => (string)f["subject"]! == "2019");
        var inJanuary = Flags(await Dashboard(
            $"/api/dashboards/compliance?province={Q(province)}&asOf=2020-01-01&rule=yearly-management-review"));
        Assert.Contains(inJanuary, f => (string)f["code"]! == "KT-GAPS" && (string)f["subject"]! == "2019");
        Assert.DoesNotContain(inJanuary, f => (string)f["code"]! == "KT-BACKFILL" && (string)f["subject"]! == "2019");
        Assert.DoesNotContain(inJanuary, f => (string)f["code"]! == "KT-MERGED");

        var districtB = Flags(await Dashboard($"/api/dashboards/compliance?province={Q(province)}&asOf=2020-01-01"
            + $"&district={Q("Huyện B")}&level=commune"));
        Assert.NotEmpty(districtB);
        Assert.All(districtB, f => Assert.Equal("KT-GAPS", (string)f["code"]!));
        var conversion =
            Flags(await Dashboard($"/api/dashboards/compliance?province={Q(province)}&rule=conversion-deadline"));
        Assert.Equal(["KT-BACKFILL", "KT-CONVERTING", "KT-GAPS"], conversion.Select(f => (string)f["code"]!).Order());
        Assert.All(conversion, f => Assert.Equal("2021-07-01", (string?)f["since"]));
    }

    private static Dictionary<string, JsonNode> Rows(JsonNode answer) =>
        answer["data"]!["rows"]!.AsArray().ToDictionary(r => (string)r!["code"]!, r => r!);

    private static List<JsonNode> Flags(JsonNode answer) =>
        answer["data"]!["flags"]!.AsArray().Select(f => f!).ToList();

    [Theory]
    [InlineData("/api/dashboards/conversion")]
    [InlineData("/api/dashboards/conversion?province=Kon+Tum&asOf=2020-13-01")]
    [InlineData("/api/dashboards/conversion?province=Kon+Tum&consistent=maybe")]
    [InlineData("/api/dashboards/annual/1999?province=Kon+Tum")]
    [InlineData("/api/dashboards/annual/2020?province=Kon+Tum&level=planet")]
    [InlineData("/api/dashboards/statistics/2020")]
    [InlineData("/api/dashboards/compliance?province=Kon+Tum&rule=no-such-rule")]
    [InlineData("/api/dashboards/compliance?province=Kon+Tum&rule=unit-merged")]
    public async Task Dashboards_refuse_bad_parameters(string url) => await Host.Get(url, Keys.Viewer).Expect(400);

    [Theory]
    [InlineData("/api/dashboards/conversion?province=Kon+Tum")]
    [InlineData("/api/dashboards/annual/2020?province=Kon+Tum")]
    [InlineData("/api/dashboards/statistics/2020?province=Kon+Tum")]
    [InlineData("/api/dashboards/compliance?province=Kon+Tum")]
    public async Task Dashboards_are_for_every_role_with_a_key(string url)
    {
        foreach (var key in new[] { Keys.Viewer, Keys.Recorder, Keys.Inspector, Keys.Auditor, Keys.Admin })
        {
            var answer = await Host.Get(url, key).Expect(200);
            Assert.NotNull(answer.Json["freshness"]!["latestSequence"]);
        }
        await Host.Get(url, key: null).Expect(401);
    }
}
