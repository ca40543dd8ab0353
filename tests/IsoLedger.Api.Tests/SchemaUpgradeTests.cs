using Alba;
using IsoLedger.Api.Units;
using Npgsql;

namespace IsoLedger.Api.Tests;

/// <summary>A fixture whose test starts a second host on the same database, once the test has changed it.</summary>
public sealed class RestartingFixture : ApiFixture
{
    public Task<IAlbaHost> StartAnotherHost() => StartHost();
}

/// <summary>A database an earlier build created is upgraded when the API starts on it.</summary>
public class SchemaUpgradeTests(RestartingFixture api) : IClassFixture<RestartingFixture>
{
    private async Task<object?> Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Unit_states_versioned_by_number_as_builds_before_the_group_commit_stored_them_are_upgraded()
    {
        await api.Host.RegisterCommune("UPG-1");
        await api.Host.Post("/api/units/UPG-1/internal-audits", """{"heldOn":"2016-06-01"}""").Expect(200);
        // The column as those builds left it: PostgreSQL will not cast a bigint to a uuid by itself.
        await Execute("alter table mt_doc_unit alter column mt_version drop default, " +
            "alter column mt_version type bigint using 2, alter column mt_version set default 0");

        await using var upgraded = await api.StartAnotherHost();

        Assert.Equal("uuid", await Execute("select data_type from information_schema.columns " +
            "where table_name = 'mt_doc_unit' and column_name = 'mt_version'"));
        Assert.Equal(2, (long)(await upgraded.Get("/api/units/UPG-1").Expect(200)).Json["version"]!);
        var audit = await upgraded.Post("/api/units/UPG-1/internal-audits", """{"heldOn":"2016-07-01"}""").Expect(200);
        Assert.Equal(3, (long)audit.Json["version"]!);
    }

    private const string DashboardName = "select data->'state'->>'name' from mt_doc_dashboardunit where id = 'UPG-2'";

    [Fact]
    public async Task Unit_states_an_earlier_fold_stored_are_folded_again_from_their_events_once()
    {
        await api.Host.RegisterCommune("UPG-2");
        // What an earlier fold might have left: a state that says other than its events.
        await Execute("update mt_doc_unit set data = data || '{\"name\":\"Stale\",\"registeredName\":\"Stale\"}' "
            + "where id = 'UPG-2'");

        await using (var sameFold = await api.StartAnotherHost())
        {
            Assert.Equal("Stale", (string?)(await sameFold.Get("/api/units/UPG-2").Expect(200)).Json["name"]);
            await sameFold.Get("/api/dashboards/national/2020?consistent=true").Expect(200);
        }
        // The dashboards' copy of the state, folded as the earlier build folded it.
        await Execute("update mt_doc_dashboardunit set data = jsonb_set(data, '{state,name}', '\"Stale\"') "
            + "where id = 'UPG-2'");

        await Execute("update mt_doc_unitstatefold set data = jsonb_set(data, '{version}', '1')");
        await using var laterFold = await api.StartAnotherHost();

        var status = (await laterFold.Get("/api/units/UPG-2").Expect(200)).Json;
        Assert.Equal("UBND Xã UPG-2", (string?)status["name"]);
        Assert.Equal(1, (long)status["version"]!);
        Assert.Equal((long)UnitStateReplay.Fold,
            await Execute("select (data->>'version')::bigint from mt_doc_unitstatefold"));
        // Rebuilt once the server runs (the projected document is gone while the rebuild runs).
        const string folded = "UBND Xã UPG-2";
        object? projected = null;
        for (var tries = 0; tries < 200 && (projected = await Execute(DashboardName)) is not folded; tries++)
            await Task.Delay(100);
        Assert.Equal(folded, projected);
    }
}
