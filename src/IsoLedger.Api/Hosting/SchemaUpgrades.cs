using Npgsql;

namespace IsoLedger.Api.Hosting;

/// <summary>A change to a database made by an earlier build that Marten's migration cannot make by itself, registered
/// by the feature whose tables it changes. It must be safe to run again: it runs on every new physical
/// connection.</summary>
public sealed record SchemaUpgrade(string Sql);

public static class SchemaUpgrades
{
    /// <summary>Runs every registered upgrade on each new physical connection, before anything else uses it, so they
    /// precede Marten's migration whichever way it runs (the API's start, <c>db-apply</c>, an import command); once
    /// made, each check is one catalogue query per connection the pool opens. Npgsql opens a connection synchronously
    /// or asynchronously as its caller does; each way runs the upgrades the same way, never blocking on the
    /// other.</summary>
    public static NpgsqlDataSourceBuilder UpgradingEarlierSchemas(
        this NpgsqlDataSourceBuilder builder, IReadOnlyList<SchemaUpgrade> upgrades) =>
        upgrades.Count == 0
            ? builder
            : builder.UsePhysicalConnectionInitializer(
                connection =>
                {
                    foreach (var upgrade in upgrades)
                    {
                        using var command = new NpgsqlCommand(upgrade.Sql, connection);
                        command.ExecuteNonQuery();
                    }
                },
                async connection =>
                {
                    foreach (var upgrade in upgrades)
                    {
                        await using var command = new NpgsqlCommand(upgrade.Sql, connection);
                        await command.ExecuteNonQueryAsync();
                    }
                });
}
