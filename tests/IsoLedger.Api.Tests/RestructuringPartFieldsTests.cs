using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A restructuring part takes the fields of its kind only: a "rename" with a province had been recorded as
/// moving the unit while only the name changed (and text its kind does not check answered 500).</summary>
public class RestructuringPartFieldsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Theory]
    [InlineData("rename", """ "name":"UBND Xã Mới","province":"Hà Nội","district":"Ba Vì" """, "province")]
    [InlineData("rename", """ "name":"UBND Xã Mới","district":"a\ufffeb" """, "district")]
    [InlineData("transfer", """ "district":"Gio Linh","name":"a\ufffeb" """, "name")]
    [InlineData("transfer", """ "district":"Gio Linh","name":"Tên Mới" """, "name")]
    [InlineData("dissolve", """ "name":"Tên" """, "name")]
    [InlineData("rename", """ "name":"Tên","parentCode":"PF-SO-1" """, "parentCode")]
    public async Task A_field_the_part_does_not_take_is_refused_and_nothing_is_recorded(
        string kind, string fields, string refused)
    {
        var code = $"PF-{kind.ToUpperInvariant()}-{refused.Length}-{fields.Length}";
        await Host.RegisterCommune(code, "2015-01-01");
        var body = $$"""
            {"decisionNo":"PF/1","effectiveOn":"2020-01-01",
             "parts":[{"kind":"{{kind}}","from":["{{code}}"],{{fields}}}]}
            """;

        var answer = await Host.Post("/api/restructurings", body, Keys.Recorder).Expect(400);

        Assert.NotNull(answer.Json["errors"]![$"parts[0].{refused}"]);
        Assert.Single((await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray());
    }

    [Fact]
    public async Task An_existing_unit_merged_into_is_named_by_its_code_alone()
    {
        await Host.RegisterCommune("PF-M-A", "2015-01-01");
        await Host.RegisterCommune("PF-M-B", "2015-01-01");
        var body = """
            {"decisionNo":"PF/2","effectiveOn":"2020-01-01",
             "parts":[{"kind":"merge","from":["PF-M-A"],"into":{"code":"PF-M-B","district":"Gio Linh"}}]}
            """;

        var answer = await Host.Post("/api/restructurings", body, Keys.Recorder).Expect(400);

        Assert.NotNull(answer.Json["errors"]!["parts[0].into.district"]);

        // A name alone makes it look new: what it lacks says that an existing unit is named by its code alone.
        var named = await Host.Post("/api/restructurings", """
            {"decisionNo":"PF/2","effectiveOn":"2020-01-01",
             "parts":[{"kind":"merge","from":["PF-M-A"],"into":{"code":"PF-M-B","name":"UBND Xã B"}}]}
            """, Keys.Recorder).Expect(400);
        Assert.Contains("an existing unit is named by its code alone",
            (string?)named.Json["errors"]!["parts[0].into.province"]![0]);
    }

    [Fact]
    public async Task A_code_written_in_another_letter_case_is_named_with_the_unit_s_own()
    {
        await Host.RegisterCommune("PF-CASE-A", "2015-01-01");
        await Host.RegisterCommune("PF-CASE-B", "2015-01-01");
        var answer = await Host.Post("/api/restructurings", """
            {"decisionNo":"PF/C","effectiveOn":"2020-01-01",
             "parts":[{"kind":"merge","from":["pf-case-a"],"into":{"code":"PF-CASE-B"}}]}
            """, Keys.Recorder).Expect(409);
        Assert.Equal(("unit-not-registered", "pf-case-a", "PF-CASE-A"), ((string?)answer.Json["rule"],
            (string?)answer.Json["unit"], (string?)answer.Json["registeredAs"]));
    }

    /// <summary>A department is a provincial body, in no district: registered, formed or moved into one it would be
    /// counted among the district's units.</summary>
    [Fact]
    public async Task A_provincial_body_is_placed_in_no_district()
    {
        var registration = await Host.Post("/api/units", """
            {"code":"PF-SO-D","name":"Sở Tư pháp","level":"department","province":"Lạng Sơn","district":"Cao Lộc",
             "registeredOn":"2015-01-01"}
            """, Keys.Recorder).Expect(400);
        Assert.NotNull(registration.Json["errors"]!["district"]);
        var formed = await Host.Post("/api/restructurings", """
            {"decisionNo":"PF/D","effectiveOn":"2020-01-01","parts":[{"kind":"split","from":["PF-M-A"],"into":[
             {"code":"PF-D-1","name":"Sở A","level":"department","province":"Lạng Sơn","district":"Cao Lộc"},
             {"code":"PF-D-2","name":"Sở B","level":"department","province":"Lạng Sơn"}]}]}
            """, Keys.Recorder).Expect(400);
        Assert.NotNull(formed.Json["errors"]!["parts[0].into[0].district"]);
        const string header = "decision_no,effective_on,kind,from_code,into_code,into_name,into_level,into_province,"
            + "into_district\n";
        var imported = await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(
            header + "PF/D3,01/06/2024,merge,PF-M-A,PF-D-3,Sở Y Mới,department,Lạng Sơn,Cao Lộc\n")).Expect(422);
        Assert.Equal("into_district", (string?)Assert.Single(imported.Json["errors"]!.AsArray())!["column"]);

        await Host.Post("/api/units", """
            {"code":"PF-SO-D","name":"Sở Tư pháp","level":"department","province":"Lạng Sơn",
             "registeredOn":"2015-01-01"}
            """, Keys.Recorder).Expect(201);
        var moved = await Host.Post("/api/restructurings", """
            {"decisionNo":"PF/D2","effectiveOn":"2020-01-01",
             "parts":[{"kind":"transfer","from":["PF-SO-D"],"district":"Cao Lộc"}]}
            """, Keys.Recorder).Expect(409);
        Assert.Equal(("department-in-district", "PF-SO-D"),
            ((string?)moved.Json["rule"], (string?)moved.Json["unit"]));
        Assert.Null((string?)(await Host.Get("/api/units/PF-SO-D").Expect(200)).Json["district"]);
    }

    [Fact]
    public async Task A_table_row_with_another_kind_s_fields_is_refused_and_dates_may_be_written_as_tables_do()
    {
        await Host.RegisterCommune("PF-T-A", "2015-01-01");
        await Host.RegisterCommune("PF-T-B", "2015-01-01");
        const string header = "decision_no,effective_on,kind,from_code,name,province,district\n";
        var mixed = header + "PF/3,01/07/2025,rename,PF-T-A,UBND Xã Mới,Hà Nội,\n";

        var refused = await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(mixed)).Expect(422);
        var error = Assert.Single(refused.Json["errors"]!.AsArray());
        Assert.Equal("province", (string?)error!["column"]);

        var renamed = header + "PF/4,01/07/2025,rename,PF-T-B,UBND Xã Mới B,,\n";
        await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(renamed)).Expect(200);
        var status = (await Host.Get("/api/units/PF-T-B/state?asOf=2025-07-01").Expect(200)).Json;
        Assert.Equal("UBND Xã Mới B", (string?)status["name"]);
    }

    [Fact]
    public async Task A_transfer_gives_a_sub_department_its_new_parent_from_its_date()
    {
        await Host.RegisterDepartment("PF-SO-NN", "2015-01-01");
        await Host.RegisterDepartment("PF-SO-NNMT", "2015-01-01");
        const string row2024 = "Quảng Trị,PF-CC-KL,Chi cục Kiểm lâm,sub-department,,PF-SO-NN,2024,2024-11-15,x,2015,,"
            + "x,x,x,x,x,x,x,";
        await Host.PostBytes("/api/imports", ReportCsv.Rows(row2024)).Expect(200);
        var row2025 = "Quảng Trị,PF-CC-KL,Chi cục Kiểm lâm,sub-department,,PF-SO-NNMT,2025,2025-11-15,x,2015,,"
            + "x,x,x,x,x,x,x,";
        var refused = await Host.PostBytes("/api/imports", ReportCsv.Rows(row2025)).Expect(422);
        Assert.Equal("parent_code", (string?)refused.Json["errors"]![0]!["column"]);

        await Host.Post("/api/restructurings", """
            {"decisionNo":"PF/5","effectiveOn":"2025-03-01",
             "parts":[{"kind":"transfer","from":["PF-CC-KL"],"parentCode":"PF-SO-NNMT"}]}
            """, Keys.Recorder).Expect(201);

        await Host.PostBytes("/api/imports", ReportCsv.Rows(row2025)).Expect(200);
        await Host.PostBytes("/api/imports", ReportCsv.Rows(row2024)).Expect(200);
        var before = (await Host.Get("/api/units/PF-CC-KL/state?asOf=2025-02-28").Expect(200)).Json;
        var after = (await Host.Get("/api/units/PF-CC-KL/state?asOf=2025-03-01").Expect(200)).Json;
        Assert.Equal(("PF-SO-NN", "PF-SO-NNMT"), ((string?)before["parentCode"], (string?)after["parentCode"]));
    }

    [Fact]
    public async Task A_transfer_does_not_make_a_unit_its_own_parent()
    {
        await Host.RegisterCommune("PF-SELF", "2015-01-01");
        var body = """
            {"decisionNo":"PF/6","effectiveOn":"2020-01-01",
             "parts":[{"kind":"transfer","from":["PF-SELF"],"parentCode":"PF-SELF"}]}
            """;

        var answer = await Host.Post("/api/restructurings", body, Keys.Recorder).Expect(400);

        Assert.NotNull(answer.Json["errors"]!["parts[0].parentCode"]);
    }

    [Fact]
    public async Task A_table_s_transfer_to_a_new_parent_is_recorded_beside_a_move_on_the_same_day()
    {
        await Host.RegisterDepartment("PF-SO-1", "2015-01-01");
        await Host.RegisterDepartment("PF-SO-2", "2015-01-01", "Hà Tĩnh");
        await Host.RegisterSubDepartment("PF-TP-A", "PF-SO-1", "2015-01-01");
        const string header = "decision_no,effective_on,kind,from_code,province,parent_code\n";
        // The Chi cục moves to another province with its Sở (a Chi cục is in no district: the move is a province's).
        await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(header
            + "PF/7,2020-01-01,transfer,PF-SO-1,Hà Tĩnh,\nPF/7,2020-01-01,transfer,PF-TP-A,Hà Tĩnh,\n")).Expect(200);

        var answer = await Host.PostBytes("/api/restructurings/import",
            Encoding.UTF8.GetBytes(header + "PF/8,2020-01-01,transfer,PF-TP-A,Hà Tĩnh,PF-SO-2\n")).Expect(200);

        Assert.Single(answer.Json["restructurings"]!.AsArray());
        var state = (await Host.Get("/api/units/PF-TP-A/state?asOf=2020-01-01").Expect(200)).Json;
        Assert.Equal("PF-SO-2", (string?)state["parentCode"]);
        var refused = await Host.PostBytes("/api/restructurings/import",
            Encoding.UTF8.GetBytes(header + "PF/9,2020-01-01,rename,PF-TP-A,,PF-SO-3\n")).Expect(422);
        Assert.Contains(refused.Json["errors"]!.AsArray(), e => (string?)e!["column"] == "parent_code");
    }

    [Fact]
    public async Task A_table_row_describing_an_existing_unit_it_goes_into_is_refused()
    {
        await Host.RegisterCommune("PF-MT-A", "2015-01-01");
        await Host.RegisterCommune("PF-MT-B", "2015-01-01");
        const string header = "decision_no,effective_on,kind,from_code,into_code,into_district\n";

        var refused = await Host.PostBytes("/api/restructurings/import",
            Encoding.UTF8.GetBytes(header + "PF/10,2020-01-01,merge,PF-MT-A,PF-MT-B,Gio Linh\n")).Expect(422);

        Assert.Equal("into_district", (string?)refused.Json["errors"]![0]!["column"]);
    }
}
