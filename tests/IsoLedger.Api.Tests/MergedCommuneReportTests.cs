using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Quảng Trị's communes merged on 1 January 2020 (Resolution 832/NQ-UBTVQH14): "xã Hải Định (xã Hải Thiện +
/// Hải Thành)" took over two communes applying ISO since 2018 and declared again for its new scope in 2020. The 2020
/// report lists it among the communes applying since 2015–2019 (appendix B), not among those that built their system
/// in 2020 (appendix C), whose steps (a board formed, documentation issued) it never took.</summary>
public class MergedCommuneReportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static JsonNode Part(JsonNode data, string id) =>
        data["parts"]!.AsArray().Single(p => (string?)p!["id"] == id)!;

    private static string[] Codes(JsonNode part) =>
        [.. part["rows"]!.AsArray().Select(r => (string)r!["code"]!).Order(StringComparer.Ordinal)];

    private static string[] Headlines(JsonNode part) =>
        [.. part["headlines"]!.AsArray().Select(h => $"{h!["id"]} {h["count"]}/{h["of"]}")];

    /// <summary>A commune of Hải Lăng in a year's table: declared on 2015 with every step and passed, or listed
    /// without any.</summary>
    private static string Commune(string code, string name, string reportDate, bool applying = true) =>
        $"Quảng Trị,{code},{name},commune,Hải Lăng,,{reportDate[..4]},{reportDate},"
        + (applying ? "x,2015,,x,x,x,x,x,x,x,passed" : ",,,,,,,,,,");

    [Fact]
    public async Task A_commune_formed_from_communes_with_a_system_applies_it_since_before_the_year()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            Commune("MC-THIEN", "UBND Xã Hải Thiện", "2019-11-22"),
            Commune("MC-THANH", "UBND Xã Hải Thành", "2019-11-22"),
            Commune("MC-TAN", "UBND Xã Hải Tân", "2019-11-22", applying: false),
            Commune("MC-HOA", "UBND Xã Hải Hòa", "2019-11-22", applying: false))).Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"832/NQ-UBTVQH14","effectiveOn":"2020-01-01","parts":[
             {"kind":"merge","from":["MC-THIEN","MC-THANH"],"into":{"code":"MC-DINH","name":"UBND xã Hải Định",
              "level":"commune","province":"Quảng Trị","district":"Hải Lăng"}},
             {"kind":"merge","from":["MC-TAN","MC-HOA"],"into":{"code":"MC-PHONG","name":"UBND xã Hải Phong",
              "level":"commune","province":"Quảng Trị","district":"Hải Lăng"}}]}
            """, Keys.Recorder).Expect(201);
        // Hải Định declared again and reported; Hải Phong, formed from communes without a system, built its own.
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            Commune("MC-DINH", "UBND xã Hải Định", "2020-11-19"),
            Commune("MC-PHONG", "UBND xã Hải Phong", "2020-11-19"))).Expect(200);

        var data = (await Host.Get("/api/reports/province-report/2020?province=" + Uri.EscapeDataString("Quảng Trị")
            + "&consistent=true", Keys.Viewer).Expect(200)).Json["data"]!;

        Assert.Equal(["MC-DINH"], Codes(Part(data, "earlierCommunes")));
        Assert.Equal(["reported 1/1", "notReported 0/1"], Headlines(Part(data, "earlierCommunes")));
        Assert.Equal(["MC-PHONG"], Codes(Part(data, "newCommunes")));
        Assert.Contains("declared 1/1", Headlines(Part(data, "newCommunes")));
        // Before it declared again, the successor still applies the system it inherited.
        var june = (await Host.Get("/api/reports/province-report/2020?province=" + Uri.EscapeDataString("Quảng Trị")
            + "&asOf=2020-06-30&consistent=true", Keys.Viewer).Expect(200)).Json["data"]!;
        Assert.Equal(["MC-DINH"], Codes(Part(june, "earlierCommunes")));
        Assert.Empty(Codes(Part(june, "newCommunes")));
    }
}
