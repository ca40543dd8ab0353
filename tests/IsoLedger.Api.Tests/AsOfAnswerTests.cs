using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Answers "as of a day" are what was true on that day, whichever question was asked before and wherever a
/// unit went later. Each test works in a province of its own.</summary>
public class AsOfAnswerTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task Register(string code, string province, string district, string level = "commune")
    {
        await Host.Post("/api/units", $$"""
            {"code":"{{code}}","name":"UBND {{code}}","level":"{{level}}","province":"{{province}}",
             "district":"{{district}}","registeredOn":"2015-01-01"}
            """, Keys.Recorder).Expect(201);
        await Host.Post($"/api/units/{code}/declarations", """{"declaredOn":"2016-03-01","standard":"2015"}""",
            Keys.Recorder).Expect(200);
    }

    private Task Restructure(string decision, string effectiveOn, string part) =>
        Host.Post("/api/restructurings", $$"""
            {"decisionNo":"{{decision}}","effectiveOn":"{{effectiveOn}}","parts":[{{part}}]}
            """, Keys.Recorder).Expect(201);

    private async Task<JsonNode> Data(string url) =>
        (await Host.Get($"{url}&consistent=true", Keys.Viewer).Expect(200)).Json["data"]!;

    private static string Q(string text) => Uri.EscapeDataString(text);

    private static IEnumerable<string> Codes(JsonNode table) =>
        table["rows"]!.AsArray().Select(r => (string)r!["code"]!).Order();

    [Fact]
    public async Task A_year_asked_without_asOf_and_asked_as_of_its_last_day_are_two_questions()
    {
        // The 2023 report was sent on 10 January 2024: the year's table counts it, the table as of 31 December not.
        await Register("AO-LATE", "Điện Biên", "Mường Chà");
        await Host.Post("/api/units/AO-LATE/years/2023/report", """{"submittedOn":"2024-01-10"}""", Keys.Recorder)
            .Expect(200);
        const string year = "/api/dashboards/annual/2023?province=%C4%90i%E1%BB%87n%20Bi%C3%AAn";
        const string lastDay = year + "&asOf=2023-12-31";
        static bool Reported(JsonNode table) => (bool)table["rows"]![0]!["reportSubmitted"]!;

        // Asked in either order, on the same state of the projection, each question keeps its own answer.
        Assert.True(Reported(await Data(year)));
        Assert.False(Reported(await Data(lastDay)));
        await Host.Post("/api/units/AO-LATE/internal-audits", """{"heldOn":"2024-03-01"}""", Keys.Recorder)
            .Expect(200);
        Assert.False(Reported(await Data(lastDay)));
        Assert.True(Reported(await Data(year)));
    }

    [Fact]
    public async Task The_year_s_table_filtered_by_district_finds_a_commune_in_the_district_it_was_in_that_year()
    {
        await Register("AO-MOVED", "Sơn La", "Mộc Châu");
        await Register("AO-STAYED", "Sơn La", "Yên Châu");
        await Restructure("NQ 22", "2022-01-01",
            """{"kind":"transfer","from":["AO-MOVED"],"district":"Yên Châu"}""");

        var province = Q("Sơn La");
        Assert.Equal(["AO-MOVED"],
            Codes(await Data($"/api/dashboards/annual/2021?province={province}&district={Q("Mộc Châu")}")));
        Assert.Equal(["AO-STAYED"],
            Codes(await Data($"/api/dashboards/annual/2021?province={province}&district={Q("Yên Châu")}")));
        Assert.Equal(["AO-MOVED", "AO-STAYED"],
            Codes(await Data($"/api/dashboards/annual/2022?province={province}&district={Q("Yên Châu")}")));
    }

    [Fact]
    public async Task A_unit_that_moved_province_later_counts_where_it_was_in_each_past_year()
    {
        // Registered in Lai Châu, in Hà Tĩnh from 2023, in Nghệ An from 2024.
        await Register("AO-TWICE", "Lai Châu", "Tam Đường");
        await Host.Post("/api/units/AO-TWICE/years/2022/report", """{"submittedOn":"2022-11-10"}""", Keys.Recorder)
            .Expect(200);
        await Restructure("NQ 23", "2023-01-01",
            """{"kind":"transfer","from":["AO-TWICE"],"province":"Hà Tĩnh","district":"Kỳ Anh"}""");
        await Restructure("NQ 24", "2024-01-01",
            """{"kind":"transfer","from":["AO-TWICE"],"province":"Nghệ An","district":"Quỳnh Lưu"}""");

        // The export of Hà Tĩnh's 2023 table lists it, as the dashboard does (neither its first nor its latest
        // province).
        Assert.Equal(["AO-TWICE"], Codes((await Host.Get(
            $"/api/reports/annual/2023?province={Q("Hà Tĩnh")}&format=json", Keys.Viewer).Expect(200)).Json));
        // Lai Châu's trends count it in 2022, whatever day they are asked on.
        var trends = await Data($"/api/reports/trends?province={Q("Lai Châu")}");
        var point2022 = trends["years"]!.AsArray().Single(p => (int)p!["year"]! == 2022)!;
        Assert.Equal(1, (int)point2022["units"]!);
        Assert.Equal(point2022.ToJsonString(),
            (await Data($"/api/reports/trends?province={Q("Lai Châu")}&asOf=2022-12-31"))["years"]!.AsArray()
                .Single(p => (int)p!["year"]! == 2022)!.ToJsonString());
    }

    [Fact]
    public async Task A_timeline_names_the_unit_as_it_was_called_on_each_step_s_day()
    {
        await Register("AO-REN", "Hà Nội", "Ba Vì");
        await Restructure("NQ 25", "2022-01-01", """{"kind":"rename","from":["AO-REN"],"name":"UBND Xã Mới"}""");
        var timeline = (await Host.Get("/api/dashboards/units/AO-REN/timeline", Keys.Viewer).Expect(200)).Json
            .AsArray();
        Assert.Equal(["UBND AO-REN", "UBND AO-REN", "UBND Xã Mới"],
            timeline.Select(e => (string)e!["unitName"]!));
    }

    [Theory]
    [InlineData("mt_tombstone")]
    [InlineData("MT_TOMBSTONE")]
    [InlineData("Mt_unit")]
    [InlineData("rule-book")]
    [InlineData("RULE-BOOK")]
    public async Task The_event_store_s_own_stream_keys_are_no_unit_codes(string code)
    {
        var refused = await Host.Post("/api/units", $$"""
            {"code":"{{code}}","name":"UBND","level":"commune","province":"Quảng Trị","district":"Hải Lăng"}
            """, Keys.Recorder).Expect(400);
        Assert.NotNull(refused.Json["errors"]!["code"]);
        await Host.Get($"/api/units/{code}/history", Keys.Auditor).Expect(404);
        await Host.Post($"/api/units/{code}/internal-audits", """{"heldOn":"2020-06-10"}""", Keys.Recorder)
            .Expect(404);
    }

    [Fact]
    public async Task Rebuilds_asked_at_once_run_one_at_a_time_and_the_others_are_told_so()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Host.Send(
            HttpMethod.Post, "/api/admin/projections/DashboardUnits/rebuild", key: Keys.Admin)));
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { 200, 409 }));
        Assert.Contains(answers, a => a.Status == 200);
        Assert.All(answers.Where(a => a.Status == 409),
            a => Assert.StartsWith(Http.ProblemJson, a.ContentType));
        // The projection goes on after the rebuilds.
        await Register("AO-AFTER", "Quảng Ninh", "Hạ Long");
        Assert.Equal(["AO-AFTER"], Codes(await Data($"/api/dashboards/annual/2020?province={Q("Quảng Ninh")}")));
    }
}
