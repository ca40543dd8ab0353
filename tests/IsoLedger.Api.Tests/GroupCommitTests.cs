using Alba;
using IsoLedger.Api.Units;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IsoLedger.Api.Tests;

/// <summary>A node with one writer, so that the commands a test queues wait for the same writer, whatever their
/// units.</summary>
public sealed class OneWriterFixture : ApiFixture
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting(UnitWriteQueue.WritersSetting, "1");
}

/// <summary>The group commit: commands that wait together are written in one transaction, each decided alone.</summary>
public class GroupCommitTests(OneWriterFixture api) : IClassFixture<OneWriterFixture>
{
    private const string Audit = """{"heldOn":"2016-06-01"}""";
    private IAlbaHost Host => api.Host;

    [Fact]
    public async Task A_rule_break_and_a_stale_If_Match_fail_alone_and_the_rest_of_the_batch_commits()
    {
        foreach (var code in new[] { "GC-HOLD-1", "GC-A", "GC-B", "GC-C" }) await Host.RegisterCommune(code);

        var answers = await Batch.Of(api, Host, "GC-HOLD-1",
            () => Host.Post("/api/units/GC-A/internal-audits", Audit),
            () => Host.Post("/api/units/GC-B/nonconformities/NC-9/close",
                """{"closedOn":"2016-06-20","effective":true}"""),
            () => Host.Post("/api/units/GC-C/internal-audits", Audit, Keys.Admin, ("If-Match", "\"5\"")),
            () => Host.Post("/api/units/GC-A/management-reviews", """{"heldOn":"2016-07-01"}"""),
            () => Host.Post("/api/units/GC-C/internal-audits", Audit));

        Assert.Equal([200, 409, 412, 200, 200], answers.Select(a => a.Status));
        Assert.Equal("urn:isoledger:rule:nonconformity-not-found", answers[1].ProblemType);
        Assert.Equal(1, (long)answers[2].Json["currentVersion"]!);
        // One unit, one lane: GC-A's two commands are decided in arrival order on the state the first left.
        Assert.Equal([2L, 3L], [(long)answers[0].Json["version"]!, (long)answers[3].Json["version"]!]);
        Assert.Equal("\"3\"", answers[3].Header("ETag"));
        Assert.Equal(3, await Events("GC-A"));
        Assert.Equal(1, await Events("GC-B"));
        Assert.Equal(2, await Events("GC-C"));
        Assert.Equal(3, (long)(await Host.Get("/api/units/GC-A").Expect(200)).Json["version"]!);
    }

    [Fact]
    public async Task A_unit_registered_in_a_batch_takes_the_commands_queued_after_its_registration()
    {
        await Host.RegisterCommune("GC-HOLD-2");

        var answers = await Batch.Of(api, Host, "GC-HOLD-2",
            () => Host.Post("/api/units/GC-NEW/internal-audits", Audit),
            () => Host.Post("/api/units",
                """{"code":"GC-NEW","name":"UBND Xã Mới","level":"commune","province":"Quảng """
                + """Trị","registeredOn":"2010-01-01"}"""),
            () => Host.Post("/api/units",
                """{"code":"GC-NEW","name":"UBND Xã Mới","level":"commune","province":"Quảng Trị"}"""),
            () => Host.Post("/api/units/GC-NEW/internal-audits", Audit));

        Assert.Equal([404, 201, 409, 200], answers.Select(a => a.Status));
        Assert.Equal(2, (long)answers[3].Json["version"]!);
        Assert.Equal(2, await Events("GC-NEW"));
    }

    [Fact]
    public async Task An_idempotency_key_repeated_within_a_batch_and_in_a_later_one_records_once()
    {
        foreach (var code in new[] { "GC-HOLD-3", "GC-KEY" }) await Host.RegisterCommune(code);
        var first = ("Idempotency-Key", $"gc-first-{Guid.NewGuid():N}");
        var second = ("Idempotency-Key", $"gc-second-{Guid.NewGuid():N}");

        var answers = await Batch.Of(api, Host, "GC-HOLD-3",
            () => Host.Post("/api/units/GC-KEY/internal-audits", Audit, Keys.Recorder, first),
            () => Host.Post("/api/units/GC-KEY/internal-audits", Audit, Keys.Recorder, first),
            () => Host.Post(
                "/api/units/GC-KEY/management-reviews", """{"heldOn":"2016-07-01"}""", Keys.Recorder, second),
            () => Host.Post(
                "/api/units/GC-KEY/management-reviews", """{"heldOn":"2016-07-02"}""", Keys.Recorder, second));

        Assert.Equal([200, 200, 200, 422], answers.Select(a => a.Status));
        Assert.Equal(answers[0].Text, answers[1].Text);
        Assert.Equal(answers[0].Header("ETag"), answers[1].Header("ETag"));
        Assert.Equal("urn:isoledger:problem:idempotency-key-reused", answers[3].ProblemType);
        Assert.Equal(3, await Events("GC-KEY"));

        var later = await Host.Post("/api/units/GC-KEY/internal-audits", Audit, Keys.Recorder, first).Expect(200);
        Assert.Equal(answers[0].Text, later.Text);
        Assert.Equal(3, await Events("GC-KEY"));
    }

