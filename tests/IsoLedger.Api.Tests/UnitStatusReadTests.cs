using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Unit status reads: conditional GET, and concurrent reads that share their freshness check.</summary>
public class UnitStatusReadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private Task<Answer> Get(string url, params (string, string)[] headers) =>
        Host.Send(HttpMethod.Get, url, key: Keys.Viewer, headers: headers);

    [Fact]
    public async Task A_copy_at_the_current_version_judged_today_is_not_sent_again()
    {
        await Host.RegisterCommune("QT-COND");
        var first = await Get("/api/units/QT-COND").Expect(200);
        var etag = first.Header("ETag")!;
        var judgedSince = first.Header("Last-Modified")!;

        var again = await Get("/api/units/QT-COND", ("If-None-Match", etag), ("If-Modified-Since", judgedSince));

        Assert.Equal(304, again.Status);
        Assert.Equal("", again.Text);
        Assert.Equal(etag, again.Header("ETag"));
    }

    [Fact]
    public async Task A_copy_of_an_older_version_or_of_unknown_day_is_answered_in_full()
    {
        await Host.RegisterCommune("QT-COND-2");
        var first = await Get("/api/units/QT-COND-2").Expect(200);
        await Host.Post("/api/units/QT-COND-2/internal-audits", """{"heldOn":"2016-06-01"}""").Expect(200);

        var newer = await Get("/api/units/QT-COND-2",
            ("If-None-Match", first.Header("ETag")!), ("If-Modified-Since", first.Header("Last-Modified")!))
            .Expect(200);
        Assert.Equal("\"2\"", newer.Header("ETag"));
        Assert.Equal(2, (long)newer.Json["version"]!);
        // The same version is judged again each day: without the day it was judged for, the copy may be stale.
        await Get("/api/units/QT-COND-2", ("If-None-Match", "\"2\"")).Expect(200);
    }

    [Fact]
    public async Task Concurrent_reads_of_many_units_each_see_their_own_units_latest_write()
    {
        var codes = Enumerable.Range(0, 24).Select(i => $"QT-READS-{i:00}").ToList();
        foreach (var code in codes) await Host.RegisterCommune(code);
        foreach (var code in codes.Where((_, i) => i % 2 == 0))
            await Host.Post($"/api/units/{code}/internal-audits", """{"heldOn":"2016-06-01"}""").Expect(200);

        var answers = await Task.WhenAll(codes.SelectMany(code => Enumerable.Range(0, 4).Select(async _ =>
            (Code: code, Answer: await Get($"/api/units/{code}")))));

        Assert.All(answers, read =>
        {
            var expected = codes.IndexOf(read.Code) % 2 == 0 ? 2 : 1;
            Assert.Equal(200, read.Answer.Status);
            Assert.Equal(read.Code, (string)read.Answer.Json["code"]!);
            Assert.Equal(expected, (long)read.Answer.Json["version"]!);
        });
        await Get("/api/units/QT-READS-NONE").Expect(404);
    }
}
