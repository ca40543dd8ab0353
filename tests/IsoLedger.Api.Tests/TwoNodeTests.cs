using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Two API hosts on one database, as two nodes of an installation.</summary>
public sealed class TwoNodeFixture : ApiFixture
{
    public IAlbaHost Other { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Other = await StartHost();
    }

    public override async Task DisposeAsync()
    {
        await Other.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>Each node batches its own commands and keeps its own states for writing; the stream locks and the
/// database's version check keep the two correct together.</summary>
public class TwoNodeTests(TwoNodeFixture nodes) : IClassFixture<TwoNodeFixture>
{
    private const string Audit = """{"heldOn":"2016-06-01"}""";

    [Fact]
    public async Task Writes_through_both_nodes_to_one_unit_are_each_stored_once_in_a_contiguous_stream()
    {
        await nodes.Host.RegisterCommune("TN-BUSY");
        const int perNode = 40;

        var answers = await Task.WhenAll(Enumerable.Range(0, perNode).SelectMany(i => new[]
        {
            nodes.Host.Post("/api/units/TN-BUSY/internal-audits", Audit),
            nodes.Other.Post("/api/units/TN-BUSY/management-reviews", """{"heldOn":"2016-07-01"}"""),
        }));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(Enumerable.Range(2, 2 * perNode).Select(v => (long)v),
            answers.Select(a => (long)a.Json["version"]!).Order());
        var history = (await nodes.Other.Get("/api/units/TN-BUSY/history").Expect(200)).Json.AsArray();
        Assert.Equal(Enumerable.Range(1, 2 * perNode + 1).Select(v => (long)v),
            history.Select(e => (long)e!["version"]!));
        Assert.Equal(2 * perNode + 1, (long)(await nodes.Host.Get("/api/units/TN-BUSY").Expect(200)).Json["version"]!);
    }

    [Fact]
    public async Task A_node_whose_state_of_a_unit_is_stale_decides_on_what_the_other_node_wrote()
    {
        await nodes.Host.RegisterCommune("TN-STALE");
        await nodes.Host.Post("/api/units/TN-STALE/internal-audits", Audit).Expect(200);
        // The other node moves the unit on: this node's cached state is now at version 2, the stream at 3.
        await nodes.Other.Post("/api/units/TN-STALE/declarations", """{"declaredOn":"2016-08-01","standard":"2008"}""")
            .Expect(200);

        var stale = await nodes.Host
            .Post("/api/units/TN-STALE/internal-audits", Audit, Keys.Admin, ("If-Match", "\"2\""))
            .Expect(412);
        Assert.Equal(3, (long)stale.Json["currentVersion"]!);
        // Starting a conversion needs the declaration on 2008 that only the other node recorded.
        var started = await nodes.Host.Post("/api/units/TN-STALE/conversion/start", """{"startedOn":"2019-01-01"}""",
            Keys.Admin, ("If-Match", "\"3\"")).Expect(200);
        Assert.Equal(4, (long)started.Json["version"]!);
    }

    [Fact]
    public async Task A_retry_sent_to_the_other_node_replays_the_first_answer_and_records_nothing_more()
    {
        await nodes.Host.RegisterCommune("TN-RETRY");
        // Both nodes hold the unit's state for writing, so each decides without reading first.
        await nodes.Other.Post("/api/units/TN-RETRY/internal-audits", Audit).Expect(200);
        await nodes.Host.Post("/api/units/TN-RETRY/internal-audits", Audit).Expect(200);
        await nodes.Other.Post("/api/units/TN-RETRY/internal-audits", Audit).Expect(200);
        (string, string) key = ("Idempotency-Key", "tn-retry-1");

        var first = await nodes.Host.Post("/api/units/TN-RETRY/management-reviews", """{"heldOn":"2016-07-01"}""",
            Keys.Admin, key).Expect(200);
        var retry = await nodes.Other.Post("/api/units/TN-RETRY/management-reviews", """{"heldOn":"2016-07-01"}""",
            Keys.Admin, key).Expect(200);

        Assert.Equal(5, (long)first.Json["version"]!);
        Assert.Equal(first.Json.ToJsonString(), retry.Json.ToJsonString());
        var history = (await nodes.Other.Get("/api/units/TN-RETRY/history").Expect(200)).Json.AsArray();
        Assert.Equal(5, history.Count);
    }

    [Fact]
    public async Task Racing_registrations_on_both_nodes_let_exactly_one_win()
    {
        const string body = """{"code":"TN-RACE","name":"x","level":"commune","province":"Quảng Trị"}""";
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).SelectMany(_ => new[]
        {
            nodes.Host.Post("/api/units", body), nodes.Other.Post("/api/units", body),
        }));

        Assert.Equal(1, answers.Count(a => a.Status == 201));
        Assert.All(answers.Where(a => a.Status != 201),
            a => Assert.Equal("urn:isoledger:rule:unit-already-registered", a.ProblemType));
        Assert.Single((await nodes.Host.Get("/api/units/TN-RACE/history").Expect(200)).Json.AsArray());
    }

    /// <summary>Each registration looks for the unit's name after the lock of the transactions that start units, so
    /// that of one unit typed under several codes on both nodes at once one is recorded.</summary>
    [Fact]
    public async Task Racing_registrations_of_one_unit_under_several_codes_on_both_nodes_record_one()
    {
        string Body(int i) => $$"""
            {"code":"TN-NAME-{{i}}","name":"UBND Xã Tân Thành","level":"commune","province":"Lạng Sơn",
             "district":"Hữu Lũng","registeredOn":"2016-01-01"}
            """;
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            nodes.Host.Post("/api/units", Body(2 * i)), nodes.Other.Post("/api/units", Body(2 * i + 1)),
        }));

        Assert.Equal(1, answers.Count(a => a.Status == 201));
        Assert.All(answers.Where(a => a.Status != 201),
            a => Assert.Equal("urn:isoledger:rule:unit-name-taken", a.ProblemType));
    }

    [Fact]
    public async Task Clients_with_If_Match_on_both_nodes_lose_with_412_and_every_winner_has_one_event()
    {
        await nodes.Host.RegisterCommune("TN-IFM");
        async Task<List<Answer>> Client(IAlbaHost node, int id)
        {
            var answers = new List<Answer>();
            for (var round = 0; round < 4; round++)
            {
                var etag = (await node.Get("/api/units/TN-IFM")).Header("ETag")!;
                answers.Add(await node.Post("/api/units/TN-IFM/internal-audits",
                    $$"""{"heldOn":"2016-06-01","auditors":"client {{id}}"}""", Keys.Admin, ("If-Match", etag)));
            }
            return answers;
        }

        var all = (await Task.WhenAll(
                Enumerable.Range(0, 16).Select(i => Client(i % 2 == 0 ? nodes.Host : nodes.Other, i))))
            .SelectMany(a => a).ToList();

        Assert.All(all, a => Assert.Contains(a.Status, new[] { 200, 412 }));
        var winners = all.Where(a => a.Status == 200).Select(a => (long)a.Json["version"]!).ToList();
        Assert.NotEmpty(winners);
        Assert.Equal(winners.Count, winners.Distinct().Count());
        var history = (await nodes.Host.Get("/api/units/TN-IFM/history").Expect(200)).Json.AsArray();
        Assert.Equal(winners.Count + 1, history.Count);
    }
}
