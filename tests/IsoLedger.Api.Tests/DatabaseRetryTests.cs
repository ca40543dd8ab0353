using Alba;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace IsoLedger.Api.Tests;

/// <summary>Makes the next writes fail as if the connection dropped: when the unit's stream is locked (before any
/// commit is sent), or after the commit went through (the answer lost on the way back), on either write path (a
/// Marten transaction, or the one round trip of <c>KnownVersionWrites</c>).</summary>
public sealed class DatabaseFaults : DocumentSessionListenerBase, IMartenLogger, IMartenSessionLogger
{
    private int failBeforeCommit;
    private int failAfterCommit;

    public void FailBeforeCommit(int times) => failBeforeCommit = times;

    public void FailAfterCommit(int times) => failAfterCommit = times;

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) =>
        Interlocked.Decrement(ref failAfterCommit) >= 0
            ? throw new TimeoutException("Simulated: the connection dropped after the commit.")
            : Task.CompletedTask;

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql)
    {
    }

    // The write path locks the unit's stream first; only that statement fails, not the async daemon's queries.
    public void OnBeforeExecute(NpgsqlCommand command)
    {
        if (command.CommandText.Contains("for update", StringComparison.OrdinalIgnoreCase)
            && Interlocked.Decrement(ref failBeforeCommit) >= 0)
            throw new TimeoutException("Simulated: the connection dropped while locking the stream.");
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
        foreach (var command in batch.BatchCommands)
        {
            if (command.CommandText.Contains("for update", StringComparison.OrdinalIgnoreCase)
                && Interlocked.Decrement(ref failBeforeCommit) >= 0)
                throw new TimeoutException("Simulated: the connection dropped while locking the stream.");
        }
    }

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
    }

    // The write path's one round trip (it locks the streams and inserts in the same batch, its commit implicit) has
    // committed when it succeeds.
    public void LogSuccess(NpgsqlBatch batch)
    {
        var statements = batch.BatchCommands.Select((NpgsqlBatchCommand c) => c.CommandText).ToList();
        if (statements.Any(sql => sql.Contains("for update", StringComparison.OrdinalIgnoreCase))
            && statements.Any(sql => sql.Contains("insert into", StringComparison.OrdinalIgnoreCase))
            && Interlocked.Decrement(ref failAfterCommit) >= 0)
            throw new TimeoutException("Simulated: the connection dropped after the commit.");
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
    }

    public void LogFailure(Exception ex, string message)
    {
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }
}

public sealed class FaultyDatabaseFixture : ApiFixture
{
    public DatabaseFaults Faults { get; } = new();

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.ConfigureMarten(options =>
        {
            options.Listeners.Add(Faults);
            options.Logger(Faults);
        }));
}

/// <summary>Retries wrap the database work alone, and a retried command never appends twice.</summary>
public class DatabaseRetryTests(FaultyDatabaseFixture api) : IClassFixture<FaultyDatabaseFixture>
{
    private const string Audit = """{"heldOn":"2016-06-01"}""";
    private IAlbaHost Host => api.Host;

    private async Task<long> Version(string code) =>
        (long)(await Host.Get($"/api/units/{code}")).Json["version"]!;

    [Fact]
    public async Task A_commit_that_failed_before_it_was_sent_is_retried_and_recorded_once()
    {
        await Host.RegisterCommune("QT-RETRY-1");
        api.Faults.FailBeforeCommit(2);
        await Host.Post("/api/units/QT-RETRY-1/internal-audits", Audit).Expect(200);
        Assert.Equal(2, await Version("QT-RETRY-1"));
    }

    [Fact]
    public async Task A_retried_command_with_an_idempotency_key_finds_its_first_commit_and_appends_nothing_more()
    {
        await Host.RegisterCommune("QT-RETRY-2");
        api.Faults.FailAfterCommit(1);
        var answer = await Host.Post("/api/units/QT-RETRY-2/internal-audits", Audit, Keys.Admin,
            ("Idempotency-Key", "retry-after-commit")).Expect(200);
        Assert.Equal(2, (long)answer.Json["version"]!);
        Assert.Equal(2, await Version("QT-RETRY-2"));
    }

    [Fact]
    public async Task A_command_without_a_key_whose_commit_may_have_happened_is_not_retried()
    {
        await Host.RegisterCommune("QT-RETRY-3");
        api.Faults.FailAfterCommit(1);
        var answer = await Host.Post("/api/units/QT-RETRY-3/internal-audits", Audit, Keys.Admin,
            ("X-Correlation-Id", "retry-3")).Expect(503);
        Assert.NotNull(answer.Header("Retry-After"));
        // The exception handler clears the headers before it writes the problem: the id is set again.
        Assert.Equal("retry-3", answer.Header("X-Correlation-Id"));
        Assert.Equal(2, await Version("QT-RETRY-3"));
    }

    /// <summary>Every 503 says when to retry, as the document describes it: the import stopped part way by the
    /// database going away had sent none.</summary>
    [Fact]
    public async Task An_import_stopped_by_the_database_going_away_says_when_to_retry()
    {
        var csv = "province,unit_code,unit_name,level,district,year,report_date,declared,standard\n"
            + "Quảng Trị,QT-RETRY-IMPORT,UBND Xã A,commune,Hải Lăng,2020,2020-11-19,x,2015\n";
        api.Faults.FailAfterCommit(1);

        var answer = await Host.PostBytes("/api/imports", System.Text.Encoding.UTF8.GetBytes(csv)).Expect(503);

        Assert.Equal("urn:isoledger:problem:import-interrupted", answer.ProblemType);
        Assert.Equal("5", answer.Header("Retry-After"));
    }

    [Fact]
    public async Task After_the_database_closed_the_nodes_connections_a_command_without_a_key_is_written_once()
    {
        await Host.RegisterCommune("QT-RETRY-4");
        await Host.Post("/api/units/QT-RETRY-4/internal-audits", Audit).Expect(200);
        Assert.Equal(2, await Version("QT-RETRY-4"));
        // As a restart does: every connection the node holds is closed while it idles.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await using (var db = new NpgsqlConnection(api.ConnectionString))
        {
            await db.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "select pg_terminate_backend(pid) from pg_stat_activity "
                + "where datname = current_database() and pid <> pg_backend_pid()", db);
            await terminate.ExecuteNonQueryAsync();
        }

        await Host.Post("/api/units/QT-RETRY-4/internal-audits", Audit).Expect(200);
        Assert.Equal(3, await Version("QT-RETRY-4"));
    }
}
