using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The 2025 report of a province merged on 1 July 2025: the units that ended then (Bắc Kạn's communes merged
/// away, its department merged into Thái Nguyên's, the districts when their level ended) are listed in the year's
/// appendices, dated their last day, but the headline figures count the units that exist at the report's date, as
/// the reports written after 1 July 2025 do. Counted, they made the report say 0 of 3 earlier communes had reported.
/// </summary>
public class MergedYearReportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private Task<Answer> Import(params string[] rows) =>
        Host.PostBytes("/api/imports", ReportCsv.Lines([ReportCsv.Header + ",declared_by", .. rows]));

    private static JsonNode Part(JsonNode data, string id) =>
        data["parts"]!.AsArray().Single(p => (string?)p!["id"] == id)!;

    private static string[] Headlines(JsonNode part) =>
    [
        .. part["headlines"]!.AsArray().Select(h =>
            $"{h!["id"]}{(h["level"] is { } level ? $":{level}" : "")} {h["count"]}/{h["of"]}"),
    ];

    private static string[] Codes(JsonNode part) =>
        [.. part["rows"]!.AsArray().Select(r => (string)r!["code"]!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_headlines_count_the_units_existing_at_the_report_s_date_and_the_appendices_list_all()
    {
        await Import(
            "Bắc Kạn,MY-BK-SO,Sở Tư pháp,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,maintained,2019-12-31",
            "Bắc Kạn,MY-BK-H,UBND huyện Ba Bể,district,Ba Bể,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,,2019-12-31",
            "Bắc Kạn,MY-BK-X1,UBND xã Chu Hương,commune,Ba Bể,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,,2020-12-31",
            "Bắc Kạn,MY-BK-X2,UBND xã Mỹ Phương,commune,Ba Bể,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,,2020-12-31",
            "Thái Nguyên,MY-TN-SO,Sở Tư pháp,department,,,2024,2024-11-20,x,2015,,x,x,x,x,x,x,x,,2019-12-31",
            "Thái Nguyên,MY-TN-X1,UBND xã Tân Cương,commune,,,2024,2024-11-20,x,2015,,x,x,x,x,x,x,x,,2020-12-31")
            .Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"1683/NQ-UBTVQH15","effectiveOn":"2025-07-01","parts":[
             {"kind":"merge","from":["MY-BK-X1","MY-BK-X2"],"into":{"code":"MY-TN-XN","name":"UBND xã Chu Hương",
              "level":"commune","province":"Thái Nguyên"}},
             {"kind":"merge","from":["MY-BK-SO"],"into":{"code":"MY-TN-SO"}}]}
            """, Keys.Recorder).Expect(201);
        await Import(
            "Bắc Kạn,MY-BK-SO,Sở Tư pháp,department,,,2025,30/06/2025,x,2015,,x,x,,,,,,,",
            "Bắc Kạn,MY-BK-H,UBND huyện Ba Bể,district,Ba Bể,,2025,30/06/2025,x,2015,,x,x,,,,,,,",
            "Bắc Kạn,MY-BK-X1,UBND xã Chu Hương,commune,Ba Bể,,2025,30/06/2025,x,2015,,x,x,,,,,,,",
            "Thái Nguyên,MY-TN-SO,Sở Tư pháp,department,,,2025,2025-11-20,x,2015,,x,x,x,x,x,x,x,,",
            "Thái Nguyên,MY-TN-X1,UBND xã Tân Cương,commune,,,2025,2025-11-20,x,2015,,x,x,x,x,x,x,x,,",
            "Thái Nguyên,MY-TN-XN,UBND xã Chu Hương,commune,,,2025,2025-11-20,x,2015,,x,x,x,x,x,x,x,passed,")
            .Expect(200);

        var data = (await Host.Get("/api/reports/province-report/2025?province="
            + Uri.EscapeDataString("Thái Nguyên") + "&consistent=true", Keys.Viewer).Expect(200)).Json["data"]!;

        var bodies = Part(data, "bodies");
        Assert.Equal(["MY-BK-H", "MY-BK-SO", "MY-TN-SO"], Codes(bodies));
        Assert.Equal(["reported 1/1", "notReported 0/1", "convertedOrConverting 1/1",
            "levelConvertedOrConverting:department 1/1", "on2008 0/1"], Headlines(bodies));
        // The commune the merger formed applies the system its predecessors had declared since 2020.
        var earlier = Part(data, "earlierCommunes");
        Assert.Equal(["MY-BK-X1", "MY-BK-X2", "MY-TN-X1", "MY-TN-XN"], Codes(earlier));
        Assert.Equal(["reported 2/2", "notReported 0/2"], Headlines(earlier));
        Assert.Contains("declared 0/0", Headlines(Part(data, "newCommunes")));
        // The summary (Phụ lục 9) counts the units the headlines count: Thái Nguyên's at the year's end, not the
        // department merged into its own, the district body or the communes merged away on 1 July.
        Assert.Equal(["3/3", "1/1", "0/0", "2/2"], SampleSummaryTests.Cells(data["summary"]!, "declared"));
        // Judged on its last day, Bắc Kạn's 2025 counts them all.
        var before = (await Host.Get("/api/reports/province-report/2025?province="
            + Uri.EscapeDataString("Bắc Kạn") + "&asOf=2025-06-30&consistent=true", Keys.Viewer).Expect(200))
            .Json["data"]!;
        Assert.Equal(["reported 0/2", "notReported 2/2"], Headlines(Part(before, "earlierCommunes")));
    }
}
