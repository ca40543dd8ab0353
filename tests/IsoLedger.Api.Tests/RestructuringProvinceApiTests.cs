using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Where units are placed: a Chi cục belongs to its Sở, not to a district (registered, formed, imported or
/// moved); a merge joins units of one province as provinces are on its day; a transfer into another province names
/// the district there while districts exist. Each had been recorded as sent.</summary>
public class RestructuringProvinceApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private Task<Answer> RegisterCommune(string code, string province, string district) =>
        Host.Post("/api/units", $$"""
            {"code":"{{code}}","name":"UBND xã {{code}}","level":"commune","province":"{{province}}",
             "district":"{{district}}","registeredOn":"2015-01-01"}
            """, Keys.Recorder).Expect(201);

    private async Task<int> HistoryLength(string code) =>
        (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count;

    [Fact]
    public async Task A_sub_department_is_registered_formed_imported_and_moved_into_no_district()
    {
        await Host.RegisterDepartment("RP-SO", "2015-01-01");
        var registered = await Host.Post("/api/units", """
            {"code":"RP-CC-D","name":"Chi cục Kiểm lâm","level":"sub-department","province":"Quảng Trị",
             "district":"Hải Lăng","parentCode":"RP-SO","registeredOn":"2015-01-01"}
            """, Keys.Recorder).Expect(400);
        Assert.Contains("chi cục", (string?)registered.Json["errors"]!["district"]![0]);
        await Host.Get("/api/units/RP-CC-D").Expect(404);

        await Host.RegisterSubDepartment("RP-CC", "RP-SO", "2015-01-01");
        var formed = await Host.Post("/api/restructurings", """
            {"decisionNo":"RP/1","effectiveOn":"2020-01-01","parts":[{"kind":"merge","from":["RP-CC"],"into":
             {"code":"RP-CC-N","name":"Chi cục Mới","level":"sub-department","province":"Quảng Trị",
              "district":"Hải Lăng","parentCode":"RP-SO"}}]}
            """, Keys.Recorder).Expect(400);
        Assert.NotNull(formed.Json["errors"]!["parts[0].into.district"]);
        const string header = "decision_no,effective_on,kind,from_code,into_code,into_name,into_level,into_province,"
            + "into_district,into_parent_code\n";
        var imported = await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(header
            + "RP/2,01/01/2020,merge,RP-CC,RP-CC-N,Chi cục Mới,sub-department,Quảng Trị,Hải Lăng,RP-SO\n")).Expect(422);
        Assert.Equal("into_district", (string?)Assert.Single(imported.Json["errors"]!.AsArray())!["column"]);
        var listed = await Host.RejectedImport(ReportCsv.Rows(
            "Quảng Trị,RP-CC-T,Chi cục Thủy lợi,sub-department,Hải Lăng,RP-SO,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,"));
        Assert.Equal("district", Assert.Single(listed).Column);

        var moved = await Host.Post("/api/restructurings", """
            {"decisionNo":"RP/3","effectiveOn":"2020-01-01",
             "parts":[{"kind":"transfer","from":["RP-CC"],"district":"Hải Lăng"}]}
            """, Keys.Recorder).Expect(409);
        Assert.Equal(("department-in-district", "RP-CC"), ((string?)moved.Json["rule"], (string?)moved.Json["unit"]));
        Assert.Null((string?)(await Host.Get("/api/units/RP-CC").Expect(200)).Json["district"]);
        await Host.Get("/api/units/RP-CC-T").Expect(404);
    }

    [Fact]
    public async Task Communes_of_two_provinces_merge_only_from_the_day_their_provinces_are_one()
    {
        await RegisterCommune("RP-QB-A", "Quảng Bình", "Lệ Thủy");
        await RegisterCommune("RP-QT-B", "Quảng Trị", "Vĩnh Linh");
        const string merge = """
            {"decisionNo":"RP/M","effectiveOn":"{0}","parts":[{"kind":"merge","from":["RP-QB-A","RP-QT-B"],
             "into":{"code":"RP-QT-N","name":"UBND xã Mới","level":"commune","province":"Quảng Trị"}}]}
            """;

        var refused = await Host.Post("/api/restructurings", merge.Replace("{0}", "2025-06-30"), Keys.Recorder)
            .Expect(409);
        Assert.Equal(("merge-across-provinces", "RP-QT-B"),
            ((string?)refused.Json["rule"], (string?)refused.Json["unit"]));
        Assert.Contains("RP-QB-A in Quảng Bình", (string?)refused.Json["detail"]);
        var one = await Host.Post("/api/units/RP-QB-A/merge",
            """{"mergedOn":"2020-01-01","intoCode":"RP-QT-B","decisionNo":"RP/1"}""", Keys.Recorder).Expect(409);
        Assert.Equal("merge-across-provinces", (string?)one.Json["rule"]);
        Assert.Equal((1, 1), (await HistoryLength("RP-QB-A"), await HistoryLength("RP-QT-B")));
        await Host.Get("/api/units/RP-QT-N").Expect(404);

        await Host.Post("/api/restructurings", merge.Replace("{0}", "2025-07-01"), Keys.Recorder).Expect(201);
        Assert.Equal("Quảng Trị", (string?)(await Host.Get("/api/units/RP-QT-N").Expect(200)).Json["province"]);
    }

    [Fact]
    public async Task A_commune_moved_into_another_province_names_its_district_there()
    {
        await RegisterCommune("RP-QB-T", "Quảng Bình", "Lệ Thủy");
        const string transfer = """
            {"decisionNo":"RP/T","effectiveOn":"2020-01-01",
             "parts":[{"kind":"transfer","from":["RP-QB-T"],"province":"Hà Tĩnh"{0}}]}
            """;

        var refused = await Host.Post("/api/restructurings", transfer.Replace("{0}", ""), Keys.Recorder).Expect(409);
        Assert.Equal(("district-in-other-province", "RP-QB-T"),
            ((string?)refused.Json["rule"], (string?)refused.Json["unit"]));
        Assert.Equal(1, await HistoryLength("RP-QB-T"));

        await Host.Post("/api/restructurings", transfer.Replace("{0}", ""","district":"Kỳ Anh" """), Keys.Recorder)
            .Expect(201);
        var moved = (await Host.Get("/api/units/RP-QB-T/state?asOf=2020-01-01").Expect(200)).Json;
        Assert.Equal(("Hà Tĩnh", "Kỳ Anh"), ((string?)moved["province"], (string?)moved["district"]));
    }

    /// <summary>A Sở or a Chi cục named with a former district's note after its name, in brackets or behind a dash
    /// ("Chi cục Thủy lợi (nguyên thuộc Huyện Vĩnh Linh)": the district body it took over), is recorded in no
    /// district and under its name without the note; it had been recorded in that district (the bracket) or under the
    /// note as its name (the dash). A commune's note still gives its district.</summary>
    [Fact]
    public async Task A_former_district_s_note_after_a_provincial_body_s_name_places_it_in_no_district()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Quảng Trị,FD-SO,Sở Nông nghiệp và Môi trường,department,,,2025,2025-11-20,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,FD-CC-1,Chi cục Thủy lợi (nguyên thuộc Huyện Vĩnh Linh),sub-department,,FD-SO,2025,2025-11-20,x,"
                + "2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,FD-CC-2,Chi cục Kiểm lâm – nguyên thuộc Huyện Vĩnh Linh,sub-department,,FD-SO,2025,"
                + "2025-11-20,x,2015,,x,x,x,x,x,x,x,",
            "Quảng Trị,FD-SO-2,Sở Xây dựng (nguyên thuộc Huyện Gio Linh),department,,,2025,2025-11-20,x,2015,,x,x,x,x,"
                + "x,x,x,",
            "Quảng Trị,FD-XA,UBND xã Vĩnh Hòa (nguyên thuộc Huyện Vĩnh Linh),commune,,,2025,2025-11-20,x,2015,,x,x,x,x,"
                + "x,x,x,")).Expect(200);

        foreach (var (code, name) in new[]
                 {
                     ("FD-CC-1", "Chi cục Thủy lợi"), ("FD-CC-2", "Chi cục Kiểm lâm"), ("FD-SO-2", "Sở Xây dựng"),
                 })
        {
            var unit = (await Host.Get($"/api/units/{code}").Expect(200)).Json;
            Assert.Equal((name, null, null), ((string?)unit["name"], (string?)unit["district"],
                (string?)unit["formerDistrict"]));
        }
        var commune = (await Host.Get("/api/units/FD-XA").Expect(200)).Json;
        Assert.Equal(("UBND xã Vĩnh Hòa", "Huyện Vĩnh Linh"), ((string?)commune["name"],
            (string?)commune["formerDistrict"]));
    }
}
