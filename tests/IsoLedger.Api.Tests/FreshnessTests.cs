using Alba;
using IsoLedger.Projections.Dashboards;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IsoLedger.Api.Tests;

/// <summary>A dashboard's freshness counts committed events: appends that rolled back took sequence numbers that no
/// event holds, and the daemon's mark moves past them once they are stale, so the dashboards had said "processed
/// event 1217 of 1211".</summary>
public class FreshnessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Fact]
    public async Task The_processed_event_is_never_past_the_latest_committed_one()
    {
        await Host.RegisterCommune("FR-1");
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var gap = new NpgsqlCommand(
                "select max(nextval('mt_events_sequence')) from generate_series(1, 5)", connection);
            await gap.ExecuteScalarAsync();
        }
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var shard = new ShardName(DashboardUnitProjection.ProjectionName, ShardName.All, 1);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await store.Advanced.ProjectionProgressFor(shard) < 6 && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        var freshness = (await Host.Get("/api/dashboards/conversion?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B")
            .Expect(200)).Json["freshness"]!;
        Assert.True(await store.Advanced.ProjectionProgressFor(shard) >= 6, "the daemon's mark passed the gap");
        Assert.Equal((long)freshness["latestSequence"]!, (long)freshness["processedSequence"]!);
        Assert.Equal(0, (long)freshness["lag"]!);
    }
}
