using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace IsoLedger.Api.Hosting;

public static class Persistence
{
    public const string ConnectionStringName = "IsoLedger";

    /// <summary>Async projections run in this process alone (Solo) unless
    /// <c>IsoLedger:Projections:Distribution</c> is <c>wolverine</c>: then Wolverine spreads them over every node
    /// sharing the database. Marten's HotCold mode is not an option with our DistributedLock stand-in (README, "The
    /// local package feed").</summary>
    public const string DistributionSetting = "IsoLedger:Projections:Distribution";

    /// <summary>Marten stores the events and read models; Wolverine hosts the HTTP endpoints and uses the
    /// same database for its own bookkeeping.</summary>
    public static void AddIsoLedgerPersistence(this WebApplicationBuilder builder)
    {
        var distribution = builder.Configuration[DistributionSetting] ?? "solo";
        var distributed = distribution switch
        {
            "solo" => false,
            "wolverine" => true,
            _ => throw new InvalidOperationException(
                $"{DistributionSetting} must be 'solo' or 'wolverine', not '{distribution}'."),
        };

        // Resolved lazily so that a host's own configuration (tests give each class a database) applies.
        builder.Services.AddSingleton(services =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>()
                    .GetConnectionString(ConnectionStringName)
                ?? throw new InvalidOperationException(
                    $"Connection string '{ConnectionStringName}' is not configured "
                    + $"(ConnectionStrings__{ConnectionStringName}).");
            // Every request runs the same few statements: prepared once per connection, PostgreSQL stops parsing and
            // planning them each time (commands +50 % in ops/bench.sh). A connection string that sets a size wins.
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            if (settings.MaxAutoPrepare == 0)
            {
                settings.MaxAutoPrepare = 64;
                settings.AutoPrepareMinUsages = 2;
            }
            // Unit states and events are a few kilobytes of JSON, compressed on every write: lz4 costs a fraction of
            // PostgreSQL's default pglz (the state upsert per command 0.128 → 0.072 ms) and reads back the same.
            if (settings.Options?.Contains("default_toast_compression", StringComparison.Ordinal) != true)
                settings.Options = $"{settings.Options} -c default_toast_compression=lz4".Trim();
            return new NpgsqlDataSourceBuilder(settings.ConnectionString)
                .UpgradingEarlierSchemas([.. services.GetServices<SchemaUpgrade>()])
                .Build();
        });

        builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                options.Connection(services.GetRequiredService<NpgsqlDataSource>());
                // Absent means null when read back: a unit's state is mostly empty years, half its size in nulls.
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
                    configure: json => json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
                options.Events.StreamIdentity = StreamIdentity.AsString;
                options.Events.MetadataConfig.EnableAll();
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Every versioned write keeps the answers to its Idempotency-Keys (VersionedWrites).
                options.Schema.For<IdempotentResponse>();
                // One event a projection cannot apply is skipped and kept as a dead letter, so the rest carry on.
                foreach (var errors in new[] { options.Projections.Errors, options.Projections.RebuildErrors })
                {
                    errors.SkipApplyErrors = true;
                    errors.SkipSerializationErrors = true;
                    errors.SkipUnknownEvents = true;
                }
                return options;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(distributed ? DaemonMode.Disabled : DaemonMode.Solo)
            .IntegrateWithWolverine(integration =>
                integration.UseWolverineManagedEventSubscriptionDistribution = distributed);

        builder.Host.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            // Handlers are generated ahead of time (ops/codegen.sh, checked by ops/test.sh) into Internal/Generated:
            // compiling them at run time would load Roslyn, ~170 MB at the first request. Auto still compiles a
            // handler whose pre-generated code is missing, so a new endpoint works before it is generated.
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Auto;
            options.Discovery.IncludeAssembly(typeof(Persistence).Assembly);
        });
    }
}
