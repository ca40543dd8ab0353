using System.Data;
using Npgsql;

namespace IsoLedger.Api.Hosting;

/// <summary>One connection kept open for work that runs one piece at a time (a <see cref="Batches{T}"/> runner), so
/// that no piece rents a connection from the pool and has it reset: for unit status reads that cut the cost of a read
/// by a third (ops/bench.sh). A connection that is not open any more (a failed piece may have broken it) is replaced
/// by the next piece, and one idle for a while is checked first with a query of its own: the database may have closed
/// it meanwhile (a restart), and a write that finds that out only after it was sent could not tell whether it
/// committed.</summary>
public sealed class DedicatedConnection(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    /// <summary>Under load the connection never idles this long, so the check costs nothing there.</summary>
    private const long IdleBeforeCheckMs = 1_000;

    private NpgsqlConnection? connection;
    private long lastUsed;

    /// <summary>Runs <paramref name="work"/> on the connection; never two at a time.</summary>
    public async Task<T> Run<T>(Func<NpgsqlConnection, Task<T>> work)
    {
        var open = await Open();
        try
        {
            return await work(open);
        }
        finally
        {
            lastUsed = Environment.TickCount64;
        }
    }

    private async Task<NpgsqlConnection> Open()
    {
        if (connection is { FullState: ConnectionState.Open } && Environment.TickCount64 - lastUsed > IdleBeforeCheckMs)
        {
            try
            {
                await using var check = new NpgsqlCommand("select 1", connection);
                await check.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                await DisposeAsync();
            }
        }
        if (connection is { FullState: ConnectionState.Open }) return connection;
        await DisposeAsync();
        return connection = await dataSource.OpenConnectionAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null) return;
        await connection.DisposeAsync();
        connection = null;
    }
}
