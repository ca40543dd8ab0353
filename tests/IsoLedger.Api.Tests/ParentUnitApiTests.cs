using System.Text;
using Alba;
using Npgsql;

namespace IsoLedger.Api.Tests;

/// <summary>Every path that records a parent refuses one that is not a department existing on the fact's date in the
/// unit's province, and records nothing then: a registration and a restructuring answer 409 naming the rule (400 for
/// a level that has no parent), the two import tables name the row and column. Before, a registration under
/// "QT-NOPE" answered 201, and so did a transfer of a commune to a unit that never existed.</summary>
public class ParentUnitApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string SubDepartment(string code, string parent, string registeredOn, string province = "Quảng Trị")
        => $$"""{"code":"{{code}}","name":"Chi cục {{code}}","level":"sub-department","province":"{{province}}", """
            + $$""" "parentCode":"{{parent}}","registeredOn":"{{registeredOn}}"}""";

    private static string Rule(string id) => $"urn:isoledger:rule:{id}";

    private async Task NotRegistered(string code) => await Host.Get($"/api/units/{code}").Expect(404);

    private async Task<int> HistoryLength(string code) =>
        (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count;

    private static List<(int Line, string? Column, string Reason)> Errors(Answer answer) =>
    [
        .. answer.Json["errors"]!.AsArray()
            .Select(e => ((int)e!["line"]!, (string?)e["column"], (string)e["reason"]!)),
    ];

    [Fact]
    public async Task A_registration_under_a_code_no_unit_has_is_refused_and_records_nothing()
    {
        var answer = await Host.Post("/api/units", SubDepartment("PU-R-NOPE", "QT-NOPE", "2020-01-01")).Expect(409);

        Assert.Equal(Rule("parent-not-existing"), answer.ProblemType);
        Assert.Equal("parent-not-existing", (string?)answer.Json["rule"]);
        await NotRegistered("PU-R-NOPE");
    }

    [Fact]
    public async Task A_registration_under_an_existing_department_is_recorded_with_its_parent()
    {
        await Host.RegisterDepartment("PU-R-SO", "2015-01-01");

        await Host.Post("/api/units", SubDepartment("PU-R-CC", "PU-R-SO", "2020-01-01")).Expect(201);

        Assert.Equal("PU-R-SO", (string?)(await Host.Get("/api/units/PU-R-CC").Expect(200)).Json["parentCode"]);
    }

    [Theory]
    [InlineData("commune", """ "district":"Hải Lăng", """)]
    [InlineData("department", "")]
    [InlineData("district", "")]
    public async Task A_level_other_than_a_sub_department_takes_no_parent(string level, string district)
    {
        var (code, parent) = ($"PU-R-{level.ToUpperInvariant()}", $"PU-R-SO-{level.ToUpperInvariant()}");
        await Host.RegisterDepartment(parent, "2015-01-01");
        var body = $$"""{"code":"{{code}}","name":"Đơn vị {{level}}","level":"{{level}}","province":"Quảng Trị", """
            + $$"""{{district}} "parentCode":"{{parent}}","registeredOn":"2020-01-01"}""";

        var answer = await Host.Post("/api/units", body).Expect(400);

        Assert.Contains("only a sub-department", (string)answer.Json["errors"]!["parentCode"]![0]!);
        await NotRegistered(code);
    }

    [Fact]
    public async Task A_registration_s_parent_is_a_department_of_its_province_existing_on_its_date()
    {
        await Host.RegisterDepartment("PU-D-SO", "2015-01-01");
        await Host.RegisterSubDepartment("PU-D-CC", "PU-D-SO", "2016-01-01");
        await Host.RegisterDepartment("PU-D-HN", "2015-01-01", "Hà Nội");

        var early = await Host.Post("/api/units", SubDepartment("PU-D-1", "PU-D-SO", "2014-12-31")).Expect(409);
        Assert.Equal(Rule("parent-not-existing"), early.ProblemType);
        var underSubDepartment =
            await Host.Post("/api/units", SubDepartment("PU-D-2", "PU-D-CC", "2020-01-01")).Expect(409);
        Assert.Equal(Rule("parent-level"), underSubDepartment.ProblemType);
        var elsewhere = await Host.Post("/api/units", SubDepartment("PU-D-3", "PU-D-HN", "2020-01-01")).Expect(409);
        Assert.Equal(Rule("parent-in-other-province"), elsewhere.ProblemType);
        foreach (var code in new[] { "PU-D-1", "PU-D-2", "PU-D-3" }) await NotRegistered(code);
    }

    [Fact]
    public async Task A_department_merged_away_is_no_parent_from_its_merger()
    {
        await Host.RegisterDepartment("PU-M-SO-A", "2015-01-01");
        await Host.RegisterDepartment("PU-M-SO-B", "2015-01-01");
        await Host.Post("/api/units/PU-M-SO-A/merge",
            """{"mergedOn":"2025-03-01","intoCode":"PU-M-SO-B","decisionNo":"QĐ 1/2025"}""").Expect(200);

        await Host.Post("/api/units", SubDepartment("PU-M-CC-1", "PU-M-SO-A", "2025-02-28")).Expect(201);
        var after = await Host.Post("/api/units", SubDepartment("PU-M-CC-2", "PU-M-SO-A", "2025-03-01")).Expect(409);

        Assert.Equal(Rule("parent-not-existing"), after.ProblemType);
        await NotRegistered("PU-M-CC-2");
    }

    /// <summary>From 1 July 2025 Quảng Bình's units count under Quảng Trị (Resolution 202/2025/QH15).</summary>
    [Fact]
    public async Task A_department_of_a_province_merged_into_the_unit_s_is_its_parent_from_the_merger()
    {
        await Host.RegisterDepartment("PU-QB-SO", "2015-01-01", "Quảng Bình");

        var before = await Host.Post("/api/units", SubDepartment("PU-QB-CC-1", "PU-QB-SO", "2025-06-30")).Expect(409);
        Assert.Equal(Rule("parent-in-other-province"), before.ProblemType);
        await Host.Post("/api/units", SubDepartment("PU-QB-CC-2", "PU-QB-SO", "2025-07-01")).Expect(201);
    }

    [Fact]
    public async Task A_transfer_of_a_commune_to_a_unit_that_never_existed_is_refused_and_records_nothing()
    {
        await Host.RegisterCommune("PU-T-XA", "2015-01-01");
        await Host.RegisterDepartment("PU-T-SO", "2015-01-01");
        await Host.RegisterSubDepartment("PU-T-CC", "PU-T-SO", "2015-01-01");

        var commune = await Host.Post("/api/restructurings", """
            {"decisionNo":"PU/1","effectiveOn":"2020-01-01",
             "parts":[{"kind":"transfer","from":["PU-T-XA"],"parentCode":"QT-NOPE"}]}
            """, Keys.Recorder).Expect(409);
        Assert.Equal(Rule("parent-level"), commune.ProblemType);
        Assert.Equal(("PU-T-XA", "QT-NOPE"), ((string?)commune.Json["unit"], (string?)commune.Json["parentCode"]));

        var nope = await Host.Post("/api/restructurings", """
            {"decisionNo":"PU/2","effectiveOn":"2020-01-01",
             "parts":[{"kind":"transfer","from":["PU-T-CC"],"parentCode":"QT-NOPE"}]}
            """, Keys.Recorder).Expect(409);
        Assert.Equal(Rule("parent-not-existing"), nope.ProblemType);
        Assert.Equal(("PU-T-CC", "QT-NOPE"), ((string?)nope.Json["unit"], (string?)nope.Json["parentCode"]));
        Assert.Contains("QT-NOPE", (string?)nope.Json["detail"]);

        Assert.Equal((1, 1), (await HistoryLength("PU-T-XA"), await HistoryLength("PU-T-CC")));
    }

    [Fact]
    public async Task Departments_merge_and_their_sub_department_moves_to_the_new_one_by_one_act()
    {
        await Host.RegisterDepartment("PU-A-SO-NN", "2015-01-01");
        await Host.RegisterDepartment("PU-A-SO-TN", "2015-01-01");
        await Host.RegisterSubDepartment("PU-A-CC", "PU-A-SO-NN", "2015-01-01");
        string Act(string number, string parent) => $$$"""
            {"decisionNo":"PU/{{{number}}}","effectiveOn":"2025-03-01","parts":[
              {"kind":"merge","from":["PU-A-SO-NN","PU-A-SO-TN"],
               "into":{"code":"PU-A-SO-NNMT","name":"Sở NN&MT","level":"department","province":"Quảng Trị"}},
              {"kind":"transfer","from":["PU-A-CC"],"parentCode":"{{{parent}}}"}]}
            """;

        var toMergedAway = await Host.Post("/api/restructurings", Act("3", "PU-A-SO-TN"), Keys.Recorder).Expect(409);
        Assert.Equal(Rule("parent-not-existing"), toMergedAway.ProblemType);
        await NotRegistered("PU-A-SO-NNMT");
        Assert.Equal(1, await HistoryLength("PU-A-SO-TN"));

        await Host.Post("/api/restructurings", Act("4", "PU-A-SO-NNMT"), Keys.Recorder).Expect(201);
        var state = (await Host.Get("/api/units/PU-A-CC/state?asOf=2025-03-01").Expect(200)).Json;
        Assert.Equal("PU-A-SO-NNMT", (string?)state["parentCode"]);
    }

    [Fact]
    public async Task A_restructuring_s_new_unit_takes_a_parent_as_a_registration_does()
    {
        await Host.RegisterDepartment("PU-N-SO", "2015-01-01");
        await Host.RegisterSubDepartment("PU-N-CC", "PU-N-SO", "2015-01-01");
        await Host.RegisterCommune("PU-N-XA", "2015-01-01");
        string Split(string parent) => $$"""
            {"decisionNo":"PU/5","effectiveOn":"2021-01-01","parts":[{"kind":"split","from":["PU-N-CC"],"into":[
              {"code":"PU-N-CC-A","name":"Chi cục A","level":"sub-department","province":"Quảng Trị",
               "parentCode":"PU-N-SO"},
              {"code":"PU-N-CC-B","name":"Chi cục B","level":"sub-department","province":"Quảng Trị",
               "parentCode":"{{parent}}"}]}]}
            """;

        var nope = await Host.Post("/api/restructurings", Split("PU-N-NOPE"), Keys.Recorder).Expect(409);
        Assert.Equal(Rule("parent-not-existing"), nope.ProblemType);
        Assert.Equal(("PU-N-CC-B", "PU-N-NOPE"), ((string?)nope.Json["unit"], (string?)nope.Json["parentCode"]));
        await NotRegistered("PU-N-CC-A");

        var commune = await Host.Post("/api/restructurings", """
            {"decisionNo":"PU/6","effectiveOn":"2021-01-01","parts":[{"kind":"merge","from":["PU-N-XA"],
              "into":{"code":"PU-N-XA-M","name":"UBND Xã M","level":"commune","province":"Quảng Trị",
                      "district":"Hải Lăng","parentCode":"PU-N-SO"}}]}
            """, Keys.Recorder).Expect(400);
        Assert.NotNull(commune.Json["errors"]!["parts[0].into.parentCode"]);

        await Host.Post("/api/restructurings", Split("PU-N-SO"), Keys.Recorder).Expect(201);
        Assert.Equal("PU-N-SO", (string?)(await Host.Get("/api/units/PU-N-CC-B").Expect(200)).Json["parentCode"]);
    }

    [Fact]
    public async Task A_restructuring_table_refuses_a_parent_as_the_API_does()
    {
        await Host.RegisterDepartment("PU-RT-SO", "2015-01-01");
        await Host.RegisterSubDepartment("PU-RT-CC", "PU-RT-SO", "2015-01-01");
        await Host.RegisterCommune("PU-RT-XA", "2015-01-01");
        const string header = "decision_no,effective_on,kind,from_code,into_code,into_name,into_level,into_province,"
            + "into_parent_code,parent_code\n";
        Task<Answer> Import(string rows) =>
            Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(header + rows));

        var transfer = await Import("PU/7,2020-01-01,transfer,PU-RT-CC,,,,,,QT-NOPE\n").Expect(409);
        Assert.Equal(Rule("parent-not-existing"), transfer.ProblemType);
        Assert.Equal(("PU-RT-CC", "QT-NOPE"), ((string?)transfer.Json["unit"], (string?)transfer.Json["parentCode"]));
        var commune = await Import("PU/8,2020-01-01,,PU-RT-XA,PU-RT-XA-M,UBND Xã M,commune,Quảng Trị,PU-RT-SO,\n")
            .Expect(422);
        Assert.Equal("into_parent_code", Assert.Single(Errors(commune)).Column);
        Assert.Equal(1, await HistoryLength("PU-RT-CC"));
        await NotRegistered("PU-RT-XA-M");

        var formed = "PU/9,2020-01-01,,PU-RT-SO,PU-RT-SO-M,Sở M,department,Quảng Trị,,\n"
            + "PU/9,2020-01-01,transfer,PU-RT-CC,,,,,,PU-RT-SO-M\n";
        await Import(formed).Expect(200);
        Assert.Equal("PU-RT-SO-M", (string?)(await Host.Get("/api/units/PU-RT-CC").Expect(200)).Json["parentCode"]);
        Assert.Empty((await Import(formed).Expect(200)).Json["restructurings"]!.AsArray());
    }

    [Fact]
    public async Task A_report_table_s_parent_may_be_a_unit_it_lists_below_and_nothing_else()
    {
        var listedBelow = ReportCsv.Rows(
            "Quảng Trị,PU-I-CC,Chi cục I,sub-department,,PU-I-SO,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,PU-I-SO,Sở I,department,,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,");

        await Host.PostBytes("/api/imports", listedBelow).Expect(200);

        Assert.Equal("PU-I-SO", (string?)(await Host.Get("/api/units/PU-I-CC").Expect(200)).Json["parentCode"]);
    }

    [Fact]
    public async Task A_report_table_s_bad_parents_are_bad_rows_of_their_column_and_nothing_is_imported()
    {
        await Host.RegisterDepartment("PU-B-HN", "2015-01-01", "Hà Nội");
        const string marks = "2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,";
        var file = ReportCsv.Rows(
            $"Quảng Trị,PU-B-SO,Sở B,department,,,{marks}",
            $"Quảng Trị,PU-B-XA,UBND Xã B,commune,Hải Lăng,,{marks}",
            $"Quảng Trị,PU-B-CC-1,Chi cục B1,sub-department,,QT-NOPE,{marks}",
            $"Quảng Trị,PU-B-CC-2,Chi cục B2,sub-department,,PU-B-XA,{marks}",
            $"Quảng Trị,PU-B-CC-3,Chi cục B3,sub-department,,PU-B-HN,{marks}",
            $"Quảng Trị,PU-B-CC-4,Chi cục B4,sub-department,,pu-b-so,{marks}",
            $"Quảng Trị,PU-B-XA-2,UBND Xã B2,commune,Hải Lăng,PU-B-SO,{marks}",
            $"Quảng Trị,PU-B-CC-5,Chi cục B5,sub-department,,PU-B-SO,{marks}");

        var errors = Errors(await Host.PostBytes("/api/imports", file).Expect(422));

        Assert.Equal([4, 5, 6, 7, 8], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Equal("parent_code", e.Column));
        Assert.Contains("(parent-not-existing)", errors[0].Reason);
        Assert.Contains("(parent-level)", errors[1].Reason);
        Assert.Contains("(parent-in-other-province)", errors[2].Reason);
        Assert.Contains("differs from unit PU-B-SO only in letter case", errors[3].Reason);
        Assert.Contains("only a sub-department", errors[4].Reason);
        foreach (var code in new[] { "PU-B-SO", "PU-B-CC-1", "PU-B-CC-5" }) await NotRegistered(code);
    }

    /// <summary>A parent recorded before these checks existed is not judged again when the file is imported again,
    /// and a recorded department is a parent as one listed in the file is.</summary>
    [Fact]
    public async Task A_report_table_s_parent_may_be_a_recorded_department()
    {
        await Host.RegisterDepartment("PU-RC-SO", "2015-01-01");
        var row = ReportCsv.Rows(
            "Quảng Trị,PU-RC-CC,Chi cục RC,sub-department,,PU-RC-SO,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,");

        await Host.PostBytes("/api/imports", row).Expect(200);
        var again = await Host.PostBytes("/api/imports", row).Expect(200);

        Assert.Equal(0, (int)again.Json["eventsAppended"]!);
        Assert.Equal("PU-RC-SO", (string?)(await Host.Get("/api/units/PU-RC-CC").Expect(200)).Json["parentCode"]);
    }

    /// <summary>An import's check pass judges a row's parent without a lock. A restructuring that ended the parent
    /// before the row's date while the file was checked was not seen: the write pass recorded the chi cục under a
    /// department dissolved a year before its row, and the dissolution, which had found no sub-department, stood.
    /// The write pass judges the parent again under its stream's lock.</summary>
    [Fact]
    public async Task A_parent_ended_while_a_report_table_is_checked_is_judged_again_when_the_row_is_written()
    {
        await Host.RegisterDepartment("PU-RACE-SO", "2015-01-01");
        var row = ReportCsv.Rows(
            "Quảng Trị,PU-RACE-CC,Chi cục Race,sub-department,,PU-RACE-SO,2021,2021-11-19,x,2015,,x,x,x,x,x,x,x,");
        await using var holder = new NpgsqlConnection(api.ConnectionString);
        await holder.OpenAsync();
        await using (var hold = new NpgsqlCommand($"select pg_advisory_lock({LockWaiters.StartLock})", holder))
            await hold.ExecuteNonQueryAsync();
        // The import checks its file, then waits to start the chi cục's stream.
        var import = Host.PostBytes("/api/imports", row);
        await LockWaiters.WaitForALockWaiter(api.ConnectionString);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"PU/R","effectiveOn":"2020-01-01","parts":[{"kind":"dissolve","from":["PU-RACE-SO"]}]}
            """).Expect(201);
        await using (var release = new NpgsqlCommand($"select pg_advisory_unlock({LockWaiters.StartLock})", holder))
            await release.ExecuteNonQueryAsync();

        var interrupted = await import.Expect(409);
        Assert.Equal("urn:isoledger:problem:import-interrupted", interrupted.ProblemType);
        var error = Assert.Single(Errors(interrupted));
        Assert.Equal((2, "parent_code"), (error.Line, error.Column));
        Assert.Contains("(parent-not-existing)", error.Reason);
        await NotRegistered("PU-RACE-CC");
    }
}
