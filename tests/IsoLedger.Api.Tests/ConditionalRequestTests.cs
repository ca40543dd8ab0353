using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Conditional requests as RFC 9110 §13 defines them. If-Match compares strongly: a weak tag, or one naming
/// no version, does not hold (412; it answered 400), a list holds when one of its tags does. If-None-Match alone
/// answers 304 for the copy its tag names (it needed If-Modified-Since too), weakly, for * and lists, and never for a
/// copy judged on another rule book (the same version's copy was answered 304). A read judges If-Match as well (it
/// ignored it). A weak tag is written <c>W/"1"</c>: <c>W/ "1"</c> or <c>w/"1"</c> is malformed (400; it answered
/// 412, as ASP.NET's parser reads them as weak tags).</summary>
public class ConditionalRequestTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private const string Audit = """{"heldOn":"2016-06-01"}""";

    private Task<Answer> Read(string url, params (string, string)[] headers) =>
        Host.Send(HttpMethod.Get, url, key: Keys.Viewer, headers: headers);

    private Task<Answer> Head(string url, params (string, string)[] headers) =>
        Host.Send(Keys.Viewer, headers, s =>
        {
            s.Get.Url(url);
            s.ConfigureHttpContext(context => context.Request.Method = "HEAD");
        });

    /// <summary>Registers a unit and records an internal audit on it with <paramref name="ifMatch"/>.</summary>
    private async Task<Answer> AuditNewUnit(string code, string ifMatch)
    {
        await Host.RegisterCommune(code);
        return await Host.Post($"/api/units/{code}/internal-audits", Audit, Keys.Recorder, ("If-Match", ifMatch));
    }

    private async Task<long> VersionOf(string code) =>
        (long)(await Host.Get($"/api/units/{code}", Keys.Viewer).Expect(200)).Json["version"]!;

    [Theory]
    [InlineData("CR-WEAK", "W/\"1\"")]
    [InlineData("CR-ZERO", "\"01\"")]
    [InlineData("CR-HUGE", "\"99999999999999999999\"")]
    [InlineData("CR-NEGATIVE", "\"-3\"")]
    [InlineData("CR-LIST", "\"2\", \"3\"")]
    [InlineData("CR-WEAKLIST", "W/\"1\", \"7\"")]
    public async Task An_If_Match_none_of_whose_tags_names_the_version_fails_as_a_precondition(
        string code, string ifMatch)
    {
        var refused = await AuditNewUnit(code, ifMatch).Expect(412);

        Assert.StartsWith(Http.ProblemJson, refused.ContentType);
        Assert.Equal(1, (long)refused.Json["currentVersion"]!);
        Assert.Equal(1, await VersionOf(code));
    }

    [Theory]
    [InlineData("CR-ONE-OF", "\"7\", \"1\"")]
    [InlineData("CR-STRONG-OF", "W/\"1\", \"1\"")]
    [InlineData("CR-SPACED", " \"1\" ")]
    [InlineData("CR-TAB", "\"9\",\t\"1\"")]
    [InlineData("CR-EMPTY-AFTER", "\"1\",")]
    [InlineData("CR-EMPTY-BEFORE", ", \"1\"")]
    [InlineData("CR-EMPTY-BETWEEN", "\"7\", , \"1\"")]
    [InlineData("CR-COMMA-QUOTED", "\"a,b\", \"1\"")]
    public async Task An_If_Match_holds_when_one_of_its_strong_tags_names_the_version(string code, string ifMatch)
    {
        await AuditNewUnit(code, ifMatch).Expect(200);

        Assert.Equal(2, await VersionOf(code));
    }

    [Theory]
    [InlineData("CR-UNQUOTED", "1")]
    [InlineData("CR-STAR-IN-LIST", "\"1\", *")]
    [InlineData("CR-WEAK-STAR", "W/*")]
    [InlineData("CR-OPEN-QUOTE", "\"1")]
    [InlineData("CR-SPACE-AFTER-W", "W/ \"1\"")]
    [InlineData("CR-LOWER-W", "w/\"1\"")]
    [InlineData("CR-LIST-SPACED-W", "\"7\", W/ \"1\"")]
    [InlineData("CR-COMMAS-ONLY", " , ,")]
    public async Task An_If_Match_that_is_no_list_of_entity_tags_is_refused(string code, string ifMatch)
    {
        var refused = await AuditNewUnit(code, ifMatch).Expect(400);

        Assert.Contains("If-Match", (string?)refused.Json["title"]);
        Assert.Equal(1, await VersionOf(code));
    }

    [Fact]
    public async Task The_tag_of_a_read_names_its_version_for_a_write()
    {
        await Host.RegisterCommune("CR-READ-TAG");
        var tag = (await Read("/api/units/CR-READ-TAG").Expect(200)).Header("ETag")!;

        await Host.Post("/api/units/CR-READ-TAG/internal-audits", Audit, Keys.Recorder, ("If-Match", tag))
            .Expect(200);
        var stale = await Host.Post("/api/units/CR-READ-TAG/internal-audits", Audit, Keys.Recorder,
            ("If-Match", tag)).Expect(412);

        Assert.Equal(2, (long)stale.Json["currentVersion"]!);
        // * holds for a unit that exists; for none, the 404 comes first (RFC 9110 §13.2.1).
        await Host.Post("/api/units/CR-READ-TAG/internal-audits", Audit, Keys.Recorder, ("If-Match", "*"))
            .Expect(200);
        await Host.Post("/api/units/CR-NOWHERE/internal-audits", Audit, Keys.Recorder, ("If-Match", "*"))
            .Expect(404);
    }

    [Fact]
    public async Task If_None_Match_alone_answers_304_for_the_current_copy()
    {
        await Host.RegisterCommune("CR-COPY");
        var first = await Read("/api/units/CR-COPY").Expect(200);
        var tag = first.Header("ETag")!;

        foreach (var ifNoneMatch in new[] { tag, $"W/{tag}", "*", $"\"other\", {tag}" })
        {
            var again = await Read("/api/units/CR-COPY", ("If-None-Match", ifNoneMatch));
            Assert.Equal((304, "", tag), (again.Status, again.Text, again.Header("ETag")));
            Assert.Equal(304, (await Head("/api/units/CR-COPY", ("If-None-Match", ifNoneMatch))).Status);
        }

        // A write's tag names the version, not this answer; a copy of an older version is answered in full.
        await Read("/api/units/CR-COPY", ("If-None-Match", "\"1\"")).Expect(200);
        await Host.Post("/api/units/CR-COPY/internal-audits", Audit, Keys.Recorder).Expect(200);
        var newer = await Read("/api/units/CR-COPY", ("If-None-Match", tag)).Expect(200);
        Assert.NotEqual(tag, newer.Header("ETag"));
        Assert.Equal(2, (long)newer.Json["version"]!);

        // The other tagged reads alike: the rule book and a nonconformity.
        var book = await Read("/api/rules").Expect(200);
        await Read("/api/rules", ("If-None-Match", book.Header("ETag")!)).Expect(304);
        await Host.Post("/api/units/CR-COPY/nonconformities",
            """{"raisedOn":"2016-06-01","source":"inspection","description":"Hồ sơ","severity":"minor"}""")
            .Expect(201);
        var nonconformity = await Read("/api/units/CR-COPY/nonconformities/NC-1").Expect(200);
        await Read("/api/units/CR-COPY/nonconformities/NC-1", ("If-None-Match", nonconformity.Header("ETag")!))
            .Expect(304);
    }

    [Fact]
    public async Task A_copy_judged_on_an_older_rule_book_is_not_current()
    {
        await Host.RegisterCommune("CR-BOOK", "2020-01-01");
        await Host.Post("/api/units/CR-BOOK/documentation", """
            {"issuedOn":"2026-10-01","standard":"2015","qualityManual":true,"qualityPolicy":true,
             "qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":1,"businessProcedures":10,
             "administrativeProcedures":10}
            """).Expect(200);
        var before = await Read("/api/units/CR-BOOK").Expect(200);

        // The same version is judged on a new obligation: the unit is flagged from then on.
        await Host.Post("/api/rules/editions", """
            {"name":"2026","nameVi":"TCVN ISO 9001:2026","nameEn":"ISO 9001:2026","publishedOn":"2026-09-01",
             "source":"ISO 9001:2026","reason":"Phiên bản mới"}
            """).Expect(200);
        await Host.Post("/api/rules/obligations", """
            {"id":"new-systems-on-2026","kind":"new-systems-on-edition","validFrom":"2026-10-01",
             "legalAct":"QĐ 1/2026/QĐ-TTg","source":"Điều 2","reason":"Hệ thống mới","edition":"2026"}
            """).Expect(200);

        var after = await Read("/api/units/CR-BOOK", ("If-None-Match", before.Header("ETag")!),
            ("If-Modified-Since", DateTimeOffset.UtcNow.AddDays(1).ToString("R"))).Expect(200);
        Assert.Equal((long)before.Json["version"]!, (long)after.Json["version"]!);
        Assert.Contains(after.Json["flags"]!.AsArray(), f => (string?)f!["rule"] == "new-system-on-required-edition");
        Assert.NotEqual(before.Header("ETag"), after.Header("ETag"));
    }

    [Fact]
    public async Task A_read_judges_If_Match_strongly()
    {
        await Host.RegisterCommune("CR-READ-IF");
        var tag = (await Read("/api/units/CR-READ-IF").Expect(200)).Header("ETag")!;

        await Read("/api/units/CR-READ-IF", ("If-Match", tag)).Expect(200);
        await Read("/api/units/CR-READ-IF", ("If-Match", "*")).Expect(200);
        var weak = await Read("/api/units/CR-READ-IF", ("If-Match", $"W/{tag}")).Expect(412);
        Assert.StartsWith(Http.ProblemJson, weak.ContentType);
        await Read("/api/units/CR-READ-IF", ("If-Match", "\"1\"")).Expect(412);
        await Read("/api/units/CR-READ-IF", ("If-Match", "1")).Expect(400);
        await Read("/api/units/CR-READ-IF", ("If-Match", $"W/ {tag}")).Expect(400);
        // A 404 comes before any precondition; without a Last-Modified, the dates are ignored.
        await Read("/api/units/CR-NOWHERE", ("If-Match", "*")).Expect(404);
        await Read("/api/units/CR-READ-IF", ("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")).Expect(200);
        await Read("/api/units/CR-READ-IF", ("If-Modified-Since", "Mon, 01 Jan 2101 00:00:00 GMT")).Expect(200);
    }

    /// <summary>A precondition refused on a report is a problem, not the report: it kept the file's
    /// <c>Content-Disposition</c>, so a browser saved the problem as <c>iso-2020-report.xlsx</c>.</summary>
    [Theory]
    [InlineData("xlsx", "\"other\"", 412)]
    [InlineData("csv", "garbage", 400)]
    public async Task A_refused_precondition_on_a_report_is_no_file(string format, string ifMatch, int status)
    {
        var url = $"/api/reports/annual/2020?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&format={format}";
        Assert.NotNull((await Read(url).Expect(200)).Header("Content-Disposition"));

        var refused = await Read(url, ("If-Match", ifMatch)).Expect(status);

        Assert.Null(refused.Header("Content-Disposition"));
    }

    /// <summary>A read with a precondition at an address no route serves is the problem any other request there gets:
    /// its empty answer had been given a length of 0, and the status code pages then wrote no problem (a bare 404 or
    /// 405 without a body).</summary>
    [Theory]
    [InlineData("/api/dashboards/units/", "If-Match", "*", 404)]
    [InlineData("/api/nowhere", "If-None-Match", "\"1\"", 404)]
    [InlineData("/api/units/CR-ANY/nonconformities/", "If-Match", "W/\"1\"", 405)]
    [InlineData("/api/units/CR-ANY/nonconformities/", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT", 405)]
    public async Task A_precondition_where_no_route_serves_is_answered_as_a_problem(
        string url, string header, string value, int status)
    {
        var answer = await Read(url, (header, value)).Expect(status);

        Assert.StartsWith(Http.ProblemJson, answer.ContentType);
        Assert.Equal(status, (int)answer.Json["status"]!);
    }
}
