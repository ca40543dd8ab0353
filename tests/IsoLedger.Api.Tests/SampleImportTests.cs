using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The sample province (the 2020 report's appendices A, B and C) imported through the API gives the
/// report's own figures; exporting it in the import format and importing that into an empty store gives the same
/// table.</summary>
public class SampleImportTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Province = "Quảng Trị";
    private static readonly byte[] Sample = File.ReadAllBytes(Repository.File("ops/sample-data/quang-tri-2020.csv"));
    private IAlbaHost Host => api.Host;
    /// <summary>Every test starts from the imported sample; importing it again is a no-op by design.</summary>
    public async Task InitializeAsync()
    {
        var answer = await Host.PostBytes("/api/imports?fileName=quang-tri-2020.csv", Sample);
        Assert.True(answer.Status == 200, answer.Text);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Q(string value) => Uri.EscapeDataString(value);

    [Fact]
    public async Task Appendix_A_has_14_units_on_2008_and_26_converted_or_converting()
    {
        var data = (await Host.Get($"/api/dashboards/conversion?province={Q(Province)}&asOf=2020-11-19&consistent=true")
            .Expect(200)).Json["data"]!;
        var byLevel = data["byLevel"]!.AsArray().ToDictionary(l => (string)l!["level"]!, l => l!["counts"]!);
        Assert.Equal((20, 11),
            ((int)byLevel["department"]["total"]!, (int)byLevel["department"]["convertedOrConverting"]!));
        Assert.Equal((10, 9),
            ((int)byLevel["sub-department"]["total"]!, (int)byLevel["sub-department"]["convertedOrConverting"]!));
        Assert.Equal((10, 6), ((int)byLevel["district"]["total"]!, (int)byLevel["district"]["convertedOrConverting"]!));
        var provinceAndDistrictUnits =
            new[] { "department", "sub-department", "district" }.Select(l => byLevel[l]).ToList();
        Assert.Equal(14, provinceAndDistrictUnits.Sum(c => (int)c["on2008"]!));
        Assert.Equal(18, provinceAndDistrictUnits.Sum(c => (int)c["converted"]!));
        Assert.Equal(8, provinceAndDistrictUnits.Sum(c => (int)c["converting"]!));
    }

    [Fact]
    public async Task Appendix_B_has_44_of_109_communes_reported_and_appendix_C_16_new_communes_that_all_passed()
    {
        var rows = (await Host.Get($"/api/reports/annual/2020?province={Q(Province)}&format=json").Expect(200))
            .Json["rows"]!.AsArray().Select(r => r!).ToList();
        var appendixB = rows
            .Where(r => ((string)r["code"]!).StartsWith("QT-XA-") && !((string)r["code"]!).StartsWith("QT-XA-MOI-"))
            .ToList();
        var appendixC = rows.Where(r => ((string)r["code"]!).StartsWith("QT-XA-MOI-")).ToList();

        Assert.Equal(109, appendixB.Count);
        var reported = appendixB.Count(r => (bool)r["reportSubmitted"]!);
        Assert.Equal(44, reported);
        Assert.Equal(65, appendixB.Count(r => (string?)r["inspection"] == "no-report"));
        Assert.Equal(40.37m, Math.Round(reported * 100m / appendixB.Count, 2));

        Assert.Equal(16, appendixC.Count);
        Assert.All(appendixC, r => Assert.True(
            (bool)r["declared"]! && (bool)r["internalAudit"]! && (string?)r["inspection"] == "passed"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_appends_nothing()
    {
        var again = await Host.PostBytes("/api/imports", Sample).Expect(200);
        Assert.Equal(165, (int)again.Json["rows"]!);
        Assert.Equal(0, (int)again.Json["unitsCreated"]!);
        Assert.Equal(0, (int)again.Json["eventsAppended"]!);
    }

    [Fact]
    public async Task Imported_events_say_where_they_came_from_and_that_their_date_is_the_reports()
    {
        var history = (await Host.Get("/api/units/QT-SO-02/history", Keys.Auditor).Expect(200)).Json.AsArray();
        var converted = history.Single(e => (string)e!["type"]! == "StandardConverted")!;
        Assert.Equal("quang-tri-2020.csv", (string?)converted["headers"]!["import-file"]);
        Assert.Equal(3, (int)converted["headers"]!["import-line"]!);
        Assert.Equal("report-date", (string?)converted["headers"]!["business-date"]);
        Assert.Equal("2020-11-19", (string?)converted["businessDate"]);
        Assert.True((bool)history.Single(e => (string)e!["type"]! == "ConformityDeclared")!["data"]!["datedByReport"]!);
    }

    [Fact]
    public async Task The_report_export_has_the_appendix_layout_in_vietnamese_or_english()
    {
        var vietnamese = await Host.Get($"/api/reports/annual/2020?province={Q(Province)}", Keys.Viewer).Expect(200);
        Assert.StartsWith("text/csv", vietnamese.ContentType);
        var lines = vietnamese.Text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("TT,Đơn vị,Công bố HT ISO,CSCL,MTCL,KH duy trì áp dụng,Đánh giá nội bộ,HĐKP,Xem xét LĐ,"
            + "Báo cáo,Xác nhận,Áp dụng", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2,Sở Nội vụ,x,") && l.EndsWith(",Duy trì,Đã ch/đổi 9001:2015"));
        Assert.Contains(lines,
            l => l.Contains("UBND xã, phường, thị trấn (125 đơn vị)") && l.Contains(",\"60 (48,00 %)\","));
        Assert.Contains(lines, l => l.StartsWith($",Tổng: {Province} (165 đơn vị)"));

        var english =
            await Host.Get($"/api/reports/annual/2020?province={Q(Province)}&lang=en", Keys.Viewer).Expect(200);
        Assert.StartsWith("\uFEFFNo.,Unit,Declared,Quality policy", english.Text);
        Assert.Contains("maintained,converted", english.Text);
        // Every verdict by its English label, as the page writes it, not the import format's value ("no-report").
        Assert.Contains(",no report,", english.Text);
        Assert.DoesNotContain("no-report", english.Text);
    }

    [Theory]
    [InlineData("?province=QT&format=xml")]
    [InlineData("?province=QT&lang=fr")]
    [InlineData("?province=QT&layout=import&format=json")]
    [InlineData("")]
    public async Task The_export_refuses_bad_parameters(string query) =>
        await Host.Get($"/api/reports/annual/2020{query}").Expect(400);

    [Fact]
    public async Task The_import_layout_imported_into_an_empty_store_exports_the_same_table()
    {
        var reportBefore = (await Host.Get($"/api/reports/annual/2020?province={Q(Province)}").Expect(200)).Text;
        var importLayout = Encoding.UTF8.GetBytes(
            (await Host.Get($"/api/reports/annual/2020?province={Q(Province)}&layout=import").Expect(200)).Text);

        var empty = new ApiFixture();
        await empty.InitializeAsync();
        try
        {
            var imported = await empty.Host.PostBytes("/api/imports", importLayout).Expect(200);
            Assert.Equal(165, (int)imported.Json["unitsCreated"]!);
            // The sub-departments keep their departments, which the file lists as they are checked as parents.
            var standardsOffice = (await empty.Host.Get("/api/units/QT-CC-01").Expect(200)).Json;
            Assert.Equal("QT-SO-06", (string?)standardsOffice["parentCode"]);
            Assert.Equal(reportBefore,
                (await empty.Host.Get($"/api/reports/annual/2020?province={Q(Province)}").Expect(200)).Text);
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }
}
