using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The rule book over HTTP: every edition as data, from 2000 on; an administrator's new edition and
/// obligation judged from their dates on, with who and why kept.</summary>
public class RuleBookApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static IEnumerable<string?> FlagRules(Answer answer) =>
        answer.Json["flags"]!.AsArray().Select(f => (string?)f!["rule"]);

    private const string Documentation = """
        {"issuedOn":"{0}","standard":"{1}","qualityManual":true,"qualityPolicy":true,"qualityObjectives":true,
         "mandatoryProcedures":6,"internalProcedures":1,"businessProcedures":10,"administrativeProcedures":10}
        """;

    private static string Documented(string on, string edition) =>
        Documentation.Replace("{0}", on).Replace("{1}", edition);

    [Fact]
    public async Task The_book_lists_every_edition_with_its_window_and_every_obligation_with_its_act()
    {
        var book = (await Host.Get("/api/rules", Keys.Viewer).Expect(200)).Json;
        var editions = book["editions"]!.AsArray();
        Assert.Equal(["2000", "2008", "2015", "2015/Amd1:2024"], editions.Select(e => (string?)e!["name"]));
        var v2015 = editions.Single(e => (string?)e!["name"] == "2015")!;
        Assert.Equal("2018-02-22", (string?)v2015["newSystemsFrom"]);
        Assert.Equal("2021-06-30", (string?)v2015["conversionDeadline"]);
        Assert.All(book["obligations"]!.AsArray(), o => Assert.False(string.IsNullOrEmpty((string?)o!["legalAct"])));

        var inForce2010 = (await Host.Get("/api/rules?asOf=2010-01-01").Expect(200)).Json["obligations"]!.AsArray();
        Assert.Contains(inForce2010, o => (string?)o!["id"] == "new-systems-on-2008");
        Assert.DoesNotContain(inForce2010, o => (string?)o!["id"] == "new-systems-on-2015");
        await Host.Get("/api/rules?asOf=2010-13-01").Expect(400);

        var vocabulary = (await Host.Get("/api/vocabulary").Expect(200)).Json;
        Assert.Contains(vocabulary["standards"]!.AsArray(), t => (string?)t!["value"] == "2000");
    }

    [Fact]
    public async Task A_unit_on_2000_is_recorded_and_moves_to_2008_then_2015()
    {
        await Host.RegisterCommune("RB-2000", "2005-01-01");
        await Host.Post("/api/units/RB-2000/declarations", """{"declaredOn":"2008-06-01","standard":"2000"}""")
            .Expect(200);
        Assert.Equal("2000", (string?)(await Host.Get("/api/units/RB-2000").Expect(200)).Json["standard"]);

        await Host.Post("/api/units/RB-2000/conversion/start", """{"startedOn":"2010-03-01"}""").Expect(200);
        var converting = (await Host.Get("/api/units/RB-2000/state?asOf=2010-06-01").Expect(200)).Json;
        Assert.Equal("2008", (string?)converting["conversion"]!["to"]);
        Assert.Equal("in-progress", (string?)converting["conversion"]!["state"]);
        var editions = (await Host.Get(
            $"/api/dashboards/editions?province={Uri.EscapeDataString("Quảng Trị")}&asOf=2010-06-01&consistent=true")
            .Expect(200)).Json["data"]!["editions"]!.AsArray();
        JsonNode Counts(string edition) => editions.Single(e => (string?)e!["edition"] == edition)!["counts"]!;
        Assert.Equal(1, (int)Counts("2000")["on"]!);
        Assert.Equal(1, (int)Counts("2000")["convertingFrom"]!);
        Assert.Equal(1, (int)Counts("2008")["convertingTo"]!);
        Assert.Equal(0, (int)Counts("2008")["on"]!);
        await Host.Post("/api/units/RB-2000/conversion/complete", """{"convertedOn":"2010-09-01"}""").Expect(200);
        await Host.Post("/api/units/RB-2000/conversion/complete", """{"convertedOn":"2019-09-01","to":"2015"}""")
            .Expect(200);

        Assert.Equal("2000", (string?)(await Host.Get("/api/units/RB-2000/state?asOf=2010-08-31").Expect(200))
            .Json["standard"]);
        Assert.Equal("2008", (string?)(await Host.Get("/api/units/RB-2000/state?asOf=2015-01-01").Expect(200))
            .Json["standard"]);
        var now = (await Host.Get("/api/units/RB-2000").Expect(200)).Json;
        Assert.Equal("2015", (string?)now["standard"]);
        Assert.Equal(2, now["conversions"]!.AsArray().Count);
        Assert.DoesNotContain("conversion-deadline", FlagRules(await Host.Get("/api/units/RB-2000").Expect(200)));

        var downgrade = await Host.Post("/api/units/RB-2000/declarations",
            """{"declaredOn":"2020-01-01","standard":"2008"}""").Expect(409);
        Assert.Contains("standard-downgrade", downgrade.Text);
        var unknown = await Host.Post("/api/units/RB-2000/declarations",
            """{"declaredOn":"2020-01-01","standard":"2099"}""").Expect(400);
        Assert.Contains("standard", unknown.Text);
        await Host.Post("/api/units/RB-2000/declarations", """{"declaredOn":"2020-01-01","standard":"20 15"}""")
            .Expect(400);
    }

    /// <summary>An edition published before the book's latest was recorded and ranked among the editions by its date
    /// (a 2012 edition became where a 2008 system converted to without a target).</summary>
    [Fact]
    public async Task An_edition_published_before_the_latest_is_refused_and_the_book_is_kept()
    {
        var editions = (await Host.Get("/api/rules", Keys.Viewer).Expect(200)).Json["editions"]!;
        var latest = editions.AsArray()[^1]!;

        var refused = await Host.Post("/api/rules/editions", """
            {"name":"2012","nameVi":"TCVN ISO 9001:2012","nameEn":"ISO 9001:2012","publishedOn":"2012-06-01",
             "source":"s","reason":"r"}
            """).Expect(409);

        Assert.Equal(Http.ProblemJson, refused.ContentType);
        Assert.Equal("urn:isoledger:rule:edition-out-of-order", (string?)refused.Json["type"]);
        Assert.Contains($"{latest["name"]}, was published on {latest["publishedOn"]}", (string?)refused.Json["detail"]);
        Assert.Equal(editions.ToJsonString(),
            (await Host.Get("/api/rules", Keys.Viewer).Expect(200)).Json["editions"]!.ToJsonString());
    }

    /// <summary>An edition published after today (Vietnam time) has not been published: one dated 9999-12-31 by a slip
    /// was added, and as editions follow each other by publication, no edition could be added after it, ever.</summary>
    [Fact]
    public async Task An_edition_published_after_today_is_refused_and_the_book_is_kept()
    {
        var editions = (await Host.Get("/api/rules", Keys.Viewer).Expect(200)).Json["editions"]!.ToJsonString();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1);

        foreach (var publishedOn in new[] { $"{tomorrow:yyyy-MM-dd}", "9999-12-31" })
        {
            var refused = await Host.Post("/api/rules/editions", $$"""
                {"name":"9999","nameVi":"TCVN ISO 9001:9999","nameEn":"ISO 9001:9999","publishedOn":"{{publishedOn}}",
                 "source":"s","reason":"r"}
                """).Expect(409);

            Assert.Equal("urn:isoledger:rule:future-business-date", (string?)refused.Json["type"]);
        }
        Assert.Equal(editions,
            (await Host.Get("/api/rules", Keys.Viewer).Expect(200)).Json["editions"]!.ToJsonString());
    }

    [Fact]
    public async Task A_new_edition_added_by_an_administrator_is_judged_from_its_date_on()
    {
        const string edition = """
            {"name":"2026","nameVi":"TCVN ISO 9001:2026","nameEn":"ISO 9001:2026","publishedOn":"2026-09-01",
             "source":"ISO 9001:2026","reason":"Bộ KH&CN công bố phiên bản mới"}
            """;
        await Host.Post("/api/rules/editions", edition, Keys.Recorder).Expect(403);
        await Host.Post("/api/rules/editions", edition.Replace("\"2026-09-01\"", "null")).Expect(400);
        foreach (var (field, bad) in new[]
        {
            ("name", edition.Replace("\"name\":\"2026\"", "\"name\":\"abc\"")),
            ("name", edition.Replace("\"name\":\"2026\"", "\"name\":2026")),
            ("reason", edition.Replace("\"reason\":\"Bộ KH&CN công bố phiên bản mới\"", "\"reason\":\" \"")),
            ("amends", edition.Replace("\"source\"", "\"amends\":\"2015/x y\",\"source\"")),
        })
        {
            var refused = await Host.Post("/api/rules/editions", bad).Expect(400);
            Assert.Equal(Http.ProblemJson, refused.ContentType);
            Assert.Contains(field, refused.Text);
        }
        await Host.Post("/api/rules/editions", edition).Expect(200);
        await Host.Post("/api/rules/editions", edition).Expect(409);

        const string obligation = """
            {"id":"new-systems-on-2026","kind":"new-systems-on-edition","validFrom":"2026-10-01",
             "legalAct":"QĐ 1/2026/QĐ-TTg","source":"Điều 2","reason":"Hệ thống mới áp dụng phiên bản 2026",
             "edition":"2026"}
            """;
        await Host.Post("/api/rules/obligations", obligation.Replace("\"edition\":\"2026\"", "\"level\":\"commune\""))
            .Expect(400);
        await Host.Post("/api/rules/obligations", obligation.Replace("new-systems-on-edition", "sometimes"))
            .Expect(400);
        await Host.Post("/api/rules/obligations", obligation.Replace("\"edition\":\"2026\"", "\"validTo\":null"))
            .Expect(400);
        var early = await Host.Post("/api/rules/obligations", obligation
            .Replace("new-systems-on-edition", "conversion-deadline")
            .Replace("\"edition\":\"2026\"", "\"edition\":\"2026\",\"deadline\":\"2026-01-01\"")).Expect(400);
        Assert.Contains("deadline", early.Text);
        await Host.Post("/api/rules/obligations", obligation.Replace("\"edition\":\"2026\"", "\"edition\":\"2099\""))
            .Expect(409);
        var book = (await Host.Post("/api/rules/obligations", obligation).Expect(200)).Json;
        Assert.Contains(book["obligations"]!.AsArray(), o => (string?)o!["id"] == "new-systems-on-2026");

        await Host.RegisterCommune("RB-BEFORE", "2020-01-01");
        await Host.RegisterCommune("RB-AFTER", "2020-01-01");
        var before = await Host.Post("/api/units/RB-BEFORE/documentation", Documented("2026-09-30", "2015"))
            .Expect(200);
        var after = await Host.Post("/api/units/RB-AFTER/documentation", Documented("2026-10-01", "2015"))
            .Expect(200);
        Assert.DoesNotContain("new-system-on-required-edition", before.Text);
        Assert.Contains("new-system-on-required-edition", after.Text);
        Assert.DoesNotContain("new-system-on-required-edition",
            FlagRules(await Host.Get("/api/units/RB-BEFORE").Expect(200)));
        var flag = (await Host.Get("/api/units/RB-AFTER").Expect(200)).Json["flags"]!.AsArray()
            .Single(f => (string?)f!["rule"] == "new-system-on-required-edition")!;
        Assert.Equal("2026", (string?)flag["subject"]);
        Assert.Equal("QĐ 1/2026/QĐ-TTg", (string?)flag["basis"]!["legalAct"]);
        await Host.Post("/api/units/RB-AFTER/declarations", """{"declaredOn":"2026-11-01","standard":"2026"}""")
            .Expect(200);

        await Host.Post("/api/rules/obligations/new-systems-on-2026/end",
            """{"validTo":"2026-10-31","reason":"Thay thế"}""").Expect(200);
        await Host.Post("/api/rules/obligations/no-such-entry/end", """{"validTo":"2026-10-31","reason":"x"}""")
            .Expect(409);
        // An id of no entry's shape is a malformed path, named as such; nothing is recorded.
        var malformed = await Host.Post("/api/rules/obligations/x%20y/end", """{"validTo":"2026-10-31","reason":"x"}""")
            .Expect(400);
        Assert.NotNull(malformed.Json["errors"]!["id"]);

        var changes = (await Host.Get("/api/rules/changes", Keys.Auditor).Expect(200)).Json.AsArray();
        Assert.Equal(3, changes.Count);
        Assert.All(changes, c => Assert.Equal("dev-admin", (string?)c!["change"]!["recordedBy"]));
        Assert.Equal("Hệ thống mới áp dụng phiên bản 2026", (string?)changes[1]!["change"]!["reason"]);
    }
}
