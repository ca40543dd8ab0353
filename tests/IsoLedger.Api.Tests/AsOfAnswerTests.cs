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

    /// <summary>A conversion under way on the day asked shows no completion: the state as of a day in 2017 had shown
    /// the completion of May 2018 and its decision, a fact still to come.</summary>
    [Fact]
    public async Task A_conversion_under_way_on_the_day_asked_shows_no_completion_yet()
    {
        // In a province of its own: the class's other tests list whole provinces' units.
        await Host.Post("/api/units", """
            {"code":"AO-CONV","name":"UBND AO-CONV","level":"commune","province":"Cà Mau","district":"Năm Căn",
             "registeredOn":"2015-01-01"}
            """, Keys.Recorder).Expect(201);
        await Host.Post("/api/units/AO-CONV/declarations", """{"declaredOn":"2016-01-04","standard":"2008"}""")
            .Expect(200);
        await Host.Post("/api/units/AO-CONV/conversion/start", """{"startedOn":"2017-03-01"}""").Expect(200);
        await Host.Post("/api/units/AO-CONV/conversion/complete",
            """{"convertedOn":"2018-05-02","decisionNo":"7/QĐ-UBND"}""").Expect(200);

        string Shown(Answer state) => string.Join("; ", state.Json["conversions"]!.AsArray()
            .Select(c => $"{c!["startedOn"]} {c["completedOn"]} {c["completionDecisionNo"]}"));
        Assert.Equal("2017-03-01  ", Shown(await Host.Get("/api/units/AO-CONV/state?asOf=2017-06-01").Expect(200)));
        Assert.Equal("2017-03-01 2018-05-02 7/QĐ-UBND",
            Shown(await Host.Get("/api/units/AO-CONV/state?asOf=2018-06-01").Expect(200)));
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

    private Task Record(string code, string route, string body) =>
        Host.Post($"/api/units/{code}/{route}", body, Keys.Admin).Expect(200);

    private async Task<JsonNode> StateOn(string code, string day) =>
        (await Host.Get($"/api/units/{code}/state?asOf={day}", Keys.Auditor).Expect(200)).Json;

    private static IEnumerable<string> Flags(IEnumerable<JsonNode?> flags) =>
        flags.Select(f => $"{f!["rule"]} {f["subject"]} {f["since"]}").Order();

    /// <summary>What the declaration of <see cref="Register"/> needs before it, so that it is flagged for
    /// nothing.</summary>
    private async Task Prerequisites(string code)
    {
        await Record(code, "documentation", """
            {"issuedOn":"2016-01-10","standard":"2015","qualityManual":true,"qualityPolicy":true,
             "qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":1,"businessProcedures":9,
             "administrativeProcedures":9}
            """);
        await Record(code, "internal-audits", """{"heldOn":"2016-01-20"}""");
        await Record(code, "management-reviews", """{"heldOn":"2016-02-01"}""");
    }

    [Fact]
    public async Task The_province_s_flags_as_of_a_day_are_the_unit_s_own_as_of_that_day_before_a_late_report()
    {
        // The 2020 report came on 20 January 2021: on 10 January the unit had sent none, which its status says, and
        // so must the province's list of flags (it read the report sent ten days later).
        await Register("AO-FLAG", "Thanh Hóa", "Nga Sơn");
        await Prerequisites("AO-FLAG");
        for (var year = 2016; year <= 2020; year++)
        {
            await Record("AO-FLAG", "internal-audits", $$"""{"heldOn":"{{year}}-09-01"}""");
            await Record("AO-FLAG", "management-reviews", $$"""{"heldOn":"{{year}}-10-01"}""");
            var sent = year == 2020 ? "2021-01-20" : $"{year}-12-15";
            await Record("AO-FLAG", $"years/{year}/report", $$"""{"submittedOn":"{{sent}}"}""");
        }

        var own = Flags((await StateOn("AO-FLAG", "2021-01-10"))["flags"]!.AsArray());
        Assert.Equal(["yearly-report 2020 2021-01-01"], own);
        var province = await Data($"/api/dashboards/compliance?province={Q("Thanh Hóa")}&asOf=2021-01-10");
        Assert.Equal(own, Flags(province["flags"]!.AsArray()));
        Assert.Empty((await Data($"/api/dashboards/compliance?province={Q("Thanh Hóa")}&asOf=2021-01-20"))["flags"]!
            .AsArray());
    }

    [Fact]
    public async Task A_year_s_table_as_of_a_day_counts_a_step_recorded_twice_from_its_first_day()
    {
        // The plan was issued in January and amended in March; the inspection failed in November and passed in
        // December. As of February the plan was there; as of 20 November the verdict was "failed".
        await Register("AO-TWICE-STEP", "Cao Bằng", "Hòa An");
        await Record("AO-TWICE-STEP", "years/2023/maintenance-plan", """{"issuedOn":"2023-01-10"}""");
        await Record("AO-TWICE-STEP", "years/2023/maintenance-plan", """{"issuedOn":"2023-03-05"}""");
        await Record("AO-TWICE-STEP", "years/2023/inspection",
            """{"inspectedOn":"2023-11-05","onSite":true,"result":"failed"}""");
        await Record("AO-TWICE-STEP", "years/2023/inspection",
            """{"inspectedOn":"2023-12-05","onSite":true,"result":"passed"}""");

        async Task<JsonNode> Row(string day) => (await Data(
            $"/api/dashboards/annual/2023?province={Q("Cao Bằng")}&asOf={day}"))["rows"]![0]!;
        Assert.False((bool)(await Row("2023-01-09"))["maintenancePlan"]!);
        Assert.True((bool)(await Row("2023-02-01"))["maintenancePlan"]!);
        Assert.Null((string?)(await Row("2023-11-04"))["inspection"]);
        Assert.Equal("failed", (string?)(await Row("2023-11-20"))["inspection"]);
        Assert.Equal("passed", (string?)(await Row("2023-12-31"))["inspection"]);
        // The unit's status as of those days says the same.
        var year = (await StateOn("AO-TWICE-STEP", "2023-11-20"))["years"]!.AsArray()
            .Single(y => (int)y!["year"]! == 2023)!;
        Assert.Equal("2023-01-10", (string?)year["maintenancePlanOn"]);
        Assert.Equal("failed", (string?)year["inspection"]!["result"]);
        Assert.Equal("passed", (string?)(await StateOn("AO-TWICE-STEP", "2023-12-31"))["years"]!.AsArray()
            .Single(y => (int)y!["year"]! == 2023)!["inspection"]!["result"]);
    }

    [Fact]
    public async Task A_summary_as_of_a_day_judges_that_day_not_the_next()
    {
        // A scope change on 1 June 2022 and the new declaration on 1 September: on 31 August the unit was flagged.
        await Register("AO-SCOPE", "Tuyên Quang", "Sơn Dương");
        await Prerequisites("AO-SCOPE");
        await Record("AO-SCOPE", "scope-changes", """{"changedOn":"2022-06-01","description":"Thêm TTHC"}""");
        await Record("AO-SCOPE", "declarations", """{"declaredOn":"2022-09-01","standard":"2015"}""");
        Assert.Contains("scope-change-redeclaration",
            (await StateOn("AO-SCOPE", "2022-08-31"))["flags"]!.AsArray().Select(f => (string)f!["rule"]!));

        async Task<int> Complied(string day) => (int)(await Data(
                $"/api/reports/summary/2022?province={Q("Tuyên Quang")}&asOf={day}"))["rows"]!.AsArray()
            .Single(r => (string)r!["criterion"]! == "complied")!["commune"]!["count"]!;
        Assert.Equal(0, await Complied("2022-08-31"));
        Assert.Equal(1, await Complied("2022-09-01"));
    }

    [Fact]
    public async Task The_trends_as_of_a_day_count_no_restructuring_that_came_later_that_year()
    {
        await Register("AO-OLD-A", "Bắc Ninh", "Tiên Du");
        await Register("AO-OLD-B", "Bắc Ninh", "Tiên Du");
        await Host.Post("/api/units/AO-OLD-A/years/2024/report", """{"submittedOn":"2024-01-20"}""", Keys.Recorder)
            .Expect(200);
        await Restructure("NQ 24/M", "2024-06-01", """
            {"kind":"merge","from":["AO-OLD-A","AO-OLD-B"],"into":{"code":"AO-NEW","name":"UBND Xã Mới",
             "level":"commune","province":"Bắc Ninh","district":"Tiên Du"}}
            """);

        async Task<JsonNode> Year2024(string day) => (await Data(
                $"/api/reports/trends?province={Q("Bắc Ninh")}&asOf={day}"))["years"]!.AsArray()
            .Single(p => (int)p!["year"]! == 2024)!;
        var before = await Year2024("2024-03-01");
        Assert.Equal((0, 0, 2), ((int)before["ended"]!, (int)before["formed"]!, (int)before["units"]!));
        var after = await Year2024("2024-06-01");
        Assert.Equal((2, 1, 3), ((int)after["ended"]!, (int)after["formed"]!, (int)after["units"]!));
    }

    /// <summary>The trends follow the years the province has yearly facts for: as of a day, those dated by then.
    /// Before, a year whose only facts came after the day (its report sent later that year) was listed as of the day
    /// too, with what had happened by then.</summary>
    [Fact]
    public async Task The_trends_as_of_a_day_list_no_year_whose_facts_came_later()
    {
        await Register("AO-YEARS", "Lạng Sơn", "Cao Lộc");
        await Host.Post("/api/units/AO-YEARS/years/2023/report", """{"submittedOn":"2023-02-10"}""", Keys.Recorder)
            .Expect(200);
        await Host.Post("/api/units/AO-YEARS/years/2024/report", """{"submittedOn":"2024-09-10"}""", Keys.Recorder)
            .Expect(200);

        async Task<int[]> Years(string day) =>
        [
            .. (await Data($"/api/reports/trends?province={Q("Lạng Sơn")}&asOf={day}"))["years"]!.AsArray()
                .Select(p => (int)p!["year"]!),
        ];
        var beforeTheReport = await Years("2024-05-01");
        var onItsDay = await Years("2024-09-10");
        Assert.Equal([2023], beforeTheReport);
        Assert.Equal([2023, 2024], onItsDay);
    }

    /// <summary>A year's report sent the next January: the trends as of a day before it is sent do not count it,
    /// as the unit's state that day has none. They had judged an ended year with every step sent since.</summary>
    [Fact]
    public async Task The_trends_as_of_a_day_count_no_report_of_an_ended_year_sent_later()
    {
        await Register("AO-LATE-TREND", "Sóc Trăng", "Mỹ Tú");
        async Task<JsonNode> Year2021(string day) => (await Data(
                $"/api/reports/trends?province={Q("Sóc Trăng")}&asOf={day}"))["years"]!.AsArray()
            .Single(p => (int)p!["year"]! == 2021)!["figures"]!.AsArray()
            .Single(f => (string)f!["key"]! == "earlierCommunes.reported")!;
        await Host.Post("/api/units/AO-LATE-TREND/years/2021/quality-objectives",
            """{"issuedOn":"2021-02-01","policy":true,"objectives":true}""", Keys.Recorder).Expect(200);
        var before = (await Year2021("2022-01-15")).ToJsonString();

        await Host.Post("/api/units/AO-LATE-TREND/years/2021/report", """{"submittedOn":"2022-01-20"}""", Keys.Recorder)
            .Expect(200);

        var after = await Year2021("2022-01-15");
        Assert.Equal(before, after.ToJsonString());
        Assert.Equal((0, 1), ((int)after["count"]!, (int)after["of"]!));
        Assert.Equal(1, (int)(await Year2021("2022-01-20"))["count"]!);
    }

    /// <summary>Next year's objectives may be issued ahead; that year has no table, report or statistics yet (they
    /// had been answered, judged on a day before it), and the dashboards' years do not list it.</summary>
    [Fact]
    public async Task A_year_to_come_whose_plan_is_recorded_ahead_is_no_year_of_the_dashboards_yet()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var next = today.Year + 1;
        await Register("AO-AHEAD", "Kon Tum", "Đắk Hà");
        await Host.Post($"/api/units/AO-AHEAD/years/{next}/quality-objectives",
            $$"""{"issuedOn":"{{today.Year}}-01-15","policy":true,"objectives":true}""", Keys.Recorder).Expect(200);

        var province = Q("Kon Tum");
        foreach (var route in new[]
                 {
                     $"/api/dashboards/annual/{next}?province={province}",
                     $"/api/dashboards/statistics/{next}?province={province}",
                     $"/api/dashboards/national/{next}",
                     $"/api/reports/annual/{next}?province={province}",
                     $"/api/reports/province-report/{next}?province={province}",
                     $"/api/reports/summary/{next}?province={province}",
                 })
        {
            var refused = await Host.Get(route, Keys.Viewer).Expect(400);
            Assert.Contains("one that has begun", (string?)refused.Json["errors"]!["year"]![0]);
        }
        // Once the dashboards have caught up.
        await Data($"/api/dashboards/conversion?province={province}");
        var provinces = (await Host.Get("/api/dashboards/provinces", Keys.Viewer).Expect(200)).Json.AsArray();
        Assert.DoesNotContain(next, provinces.Single(p => (string?)p!["province"] == "Kon Tum")!["years"]!.AsArray()
            .Select(y => (int)y!));
    }

    [Fact]
    public async Task A_timeline_as_of_a_day_before_a_takeover_has_no_steps_of_the_unit_taken_over()
    {
        await Register("AO-KEEPER", "Hải Phòng", "Thủy Nguyên");
        await Register("AO-TAKEN", "Hải Phòng", "Thủy Nguyên");
        await Host.Post("/api/units/AO-TAKEN/merge", """{"mergedOn":"2022-01-01","intoCode":"AO-KEEPER"}""",
            Keys.Recorder).Expect(200);
        // Merged without its act's number, the merge has none (not an empty one) wherever it is read.
        var lineage = (await Host.Get("/api/units/AO-KEEPER/lineage", Keys.Viewer).Expect(200)).Json;
        Assert.Null(lineage["predecessors"]![0]!["decisionNo"]);
        var act = (string)(await Host.Get("/api/units/AO-TAKEN", Keys.Viewer).Expect(200)).Json["mergedInto"]!
            ["restructuringId"]!;
        Assert.Null((await Host.Get($"/api/restructurings/{act}", Keys.Viewer).Expect(200)).Json["decisionNo"]);

        async Task<IEnumerable<string>> Units(string day) =>
            (await Host.Get($"/api/dashboards/units/AO-KEEPER/timeline?asOf={day}", Keys.Viewer).Expect(200)).Json
            .AsArray().Select(e => (string)e!["unit"]!).Distinct().Order();
        Assert.Equal(["AO-KEEPER"], await Units("2021-12-31"));
        Assert.Empty((await StateOn("AO-KEEPER", "2021-12-31"))["predecessors"]!.AsArray());
        Assert.Equal(["AO-KEEPER", "AO-TAKEN"], await Units("2022-01-01"));

        // A unit that took AO-KEEPER over later takes its predecessor with it on that day, not on 2022-01-01: an answer
        // as of a day between is the one it was before the later takeover was recorded.
        await Register("AO-LATER", "Hải Phòng", "Thủy Nguyên");
        var between = await Host.Get("/api/dashboards/units/AO-LATER/timeline?asOf=2023-06-01", Keys.Viewer)
            .Expect(200);
        await Host.Post("/api/units/AO-KEEPER/merge", """{"mergedOn":"2024-01-01","intoCode":"AO-LATER"}""",
            Keys.Recorder).Expect(200);
        Assert.Equal(between.Text, (await Host.Get("/api/dashboards/units/AO-LATER/timeline?asOf=2023-06-01",
            Keys.Viewer).Expect(200)).Text);
        Assert.Equal(["AO-KEEPER", "AO-LATER", "AO-TAKEN"],
            (await Host.Get("/api/dashboards/units/AO-LATER/timeline?asOf=2024-01-01", Keys.Viewer).Expect(200))
            .Json.AsArray().Select(e => (string)e!["unit"]!).Distinct().Order());
    }

    /// <summary>A predecessor's declaration back-filled after the merge, dated before it, is where it stood on the
    /// day: the successor is judged so by its status (served from its cache before the back-fill), its state as of a
    /// day and the province's flags, as it would be had the declaration been recorded first.</summary>
    [Fact]
    public async Task A_predecessor_s_declaration_back_filled_after_the_merge_counts_for_its_successor()
    {
        foreach (var code in new[] { "AO-BD-1", "AO-BD-2" })
        {
            await Host.Post("/api/units", $$"""
                {"code":"{{code}}","name":"UBND xã {{code}}","level":"commune","province":"Bình Định",
                 "district":"Tây Sơn","registeredOn":"2015-01-01"}
                """, Keys.Recorder).Expect(201);
        }
        await Restructure("AO-BD/2022", "2022-01-01", """
            {"kind":"merge","from":["AO-BD-1","AO-BD-2"],"into":{"code":"AO-BD-NEW","name":"UBND xã AO-BD-NEW",
             "level":"commune","province":"Bình Định","district":"Tây Sơn"}}
            """);
        static IEnumerable<string> Rules(JsonNode status) =>
            status["flags"]!.AsArray().Select(f => (string)f!["rule"]!);
        var before = (await Host.Get("/api/units/AO-BD-NEW", Keys.Viewer).Expect(200)).Json;
        Assert.DoesNotContain("successor-not-declared", Rules(before));
        await Task.Delay(20);
        var beforeBackFill = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"));
        await Task.Delay(20);

        await Record("AO-BD-1", "declarations", """{"declaredOn":"2020-05-01","standard":"2015"}""");
        await Task.Delay(20);
        // Nine digits of a second, as `date +%FT%T.%NZ` writes them.
        var afterBackFill = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffff") + "42Z");

        // What was known at a moment, or when the successor's version was recorded, with its predecessors as
        // recorded then: the back-fill unseen before it was recorded, seen after.
        Assert.DoesNotContain("successor-not-declared", Rules((await Host.Get(
            $"/api/units/AO-BD-NEW/state?knownAt={beforeBackFill}", Keys.Auditor).Expect(200)).Json));
        Assert.DoesNotContain("successor-not-declared", Rules((await Host.Get(
            $"/api/units/AO-BD-NEW/state?version={(long)before["version"]!}", Keys.Auditor).Expect(200)).Json));
        var known = (await Host.Get($"/api/units/AO-BD-NEW/state?knownAt={afterBackFill}", Keys.Auditor)
            .Expect(200)).Json;
        Assert.Contains("successor-not-declared", Rules(known));
        Assert.Equal([true, false], known["predecessors"]![0]!["predecessors"]!.AsArray()
            .OrderBy(p => (string)p!["code"]!).Select(p => (bool)p!["declared"]!));

        var status = (await Host.Get("/api/units/AO-BD-NEW", Keys.Viewer).Expect(200)).Json;
        Assert.Contains("successor-not-declared", Rules(status));
        Assert.Equal([true, false], status["predecessors"]![0]!["predecessors"]!.AsArray()
            .OrderBy(p => (string)p!["code"]!).Select(p => (bool)p!["declared"]!));
        Assert.Contains("successor-not-declared", Rules(await StateOn("AO-BD-NEW", "2023-06-01")));
        Assert.DoesNotContain("successor-not-declared", Rules(await StateOn("AO-BD-NEW", "2022-12-31")));
        var flags = (await Data($"/api/dashboards/compliance?province={Q("Bình Định")}&asOf=2023-06-01"))["flags"]!;
        Assert.Contains(flags.AsArray(),
            f => (string?)f!["code"] == "AO-BD-NEW" && (string?)f["rule"] == "successor-not-declared");
    }

    [Fact]
    public async Task A_district_s_state_before_1_July_2025_names_no_end_still_to_come()
    {
        await Host.Post("/api/units", """
            {"code":"AO-HUYEN","name":"UBND Huyện Lục Ngạn","level":"district","province":"Bắc Giang",
             "registeredOn":"2015-01-01"}
            """, Keys.Recorder).Expect(201);
        Assert.Null((await StateOn("AO-HUYEN", "2020-06-30"))["endedOn"]);
        Assert.Equal("2025-07-01", (string?)(await StateOn("AO-HUYEN", "2025-07-01"))["endedOn"]);
    }

    [Fact]
    public async Task Today_s_list_of_a_merged_province_s_units_has_those_of_the_provinces_that_formed_it()
    {
        // Recorded in Quảng Bình in 2015, the unit has been in Quảng Trị since 1 July 2025, as the dashboards count it.
        await Register("AO-QB", "Quảng Bình", "Bố Trạch");
        async Task<IEnumerable<string>> Listed(string province) =>
            (await Host.Get($"/api/units?province={Q(province)}", Keys.Viewer).Expect(200)).Json["items"]!.AsArray()
            .Select(i => (string)i!["code"]!);
        Assert.Equal(["AO-QB"], Codes(await Data($"/api/dashboards/annual/2025?province={Q("Quảng Trị")}")));
        Assert.Equal(["AO-QB"], await Listed("Quảng Trị"));
        Assert.Equal(["AO-QB"], await Listed("Quảng Bình"));
    }

    /// <summary>The day before a unit existed, the day of its merge (a leap day) and the day before, a day of next
    /// year: the unit's state, its dashboard page, its timeline, the year's table, the statistics and the compliance
    /// flags say the same about each.</summary>
    [Fact]
    public async Task Every_answer_about_a_day_around_a_unit_s_life_says_the_same()
    {
        var province = Q("Lâm Đồng");
        await Register("AO-EDGE-A", "Lâm Đồng", "Đức Trọng");
        await Register("AO-EDGE-B", "Lâm Đồng", "Đức Trọng");
        await Restructure("NQ 29", "2024-02-29",
            """{"kind":"merge","from":["AO-EDGE-B"],"into":{"code":"AO-EDGE-A"}}""");
        async Task<int> Status(string url) => (await Host.Get(url, Keys.Auditor)).Status;
        async Task<IEnumerable<string>> Active(string day) =>
            (await Data($"/api/dashboards/compliance?province={province}&asOf={day}"))["flags"]!.AsArray()
            .Select(f => (string)f!["code"]!).Distinct().Order();
        async Task<int> Counted(int year, string day) =>
            (int)(await Data($"/api/dashboards/statistics/{year}?province={province}&asOf={day}"))["totals"]!["units"]!;

        // Before it existed: no state, page or timeline (each 404 saying from when), no row, no flag.
        foreach (var route in new[] { "units/AO-EDGE-B/state", "dashboards/units/AO-EDGE-B",
                     "dashboards/units/AO-EDGE-B/timeline" })
        {
            var before = await Host.Get($"/api/{route}?asOf=2014-12-31", Keys.Auditor).Expect(404);
            Assert.Equal("2015-01-01", (string?)before.Json["existsFrom"]);
        }
        Assert.Empty(Codes(await Data($"/api/dashboards/annual/2014?province={province}&asOf=2014-12-31")));
        Assert.Empty(await Active("2014-12-31"));

        // The day before the merge B is one of two units; on the merge's day it has ended (the act took effect that
        // day), A has taken it over, and B is flagged for nothing; the year's table lists it (it existed in the
        // year), and the statistics count it, as they count the table's rows.
        Assert.Null((await StateOn("AO-EDGE-B", "2024-02-28"))["endedOn"]);
        Assert.Equal(["AO-EDGE-A", "AO-EDGE-B"], await Active("2024-02-28"));
        var merged = await StateOn("AO-EDGE-B", "2024-02-29");
        Assert.Equal("2024-02-29", (string?)merged["endedOn"]);
        Assert.Equal("AO-EDGE-A", (string?)merged["mergedInto"]!["intoCode"]);
        Assert.Equal(["AO-EDGE-B"], (await StateOn("AO-EDGE-A", "2024-02-29"))["predecessors"]!.AsArray()
            .SelectMany(p => p!["predecessors"]!.AsArray().Select(c => (string)c!["code"]!)));
        Assert.Empty((await StateOn("AO-EDGE-A", "2024-02-28"))["predecessors"]!.AsArray());
        Assert.Equal(["AO-EDGE-A"], await Active("2024-02-29"));
        Assert.Equal(["AO-EDGE-A", "AO-EDGE-B"],
            Codes(await Data($"/api/dashboards/annual/2024?province={province}&asOf=2024-02-29")));
        Assert.Equal(2, await Counted(2024, "2024-02-29"));
        Assert.Equal(1, await Counted(2025, "2025-01-01"));

        // A day next year: a state or dashboard judges it on what is recorded today; a year's table, not a day of it
        // yet, is not asked (400, as for a day that is none: 29 February 2023).
        var year = DateTime.UtcNow.AddHours(7).Year; // the API's year, where the units are
        var nextYear = $"{year + 1}-06-30";
        var thisYear = $"yearly-internal-audit {year}";
        Assert.Contains(thisYear, Flags((await StateOn("AO-EDGE-A", nextYear))["flags"]!.AsArray())
            .Select(f => f[..f.LastIndexOf(' ')]));
        Assert.DoesNotContain(thisYear, Flags((await Host.Get("/api/units/AO-EDGE-A", Keys.Auditor).Expect(200))
            .Json["flags"]!.AsArray()).Select(f => f[..f.LastIndexOf(' ')]));
        Assert.Equal(200, await Status($"/api/dashboards/units/AO-EDGE-A/timeline?asOf={nextYear}"));
        Assert.Equal(200, await Status($"/api/dashboards/compliance?province={province}&asOf={nextYear}"));
        Assert.Equal(400, await Status(
            $"/api/dashboards/annual/{year + 1}?province={province}&asOf={nextYear}"));
        Assert.Equal(400, await Status("/api/units/AO-EDGE-A/state?asOf=2023-02-29"));
        Assert.Equal(400, await Status($"/api/dashboards/annual/2023?province={province}&asOf=2023-02-29"));
    }

    /// <summary>A filter by a district after its level ended: the 2025 table lists the communes in it that year, those
    /// merged away on 1 July 2025 too; 2026's only those still existing under their code, found by their former
    /// district, and not the commune the merge formed (never in a district).</summary>
    [Fact]
    public async Task A_district_filter_finds_the_communes_of_the_district_s_last_year_and_its_survivors_later()
    {
        await Register("AO-PT-STAYS", "Phú Thọ", "Thanh Sơn");
        await Register("AO-PT-MERGED", "Phú Thọ", "Thanh Sơn");
        await Register("AO-PT-OTHER", "Phú Thọ", "Thanh Sơn");
        await Restructure("NQ 1676", "2025-07-01", """
            {"kind":"merge","from":["AO-PT-MERGED","AO-PT-OTHER"],"into":{"code":"AO-PT-NEW","name":"UBND Xã Mới PT",
             "level":"commune","province":"Phú Thọ"}}
            """);
        string Table(int year) => $"/api/dashboards/annual/{year}?province={Q("Phú Thọ")}&district={Q("Thanh Sơn")}";
        string Flags(string day) =>
            $"/api/dashboards/compliance?province={Q("Phú Thọ")}&district={Q("Thanh Sơn")}&asOf={day}";

        Assert.Equal(["AO-PT-MERGED", "AO-PT-OTHER", "AO-PT-STAYS"], Codes(await Data(Table(2025))));
        Assert.Equal(["AO-PT-STAYS"], Codes(await Data(Table(2026))));
        // The compliance flags find the same units on a day of 2026.
        Assert.Equal(["AO-PT-STAYS"], (await Data(Flags("2026-01-10")))["flags"]!.AsArray()
            .Select(f => (string)f!["code"]!).Distinct());
    }
}
