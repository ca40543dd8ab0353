using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Appendix A of the Quảng Trị 2020 report (seed 003): 40 province and district units, recorded through the
/// API, must give the report's conversion figures: 26 of 40 converted or converting (departments 11 of 20,
/// sub-departments 9 of 10, districts 6 of 10), 14 still on 2008, 18 done and 8 in progress.</summary>
public class ConversionDashboardTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Province = "Quảng Trị";
    private IAlbaHost Host => api.Host;

    private enum Appendix { On2008, Converting, Converted, ConvertedWithoutStart }

    private static readonly (string Name, string Level, string? District, Appendix Standing)[] AppendixA =
    [
        ("Sở Công thương", "department", null, Appendix.Converting),
        ("Sở Nội vụ", "department", null, Appendix.Converted),
        ("Sở Tư pháp", "department", null, Appendix.Converted),
        ("Sở Tài chính", "department", null, Appendix.Converting),
        ("Sở Kế hoạch & Đầu tư", "department", null, Appendix.On2008),
        ("Sở Khoa học & Công nghệ", "department", null, Appendix.Converted),
        ("Sở Thông tin và Truyền thông", "department", null, Appendix.Converted),
        ("Sở Văn hóa, TT & Du lịch", "department", null, Appendix.On2008),
        ("Sở L.động Th/bình & X hội", "department", null, Appendix.On2008),
        ("Sở Xây dựng", "department", null, Appendix.Converted),
        ("Sở Giáo dục & Đào tạo", "department", null, Appendix.Converted),
        ("Sở Y tế", "department", null, Appendix.On2008),
        ("Ban Quản lý Khu Kinh tế tỉnh", "department", null, Appendix.Converting),
        ("Ban Dân tộc", "department", null, Appendix.Converted),
        ("Thanh tra Tỉnh", "department", null, Appendix.On2008),
        ("Sở Giao thông Vận tải", "department", null, Appendix.On2008),
        ("Sở Tài nguyên & M/trường", "department", null, Appendix.On2008),
        ("Sở Ngoại vụ", "department", null, Appendix.On2008),
        ("Sở Nông nghiệp & PTNT", "department", null, Appendix.Converting),
        ("Văn phòng UBND Tỉnh", "department", null, Appendix.On2008),
        ("Chi cục TCĐLCL", "sub-department", null, Appendix.Converted),
        ("Chi cục Bảo vệ M.trường", "sub-department", null, Appendix.Converted),
        ("Chi cục Biển, H.đảo, KTTV", "sub-department", null, Appendix.Converted),
        ("Chi cục Thủy sản", "sub-department", null, Appendix.ConvertedWithoutStart),
        ("Chi cục Chăn nuôi - Thú y", "sub-department", null, Appendix.Converting),
        ("Chi cục Trồng trọt, Bảo vệ thực vật", "sub-department", null, Appendix.Converted),
        ("Chi cục Ph/triển Ng.thôn", "sub-department", null, Appendix.ConvertedWithoutStart),
        ("Chi cục Thủy lợi", "sub-department", null, Appendix.On2008),
        ("Chi cục Q.lý CL NL & TS", "sub-department", null, Appendix.Converted),
        ("Chi cục Kiểm lâm", "sub-department", null, Appendix.Converted),
        ("UBND Th phố Đông Hà", "district", "Đông Hà", Appendix.On2008),
        ("UBND Huyện Hải Lăng", "district", "Hải Lăng", Appendix.Converted),
        ("UBND Huyện Đakrông", "district", "Đakrông", Appendix.On2008),
        ("UBND Huyện Triệu Phong", "district", "Triệu Phong", Appendix.On2008),
        ("UBND Huyện Gio Linh", "district", "Gio Linh", Appendix.Converting),
        ("UBND Huyện Cam Lộ", "district", "Cam Lộ", Appendix.Converting),
        ("UBND Thị xã Quảng Trị", "district", "Thị xã Quảng Trị", Appendix.Converted),
        ("UBND Huyện Vĩnh Linh", "district", "Vĩnh Linh", Appendix.Converted),
        ("UBND Huyện Hướng Hóa", "district", "Hướng Hóa", Appendix.Converting),
        ("UBND Huyện Đảo Cồn cỏ", "district", "Cồn Cỏ", Appendix.On2008),
    ];

    private static readonly (string, string)[] BuiltOn2008 =
    [
        ("/documentation",
            """{"issuedOn":"2012-03-01","standard":"2008","qualityManual":true,"qualityPolicy":"""
            + """true,"qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":2,"businessProcedures":"""
            + """40,"administrativeProcedures":40}"""),
        ("/internal-audits", """{"heldOn":"2012-05-01"}"""),
        ("/management-reviews", """{"heldOn":"2012-06-01"}"""),
        ("/declarations", """{"declaredOn":"2012-09-01","standard":"2008"}"""),
    ];

    private async Task RecordAppendixA()
    {
        for (var i = 0; i < AppendixA.Length; i++)
        {
            var (name, level, district, standing) = AppendixA[i];
            var code = $"QT-A{i + 1:00}";
            var districtJson = district is null ? "null" : $"\"{district}\"";
            await Host.Post("/api/units",
                $$"""{"code":"{{code}}","name":"{{name}}","level":"{{level}}","province":"{{Province}}","district":"""
                + $$"""{{districtJson}},"registeredOn":"2010-01-01"}""",
                Keys.Recorder).Expect(201);
            await Host.Record(code, BuiltOn2008);
            switch (standing)
            {
                case Appendix.Converting:
                    await Host.Record(code,
                        ("/conversion/start", """{"startedOn":"2020-03-01","decisionNo":"127/QĐ-UBND"}"""));
                    break;
                case Appendix.Converted:
                    await Host.Record(code,
                        ("/conversion/start", """{"startedOn":"2020-02-01"}"""),
                        ("/conversion/complete", """{"convertedOn":"2020-09-01"}"""));
                    break;
                case Appendix.ConvertedWithoutStart:
                    await Host.Record(code, ("/conversion/complete", """{"convertedOn":"2020-10-01"}"""));
                    break;
            }
        }
    }

    private static void AssertCounts(
        System.Text.Json.Nodes.JsonNode counts, int total, int on2008, int converting, int converted)
    {
        Assert.Equal(total, (int)counts["total"]!);
        Assert.Equal(0, (int)counts["notDeclared"]!);
        Assert.Equal(on2008, (int)counts["on2008"]!);
        Assert.Equal(converting, (int)counts["converting"]!);
        Assert.Equal(converted, (int)counts["converted"]!);
        Assert.Equal(converting + converted, (int)counts["convertedOrConverting"]!);
    }

    [Fact]
    public async Task The_2020_report_appendix_A_gives_the_reports_conversion_figures()
    {
        await RecordAppendixA();

        var answer = await Host.Get(
            $"/api/dashboards/conversion?province={Uri.EscapeDataString(Province)}&asOf=2020-11-19&consistent=true",
            Keys.Viewer).Expect(200);

        Assert.Equal(0, (long)answer.Json["freshness"]!["lag"]!);
        var progress = answer.Json["data"]!;
        AssertCounts(progress["totals"]!, total: 40, on2008: 14, converting: 8, converted: 18);
        var byLevel = progress["byLevel"]!.AsArray().ToDictionary(l => (string)l!["level"]!, l => l!["counts"]!);
        AssertCounts(byLevel["department"], total: 20, on2008: 9, converting: 4, converted: 7);
        AssertCounts(byLevel["sub-department"], total: 10, on2008: 1, converting: 1, converted: 8);
        AssertCounts(byLevel["district"], total: 10, on2008: 4, converting: 3, converted: 3);
        var haiLang = progress["byDistrict"]!.AsArray().Single(d => (string)d!["district"]! == "Hải Lăng")!;
        AssertCounts(haiLang["counts"]!, total: 1, on2008: 0, converting: 0, converted: 1);

        // A year earlier nobody had started; a merge takes a unit out of the count once its date has passed.
        AssertCounts(
            (await Host.Get($"/api/dashboards/conversion?province={Uri.EscapeDataString(Province)}&asOf=2019-12-31")
                .Expect(200)).Json["data"]!["totals"]!,
            total: 40, on2008: 40, converting: 0, converted: 0);
        await Host.Record("QT-A40", ("/merge", """{"mergedOn":"2020-10-01","intoCode":"QT-A39"}"""));
        var afterMerge = (await Host.Get($"/api/dashboards/conversion?province={Uri.EscapeDataString(Province)}"
            + "&asOf=2020-11-19&consistent=true").Expect(200)).Json["data"]!;
        AssertCounts(afterMerge["totals"]!, total: 39, on2008: 13, converting: 8, converted: 18);
    }
}
