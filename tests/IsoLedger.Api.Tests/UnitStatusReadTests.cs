using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Unit status reads: concurrent reads that share their freshness check (conditional reads are
/// ConditionalRequestTests').</summary>
public class UnitStatusReadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private Task<Answer> Get(string url) => Host.Get(url, Keys.Viewer);

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
