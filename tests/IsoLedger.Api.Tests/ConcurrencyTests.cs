using Alba;
using IsoLedger.Api.Units;
using Microsoft.AspNetCore.Hosting;

namespace IsoLedger.Api.Tests;

/// <summary>A node with three writers, each owning a share of the units (one writer is the default): the concurrency
/// guarantees hold whichever writer a unit belongs to.</summary>
public sealed class SeveralWritersFixture : ApiFixture
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting(UnitWriteQueue.WritersSetting, "3");
}

public class ConcurrencyTests(SeveralWritersFixture api) : IClassFixture<SeveralWritersFixture>
{
    private IAlbaHost Host => api.Host;

    [Fact]
    public async Task Parallel_writers_without_If_Match_are_each_recorded_exactly_once()
    {
        await Host.RegisterCommune("QT-BUSY");
        const int writers = 12;

        var answers = await Task.WhenAll(Enumerable.Range(1, writers).Select(day =>
            Host.Post("/api/units/QT-BUSY/internal-audits", $$"""{"heldOn":"2016-06-{{day:00}}"}""")));

        Assert.All(answers, answer => Assert.Equal(200, answer.Status));
        Assert.Equal(Enumerable.Range(2, writers).Select(v => (long)v),
            answers.Select(a => (long)a.Json["version"]!).Order());
        var history = (await Host.Get("/api/units/QT-BUSY/history").Expect(200)).Json.AsArray();
        Assert.Equal(Enumerable.Range(1, writers + 1).Select(v => (long)v), history.Select(e => (long)e!["version"]!));
        Assert.Equal(writers, history.Count(e => (string)e!["type"]! == "InternalAuditHeld"));
    }

    [Fact]
    public async Task
        Thirty_two_clients_with_If_Match_on_one_unit_lose_with_412_never_500_and_every_winner_has_one_event()
    {
        await Host.RegisterCommune("QT-RACE32");
        const int clients = 32;
        var winners = 0;
        async Task<List<Answer>> Client(int id)
        {
            var answers = new List<Answer>();
            for (var round = 0; round < 4; round++)
            {
                var etag = (await Host.Get("/api/units/QT-RACE32")).Header("ETag")!;
                var answer = await Host.Post("/api/units/QT-RACE32/internal-audits",
                    $$"""{"heldOn":"2016-06-01","auditors":"client {{id}}"}""", Keys.Admin, ("If-Match", etag));
                answers.Add(answer);
            }
            return answers;
        }

        var all = (await Task.WhenAll(Enumerable.Range(0, clients).Select(Client))).SelectMany(a => a).ToList();

        Assert.All(all, a => Assert.Contains(a.Status, new[] { 200, 412 }));
        winners = all.Count(a => a.Status == 200);
        Assert.True(winners > 0);
        Assert.Equal(winners, all.Where(a => a.Status == 200).Select(a => (long)a.Json["version"]!).Distinct().Count());
        var history = (await Host.Get("/api/units/QT-RACE32/history").Expect(200)).Json.AsArray();
        Assert.Equal(winners + 1, history.Count);
        Assert.Equal(Enumerable.Range(1, winners + 1).Select(v => (long)v), history.Select(e => (long)e!["version"]!));
    }

