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

        Assert.NotNull(answer.Json["errors"]!["parts[0].into[0].district"]);
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
}
