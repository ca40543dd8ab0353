using Alba;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Wolverine;

namespace IsoLedger.Api.Tests;

/// <summary>One API host per test class, on a database of its own that is dropped afterwards, so test classes
/// never see each other's data and can run in any order or in parallel.</summary>
public class ApiFixture : IAsyncLifetime
{
    /// <summary>Set by ops/test.sh from the cluster it started (ops/lib/local-db.sh), the one place that says where
    /// the database is.</summary>
    private readonly string serverConnection =
        Environment.GetEnvironmentVariable("ISOLEDGER_TEST_CONNECTION")
        ?? throw new InvalidOperationException(
            "ISOLEDGER_TEST_CONNECTION is not set: run the tests with ops/test.sh, or set it to a PostgreSQL server "
            + "where the tests may create databases (ops/db.sh connection isoledger_test prints the local one).");

    private readonly string database = $"isoledger_t_{Guid.NewGuid():N}"[..32];

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The connection string of this fixture's own database.</summary>
    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        await ExecuteOnServer($"create database \"{database}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database }.ConnectionString;
        Host = await StartHost();
    }

    /// <summary>An API host on this fixture's database: the fixture's own, or another node beside it.</summary>
    protected Task<IAlbaHost> StartHost() =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:IsoLedger", ConnectionString);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // The checks of consistent answers compare them whole: on a loaded machine (a full run beside other
            // builds) the projection was seen more than the default 5 s behind, and an answer lacked the last fact.
            builder.UseSetting("IsoLedger:Dashboards:ConsistencyWaitSeconds", "120");
            // Tests send requests far faster than any client; the classes that test throttling set their own limit.
            builder.UseSetting("IsoLedger:RateLimit:PermitsPerSecond", "100000");
            // A sixth key beside the five development keys, revoked: it must open nothing.
            builder.UseSetting("IsoLedger:ApiKeys:5:Name", "dev-revoked");
            builder.UseSetting(
                "IsoLedger:ApiKeys:5:Sha256", "c45ad3b1855fc6ef1cef9db8372b35808207873f2fb2ff274b8fe7b39db032e7");
            builder.UseSetting("IsoLedger:ApiKeys:5:Roles:0", "admin");
            builder.UseSetting("IsoLedger:ApiKeys:5:Revoked", "true");
            builder.ConfigureServices(services => services.RunWolverineInSoloMode());
            Configure(builder);
        });

    /// <summary>Settings of a test class's own host, beyond the defaults.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    /// <summary>Runs <paramref name="use"/> on the host of a fixture of its own, an empty store dropped afterwards
    /// (a file exported from one store imported into another).</summary>
    public static async Task WithEmptyStore(Func<IAlbaHost, Task> use)
    {
        var empty = new ApiFixture();
        await empty.InitializeAsync();
        try
        {
            await use(empty.Host);
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    public virtual async Task DisposeAsync()
    {
        try
        {
            await Host.DisposeAsync();
        }
        catch (ObjectDisposedException stopped) when (stopped.ObjectName == typeof(CancellationTokenSource).FullName)
        {
            // JasperFx's projection coordinator may stop its runner on a token source the host's shutdown has
            // already disposed (seen once in CI, after the test's own work had passed): the host is stopped either
            // way, and its database is dropped below.
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServer($"drop database if exists \"{database}\" with (force)");
    }

    private async Task ExecuteOnServer(string sql)
    {
        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
