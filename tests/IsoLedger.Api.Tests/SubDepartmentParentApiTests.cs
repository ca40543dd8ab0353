using Alba;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Units;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace IsoLedger.Api.Tests;

/// <summary>A restructuring never leaves a sub-department (chi cục) under a department that has ended, nor under one
/// counted in another province: through the API, the merge endpoint and the restructuring table alike. Before, the
/// sub-departments of a merged department pointed at it for ever, a split or dissolved department's were left the
/// same way, and a chi cục moved to another province kept its department in the old one.</summary>
public class SubDepartmentParentApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Rule(string id) => $"urn:isoledger:rule:{id}";

    private Task<Answer> Restructure(string body) => Host.Post("/api/restructurings", body, Keys.Recorder);

    private Task<Answer> Import(params string[] lines) =>
        Host.PostBytes("/api/restructurings/import", ReportCsv.Lines(lines), key: Keys.Recorder);

    private async Task<string?> ParentOn(string code, string asOf) =>
        (string?)(await Host.Get($"/api/units/{code}/state?asOf={asOf}").Expect(200)).Json["parentCode"];

    private async Task<List<string>> History(string code) =>
    [
        .. (await Host.Get($"/api/units/{code}/history", Keys.Auditor).Expect(200)).Json.AsArray()
            .Select(e => (string)e!["type"]!),
    ];

    /// <summary>Registers the departments, then each sub-department under its department, all from 2015.</summary>
    private async Task Registered(string[] departments, params (string Code, string Parent)[] subDepartments)
    {
        foreach (var code in departments) await Host.RegisterDepartment(code, "2015-01-01");
        foreach (var (code, parent) in subDepartments) await Host.RegisterSubDepartment(code, parent, "2015-01-01");
    }

    private static string NewDepartment(string code) =>
        $$"""{"code":"{{code}}","name":"Sở {{code}}","level":"department","province":"Quảng Trị"}""";

    private static void LeftWithoutParent(Answer answer, string department, params string[] subDepartments)
    {
        Assert.Equal(Rule("sub-departments-left-without-parent"), answer.ProblemType);
        Assert.Equal(department, (string?)answer.Json["unit"]);
        Assert.Equal(subDepartments, answer.Json["subDepartments"]!.AsArray().Select(c => (string?)c));
        Assert.All(subDepartments, code => Assert.Contains(code, (string?)answer.Json["detail"]));
    }

    [Fact]
    public async Task Departments_merged_into_a_new_one_take_their_sub_departments_from_the_effective_date()
    {
        await Registered(["SP-M-NN", "SP-M-TN"], ("SP-M-KL", "SP-M-NN"), ("SP-M-DD", "SP-M-TN"));

        var answer = await Restructure($$"""
            {"decisionNo":"SP/1","effectiveOn":"2025-03-01","parts":[
              {"kind":"merge","from":["SP-M-NN","SP-M-TN"],"into":{{NewDepartment("SP-M-NNMT")}}}]}
            """).Expect(201);

        var carried = Assert.Single(answer.Json["parts"]!.AsArray(), p => (string?)p!["kind"] == "transfer")!;
        Assert.Equal(["SP-M-DD", "SP-M-KL"], carried["from"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("SP-M-NNMT", (string?)carried["parentCode"]);
        Assert.Equal("SP-M-NN", await ParentOn("SP-M-KL", "2025-02-28"));
        Assert.Equal("SP-M-NNMT", await ParentOn("SP-M-KL", "2025-03-01"));
        Assert.Equal("SP-M-TN", await ParentOn("SP-M-DD", "2025-02-28"));
        Assert.Equal("SP-M-NNMT", await ParentOn("SP-M-DD", "2025-03-01"));
        Assert.Equal(["UnitRegistered", "UnitTransferred"], await History("SP-M-KL"));
        var timeline = (await Host.Get("/api/dashboards/units/SP-M-KL/timeline").Expect(200)).Json.AsArray();
        Assert.Contains(timeline, e => (string?)e!["event"] == "UnitTransferred"
            && (string?)e["businessDate"] == "2025-03-01");
    }

    /// <summary>The sub-department belonged to the merged department only between two transfers: its parent that
    /// day is found among its transfers, not its registered or latest parent.</summary>
    [Fact]
    public async Task A_department_merged_by_the_merge_endpoint_takes_a_sub_department_it_had_for_a_while()
    {
        await Registered(["SP-E-A", "SP-E-B", "SP-E-C", "SP-E-D"], ("SP-E-CC", "SP-E-A"));
        foreach (var (on, parent) in new[] { ("2018-01-01", "SP-E-B"), ("2026-01-01", "SP-E-C") })
        {
            await Restructure($$"""
                {"decisionNo":"SP/{{on}}","effectiveOn":"{{on}}","parts":[
                  {"kind":"transfer","from":["SP-E-CC"],"parentCode":"{{parent}}"}]}
                """).Expect(201);
        }

        await Host.Post("/api/units/SP-E-B/merge",
            """{"mergedOn":"2025-03-01","intoCode":"SP-E-D","decisionNo":"SP/2"}""", Keys.Recorder).Expect(200);

        Assert.Equal("SP-E-B", await ParentOn("SP-E-CC", "2025-02-28"));
        Assert.Equal("SP-E-D", await ParentOn("SP-E-CC", "2025-03-01"));
        Assert.Equal("SP-E-C", await ParentOn("SP-E-CC", "2026-01-01"));
    }

    [Fact]
    public async Task A_split_or_dissolved_department_with_sub_departments_is_refused_unless_the_act_places_them()
    {
        await Registered(["SP-S-NN", "SP-S-XD"], ("SP-S-KL", "SP-S-NN"), ("SP-S-TL", "SP-S-NN"));
        string Split(string transfers) => $$"""
            {"decisionNo":"SP/3","effectiveOn":"2025-03-01","parts":[
              {"kind":"split","from":["SP-S-NN"],"into":[{{NewDepartment("SP-S-A")}},{{NewDepartment("SP-S-B")}}]}
              {{transfers}}]}
            """;

        LeftWithoutParent(await Restructure(Split("")).Expect(409), "SP-S-NN", "SP-S-KL", "SP-S-TL");
        var dissolved = await Restructure("""
            {"decisionNo":"SP/4","effectiveOn":"2025-03-01","parts":[
              {"kind":"dissolve","from":["SP-S-NN"]},
              {"kind":"transfer","from":["SP-S-KL"],"parentCode":"SP-S-XD"}]}
            """).Expect(409);
        LeftWithoutParent(dissolved, "SP-S-NN", "SP-S-TL");
        await Host.Get("/api/units/SP-S-A").Expect(404);
        Assert.Equal((1, 1, 1), ((await History("SP-S-NN")).Count, (await History("SP-S-KL")).Count,
            (await History("SP-S-TL")).Count));

        await Restructure(Split("""
            ,{"kind":"transfer","from":["SP-S-KL"],"parentCode":"SP-S-A"},
             {"kind":"transfer","from":["SP-S-TL"],"parentCode":"SP-S-B"}
            """)).Expect(201);
        Assert.Equal("SP-S-B", await ParentOn("SP-S-TL", "2025-03-01"));
    }

    [Fact]
    public async Task A_restructuring_table_carries_and_refuses_as_the_API_does_all_or_nothing()
    {
        await Registered(["SP-T-NN", "SP-T-TN", "SP-T-GT"], ("SP-T-KL", "SP-T-NN"), ("SP-T-DB", "SP-T-GT"));
        const string header = "decision_no,effective_on,kind,from_code,into_code,into_name,into_level,into_province";
        const string merge = "SP/5,01/03/2025,merge,SP-T-NN,SP-T-TN,,,";
        const string dissolve = "SP/6,01/03/2025,dissolve,SP-T-GT,,,,";

        var refused = await Import(header, merge, dissolve).Expect(409);
        LeftWithoutParent(refused, "SP-T-GT", "SP-T-DB");
        Assert.Equal("SP/6", (string?)refused.Json["decisionNo"]);
        Assert.Equal("SP-T-NN", await ParentOn("SP-T-KL", "2025-03-01"));
        Assert.Single(await History("SP-T-NN"));

        var imported = await Import(header, merge).Expect(200);
        var parts = imported.Json["restructurings"]![0]!["parts"]!.AsArray();
        Assert.Contains(parts, p => (string?)p!["kind"] == "transfer" && (string?)p["parentCode"] == "SP-T-TN");
        Assert.Equal("SP-T-NN", await ParentOn("SP-T-KL", "2025-02-28"));
        Assert.Equal("SP-T-TN", await ParentOn("SP-T-KL", "2025-03-01"));
        // Imported again, the act records nothing more.
        Assert.Empty((await Import(header, merge).Expect(200)).Json["restructurings"]!.AsArray());
    }

    [Fact]
    public async Task A_sub_department_moved_to_another_province_keeps_its_department_only_if_it_moves_too()
    {
        await Registered(["SP-P-NN"], ("SP-P-KL", "SP-P-NN"));
        static string Part(string code) => $$"""{"kind":"transfer","from":["{{code}}"],"province":"Hà Nội"}""";
        string Move(params string[] codes) =>
            $$"""{"decisionNo":"SP/7","effectiveOn":"2020-01-01","parts":[{{string.Join(",", codes.Select(Part))}}]}""";

        foreach (var moved in new[] { "SP-P-KL", "SP-P-NN" })
        {
            var refused = await Restructure(Move(moved)).Expect(409);
            Assert.Equal(Rule("parent-in-other-province"), refused.ProblemType);
            Assert.Equal(("SP-P-KL", "SP-P-NN"), ((string?)refused.Json["unit"], (string?)refused.Json["parentCode"]));
        }
        Assert.Equal((1, 1), ((await History("SP-P-KL")).Count, (await History("SP-P-NN")).Count));

        await Restructure(Move("SP-P-KL", "SP-P-NN")).Expect(201);
        var state = (await Host.Get("/api/units/SP-P-KL/state?asOf=2020-01-01").Expect(200)).Json;
        Assert.Equal(("Hà Nội", "SP-P-NN"), ((string?)state["province"], (string?)state["parentCode"]));
    }

    /// <summary>A restructuring that merges the parent away commits between the registration's reading of the parent
    /// and its write: the registration is decided on the parent as it is then, under the parent's lock, which the
    /// restructuring holds until it commits. Before, the parent was read before the write, unlocked, and the
    /// sub-department was recorded under a department merged away on its first day.</summary>
    [Fact]
    public async Task A_registration_is_decided_on_its_parent_as_a_restructuring_committed_meanwhile_left_it()
    {
        await Registered(["SP-L-NN", "SP-L-NNMT"]);
        var merge = new RestructureUnits("R-SP-L", "SP/L", new DateOnly(2025, 3, 1),
            [new RestructuringPart(RestructuringKind.Merge, ["SP-L-NN"], [], IntoCode: "SP-L-NNMT")]);
        // The restructuring's transaction, as its writer holds it: the units locked, the events appended.
        await using var restructuring = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var (states, _, _, _, _) = await Host.Services.GetRequiredService<UnitLocks>()
            .LockAndLoad(restructuring, merge.Codes, _ => null, [], CancellationToken.None);
        var accepted = Assert.IsType<RestructuringAccepted>(
            merge.Decide(states, Host.Services.GetRequiredService<BusinessClock>().Today));
        var appended = accepted.Events.ToDictionary(e => e.Key, e => e.Value.ToList());
        var versions = states.ToDictionary(s => s.Key, s => s.Value!.Version);
        UnitLocks.Append(restructuring, appended, states.ToDictionary(s => s.Key, s => (Unit?)UnitDocuments.Evolve(
            s.Value, appended[s.Key], versions[s.Key] + appended[s.Key].Count)), versions);

        var registration = Host.Post("/api/units", """
            {"code":"SP-L-CC","name":"Chi cục L","level":"sub-department","province":"Quảng Trị",
             "parentCode":"SP-L-NN","registeredOn":"2025-03-01"}
            """);
        // The registration reads its parent meanwhile.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await restructuring.SaveChangesAsync();

        Assert.Equal(Rule("parent-not-existing"), (await registration.Expect(409)).ProblemType);
        await Host.Get("/api/units/SP-L-CC").Expect(404);
    }

    /// <summary>A sub-department registered under the department after the restructuring looked for its
    /// sub-departments, and committed while the restructuring waited for the department's lock, is found under the
    /// locks and carried.</summary>
    [Fact]
    public async Task A_sub_department_registered_while_a_restructuring_waits_for_its_department_is_carried()
    {
        await Registered(["SP-W-NN", "SP-W-NNMT"]);
        var registration = new RegisterUnit("SP-W-CC", "Chi cục W", UnitLevel.SubDepartment, "Quảng Trị", null,
            "SP-W-NN", new DateOnly(2020, 1, 1));
        // The registration's transaction, as its writer holds it: the parent locked, the new stream started.
        await using var registering = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var (states, _, _, _, _) = await Host.Services.GetRequiredService<UnitLocks>()
            .LockAndLoad(registering, ["SP-W-NN", "SP-W-CC"], _ => null, [], CancellationToken.None);
        var registered = Assert.IsType<Accepted>(registration.Decide(
            states["SP-W-CC"], Host.Services.GetRequiredService<BusinessClock>().Today, states["SP-W-NN"]));
        UnitLocks.Append(registering, new Dictionary<string, List<object>> { ["SP-W-CC"] = [.. registered.Events] },
            new Dictionary<string, Unit?> { ["SP-W-CC"] = UnitDocuments.Evolve(null, registered.Events, 1) },
            new Dictionary<string, long> { ["SP-W-CC"] = 0 });

        var merge = Restructure("""
            {"decisionNo":"SP/W","effectiveOn":"2025-03-01","parts":[
              {"kind":"merge","from":["SP-W-NN"],"into":{"code":"SP-W-NNMT"}}]}
            """);
        // The restructuring looks for the department's sub-departments meanwhile, and waits for its lock.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await registering.SaveChangesAsync();

        await merge.Expect(201);
        Assert.Equal("SP-W-NNMT", await ParentOn("SP-W-CC", "2025-03-01"));
    }
}