    [Fact]
    public async Task Writes_across_two_hundred_units_without_If_Match_are_each_stored_exactly_once()
    {
        var codes = Enumerable.Range(0, 200).Select(i => $"QT-MANY-{i:000}").ToList();
        foreach (var code in codes) await Host.RegisterCommune(code);

        var answers = await Task.WhenAll(codes.SelectMany(code => new[] { "2016-06-01", "2017-06-01" }.Select(day =>
            Host.Post($"/api/units/{code}/internal-audits", $$"""{"heldOn":"{{day}}"}"""))));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        foreach (var code in codes)
            Assert.Equal(3, (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count);
    }

    [Fact]
    public async Task Racing_registrations_of_one_code_let_exactly_one_win()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Host.Post("/api/units", """{"code":"QT-RACE","name":"race","level":"commune","province":"Quảng Trị"}""")));

        Assert.Equal(1, answers.Count(a => a.Status == 201));
        Assert.All(answers.Where(a => a.Status != 201), a =>
        {
            Assert.Equal(409, a.Status);
            Assert.Equal("urn:isoledger:rule:unit-already-registered", a.ProblemType);
        });
        Assert.Single((await Host.Get("/api/units/QT-RACE/history").Expect(200)).Json.AsArray());
    }

    /// <summary>A code is registered in one letter case also when its spellings race: each registration had looked
    /// for the others before any was written, and all three were registered.</summary>
    [Fact]
    public async Task Racing_registrations_of_one_code_in_other_letter_cases_let_exactly_one_win()
    {
        string[] spellings = ["QT-CASE-RACE", "qt-case-race", "Qt-Case-Race"];
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Host.Post("/api/units",
            $$"""{"code":"{{spellings[i % 3]}}","name":"case race","level":"commune","province":"Quảng Trị"}""")));

        Assert.Equal(1, answers.Count(a => a.Status == 201));
        Assert.All(answers.Where(a => a.Status != 201), a =>
            Assert.Equal("urn:isoledger:rule:unit-already-registered", a.ProblemType));
        var registered = new List<string>();
        foreach (var code in spellings)
            if ((await Host.Get($"/api/units/{code}")).Status == 200) registered.Add(code);
        Assert.Single(registered);
    }

    /// <summary>An import and registrations writing the same codes in other letter cases at once leave each code
    /// registered in one case.</summary>
    [Fact]
    public async Task An_import_racing_registrations_of_its_codes_in_another_case_leaves_one_spelling_of_each()
    {
        var codes = Enumerable.Range(0, 400).Select(i => $"QT-IMPRACE-{i:D3}").ToList();
        var file = System.Text.Encoding.UTF8.GetBytes(
            "province,unit_code,unit_name,level,district,year,report_date,declared,standard\n" + string.Concat(
                codes.Select(c => $"Quảng Trị,{c},UBND Xã {c},commune,Hải Lăng,2020,2020-11-19,x,2015\n")));
        var lower = codes.Where((_, i) => i % 20 == 19).Select(c => c.ToLowerInvariant()).ToList();

        var import = Host.PostBytes("/api/imports", file);
        var registrations = await Task.WhenAll(lower.Select(code => Host.Post("/api/units",
            $$"""{"code":"{{code}}","name":"UBND Xã {{code}}","level":"commune","province":"Quảng Trị"}""")));
        var imported = await import;

        Assert.True(imported.Status is 200 or 409 or 422, imported.Text);

        foreach (var code in lower)
        {
            var spellings = (await Host.Get($"/api/units/{code}")).Status + (await Host.Get(
                $"/api/units/{code.ToUpperInvariant()}")).Status;
            Assert.True(spellings == 200 + 404, $"{code}: registered in both letter cases");
        }
        Assert.All(registrations, a => Assert.True(a.Status is 201 or 409, a.Text));
    }

    [Fact]
    public async Task Parallel_retries_with_one_idempotency_key_record_one_event_and_share_its_answer()
    {
        await Host.RegisterCommune("QT-RETRY");
        var key = ("Idempotency-Key", "retry-" + Guid.NewGuid());

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Host.Post("/api/units/QT-RETRY/management-reviews", """{"heldOn":"2016-07-01"}""", Keys.Recorder, key)));

        Assert.All(answers, answer => Assert.Equal(200, answer.Status));
        Assert.Single(answers.Select(a => a.Json.ToJsonString()).Distinct());
        Assert.Equal(2, (await Host.Get("/api/units/QT-RETRY/history").Expect(200)).Json.AsArray().Count);
    }

    [Fact]
    public async Task A_malformed_If_Match_is_a_bad_request()
    {
        await Host.RegisterCommune("QT-IFM");
        await Host.Post("/api/units/QT-IFM/internal-audits",
            """{"heldOn":"2016-06-01"}""", Keys.Admin, ("If-Match", "garbage")).Expect(400);
    }

    [Fact]
    public async Task If_Match_star_means_any_version()
    {
        await Host.RegisterCommune("QT-STAR");
        await Host.Post("/api/units/QT-STAR/internal-audits",
            """{"heldOn":"2016-06-01"}""", Keys.Admin, ("If-Match", "*")).Expect(200);
    }
}
