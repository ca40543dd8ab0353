using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Quảng Trị's 2020 appendices B and C (seed <c>003_…</c>) as printed, in their own columns
/// (<c>ops/sample-data/appendix-columns/quang-tri-2020-appendix-b.csv</c> and <c>…-c.csv</c>): no report column, the
/// verdict in "Xác nhận" ("Đạt", "Ko có Bc"), the communes under their districts' headings ("I | Thành phố Đông
/// Hà:"), numbered within them ("1. UBND Phường 1."), a "Tổng số" line under the table. Imported into an empty store
/// with the province, year and report date in the request, they give the report's figures.</summary>
public class PrintedAppendicesImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Q(string value) => Uri.EscapeDataString(value);

    private static readonly string QuangTri2020 =
        $"/api/imports?province={Q("Quảng Trị")}&year=2020&reportDate=2020-11-19";

    private static byte[] Table(string name) =>
        File.ReadAllBytes(Repository.File($"ops/sample-data/appendix-columns/{name}"));

    private static async Task<List<JsonNode>> Communes(IAlbaHost host) =>
        [.. (await host.Get($"/api/dashboards/annual/2020?province={Q("Quảng Trị")}&consistent=true").Expect(200))
            .Json["data"]!["rows"]!.AsArray().Select(r => r!).Where(r => (string?)r["level"] == "commune")];

    /// <summary>Appendix B has no report column: its verdicts say which communes reported, as the report counts
    /// them (44 of 109, "Số đơn vị có báo cáo và hồ sơ kiểm chứng: 44/109"), "Đạt" given on a report sent, "Ko có
    /// Bc" saying none came. Every commune had been read as not reporting, and the annual table, the statistics and
    /// the province report counted none of them.</summary>
    [Fact]
    public async Task Appendix_B_s_verdicts_say_which_communes_reported()
    {
        var imported = await Host.PostBytes(QuangTri2020, Table("quang-tri-2020-appendix-b.csv")).Expect(200);
        Assert.Equal((109, 109), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));

        var communes = await Communes(Host);
        Assert.Equal(109, communes.Count);
        Assert.Equal(44, communes.Count(r => (bool)r["reportSubmitted"]!));
        Assert.Equal(44, communes.Count(r => (string?)r["inspection"] == "passed" && (bool)r["reportSubmitted"]!));
        Assert.Equal(65, communes.Count(r => (string?)r["inspection"] == "no-report" && !(bool)r["reportSubmitted"]!));
    }

    /// <summary>A sheet of the appendix's CSV file as a workbook holds it, its two-row header's cells merged as
    /// <paramref name="merged"/> say (the second row empty under the cells merged down both).</summary>
    private static TestSheet Sheet(string name, string file, params string[] merged)
    {
        var rows = TestWorkbooks.FromCsv(System.Text.Encoding.UTF8.GetString(Table(file)));
        if (merged.Length > 0) rows[1] = [.. rows[1]!.Select(cell => cell is "" ? null : cell)];
        return new TestSheet(name, rows, merged);
    }

    /// <summary>The three appendices as a province keeps them, a sheet each in one workbook ("Phụ lục A" under its
    /// two-row header, merged as printed), imported once into an empty store: the report's figures in each read
    /// model. Appendix A: 14 on 2008, converted or converting 11/20 departments, 9/10 sub-departments, 6/10
    /// districts; appendices B and C: 44 + 16 communes reported and passed, 65 sent no report; the summary (Phụ lục
    /// 9): 165 declared, 30 provincial bodies, 10 districts, 125 communes.</summary>
    [Fact]
    public async Task The_three_appendices_in_one_workbook_give_the_report_s_figures() =>
        await ApiFixture.WithEmptyStore(async host =>
        {
            var workbook = TestWorkbooks.Build(
                Sheet("Phụ lục A", "quang-tri-2020-appendix-a.csv", "A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:J1",
                    "K1:L1"),
                Sheet("Phụ lục B", "quang-tri-2020-appendix-b.csv"),
                Sheet("Phụ lục C", "quang-tri-2020-appendix-c.csv"));
            var imported = await host.PostBytes(QuangTri2020, workbook, TestWorkbooks.MediaType).Expect(200);
            Assert.Equal((165, 165), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));

            var conversion = (await host.Get(
                    $"/api/dashboards/conversion?province={Q("Quảng Trị")}&asOf=2020-11-19&consistent=true")
                .Expect(200)).Json["data"]!["byLevel"]!.AsArray().ToDictionary(
                l => (string)l!["level"]!, l => l!["counts"]!);
            Assert.Equal(["department 11/20", "district 6/10", "sub-department 9/10"],
                new[] { "department", "sub-department", "district" }
                    .Select(l => $"{l} {conversion[l]["convertedOrConverting"]}/{conversion[l]["total"]}")
                    .Order(StringComparer.Ordinal));
            Assert.Equal(14, new[] { "department", "sub-department", "district" }
                .Sum(l => (int)conversion[l]["on2008"]!));

            var communes = await Communes(host);
            Assert.Equal(125, communes.Count);
            Assert.Equal(60, communes.Count(r => (string?)r["inspection"] == "passed" && (bool)r["reportSubmitted"]!));
            Assert.Equal(65, communes.Count(r => (string?)r["inspection"] == "no-report"));

            var summary = (await host.Get($"/api/reports/summary/2020?province={Q("Quảng Trị")}&consistent=true",
                Keys.Viewer).Expect(200)).Json["data"]!;
            Assert.Equal(["165/165", "30/30", "10/10", "125/125"], SampleSummaryTests.Cells(summary, "declared"));

            var statistics = (await host.Get(
                    $"/api/dashboards/statistics/2020?province={Q("Quảng Trị")}&consistent=true").Expect(200))
                .Json["data"]!["byLevel"]!.AsArray().ToDictionary(l => (string)l!["level"]!, l => l!);
            Assert.Equal(60, (int)statistics["commune"]["complete"]!);
        });

    /// <summary>The appendices one under another in one table, under their sections' rows as printed ("A/ Các cơ
    /// quan chuyên môn cấp Tỉnh, Chi cục trực thuộc, UBND các huyện, thị xã, thành phố:" above appendix A's rows, "B/
    /// UBND các Phường, xã, thị trấn áp dụng từ năm 2015 – 2019: (109 Phường, xã, thị trấn)" and "C/ … xây dựng áp
    /// dụng năm 2020: (16 đơn vị):" above B's and C's in <c>quang-tri-2020-appendices-b-c.csv</c>): the sections
    /// are headings, not units refused for the level their names do not say. Section A names several tiers: each
    /// row's name says its own.</summary>
    [Fact]
    public async Task The_appendices_under_their_sections_in_one_table_are_read_as_printed() =>
        await ApiFixture.WithEmptyStore(async host =>
        {
            var communes = await host.PostBytes(QuangTri2020, Table("quang-tri-2020-appendices-b-c.csv")).Expect(200);
            Assert.Equal((125, 125), ((int)communes.Json["rows"]!, (int)communes.Json["unitsCreated"]!));

            var lines = System.Text.Encoding.UTF8.GetString(Table("quang-tri-2020-appendix-a.csv")).Split('\n');
            var sectionA = string.Join('\n', [.. lines[..2], "A/,\"Các cơ quan chuyên môn cấp Tỉnh, Chi cục trực "
                + "thuộc, UBND các huyện, thị xã, thành phố: (40 đơn vị)\",,,,,,,,,,", .. lines[2..]]);
            var bodies = await host.PostBytes(QuangTri2020, System.Text.Encoding.UTF8.GetBytes(sectionA)).Expect(200);
            Assert.Equal((40, 40), ((int)bodies.Json["rows"]!, (int)bodies.Json["unitsCreated"]!));

            var conversion = (await host.Get(
                    $"/api/dashboards/conversion?province={Q("Quảng Trị")}&asOf=2020-11-19&consistent=true")
                .Expect(200)).Json["data"]!["byLevel"]!.AsArray().ToDictionary(
                l => (string)l!["level"]!, l => (int)l!["counts"]!["total"]!);
            Assert.Equal((20, 10, 10), (conversion["department"], conversion["sub-department"],
                conversion["district"]));
            Assert.Equal(125, (await Communes(host)).Count);
        });

    /// <summary>The province report's figures of the communes: "part headline" and "count/of".</summary>
    private static async Task<Dictionary<string, string>> CommuneHeadlines(IAlbaHost host) =>
        (await host.Get($"/api/reports/province-report/2020?province={Q("Quảng Trị")}&consistent=true", Keys.Viewer)
            .Expect(200)).Json["data"]!["parts"]!.AsArray()
        .Where(part => (string?)part!["id"] != "bodies")
        .SelectMany(part => part!["headlines"]!.AsArray().Select(h =>
            (Key: $"{part["id"]} {h!["id"]}", Value: $"{h["count"]}/{h["of"]}")))
        .ToDictionary(h => h.Key, h => h.Value);

    /// <summary>Appendix B's communes apply since earlier years ("áp dụng từ năm 2015 – 2019": declared by 31
    /// December 2019 at the latest), C's built their systems in the report's year ("xây dựng áp dụng năm 2020"): the
    /// sections' headings say it, and the report tells them apart by it, 44 of B's 109 reported, C's 16 all declared.
    /// Both had been declared on the report's date, new in 2020: the province report counted no earlier commune
    /// and 125 new ones. Imported again, the table appends nothing.</summary>
    [Fact]
    public async Task A_section_s_years_of_application_date_its_communes_declarations() =>
        await ApiFixture.WithEmptyStore(async host =>
        {
            var table = Table("quang-tri-2020-appendices-b-c.csv");
            // A section of units applying after the table's year is another year's: refused, not dated.
            var later = System.Text.Encoding.UTF8.GetString(table).Replace("2015 – 2019", "2015 – 2021");
            var refused = (await host.PostBytes(QuangTri2020, System.Text.Encoding.UTF8.GetBytes(later)).Expect(422))
                .Json["errors"]!.AsArray();
            Assert.Equal(109, refused.Count(e => ((string)e!["reason"]!).StartsWith(
                "The heading above lists units applying in 2015–2021", StringComparison.Ordinal)));
            await host.PostBytes(QuangTri2020, table).Expect(200);

            var headlines = await CommuneHeadlines(host);
            Assert.Equal(("44/109", "65/109"), (headlines["earlierCommunes reported"],
                headlines["earlierCommunes notReported"]));
            Assert.Equal(("16/16", "16/16"), (headlines["newCommunes declared"], headlines["newCommunes passed"]));
            var summary = (await host.Get($"/api/reports/summary/2020?province={Q("Quảng Trị")}&consistent=true",
                Keys.Viewer).Expect(200)).Json["data"]!;
            Assert.Equal("125/125", SampleSummaryTests.Cells(summary, "declared")[3]);

            var again = await host.PostBytes(QuangTri2020, table).Expect(200);
            Assert.Equal((0, 0), ((int)again.Json["unitsCreated"]!, (int)again.Json["eventsAppended"]!));
            Assert.Equal(headlines, await CommuneHeadlines(host));
        });

    /// <summary>Appendix B's communes, recorded as declared by 31 December 2019 as their section says, listed again
    /// with their declarations' day in "Công bố HT ISO" (15/8/2016, as a list of the units that declared gives it):
    /// each day is the declaration the report recorded, one fact, not a second. Each had been declared again on its
    /// day on 2008 (the edition of 2016 alone), so that the report's declaration on 2015 read as a re-declaration
    /// (công bố lại) the commune never made.</summary>
    [Fact]
    public async Task A_declaration_s_day_given_later_is_the_declaration_the_report_recorded() =>
        await ApiFixture.WithEmptyStore(async host =>
        {
            var table = System.Text.Encoding.UTF8.GetString(Table("quang-tri-2020-appendices-b-c.csv"));
            await host.PostBytes(QuangTri2020, System.Text.Encoding.UTF8.GetBytes(table)).Expect(200);
            var headlines = await CommuneHeadlines(host);
            var appendixB = table[..table.IndexOf("\"C/", StringComparison.Ordinal)];
            var dated = System.Text.Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(appendixB,
                "^([0-9]+,[^,]*,)x,", "${1}15/8/2016,", System.Text.RegularExpressions.RegexOptions.Multiline));

            var imported = await host.PostBytes(QuangTri2020, dated).Expect(200);
            Assert.Equal((109, 109), ((int)imported.Json["rows"]!, (int)imported.Json["eventsAppended"]!));
            var code = (string)(await host.Get($"/api/units?province={Q("Quảng Trị")}&q={Q("Phường Đông Lễ")}")
                .Expect(200)).Json["items"]![0]!["code"]!;
            var state = (await host.Get($"/api/units/{code}/state?asOf=2020-12-31").Expect(200)).Json;
            Assert.Equal(("2016-08-15", false, "2015"), ((string?)state["latestDeclaration"]!["declaredOn"],
                (bool)state["latestDeclaration"]!["redeclaration"]!, (string?)state["standard"]));
            Assert.Equal(headlines, await CommuneHeadlines(host));
            var statistics = (await host.Get(
                    $"/api/dashboards/statistics/2020?province={Q("Quảng Trị")}&consistent=true").Expect(200))
                .Json["data"]!["totals"]!;
            Assert.Equal((125, 125), ((int)statistics["declared"]!, (int)statistics["on2015"]!));

            Assert.Equal(0, (int)(await host.PostBytes(QuangTri2020, dated).Expect(200)).Json["eventsAppended"]!);
        });
}
