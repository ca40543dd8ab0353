using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The report's summary table (Phụ lục 9) of the sample province: the report's row 1 exactly, rows 2 and 3
/// as the recorded facts give them (docs/REPORT-DISCREPANCIES.md says where and why they differ from the
/// report).</summary>
public class SampleSummaryTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private static readonly byte[] Sample = File.ReadAllBytes(Repository.File("ops/sample-data/quang-tri-2020.csv"));
    private static readonly string Summary =
        $"/api/reports/summary/2020?province={Uri.EscapeDataString("Quảng Trị")}&consistent=true";

    private IAlbaHost Host => api.Host;

    public async Task InitializeAsync() =>
        await Host.PostBytes("/api/imports?fileName=quang-tri-2020.csv", Sample).Expect(200);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A row's cells as "count/of", total first, then provincial, district, commune.</summary>
    internal static string[] Cells(JsonNode data, string criterion)
    {
        var row = data["rows"]!.AsArray().Single(r => (string?)r!["criterion"] == criterion)!;
        return [.. new[] { "total", "provincial", "district", "commune" }
            .Select(tier => $"{(int)row[tier]!["count"]!}/{(int)row[tier]!["of"]!}")];
    }

    [Fact]
    public async Task The_2020_summary_declares_165_units_30_provincial_10_district_125_communes()
    {
        var data = (await Host.Get(Summary, Keys.Viewer).Expect(200)).Json["data"]!;
        Assert.Equal("2020-12-31", (string?)data["judgedOn"]);
        Assert.Equal("2015", (string?)data["currentEdition"]);
        Assert.Equal(["declared", "complied", "implementingCurrentEdition", "onOlderEdition"],
            data["rows"]!.AsArray().Select(r => (string?)r!["criterion"]));
        Assert.Equal(["165/165", "30/30", "10/10", "125/125"], Cells(data, "declared"));
        // Sở Y tế recorded no internal audit or management review in 2020, but its declaration is known only from
        // this report (dated by it): its yearly steps are judged from 2021, and 30/30 is what the report says.
        // 65 communes sent no report.
        Assert.Equal(["100/165", "30/30", "10/10", "60/125"], Cells(data, "complied"));
        // Converted units and those converting (on 2008 still) have begun implementing 2015, as the report counts its
        // districts (6/10: 3 + 3); appendix B gives communes no edition (2015 prescribed).
        Assert.Equal(["151/165", "20/30", "6/10", "125/125"], Cells(data, "implementingCurrentEdition"));
        Assert.Equal(["14/165", "10/30", "4/10", "0/125"], Cells(data, "onOlderEdition"));
    }

    /// <summary>Once an amendment is the current edition, the third row counts the systems on the edition it amends
    /// and names that edition: named as the amendment, it had counted 151 units on an edition none was on.</summary>
    [Fact]
    public async Task The_edition_row_of_a_year_whose_current_edition_is_an_amendment_names_the_edition_it_amends()
    {
        var url = $"/api/reports/summary/2025?province={Uri.EscapeDataString("Quảng Trị")}&consistent=true";
        var data = (await Host.Get(url, Keys.Viewer).Expect(200)).Json["data"]!;
        Assert.Equal("2015/Amd1:2024", (string?)data["currentEdition"]);
        Assert.Equal(("2015", "TCVN ISO 9001:2015"),
            ((string?)data["implementedEditionName"]!["value"], (string?)data["implementedEditionName"]!["vi"]));
        var rows = CsvAnswers.Cells((await Host.Get($"{url}&format=csv", Keys.Viewer).Expect(200)).Text);
        Assert.EndsWith("TCVN ISO 9001:2015.", rows[3][1]);
    }

    [Fact]
    public async Task The_CSV_has_the_reports_vietnamese_labels_in_its_row_order()
    {
        var answer = await Host.Get($"{Summary}&format=csv", Keys.Viewer).Expect(200);
        Assert.StartsWith("text/csv", answer.ContentType);
        var rows = CsvAnswers.Cells(answer.Text);
        Assert.Equal(["STT", "Tiêu chí", "Tổng số", "Cấp tỉnh", "Cấp huyện", "Cấp xã", "Ghi chú"], rows[0]);
        const string units = "Số chuyên môn cơ quan cấp tỉnh; đơn vị hành chính cấp huyện, cấp xã";
        Assert.Equal(["1", $"{units} đã Công bố hệ thống ISO.", "165", "30", "10", "125", ""], rows[1]);
        Assert.Equal(
            ["2", $"{units} thực hiện đúng quy định ISO trong hoạt động.", "100/165", "30/30", "10/10", "60/125", ""],
            rows[2]);
        Assert.Equal(
            ["3", $"{units} đã triển khai thực hiện hệ thống QLCL TCVN ISO 9001:2015.", "151/165", "20/30", "6/10",
                "125/125", "Còn áp dụng phiên bản cũ: Cấp tỉnh 10, Cấp huyện 4, Cấp xã 0"],
            rows[3]);
        Assert.Equal(4, rows.Count);
        char[] formula = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && formula.Contains(cell[0]), cell));
    }

    [Fact]
    public async Task The_CSV_speaks_english_on_request()
    {
        var text = (await Host.Get($"{Summary}&format=csv&lang=en", Keys.Viewer).Expect(200)).Text;
        Assert.StartsWith("\uFEFFNo.,Criterion,Total,Provincial,District,Commune,Note", text);
        Assert.Contains("that have begun implementing ISO 9001:2015.\",151/165,", text);
    }

    [Theory]
    [InlineData("?province=Qu%E1%BA%A3ng+Tr%E1%BB%8B&format=xml")]
    [InlineData("?province=Qu%E1%BA%A3ng+Tr%E1%BB%8B&lang=fr")]
    [InlineData("?province=Atlantis")]
    [InlineData("")]
    public async Task Bad_parameters_are_refused(string query) =>
        await Host.Get($"/api/reports/summary/2020{query}").Expect(400);
}

