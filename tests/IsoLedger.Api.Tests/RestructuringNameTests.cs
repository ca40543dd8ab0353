using System.Text;
using Alba;
using Npgsql;

namespace IsoLedger.Api.Tests;

/// <summary>A restructuring (through the API or a restructuring table) that would give a unit the name of another
/// living that day at its level and place answers 409 <c>unit-name-taken</c> naming the unit that holds the name, and
/// records nothing; the units the act itself ends leave their names free.</summary>
public class RestructuringNameTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<int> HistoryLength(string code) =>
        (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count;

    private Task<Answer> Restructure(string effectiveOn, string parts) =>
        Host.Post("/api/restructurings",
            $$"""{"decisionNo":"NQ-{{effectiveOn}}","effectiveOn":"{{effectiveOn}}","parts":[{{parts}}]}""");

    [Fact]
    public async Task A_rename_to_a_living_commune_s_name_is_refused_and_one_to_a_commune_it_merges_is_recorded()
    {
        await Host.RegisterCommune("RN1-A", "2015-01-01");
        await Host.RegisterCommune("RN1-B", "2015-01-01");
        var before = await HistoryLength("RN1-A");

        var taken = await Restructure("2020-01-01",
            """{"kind":"rename","from":["RN1-A"],"name":"ủy ban nhân dân xã RN1-B"}""").Expect(409);
        Assert.Equal(("unit-name-taken", "RN1-B"), ((string?)taken.Json["rule"], (string?)taken.Json["unit"]));
        Assert.Contains("RN1-A", (string?)taken.Json["detail"]);
        Assert.Equal(before, await HistoryLength("RN1-A"));

        await Restructure("2020-01-01", """
            {"kind":"rename","from":["RN1-A"],"name":"UBND Xã RN1-B"},
            {"kind":"merge","from":["RN1-B"],"into":{"code":"RN1-A"}}
            """).Expect(201);
    }

    [Fact]
    public async Task A_table_whose_merge_forms_a_living_commune_s_namesake_imports_nothing()
    {
        foreach (var code in new[] { "RN2-A", "RN2-B", "RN2-C", "RN2-D", "RN2-X" })
            await Host.RegisterCommune(code, "2015-01-01");
        const string header =
            "decision_no,effective_on,kind,from_code,into_code,into_name,into_level,into_province,into_district\n";
        var rows = """
            NQ 1,2020-01-01,,RN2-A,RN2-N1,UBND Xã RN2-N1,commune,Quảng Trị,Hải Lăng
            NQ 1,2020-01-01,,RN2-B,RN2-N1,UBND Xã RN2-N1,commune,Quảng Trị,Hải Lăng
            NQ 2,2020-01-01,,RN2-C,RN2-N2,UBND xã  RN2-X.,commune,Quảng Trị,Hải Lăng
            NQ 2,2020-01-01,,RN2-D,RN2-N2,UBND xã  RN2-X.,commune,Quảng Trị,Hải Lăng
            """;

        var taken = await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(header + rows))
            .Expect(409);
        Assert.Equal(("unit-name-taken", "RN2-X", "NQ 2"),
            ((string?)taken.Json["rule"], (string?)taken.Json["unit"], (string?)taken.Json["decisionNo"]));
        await Host.Get("/api/units/RN2-N1").Expect(404);
        Assert.Null((await Host.Get("/api/units/RN2-A").Expect(200)).Json["mergedInto"]);
    }

    [Fact]
    public async Task A_rename_or_transfer_that_changes_nothing_is_refused_and_a_replay_answers_as_first()
    {
        await Host.RegisterCommune("RN3-A", "2015-01-01");
        const string rename = """{"kind":"rename","from":["RN3-A"],"name":"UBND Xã RN3-A Mới"}""";
        var key = ("Idempotency-Key", $"rn3-{Guid.NewGuid():N}");
        var first = await Host.Post("/api/restructurings",
            $$"""{"decisionNo":"NQ-3","effectiveOn":"2020-01-01","parts":[{{rename}}]}""", Keys.Admin, key).Expect(201);
        var before = await HistoryLength("RN3-A");

        var replay = await Host.Post("/api/restructurings",
            $$"""{"decisionNo":"NQ-3","effectiveOn":"2020-01-01","parts":[{{rename}}]}""", Keys.Admin, key).Expect(201);
        Assert.Equal((string?)first.Json["id"], (string?)replay.Json["id"]);
        foreach (var (on, part) in new[]
                 {
                     ("2021-01-01", rename),
                     // The same name with spaces and a zero-width space, which no one sees, is no new name.
                     ("2021-01-01", """{"kind":"rename","from":["RN3-A"],"name":" UBND  Xã RN3-A\u200B Mới "}"""),
                     ("2020-06-01", """{"kind":"transfer","from":["RN3-A"],"district":"Huyện Hải Lăng"}"""),
                     ("2020-06-01", """{"kind":"transfer","from":["RN3-A"],"province":"Quảng Trị"}"""),
                 })
        {
            var idle = await Restructure(on, part).Expect(409);
            Assert.Equal(("nothing-to-change", "RN3-A"), ((string?)idle.Json["rule"], (string?)idle.Json["unit"]));
        }
        Assert.Equal(before, await HistoryLength("RN3-A"));
        // A rename that corrects the name's spelling is a change.
        await Restructure("2021-01-01", """{"kind":"rename","from":["RN3-A"],"name":"UBND xã RN3-A mới"}""")
            .Expect(201);
    }

    /// <summary>A rename and a registration of its new name, racing, each read the names before the other committed:
    /// both were recorded. A restructuring takes turns with the registrations at the lock of the transactions that
    /// start units, so one of them sees the other.</summary>
    [Fact]
    public async Task A_rename_takes_turns_with_registrations_so_that_a_racing_namesake_is_seen()
    {
        await Host.RegisterCommune("RN4-A", "2015-01-01");
        await using var holder = new NpgsqlConnection(api.ConnectionString);
        await holder.OpenAsync();
        await using (var hold = new NpgsqlCommand($"select pg_advisory_lock({LockWaiters.StartLock})", holder))
            await hold.ExecuteNonQueryAsync();
        var rename = Restructure("2020-01-01", """{"kind":"rename","from":["RN4-A"],"name":"UBND Xã RN4-B"}""");
        await LockWaiters.WaitForALockWaiter(api.ConnectionString);
        var waited = !rename.IsCompleted;
        await using (var release = new NpgsqlCommand($"select pg_advisory_unlock({LockWaiters.StartLock})", holder))
            await release.ExecuteNonQueryAsync();

        await rename.Expect(201);
        Assert.True(waited, "The rename did not wait for the registrations' turn.");
    }

    /// <summary>A department merged into an existing one carries its sub-departments to it: a carried chi cục and a
    /// registration of its namesake under the department taking it, racing, each read the names before the other
    /// committed, as the act named no rename or transfer and started no unit, and took no turn with the registrations.
    /// A merge (through the API, the merge endpoint or a table) takes turns with them as a rename does.</summary>
    [Theory]
    [InlineData("restructuring")]
    [InlineData("merge endpoint")]
    public async Task A_merge_carrying_sub_departments_takes_turns_with_registrations(string route)
    {
        var prefix = route == "restructuring" ? "RN5" : "RN6";
        await Host.RegisterDepartment($"{prefix}-OLD", "2015-01-01");
        await Host.RegisterDepartment($"{prefix}-NEW", "2015-01-01");
        await Host.RegisterSubDepartment($"{prefix}-KL", $"{prefix}-OLD", "2015-01-01");
        await using var holder = new NpgsqlConnection(api.ConnectionString);
        await holder.OpenAsync();
        await using (var hold = new NpgsqlCommand($"select pg_advisory_lock({LockWaiters.StartLock})", holder))
            await hold.ExecuteNonQueryAsync();
        var merge = route == "restructuring"
            ? Restructure("2020-01-01",
                $$$"""{"kind":"merge","from":["{{{prefix}}}-OLD"],"into":{"code":"{{{prefix}}}-NEW"}}""")
            : Host.Post($"/api/units/{prefix}-OLD/merge",
                $$"""{"mergedOn":"2020-01-01","intoCode":"{{prefix}}-NEW","decisionNo":"NQ-{{prefix}}"}""");
        await LockWaiters.WaitForALockWaiter(api.ConnectionString);
        var waited = !merge.IsCompleted;
        await using (var release = new NpgsqlCommand($"select pg_advisory_unlock({LockWaiters.StartLock})", holder))
            await release.ExecuteNonQueryAsync();

        await merge.Expect(route == "restructuring" ? 201 : 200);
        Assert.True(waited, "The merge did not wait for the registrations' turn.");
        var carried = await Host.Get($"/api/units/{prefix}-KL").Expect(200);
        Assert.Equal($"{prefix}-NEW", (string?)carried.Json["parentCode"]);
    }
}
