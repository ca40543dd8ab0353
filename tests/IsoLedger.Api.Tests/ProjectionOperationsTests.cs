using System.Text.Json;
using Alba;
using IsoLedger.Projections.Dashboards;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IsoLedger.Api.Tests;

public class ProjectionOperationsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Projection = "DashboardUnits";
    private IAlbaHost Host => api.Host;

    /// <summary>Each test's units in a province of their own.</summary>
    private static string ProvinceOf(string prefix) => prefix == "RB" ? "Hà Giang" : "Bắc Kạn";

    private async Task RecordSomeHistory(string prefix)
    {
        for (var i = 0; i < 5; i++)
        {
            var code = $"{prefix}-{i}";
            await Host.Post("/api/units",
                $$"""{"code":"{{code}}","name":"Sở {{i}}","level":"department","province":"{{ProvinceOf(prefix)}}","""
                + $$"""
                    "registeredOn":"2012-01-01"}
                    """).Expect(201);
            await Host.Record(code,
                ("/declarations", """{"declaredOn":"2013-09-01","standard":"2008"}"""),
                ("/internal-audits", $$"""{"heldOn":"2019-0{{i + 1}}-10"}"""));
            if (i % 2 == 0) await Host.Record(code, ("/conversion/complete", """{"convertedOn":"2020-06-01"}"""));
        }
    }

    private async Task<string> AllDashboardUnits()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var units = await session.Query<DashboardUnit>().OrderBy(u => u.Id).ToListAsync();
        return JsonSerializer.Serialize(units);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> Status() =>
        (await Host.Get("/api/admin/projections").Expect(200)).Json.AsArray()
            .Single(p => (string)p!["name"]! == Projection)!;

    [Fact]
    public async Task A_rebuilt_projection_equals_the_incrementally_built_one_and_keeps_running()
    {
        await RecordSomeHistory("RB");
        var conversion =
            $"/api/dashboards/conversion?province={Uri.EscapeDataString(ProvinceOf("RB"))}&consistent=true";
        var incremental = (await Host.Get(conversion).Expect(200)).Json["data"]!.ToJsonString();
        var incrementalDocuments = await AllDashboardUnits();

        var rebuilt = await Host.Post($"/api/admin/projections/{Projection}/rebuild", "{}").Expect(200);
        Assert.Equal(Projection, (string?)rebuilt.Json["name"]);

        Assert.Equal(incrementalDocuments, await AllDashboardUnits());
        Assert.Equal(incremental, (await Host.Get(conversion).Expect(200)).Json["data"]!.ToJsonString());

        await Host.Record("RB-1", ("/conversion/start", """{"startedOn":"2020-02-01"}"""));
        var after = (await Host.Get(conversion).Expect(200)).Json;
        Assert.Equal(0, (long)after["freshness"]!["lag"]!);
        Assert.Equal(1, (int)after["data"]!["totals"]!["converting"]!);
        Assert.Equal("Running", (string?)(await Status())["status"]);
    }

    [Fact]
    public async Task Unknown_projections_cannot_be_rebuilt_and_only_admins_may()
    {
        await Host.Post("/api/admin/projections/NoSuchProjection/rebuild", "{}").Expect(404);
        await Host.Post($"/api/admin/projections/{Projection}/rebuild", "{}", Keys.Auditor).Expect(403);
        await Host.Get("/api/admin/projections", Keys.Viewer).Expect(403);
    }

    [Fact]
    public async Task An_event_the_projection_cannot_read_is_skipped_counted_and_the_rest_carry_on()
    {
        await RecordSomeHistory("BAD");
        await Host.Get($"/api/dashboards/conversion?province=Kon+Tum&consistent=true").Expect(200);
        var skippedBefore = (long)(await Status())["skippedEvents"]!;

        await AppendUnreadableCopyOfLastEvent("BAD-0");
        await Host.Record("BAD-3", ("/conversion/start", """{"startedOn":"2020-02-01"}"""));

        var answer = (await Host
            .Get($"/api/dashboards/conversion?province={Uri.EscapeDataString(ProvinceOf("BAD"))}&consistent=true")
            .Expect(200)).Json;
        Assert.Equal(0, (long)answer["freshness"]!["lag"]!);
        Assert.Equal(1, (int)answer["data"]!["totals"]!["converting"]!);
        var status = await Status();
        Assert.Equal(skippedBefore + 1, (long)status["skippedEvents"]!);
        Assert.Equal("Running", (string?)status["status"]);
    }

    /// <summary>Appends to the stream a copy of its last event whose data no longer deserialises, as a corrupted
    /// row would.</summary>
    private async Task AppendUnreadableCopyOfLastEvent(string stream)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var columnsQuery = new NpgsqlCommand(
            "select column_name from information_schema.columns "
            + "where table_schema = 'public' and table_name = 'mt_events' order by ordinal_position", connection);
        var columns = new List<string>();
        await using (var reader = await columnsQuery.ExecuteReaderAsync())
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        var values = columns.Select(c => c switch
        {
            "seq_id" => "nextval('public.mt_events_sequence')",
            "id" => "gen_random_uuid()",
            "version" => "version + 1",
            "data" => "'\"not an event\"'::jsonb",
            _ => c,
        });
        var sql = $"""
            insert into public.mt_events ({string.Join(", ", columns)})
            select {string.Join(", ", values)} from public.mt_events
            """
            + """
             where stream_id = @stream order by version desc limit 1;
            update public.mt_streams set version = version + 1 where id = @stream;
            """;
        await using var insert = new NpgsqlCommand(sql, connection);
        insert.Parameters.AddWithValue("stream", stream);
        await insert.ExecuteNonQueryAsync();
    }
}