/// <summary>A small province whose units sit on each boundary of the summary's definitions, in 2020.</summary>
public class SummaryBoundaryTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Province = "Kon Tum";
    private IAlbaHost Host => api.Host;

    private async Task Unit(string code, string level, string? district, params (string, string)[] steps)
    {
        var districtField = district is null ? "" : $$""","district":"{{district}}" """;
        await Host.Post("/api/units",
            $$"""{"code":"{{code}}","name":"{{code}}","level":"{{level}}","province":"{{Province}}"{{districtField}}"""
            + ""","registeredOn":"2015-01-01"}""",
            Keys.Recorder).Expect(201);
        await Host.Record(code, steps);
    }

    /// <summary>Documentation, an internal audit and a management review before the declaration (its
    /// prerequisites), the declaration on <paramref name="declaredOn"/>.</summary>
    private static (string, string)[] Declared(string declaredOn, string standard) =>
    [
        ("/documentation",
            $$"""{"issuedOn":"{{declaredOn[..4]}}-03-01","standard":"{{standard}}","qualityManual":"""
            + """true,"qualityPolicy":true,"qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":"""
            + """0,"businessProcedures":90,"administrativeProcedures":90}"""),
        ("/internal-audits", $$"""{"heldOn":"{{declaredOn[..4]}}-05-01"}"""),
        ("/management-reviews", $$"""{"heldOn":"{{declaredOn[..4]}}-06-01"}"""),
        ("/declarations", $$"""{"declaredOn":"{{declaredOn}}","standard":"{{standard}}"}"""),
    ];

    private static readonly (string, string)[] Audited2020 = [("/internal-audits", """{"heldOn":"2020-06-10"}""")];
    private static readonly (string, string)[] Reviewed2020 = [("/management-reviews", """{"heldOn":"2020-08-10"}""")];
    private static readonly (string, string)[] Reported2020 =
        [("/years/2020/report", """{"submittedOn":"2020-11-10"}""")];

    /// <summary>Once per class: xunit runs this before each test on the class's one database.</summary>
    public async Task InitializeAsync()
    {
        if ((await Host.Get("/api/units/KT-DEC31")).Status == 200) return;
        await Unit("KT-DEC31", "commune", "Đăk Hà", [.. Declared("2020-12-31", "2015"), .. Reported2020]);
        await Unit("KT-JAN1", "commune", "Đăk Hà", Declared("2021-01-01", "2015"));
        await Unit("KT-NOAUDIT", "department", null,
            [.. Declared("2016-09-01", "2015"), .. Reviewed2020, .. Reported2020]);
        await Unit("KT-ON2008", "sub-department", null,
            [.. Declared("2016-09-01", "2008"), .. Audited2020, .. Reviewed2020, .. Reported2020]);
        await Unit("KT-SUCCESSOR", "district", null);
        await Unit("KT-MERGED", "district", null,
        [
            .. Declared("2016-09-01", "2008"),
            ("/merge", """{"mergedOn":"2020-06-30","intoCode":"KT-SUCCESSOR","decisionNo":"NQ 1"}"""),
        ]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonNode> Data(int year) =>
        (await Host.Get($"/api/reports/summary/{year}?province={Uri.EscapeDataString(Province)}&consistent=true",
            Keys.Viewer).Expect(200)).Json["data"]!;

    [Fact]
    public async Task Each_definition_holds_at_its_boundary()
    {
        var data = await Data(2020);
        // Declared on 31 Dec counts, on 1 Jan of the next year does not; the district merged away mid-year does not
        // exist at the year's end, when the report counts (as its headline figures do); its successor never declared.
        Assert.Equal(["3/3", "2/2", "0/0", "1/1"], SampleSummaryTests.Cells(data, "declared"));
        // The department held no internal audit in 2020.
        Assert.Equal(["2/3", "1/2", "0/0", "1/1"], SampleSummaryTests.Cells(data, "complied"));
        // The sub-department is on 2008.
        Assert.Equal(["2/3", "1/2", "0/0", "1/1"], SampleSummaryTests.Cells(data, "implementingCurrentEdition"));
        Assert.Equal(["1/3", "1/2", "0/0", "0/1"], SampleSummaryTests.Cells(data, "onOlderEdition"));
        // Judged on a day it existed, it counts.
        var before = (await Host.Get($"/api/reports/summary/2020?province={Uri.EscapeDataString(Province)}"
            + "&asOf=2020-06-29&consistent=true", Keys.Viewer).Expect(200)).Json["data"]!;
        Assert.Equal(["3/3", "2/2", "1/1", "0/0"], SampleSummaryTests.Cells(before, "declared"));
    }

    [Fact]
    public async Task The_next_year_counts_the_commune_declared_on_1_January_and_not_the_merged_district()
    {
        var data = await Data(2021);
        Assert.Equal(["4/4", "2/2", "0/0", "2/2"], SampleSummaryTests.Cells(data, "declared"));
    }
}
