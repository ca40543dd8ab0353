using IsoLedger.Domain.Units;
using Marten;
using Npgsql;

namespace IsoLedger.Api.Hosting;

/// <summary>Changes to a database made by an earlier build that Marten's migration cannot make by itself, run before it
/// (the first hosted service, in the phase before any is started). Builds before the group commit kept unit states as
/// an inline projection, versioned by number: their <c>mt_version</c> is a <c>bigint</c>, which PostgreSQL refuses to
/// cast to the <c>uuid</c> Marten now declares, so such a database stopped the API at startup. The state's version is
/// its stream's, kept in the JSON; the column only tells writes apart, so each row gets a new one.</summary>
public sealed class SchemaUpgrades(NpgsqlDataSource dataSource, IServiceProvider services) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var table = services.GetRequiredService<IDocumentStore>().Options
            .FindOrResolveDocumentType(typeof(Unit)).TableName;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var upgrade = new NpgsqlCommand($"""
            do $$
            begin
                if exists (select 1 from information_schema.columns where table_schema = '{table.Schema}'
                        and table_name = '{table.Name}' and column_name = 'mt_version' and data_type = 'bigint') then
                    alter table {table.QualifiedName} alter column mt_version drop default;
                    alter table {table.QualifiedName} alter column mt_version type uuid
                        using md5(id || mt_version::text || clock_timestamp()::text)::uuid;
                    alter table {table.QualifiedName} alter column mt_version
                        set default md5(random()::text || clock_timestamp()::text)::uuid;
                end if;
            end $$
            """, connection);
        await upgrade.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
