using System.Text.Json.Nodes;
using Alba;
using IsoLedger.Domain.LegalBasis;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IsoLedger.Api.Tests;

/// <summary>History, time travel, the event feed and unit lists.</summary>
public class AuditReadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<string> UnitWithThreeEvents(string province = "Quảng Trị")
    {
        var code = $"QT-{Guid.NewGuid():N}"[..24];
        await Host.Post("/api/units",
            $$"""{"code":"{{code}}","name":"UBND Xã Triệu {{code}}","level":"commune","province":"{{province}}","""
            + $$""" "registeredOn":"2015-01-01"}""").Expect(201);
        await Host.Post($"/api/units/{code}/internal-audits", """{"heldOn":"2017-06-01"}""").Expect(200);
        await Host.Post($"/api/units/{code}/internal-audits", """{"heldOn":"2016-06-01"}""").Expect(200);
        return code;
    }

    [Fact]
    public async Task History_lists_every_event_with_its_metadata()
    {
        var code = await UnitWithThreeEvents();
        var history = (await Host.Get($"/api/units/{code}/history", Keys.Auditor).Expect(200)).Json.AsArray();

        Assert.Equal(3, history.Count);
        var audit = history[2]!;
        Assert.Equal("InternalAuditHeld", (string?)audit["type"]);
        Assert.Equal(3, (long)audit["version"]!);
        Assert.Equal("2016-06-01", (string?)audit["businessDate"]);
        Assert.Equal(code, (string?)audit["streamKey"]);
        Assert.Equal("dev-admin", (string?)audit["recordedBy"]);
        Assert.True(DateTimeOffset.Parse((string)audit["recordedAt"]!) > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("2016-06-01", (string?)audit["data"]!["heldOn"]);
        await Host.Get("/api/units/QT-NOBODY/history").Expect(404);
    }

    [Fact]
    public async Task State_as_of_a_business_date_counts_facts_by_when_they_happened()
    {
        var code = await UnitWithThreeEvents();

        var asOf2016 = (await Host.Get($"/api/units/{code}/state?asOf=2016-12-31").Expect(200)).Json;
        Assert.Equal("2016-06-01", (string?)asOf2016["lastInternalAudit"]);
        Assert.Equal(3, (long)asOf2016["version"]!);
        Assert.Equal("2017-06-01", (string?)(await Host.Get($"/api/units/{code}/state?asOf=2017-12-31").Expect(200))
            .Json["lastInternalAudit"]);
        await Host.Get($"/api/units/{code}/state?asOf=2014-12-31").Expect(404);
    }

    [Fact]
    public async Task State_by_version_and_by_recording_time_replays_the_stream_as_it_was_recorded()
    {
        var code = await UnitWithThreeEvents();
        var history = (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray();

        var version2 = (await Host.Get($"/api/units/{code}/state?version=2").Expect(200)).Json;
        Assert.Equal(2, (long)version2["version"]!);
        Assert.Equal("2017-06-01", (string?)version2["lastInternalAudit"]);

        var secondRecordedAt = Uri.EscapeDataString((string)history[1]!["recordedAt"]!);
        var known = (await Host.Get($"/api/units/{code}/state?knownAt={secondRecordedAt}").Expect(200)).Json;
        Assert.Equal(2, (long)known["version"]!);
        await Host.Get($"/api/units/{code}/state?knownAt=2000-01-01T00:00:00Z").Expect(404);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?asOf=2016-12-31&version=2")]
    [InlineData("?asOf=31-12-2016")]
    [InlineData("?knownAt=yesterday")]
    [InlineData("?version=-1")]
    [InlineData("?version=abc")]
    public async Task State_needs_exactly_one_valid_point_in_time(string query) =>
        await Host.Get($"/api/units/QT-ANY/state{query}").Expect(400);

    [Fact]
    public async Task The_event_feed_pages_through_the_whole_store_in_order()
    {
        await UnitWithThreeEvents();
        await UnitWithThreeEvents();

        var sequences = new List<long>();
        long after = 0;
        bool more;
        do
        {
            var page = (await Host.Get($"/api/events?after={after}&limit=2", Keys.Auditor).Expect(200)).Json;
            var events = page["events"]!.AsArray();
            Assert.True(events.Count <= 2);
            sequences.AddRange(events.Select(e => (long)e!["sequence"]!));
            after = (long)page["next"]!;
            more = (bool)page["hasMore"]!;
        } while (more);

        Assert.True(sequences.Count >= 6);
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
    }

    /// <summary>A reader that follows <c>next</c> while others write reads every event once: an event whose transaction
    /// commits after one with a higher sequence had been passed by (and was then never read).</summary>
    [Fact]
    public async Task A_reader_following_the_feed_misses_no_event_that_commits_late()
    {
        var slow = await UnitWithThreeEvents();
        var quick = await UnitWithThreeEvents();
        var seen = new HashSet<long>();
        var after = await ReadFeed(0, seen);

        await using var holder = new NpgsqlConnection(api.ConnectionString);
        await holder.OpenAsync();
        var slowWrite = Task.CompletedTask;
        await using (var transaction = await holder.BeginTransactionAsync())
        {
            // The slow unit's state is locked: its next write takes its event's sequence, then waits to store it.
            await using (var lockState = new NpgsqlCommand(
                             $"select 1 from mt_doc_unit where id = '{slow}' for update", holder, transaction))
                await lockState.ExecuteNonQueryAsync();
            slowWrite = Host.Post($"/api/units/{slow}/management-reviews", """{"heldOn":"2017-07-01"}""").Expect(200);
            await LockWaiters.WaitForALockWaiter(api.ConnectionString);
            // Written beside the node's unit writer, which waits for the slow write.
            await Host.Post("/api/restructurings", $$"""
                {"decisionNo":"QĐ 1","effectiveOn":"2018-01-01","parts":[{"kind":"rename","from":["{{quick}}"],
                 "name":"UBND Xã Mới"}]}
                """).Expect(201);
            after = await ReadFeed(after, seen);
        }
        await slowWrite;

        var written = new List<long>();
        foreach (var code in new[] { slow, quick })
        {
            var history = (await Host.Get($"/api/units/{code}/history", Keys.Auditor).Expect(200)).Json.AsArray();
            written.Add((long)history[^1]!["sequence"]!);
        }
        for (var wait = 0; wait < 100 && !written.All(seen.Contains); wait++)
        {
            await Task.Delay(100);
            after = await ReadFeed(after, seen);
        }
        Assert.All(written, sequence => Assert.Contains(sequence, seen));
    }

    /// <summary>A sequence number whose append rolled back (taken, never used) holds the feed's end only until the
    /// async daemon's high water mark passes it: about 3 s (Marten's stale-sequence threshold), as README
    /// says.</summary>
    [Fact]
    public async Task A_sequence_number_an_append_rolled_back_holds_the_feed_for_seconds_only()
    {
        var code = await UnitWithThreeEvents();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var take = new NpgsqlCommand("select nextval('mt_events_sequence')", connection);
        var gap = (long)(await take.ExecuteScalarAsync())!;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await Host.Post($"/api/units/{code}/management-reviews", """{"heldOn":"2017-07-01"}""").Expect(200);

        var seen = new HashSet<long>();
        while (waited.Elapsed < TimeSpan.FromSeconds(20) && !seen.Any(sequence => sequence > gap))
        {
            await ReadFeed(gap - 1, seen);
            await Task.Delay(100);
        }

        Assert.Contains(seen, sequence => sequence > gap);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"The feed waited {waited.Elapsed} at the gap.");
    }

    /// <summary>Reads the feed from <paramref name="after"/> as a client does, to its current end, adding the events
    /// read to <paramref name="events"/> if given.</summary>
    private async Task<long> ReadFeed(long after, HashSet<long> seen, List<JsonNode>? events = null)
    {
        bool more;
        do
        {
            var page = (await Host.Get($"/api/events?after={after}&limit=1000", Keys.Auditor).Expect(200)).Json;
            foreach (var e in page["events"]!.AsArray())
            {
                seen.Add((long)e!["sequence"]!);
                events?.Add(e);
            }
            after = (long)page["next"]!;
            more = (bool)page["hasMore"]!;
        } while (more);
        return after;
    }

    /// <summary>The feed shows a change of the rule book as it shows a unit's events: who recorded it, under which
    /// request and what it changed, under a type the vocabulary labels, as it labels every type the feed shows.
    /// </summary>
    [Fact]
    public async Task The_feed_shows_who_recorded_a_rule_book_change_and_labels_every_event_type()
    {
        var seen = new HashSet<long>();
        var after = await ReadFeed(0, seen);
        await UnitWithThreeEvents();
        await Host.Post("/api/rules/obligations", """
            {"id":"feed-report-2099","kind":"yearly-report","validFrom":"2099-01-01","legalAct":"QĐ 1/2099/QĐ-TTg",
             "source":"Điều 1","reason":"Thử"}
            """, Keys.Admin, ("X-Correlation-Id", "feed-rule-change")).Expect(200);

        var events = new List<JsonNode>();
        for (var wait = 0; wait < 50 && !events.Any(e => (string?)e["streamKey"] == "rule-book"); wait++)
            after = await ReadFeed(after, seen, events);
        var change = events.Single(e => (string?)e["streamKey"] == "rule-book");
        Assert.Equal(("ObligationAdded", "dev-admin", "feed-rule-change"),
            ((string?)change["type"], (string?)change["recordedBy"], (string?)change["correlationId"]));
        Assert.Equal("feed-report-2099", (string?)change["data"]!["entry"]!["id"]);
        var labelled = (await Host.Get("/api/vocabulary", Keys.Viewer).Expect(200)).Json["events"]!.AsArray()
            .Select(term => (string?)term!["value"]).ToHashSet();
        Assert.All(events, e => Assert.Contains((string?)e["type"], labelled));
        var recorded = (await Host.Get("/api/rules/changes", Keys.Auditor).Expect(200)).Json.AsArray()
            .Single(c => (string?)c!["change"]!["entry"]?["id"] == "feed-report-2099")!;
        Assert.Equal("ObligationAdded", (string?)recorded["type"]);
    }

    /// <summary>A change recorded before the key's name was kept with the event (as it is with a unit's) is named
    /// by the change itself.</summary>
    [Fact]
    public async Task A_rule_book_change_recorded_without_its_keys_name_is_shown_with_the_name_it_holds()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(RuleBook.StreamId, new ObligationEnded("feed-old", new(2099, 1, 1), "dev-old", "x"));
            await session.SaveChangesAsync();
        }

        var (seen, after, events) = (new HashSet<long>(), 0L, new List<JsonNode>());
        for (var wait = 0; wait < 50 && !events.Any(e => (string?)e["data"]?["id"] == "feed-old"); wait++)
            after = await ReadFeed(after, seen, events);
        Assert.Equal("dev-old", (string?)events.Single(e => (string?)e["data"]?["id"] == "feed-old")["recordedBy"]);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    [InlineData("?after=-5")]
    [InlineData("?after=x")]
    public async Task The_event_feed_refuses_bad_paging(string query) =>
        await Host.Get($"/api/events{query}").Expect(400);

    [Fact]
    public async Task Units_are_listed_by_filters_and_pages()
    {
        const string province = "Cao Bằng";
        var first = await UnitWithThreeEvents(province);
        var second = await UnitWithThreeEvents(province);
        await Host.Post($"/api/units/{second}/declarations", """{"declaredOn":"2017-09-01","standard":"2015"}""")
            .Expect(200);

        var all = (await Host.Get($"/api/units?province={Uri.EscapeDataString(province)}", Keys.Viewer)
            .Expect(200)).Json;
        Assert.Equal(2, (long)all["total"]!);
        Assert.Equal(new[] { first, second }.Order(), all["items"]!.AsArray().Select(i => (string)i!["code"]!));
        var spelledOtherwise =
            (await Host.Get("/api/units?province=t%E1%BB%89nh%20cao%20b%E1%BA%B1ng").Expect(200)).Json;
        Assert.Equal(2, (long)spelledOtherwise["total"]!);

        var on2015 = (await Host
            .Get($"/api/units?province={Uri.EscapeDataString(province)}&standard=2015&level=commune")
            .Expect(200)).Json;
        Assert.Equal(second, (string?)on2015["items"]!.AsArray().Single()!["code"]);
        var none = (await Host.Get($"/api/units?province={Uri.EscapeDataString(province)}&standard=none")
            .Expect(200)).Json;
        Assert.Equal(first, (string?)none["items"]!.AsArray().Single()!["code"]);

        var byName = (await Host.Get($"/api/units?province={Uri.EscapeDataString(province)}&q=triệu").Expect(200)).Json;
        Assert.Equal(2, (long)byName["total"]!);

        var page2 = (await Host.Get($"/api/units?province={Uri.EscapeDataString(province)}&page=2&pageSize=1")
            .Expect(200)).Json;
        Assert.Equal(2, (long)page2["total"]!);
        Assert.Equal(new[] { first, second }.Order().Last(), (string?)page2["items"]!.AsArray().Single()!["code"]);
    }

    [Fact]
    public async Task Units_are_listed_by_any_spelling_of_their_district()
    {
        await Host.Post("/api/units", """
            {"code":"DN-HV-1","name":"UBND Xã Hòa Bắc","level":"commune","province":"Đà Nẵng","district":"Hòa Vang",
             "registeredOn":"2015-01-01"}
            """).Expect(201);

        foreach (var spelling in new[] { "Hòa Vang", "Huyện Hoà Vang", "hoà vang" })
        {
            var found = (await Host.Get($"/api/units?province=%C4%90%C3%A0%20N%E1%BA%B5ng&district="
                + Uri.EscapeDataString(spelling)).Expect(200)).Json;
            Assert.Equal("DN-HV-1", (string?)found["items"]!.AsArray().Single()!["code"]);
        }
        var elsewhere = (await Host.Get("/api/units?district=" + Uri.EscapeDataString("Hòa Bình")).Expect(200)).Json;
        Assert.Empty(elsewhere["items"]!.AsArray());
    }

    [Theory]
    [InlineData("?level=planet")]
    [InlineData("?standard=2001")]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=201")]
    [InlineData("?page=-1")]
    public async Task Unit_lists_refuse_bad_filters(string query) => await Host.Get($"/api/units{query}").Expect(400);
}
