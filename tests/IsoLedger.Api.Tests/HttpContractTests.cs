using Alba;
using IsoLedger.Api.Hosting;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace IsoLedger.Api.Tests;

/// <summary>What HTTP itself promises: every Location can be read (a raised nonconformity's pointed at nothing), an
/// ETag names one stream's version or is not sent (a restructuring's said "0"), HEAD is answered wherever GET is (it
/// was 405), an empty If-Match names no version (it was taken for none sent), and a unit's dashboard status and
/// timeline agree on a day before it existed (404 and 200 [] had).</summary>
public class HttpContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private Task<Answer> Head(string url, string? key = Keys.Admin, params (string Name, string Value)[] headers) =>
        Host.Send(key, headers, s =>
        {
            s.Get.Url(url);
            s.ConfigureHttpContext(context => context.Request.Method = "HEAD");
        });

    [Fact]
    public async Task A_raised_nonconformity_is_read_where_its_Location_points()
    {
        await Host.RegisterCommune("HC-NC", "2015-01-01");
        var raised = await Host.Post("/api/units/HC-NC/nonconformities",
            """{"raisedOn":"2016-06-01","source":"inspection","description":"Hồ sơ trễ hạn","severity":"major","""
            + """ "clause":"8.5","dueOn":"2016-07-01"}""").Expect(201);
        var location = raised.Header("Location")!;
        await Host.Post("/api/units/HC-NC/nonconformities/NC-1/corrective-action",
            """{"takenOn":"2016-06-10","rootCause":"Chưa theo dõi","action":"Lập sổ theo dõi"}""").Expect(200);
        var closed = await Host.Post("/api/units/HC-NC/nonconformities/NC-1/close",
            """{"closedOn":"2016-06-20","effective":true}""").Expect(200);

        Assert.Equal("/api/units/HC-NC/nonconformities/NC-1", location);
        var read = await Host.Get(location, Keys.Viewer).Expect(200);
        Assert.StartsWith($"{closed.Header("ETag")!.TrimEnd('"')}.", read.Header("ETag"));
        var nonconformity = read.Json;
        Assert.Equal(("HC-NC", "NC-1", "major", "8.5", "2016-07-01"),
            ((string?)nonconformity["unit"], (string?)nonconformity["id"], (string?)nonconformity["severity"],
                (string?)nonconformity["clause"], (string?)nonconformity["dueOn"]));
        Assert.Equal("Lập sổ theo dõi", (string?)nonconformity["correctiveActions"]![0]!["action"]);
        Assert.Equal("2016-06-20", (string?)nonconformity["closedOn"]);
        Assert.False((bool)nonconformity["overdue"]!);

        var unknown = await Host.Get("/api/units/HC-NC/nonconformities/NC-2", Keys.Viewer).Expect(404);
        Assert.StartsWith(Http.ProblemJson, unknown.ContentType);
        Assert.Contains("NC-2", (string?)unknown.Json["detail"]);
        await Host.Get("/api/units/HC-NOWHERE/nonconformities/NC-1", Keys.Viewer).Expect(404);

        // A problem repeats what was asked for at most in part: its answer does not grow with the address.
        var longId = await Host.Get($"/api/units/HC-NC/nonconformities/{new string('x', 5000)}").Expect(404);
        Assert.InRange(((string?)longId.Json["detail"])!.Length, 1, 200);
        var longCode = await Host.Get($"/api/units/{new string('Q', 5000)}/nonconformities/NC-1").Expect(404);
        Assert.InRange(((string?)longCode.Json["detail"])!.Length, 1, 200);
    }

    [Fact]
    public async Task Every_Location_answered_can_be_read()
    {
        var registered = await Host.RegisterCommune("HC-LOC", "2015-01-01");
        var restructured = await Host.Post("/api/restructurings",
            """{"decisionNo":"HC/1","effectiveOn":"2020-01-01","parts":[{"kind":"rename","from":["HC-LOC"],"""
            + """ "name":"UBND Xã Mới"}]}""", Keys.Recorder).Expect(201);

        foreach (var answer in new[] { registered, restructured })
            await Host.Get(answer.Header("Location")!, Keys.Viewer).Expect(200);
    }

    [Fact]
    public async Task A_restructuring_sends_no_ETag_nor_does_its_replay_but_a_one_stream_write_does()
    {
        await Host.RegisterCommune("HC-TAG-A", "2015-01-01");
        await Host.RegisterCommune("HC-TAG-B", "2015-01-01");
        const string body = """
            {"decisionNo":"HC/2","effectiveOn":"2020-01-01","parts":[{"kind":"merge","from":["HC-TAG-A"],
             "into":{"code":"HC-TAG-B"}}]}
            """;

        var first = await Host.Post("/api/restructurings", body, Keys.Recorder, ("Idempotency-Key", "hc-tag"))
            .Expect(201);
        var replay = await Host.Post("/api/restructurings", body, Keys.Recorder, ("Idempotency-Key", "hc-tag"))
            .Expect(201);

        Assert.Null(first.Header("ETag"));
        Assert.Null(replay.Header("ETag"));
        Assert.Equal(first.Header("Location"), replay.Header("Location"));
        var import = await Host.PostBytes("/api/restructurings/import?dryRun=true",
            "decision_no,effective_on,from_code,into_code\nHC/2,2020-01-01,HC-TAG-A,HC-TAG-B\n"u8.ToArray(),
            key: Keys.Recorder).Expect(200);
        Assert.Null(import.Header("ETag"));
        var audit = await Host.Post("/api/units/HC-TAG-B/internal-audits", """{"heldOn":"2020-02-01"}""")
            .Expect(200);
        Assert.Equal("\"3\"", audit.Header("ETag"));
    }

    /// <summary>An answer stored before the version could be none holds 0: its replay sends no "0" either.</summary>
    [Fact]
    public async Task A_restructuring_answer_stored_with_version_0_replays_without_an_ETag()
    {
        await Host.RegisterCommune("HC-OLD", "2015-01-01");
        const string body = """
            {"decisionNo":"HC/3","effectiveOn":"2020-01-01","parts":[{"kind":"dissolve","from":["HC-OLD"]}]}
            """;
        await Host.Post("/api/restructurings", body, Keys.Recorder, ("Idempotency-Key", "hc-old")).Expect(201);
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            foreach (var stored in await session.Query<IdempotentResponse>().Where(r => r.Status == 201).ToListAsync())
            {
                stored.Version = 0;
                session.Store(stored);
            }
            await session.SaveChangesAsync();
        }

        var replay = await Host.Post("/api/restructurings", body, Keys.Recorder, ("Idempotency-Key", "hc-old"))
            .Expect(201);

        Assert.Null(replay.Header("ETag"));
    }

    [Fact]
    public async Task HEAD_answers_as_GET_does_without_the_body()
    {
        await Host.RegisterCommune("HC-HEAD", "2015-01-01");
        var get = await Host.Get("/api/units/HC-HEAD", Keys.Viewer).Expect(200);

        var head = await Head("/api/units/HC-HEAD", Keys.Viewer);

        Assert.Equal(200, head.Status);
        Assert.Equal("", head.Text);
        Assert.Equal(get.Header("ETag"), head.Header("ETag"));
        Assert.Equal(get.ContentType, head.ContentType);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(get.Text), long.Parse(head.Header("Content-Length")!));
        Assert.NotNull(head.Header("X-Correlation-Id"));
        // Conditional requests, the key check and unknown addresses as for GET.
        var notModified = await Head("/api/units/HC-HEAD", Keys.Viewer,
            ("If-None-Match", get.Header("ETag")!));
        Assert.Equal(304, notModified.Status);
        Assert.Equal(401, (await Head("/api/units/HC-HEAD", key: null)).Status);
        Assert.Equal(403, (await Head("/api/events", Keys.Viewer)).Status);
        Assert.Equal(404, (await Head("/api/units/HC-NOWHERE")).Status);
        // A list answered without a length of its own (chunked) is counted.
        var list = await Head("/api/units/HC-HEAD/lineage", Keys.Viewer);
        Assert.Equal((200, ""), (list.Status, list.Text));
        Assert.True(long.Parse(list.Header("Content-Length")!) > 0);
    }

    [Fact]
    public async Task A_405_lists_HEAD_where_it_lists_GET_and_HEAD_is_refused_where_GET_is()
    {
        var post = await Host.Post("/api/units/HC-405", "{}").Expect(405);
        Assert.Equal(["GET", "HEAD"], post.Header("Allow")!.Split(", ").Order());

        var head = await Head("/api/imports");
        Assert.Equal(405, head.Status);
        Assert.Equal("POST", head.Header("Allow"));
    }

    [Fact]
    public async Task An_empty_If_Match_names_no_version_and_is_refused()
    {
        await Host.RegisterCommune("HC-IFMATCH", "2015-01-01");

        var answer = await Host.Post("/api/units/HC-IFMATCH/internal-audits", """{"heldOn":"2016-06-01"}""",
            Keys.Recorder, ("If-Match", "")).Expect(400);

        Assert.Contains("If-Match", (string?)answer.Json["title"]);
        Assert.Single((await Host.Get("/api/units/HC-IFMATCH/history").Expect(200)).Json.AsArray());
        await Host.Post("/api/rules/editions", "{}", Keys.Admin, ("If-Match", " ")).Expect(400);
    }

    [Theory]
    [InlineData("/api/dashboards/units/HC-LATE?asOf=2014-12-31")]
    [InlineData("/api/dashboards/units/HC-LATE/timeline?asOf=2014-12-31")]
    public async Task A_unit_s_dashboard_status_and_timeline_agree_that_it_did_not_exist_yet(string url)
    {
        if ((await Host.Get("/api/units/HC-LATE")).Status == 404) await Host.RegisterCommune("HC-LATE", "2015-01-01");

        var answer = await Host.Get(url, Keys.Viewer).Expect(404);

        Assert.Equal("2015-01-01", (string?)answer.Json["existsFrom"]);
        await Host.Get(url.Replace("2014-12-31", "2015-01-01"), Keys.Viewer).Expect(200);
    }
}