    [Fact]
    public async Task At_light_load_a_command_is_written_alone_without_waiting_for_others()
    {
        await Host.RegisterCommune("GC-ALONE");
        var queue = Host.Services.GetRequiredService<UnitWriteQueue>();
        var before = queue.Statistics();

        await Host.Post("/api/units/GC-ALONE/internal-audits", Audit).Expect(200);

        var after = queue.Statistics();
        Assert.Equal(before.Batches + 1, after.Batches);
        Assert.Equal(before.Sizes[0].Batches + 1, after.Sizes[0].Batches);
    }

    [Fact]
    public async Task States_written_on_held_states_keep_the_columns_lists_filter_on()
    {
        await Host.Post("/api/units",
            """{"code":"GC-COL-DEPT","name":"Sở Tư pháp","level":"department","province":"Hà """
            + """Giang","registeredOn":"2010-01-01"}""").Expect(201);
        await Host.RegisterCommune("GC-COL-XA");
        var heldBefore = (long)(await Host.Get("/api/admin/unit-writes").Expect(200)).Json["onHeldStates"]!;

        foreach (var code in new[] { "GC-COL-DEPT", "GC-COL-XA" })
            await Host.Post($"/api/units/{code}/internal-audits", Audit).Expect(200);

        Assert.True(
            (long)(await Host.Get("/api/admin/unit-writes").Expect(200)).Json["onHeldStates"]! >= heldBefore + 2);
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand(
                "select id, province, level from mt_doc_unit where id like 'GC-COL-%' " +
                "and province = data ->> 'province' and level = data ->> 'level' order by id", connection);
            await using var rows = await query.ExecuteReaderAsync();
            var columns = new List<(string, string, string)>();
            while (await rows.ReadAsync()) columns.Add((rows.GetString(0), rows.GetString(1), rows.GetString(2)));
            Assert.Equal([("GC-COL-DEPT", "Hà Giang", "Department"), ("GC-COL-XA", "Quảng Trị", "Commune")], columns);
        }
        var departments = (await Host.Get($"/api/units?province={Uri.EscapeDataString("Hà Giang")}&level=department")
            .Expect(200)).Json["items"]!.AsArray();
        Assert.Contains(departments, unit => (string?)unit!["code"] == "GC-COL-DEPT" && (long)unit["version"]! == 2);
    }

    private async Task<int> Events(string code) =>
        (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count;
}

/// <summary>Makes commands wait together: the writer is held on a lock of one unit's stream while they queue, then
/// released, so that they are written as the next batch.</summary>
public static class Batch
{
    public static async Task<Answer[]> Of(
        ApiFixture api, IAlbaHost host, string heldUnit, params Func<Task<Answer>>[] commands)
    {
        var queue = host.Services.GetRequiredService<UnitWriteQueue>();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("select 1 from mt_streams where id = $1 for update", connection))
        {
            hold.Parameters.Add(new NpgsqlParameter { Value = heldUnit });
            await hold.ExecuteNonQueryAsync();
        }
        var batches = queue.Statistics().Batches;
        var held = host.Post($"/api/units/{heldUnit}/internal-audits", """{"heldOn":"2016-06-01"}""");
        await Until(() => queue.Statistics().Batches == batches + 1);
        var answers = new List<Task<Answer>>();
        foreach (var command in commands)
        {
            // One at a time, so that the queue holds them in the order they are listed.
            answers.Add(command());
            await Until(() => queue.Statistics().Waiting == answers.Count);
        }
        await transaction.RollbackAsync();
        await held.Expect(200);
        var written = await Task.WhenAll(answers);
        Assert.Equal(batches + 2, queue.Statistics().Batches);
        return written;
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The writer did not reach the expected state within 10 s.");
            await Task.Delay(5);
        }
    }
}
