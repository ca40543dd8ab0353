using Npgsql;

namespace IsoLedger.Api.Tests;

public static class LockWaiters
{
    /// <summary>The lock of the transactions that start units (CodesInOtherCase's), which registrations, imports that
    /// write new units and restructurings that form, rename, transfer or merge units take first.</summary>
    public const long StartLock = 0x69736f636f646573;

    /// <summary>Waits (at most 10 s) until a transaction on the database of <paramref name="connectionString"/>
    /// waits for a lock: a request the test holds back has reached the lock it holds.</summary>
    public static async Task WaitForALockWaiter(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "select count(*) from pg_locks where not granted and database = (select oid from pg_database "
            + "where datname = current_database())", connection);
        for (var i = 0; i < 500 && (long)(await waiting.ExecuteScalarAsync())! == 0; i++) await Task.Delay(20);
    }
}
