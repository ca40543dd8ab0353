using System.Text.Json.Nodes;
using Alba;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IsoLedger.Api.Tests;

/// <summary>The province's annual report as written (headline figures, appendices), its trends, the national view and
/// the dashboards judged as of a day, on the sample province: the 2020 report's figures where the recorded facts
/// agree with it (docs/REPORT-DISCREPANCIES.md says where they do not).</summary>
public class ProvinceReportTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private static readonly byte[] Sample = File.ReadAllBytes(Repository.File("ops/sample-data/quang-tri-2020.csv"));
    private static readonly string Province = Uri.EscapeDataString("Quảng Trị");
    private static readonly string Report = $"/api/reports/province-report/2020?province={Province}&consistent=true";
    private IAlbaHost Host => api.Host;

    public async Task InitializeAsync() =>
        await Host.PostBytes("/api/imports?fileName=quang-tri-2020.csv", Sample).Expect(200);

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonNode Part(JsonNode data, string id) =>
        data["parts"]!.AsArray().Single(p => (string?)p!["id"] == id)!;

    /// <summary>A part's headlines as "id[:level] count/of percent".</summary>
    private static string[] Headlines(JsonNode part) =>
    [
        .. part["headlines"]!.AsArray().Select(h =>
            $"{h!["id"]}{(h["level"] is { } level ? $":{level}" : "")} {h["count"]}/{h["of"]} {h["percent"]}"),
    ];

    [Fact]
    public async Task The_2020_headlines_are_the_reports()
    {
        var data = (await Host.Get(Report, Keys.Viewer).Expect(200)).Json["data"]!;
        Assert.Equal("2020-12-31", (string?)data["judgedOn"]);
        // 26 of 40 converted or converting: 11/20 departments, 9/10 sub-departments, 6/10 districts; 14 on 2008.
        // Sở Y tế's row has no report mark: 39 of 40 reported where the report says 40.
        Assert.Equal(
        [
            "reported 39/40 97.5", "notReported 1/40 2.5", "convertedOrConverting 26/40 65",
            "levelConvertedOrConverting:department 11/20 55", "levelConvertedOrConverting:sub-department 9/10 90",
            "levelConvertedOrConverting:district 6/10 60", "on2008 14/40 35",
        ], Headlines(Part(data, "bodies")));
        // The communes applying since 2015–2019 apart from the 16 new ones: 44 of 109 (40.37 %).
        Assert.Equal(["reported 44/109 40.37", "notReported 65/109 59.63"], Headlines(Part(data, "earlierCommunes")));
        // The report's text states the board and the documentation for all 16; the sample marks both.
        Assert.Equal(
        [
            "steeringBoard 16/16 100", "documentation 16/16 100", "declared 16/16 100", "internalAudit 16/16 100",
            "correctiveActions 16/16 100", "managementReview 16/16 100", "passed 16/16 100",
        ], Headlines(Part(data, "newCommunes")));
        Assert.Equal(["40", "109", "16"], data["parts"]!.AsArray().Select(p => $"{p!["rows"]!.AsArray().Count}"));
        Assert.Equal(165, (int)data["summary"]!["rows"]![0]!["total"]!["count"]!);
    }

    [Fact]
    public async Task Each_figure_names_the_units_behind_it()
    {
        var data = (await Host.Get(Report, Keys.Viewer).Expect(200)).Json["data"]!;
        foreach (var part in data["parts"]!.AsArray())
        {
            var codes = part!["rows"]!.AsArray().Select(r => (string)r!["code"]!).ToHashSet();
            foreach (var headline in part["headlines"]!.AsArray())
            {
                var units = headline!["units"]!.AsArray().Select(u => (string)u!).ToList();
                Assert.Equal((int)headline["count"]!, units.Count);
                Assert.Subset(codes, units.ToHashSet());
            }
        }
        var reported = Part(data, "earlierCommunes")["headlines"]![0]!["units"]!.AsArray().Select(u => (string)u!);
        Assert.Contains("QT-XA-001", reported);
        Assert.DoesNotContain("QT-XA-002", reported);
    }

    [Fact]
    public async Task As_of_a_day_only_what_had_happened_by_then_counts()
    {
        var data = (await Host.Get($"{Report}&asOf=2020-06-30", Keys.Viewer).Expect(200)).Json["data"]!;
        Assert.Equal("2020-06-30", (string?)data["judgedOn"]);
        // On 30 June only appendix B's communes had declared (by the end of 2019), and none had reported yet.
        Assert.Equal(["reported 0/109 0", "notReported 109/109 100"], Headlines(Part(data, "earlierCommunes")));
        Assert.Empty(Part(data, "newCommunes")["rows"]!.AsArray());
        var annual = (await Host.Get(
            $"/api/dashboards/annual/2020?province={Province}&asOf=2020-06-30&consistent=true", Keys.Viewer)
            .Expect(200)).Json["data"]!;
        Assert.Equal("2020-06-30", (string?)annual["judgedOn"]);
        Assert.Equal(0, (int)annual["totals"]!["reportSubmitted"]!);
        var timeline = (await Host.Get("/api/dashboards/units/QT-XA-001/timeline?asOf=2020-06-30", Keys.Viewer)
            .Expect(200)).Json.AsArray();
        Assert.Equal(["ConformityDeclared"], timeline.Select(e => (string?)e!["event"]).Distinct());
        Assert.Equal(["2015"], timeline.Select(e => (string?)e!["edition"]).Distinct());
    }

    [Theory]
    [InlineData("/api/dashboards/annual/2020?province={0}&asOf=2021-01-01")]
    [InlineData("/api/dashboards/annual/2020?province={0}&asOf=2020-13-01")]
    [InlineData("/api/dashboards/statistics/2020?province={0}&asOf=2019-12-31")]
    [InlineData("/api/reports/summary/2020?province={0}&asOf=31/12/2020")]
    [InlineData("/api/reports/annual/2020?province={0}&asOf=2020-02-30")]
    [InlineData("/api/reports/province-report/2020?province={0}&asOf=2021-03-01")]
    [InlineData("/api/reports/trends?province={0}&asOf=2999-01-01")]
    [InlineData("/api/dashboards/national/2020?asOf=2020")]
    [InlineData("/api/dashboards/units/QT-XA-001/timeline?asOf=yesterday")]
    [InlineData("/api/dashboards/conversion?province={0}&level=county")]
    public async Task A_bad_date_or_level_is_a_400_naming_it(string template)
    {
        var answer = await Host.Get(string.Format(template, Province), Keys.Viewer).Expect(400);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.True(answer.Json["errors"]!.AsObject().ContainsKey(template.Contains("level=") ? "level" : "asOf"));
    }

    [Fact]
    public async Task A_levels_drill_down_shows_that_levels_units_and_districts_only()
    {
        var url = $"/api/dashboards/conversion?province={Province}&asOf=2020-12-31&consistent=true&level=";
        var departments = (await Host.Get($"{url}department", Keys.Viewer).Expect(200)).Json["data"]!;
        Assert.Equal(20, (int)departments["totals"]!["total"]!);
        Assert.Empty(departments["byDistrict"]!.AsArray());
        Assert.Equal(20, departments["units"]!.AsArray().Count);
        Assert.Equal(11,
            departments["units"]!.AsArray().Count(u => (string?)u!["standing"] is "converting" or "converted"));
        var communes = (await Host.Get($"{url}commune", Keys.Viewer).Expect(200)).Json["data"]!;
        Assert.Equal(125, communes["byDistrict"]!.AsArray().Sum(d => (int)d!["counts"]!["total"]!));
        var all = (await Host.Get(url[..^"&level=".Length], Keys.Viewer).Expect(200)).Json["data"]!;
        Assert.Null(all["units"]);
    }

    [Fact]
    public async Task Trends_follow_the_headlines_over_the_years_with_data()
    {
        var data = (await Host.Get($"/api/reports/trends?province={Province}&consistent=true", Keys.Viewer)
            .Expect(200)).Json["data"]!;
        var year = Assert.Single(data["years"]!.AsArray())!;
        Assert.Equal(2020, (int)year["year"]!);
        Assert.Equal(165, (int)year["units"]!);
        Assert.Equal(
            ["bodies.reported 39/40", "bodies.convertedOrConverting 26/40", "earlierCommunes.reported 44/109",
                "newCommunes.declared 16/16"],
            year["figures"]!.AsArray().Select(f => $"{f!["key"]} {f["count"]}/{f["of"]}"));
        Assert.Equal(151, (int)year["conversion"]!["convertedOrConverting"]!);
        var csv = (await Host.Get($"/api/reports/trends?province={Province}&format=csv", Keys.Viewer).Expect(200)).Text;
        Assert.Contains(
            "2020,165,\"39/40 (97,50 %)\",\"26/40 (65,00 %)\",\"44/109 (40,37 %)\",\"16/16 (100,00 %)\",0,0", csv);
    }

    [Fact]
    public async Task The_national_view_sets_each_province_beside_the_others()
    {
        await Host.Post("/api/units",
            """{"code":"LS-X","name":"UBND Xã Gia Cát","level":"commune","province":"Lạng Sơn","district":"Cao """
            + """Lộc","registeredOn":"2016-01-01"}""",
            Keys.Recorder).Expect(201);
        var data = (await Host.Get("/api/dashboards/national/2020?consistent=true", Keys.Viewer).Expect(200))
            .Json["data"]!;
        var provinces = data["provinces"]!.AsArray();
        Assert.Equal(["Lạng Sơn", "Quảng Trị"], provinces.Select(p => (string?)p!["province"]));
        var quangTri = provinces[1]!;
        Assert.Equal(
            "165 165 143 99 60",
            $"{quangTri["units"]} {quangTri["declared"]} {quangTri["onCurrentEdition"]} {quangTri["reported"]} "
            + $"{quangTri["reportedPercent"]}");
        Assert.Equal(["department 20", "sub-department 10", "district 10", "commune 125"],
            quangTri["byLevel"]!.AsArray().Select(l => $"{l!["level"]} {l["units"]}"));
        Assert.Equal("1 0", $"{provinces[0]!["units"]} {provinces[0]!["declared"]}");
    }

    [Fact]
    public async Task The_report_workbook_has_its_sentences_a_sheet_per_appendix_and_the_summary()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"{Report}&format=xlsx");
            s.WithRequestHeader("X-Api-Key", Keys.Viewer);
            s.StatusCodeShouldBe(200);
        });
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes.ToArray()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(
            ["Báo cáo", "Phụ lục A - Cấp tỉnh, huyện", "Phụ lục B - Xã áp dụng từ trước", "Phụ lục C - Xã áp dụng mới",
                "Thống kê số liệu thực hiện ISO"],
            sheets.Select(s => s.Name!.Value));
        string[] Texts(Sheet sheet) =>
        [
            .. ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>()
                .Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InlineString!.InnerText),
        ];
        int Numbered(Sheet sheet) => ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>()
            .Count(c => c.CellReference!.Value!.StartsWith('A') && c.DataType?.Value == CellValues.Number);
        Assert.Contains("• Số đơn vị có báo cáo và hồ sơ duy trì áp dụng và cải tiến: 44/109 đơn vị (40,37 %)",
            Texts(sheets[0]));
        Assert.Contains(
            "• Số cơ quan, đơn vị đã và đang chuyển đổi hệ thống theo tiêu chuẩn TCVN ISO 9001:2015: 26/40 đơn vị",
            Texts(sheets[0]));
        Assert.Equal([40, 109, 16], sheets.Skip(1).Take(3).Select(Numbered));
        Assert.Contains("Tổng: Phụ lục B - Xã áp dụng từ trước (109 đơn vị)", Texts(sheets[2]));
        Assert.Empty(workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
    }

    [Fact]
    public async Task A_declaration_date_after_the_report_is_refused_with_its_column()
    {
        const string csv = "province,unit_code,unit_name,level,year,report_date,declared,declared_by\r\n"
            + "Quảng Trị,QT-LATE,UBND Xã,commune,2020,2020-11-19,x,2020-12-01\r\n"
            + "Quảng Trị,QT-UNDECLARED,UBND Xã,commune,2020,2020-11-19,,2019-12-31\r\n";
        var answer = await Host.PostBytes("/api/imports", System.Text.Encoding.UTF8.GetBytes(csv)).Expect(422);
        Assert.Contains("declared_by", answer.Text);
        Assert.Contains("A declaration date is given", answer.Text);
    }
}
