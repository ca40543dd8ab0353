using System.Text;
using Alba;
using Npgsql;

namespace IsoLedger.Api.Tests;

/// <summary>A large import leaves PostgreSQL's statistics of the tables it grew up to date, so that the plans of
/// prepared statements (the async daemon's page query among them) are made again for the tables' new size.</summary>
public class ImportStatisticsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Header = "province,unit_code,unit_name,level,district,year,report_date,declared,standard," +
        "conversion,quality_policy,quality_objectives,maintenance_plan,internal_audit,corrective_actions," +
        "management_review,report_submitted,inspection";

    private IAlbaHost Host => api.Host;

    private static byte[] Report(int units, int years)
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var year = 2011; year < 2011 + years; year++)
            for (var u = 0; u < units; u++)
                csv.Append($"Nghệ An,STAT-{u:0000},UBND Xã {u},commune,Huyện {u % 5},{year},{year}-11-15,x,2008,none," +
                    "x,x,x,x,x,x,x,passed\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private async Task<DateTimeOffset?> LastAnalysed(string table)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select greatest(last_analyze, last_autoanalyze) from pg_stat_user_tables where relname = $1", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = table });
        return await query.ExecuteScalarAsync() as DateTime? is { } at ? new DateTimeOffset(at) : null;
    }

    [Fact]
    public async Task The_event_stream_and_state_tables_are_analysed_after_an_import_of_many_events()
    {
        var before = DateTimeOffset.UtcNow;
        var answer = await Host.PostBytes("/api/imports?fileName=statistics.csv", Report(units: 200, years: 10));
        Assert.True(answer.Status == 200, answer.Text);
        Assert.True((int)answer.Json["eventsAppended"]! >= 10_000);

        foreach (var table in new[] { "mt_events", "mt_streams", "mt_doc_unit" })
            Assert.True(await LastAnalysed(table) >= before, $"{table} was not analysed after the import");
    }
}
