using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>If-Match, If-None-Match and Idempotency-Key mean the same on every route that takes them, and a route
/// that cannot honour one says so instead of ignoring it.</summary>
public class PreconditionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private const string Obligation = """
        {"id":"report-twice-a-year","kind":"yearly-report","validFrom":"2027-01-01",
         "legalAct":"QĐ 9/2027/QĐ-UBND","source":"Điều 3","reason":"Báo cáo hai lần mỗi năm"}
        """;

    [Fact]
    public async Task A_rule_book_change_retried_with_its_key_gets_its_first_answer_again()
    {
        var first = await Host.Post("/api/rules/obligations", Obligation, Keys.Admin,
            ("Idempotency-Key", "rule-change-1")).Expect(200);
        var retry = await Host.Post("/api/rules/obligations", Obligation, Keys.Admin,
            ("Idempotency-Key", "rule-change-1")).Expect(200);
        Assert.Equal(first.Json.ToJsonString(), retry.Json.ToJsonString());
        Assert.Equal(first.Header("ETag"), retry.Header("ETag"));
        // Without the key the same change is a second one, refused.
        await Host.Post("/api/rules/obligations", Obligation).Expect(409);
        // The key with another change is a client's mistake.
        await Host.Post("/api/rules/obligations", Obligation.Replace("2027-01-01", "2027-02-01"), Keys.Admin,
            ("Idempotency-Key", "rule-change-1")).Expect(422);
    }

    /// <summary>An import honours its key as a command does: a retry of the file gets the first answer (what that
    /// import created), not a second import's "nothing new"; the key with another file is 422. The key was ignored.
    /// </summary>
    [Fact]
    public async Task A_report_table_import_retried_with_its_key_gets_its_first_answer_again()
    {
        var file = ReportCsv.Rows(
            "Quảng Trị,PC-IMP-1,UBND Xã PC-IMP-1,commune,Hải Lăng,,2020,2020-11-19,x,2015,none,x,x,x,x,x,x,x,passed");

        var first = await Import(file, "import-1").Expect(200);
        Assert.Equal(1, (int)first.Json["unitsCreated"]!);
        var retry = await Import(file, "import-1").Expect(200);
        Assert.Equal(first.Json.ToJsonString(), retry.Json.ToJsonString());
        // Without the key the same file is imported again, adding nothing.
        Assert.Equal(0, (int)(await Import(file, null).Expect(200)).Json["eventsAppended"]!);
        var other = await Import(ReportCsv.Rows(
                "Quảng Trị,PC-IMP-2,UBND Xã PC-IMP-2,commune,Hải Lăng,,2020,2020-11-19,x,,,,,,,,,,"), "import-1")
            .Expect(422);
        Assert.Equal("urn:isoledger:problem:idempotency-key-reused", other.ProblemType);
        await Host.Get("/api/units/PC-IMP-2").Expect(404);
    }

    private Task<Answer> Import(byte[] file, string? key) =>
        Host.Send(Keys.Admin, key is null ? [] : [("Idempotency-Key", key)], s =>
        {
            s.Post.Url("/api/imports?fileName=pc.csv");
            s.ConfigureHttpContext(context =>
            {
                context.Request.ContentType = "text/csv";
                context.Request.Body = new MemoryStream(file);
            });
        });

    /// <summary>A rebuild keeps no answer for a retry: a key sent with one is refused rather than ignored.</summary>
    [Fact]
    public async Task A_rebuild_sent_with_an_idempotency_key_is_refused()
    {
        var refused = await Host.Post("/api/admin/projections/DashboardUnits/rebuild", "{}", Keys.Admin,
            ("Idempotency-Key", "rebuild-1")).Expect(400);

        Assert.Contains("without the key", (string?)refused.Json["detail"]);
    }

    [Fact]
    public async Task A_rule_book_change_on_a_book_that_moved_since_it_was_read_is_refused()
    {
        var book = await Host.Get("/api/rules", Keys.Viewer).Expect(200);
        var version = (long)book.Json["version"]!;
        Assert.StartsWith($"\"{version}.", book.Header("ETag"));
        var stale = await Host.Post("/api/rules/obligations/report-twice-a-year/end",
            """{"validTo":"2027-12-31","reason":"Bãi bỏ"}""", Keys.Admin,
            ("If-Match", $"\"{version + 5}\"")).Expect(412);
        Assert.StartsWith(Http.ProblemJson, stale.ContentType);
        Assert.Contains("rule book", (string?)stale.Json["title"]);
        await Host.Post("/api/rules/obligations", Obligation.Replace("report-twice-a-year", "report-monthly"),
            Keys.Admin, ("If-Match", "W/\"1\"")).Expect(412);
    }

    [Fact]
    public async Task A_restructuring_of_several_units_takes_no_If_Match_rather_than_ignoring_it()
    {
        await Host.RegisterCommune("PC-A");
        await Host.RegisterCommune("PC-B");
        const string merge = """
            {"decisionNo":"NQ 5","effectiveOn":"2021-01-01","parts":[
              {"kind":"merge","from":["PC-A"],"into":{"code":"PC-B"}}]}
            """;
        await Host.Post("/api/restructurings", merge, Keys.Recorder, ("If-Match", "\"1\"")).Expect(400);
        await Host.Get("/api/units/PC-A/state?asOf=2022-01-01", Keys.Auditor).Expect(200);
        Assert.Null((await Host.Get("/api/units/PC-A/state?asOf=2022-01-01", Keys.Auditor)).Json["mergedInto"]);
        await Host.Post("/api/restructurings", merge, Keys.Recorder, ("If-Match", "*")).Expect(201);
    }

    [Fact]
    public async Task Retries_racing_their_first_try_all_get_its_answer()
    {
        var ruleChanges = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Host.Post("/api/rules/obligations",
            Obligation.Replace("report-twice-a-year", "report-in-race"), Keys.Admin,
            ("Idempotency-Key", "rule-race"))));
        Assert.All(ruleChanges, answer => Assert.Equal(200, answer.Status));

        await Host.RegisterCommune("PC-RACE-A");
        await Host.RegisterCommune("PC-RACE-B");
        var merges = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Host.Post("/api/restructurings", """
            {"decisionNo":"NQ 7","effectiveOn":"2021-01-01","parts":[
              {"kind":"merge","from":["PC-RACE-A"],"into":{"code":"PC-RACE-B"}}]}
            """, Keys.Recorder, ("Idempotency-Key", "merge-race"))));
        Assert.All(merges, answer => Assert.Equal(201, answer.Status));
        Assert.Single(merges.Select(answer => (string?)answer.Json["id"]).Distinct());
    }

    [Theory]
    [InlineData("PC-INM-ANY", "*")]
    [InlineData("PC-INM-TAG", "\"1\"")]
    [InlineData("PC-INM-WEAK", "W/\"9\"")]
    public async Task A_write_takes_no_If_None_Match_rather_than_ignoring_it(string code, string ifNoneMatch)
    {
        // With * a client asks that nothing be written over a unit that exists: ignored, the write was recorded.
        await Host.RegisterCommune(code);
        var refused = await Host.Post($"/api/units/{code}/internal-audits", """{"heldOn":"2016-06-01"}""",
            Keys.Admin, ("If-None-Match", ifNoneMatch)).Expect(400);
        Assert.StartsWith(Http.ProblemJson, refused.ContentType);
        Assert.Contains("If-Match", (string?)refused.Json["detail"]);
        const string registration =
            """{"code":"PC-INM-NEW","name":"UBND Xã Điều Kiện","level":"commune","province":"Quảng Trị"}""";
        await Host.Post("/api/units", registration, Keys.Admin, ("If-None-Match", ifNoneMatch)).Expect(400);
        Assert.Equal(1, (long)(await Host.Get($"/api/units/{code}")).Json["version"]!);
        await Host.Get("/api/units/PC-INM-NEW").Expect(404);
    }

    [Fact]
    public async Task A_registration_takes_no_version_rather_than_answering_for_a_stream_to_come()
    {
        var body = """
            {"code":"PC-NEW","name":"UBND Xã Mới","level":"commune","province":"Quảng Trị","registeredOn":"2016-01-01"}
            """;
        var refused = await Host.Post("/api/units", body, Keys.Recorder, ("If-Match", "\"0\"")).Expect(400);
        Assert.Contains("If-Match", (string?)refused.Json["title"]);
        await Host.Get("/api/units/PC-NEW", Keys.Viewer).Expect(404);
        await Host.Post("/api/units", body, Keys.Recorder, ("If-Match", "*")).Expect(201);
    }

    [Fact]
    public async Task An_import_of_many_units_takes_no_version()
    {
        var refused = await Host.Send(Keys.Admin, [("If-Match", "\"3\"")], s =>
        {
            s.Post.ByteArray(System.Text.Encoding.UTF8.GetBytes("province,unit_code\n")).ToUrl("/api/imports");
            s.WithRequestHeader("Content-Type", "text/csv");
        });
        Assert.Equal(400, refused.Status);
        Assert.Contains("If-Match", (string?)refused.Json["title"]);
    }

    /// <summary>A rebuild had run whatever If-Match it was sent: its sender believed it conditional.</summary>
    [Fact]
    public async Task A_projection_rebuild_takes_no_version()
    {
        const string rebuild = "/api/admin/projections/DashboardUnits/rebuild";
        var refused = await Host.Post(rebuild, "{}", Keys.Admin, ("If-Match", "\"3\"")).Expect(400);
        Assert.Contains("If-Match", (string?)refused.Json["title"]);
        await Host.Post(rebuild, "{}", Keys.Admin, ("If-Match", "*")).Expect(200);
    }

    [Fact]
    public async Task A_restructuring_body_has_no_isNew_field()
    {
        await Host.RegisterCommune("PC-C");
        var refused = await Host.Post("/api/restructurings", """
            {"decisionNo":"NQ 6","effectiveOn":"2021-01-01","parts":[
              {"kind":"merge","from":["PC-C"],"into":{"code":"PC-NEW","isNew":"garbage","name":"UBND Xã Mới",
               "level":"commune","province":"Quảng Trị","district":"Hải Lăng"}}]}
            """, Keys.Recorder).Expect(400);
        Assert.Contains("isNew", refused.Text);
    }
}
