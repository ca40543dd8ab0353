using System.Globalization;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>End to end, other provinces' report tables than the sample's, as their clerks write them
/// (<c>ops/sample-data/other-provinces</c>): Quảng Bình's 2024 table with its appendix's heading rows, tier words
/// for levels, ticks and ×, districts abbreviated or copied from their headings; Quảng Trị's 2024 table, the July 2025
/// restructuring table (communes of both merged, Quảng Bình's departments merged into Quảng Trị's) and the merged
/// province's 2025 table; Cao Lộc district's 2020 table (Lạng Sơn) in the middle of the 2008 → 2015 conversion; Thái
/// Nguyên's 2011 table on the 2000 and 2008 editions and, after Thị xã Sông Công became a thành phố, its 2015 table;
/// Bình Thuận's 2018 table with its appendix's lettered and "1.1" headings, "Cộng" and "Tổng cộng" totals rows, the
/// tiers "Sở, ngành" and "Ban, ngành", and verdicts worded "Đạt yêu cầu", "Chưa đạt", "Duy trì tốt", "Chưa báo cáo";
/// Đắk Lắk's 2019 table listing declarations by their decisions and days, and Cư M'gar with either apostrophe.
/// Every figure below is counted by hand from those tables; the read models must give the same.</summary>
public class OtherProvinceTablesTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private IAlbaHost Host => api.Host;

    private static byte[] Table(string name) =>
        File.ReadAllBytes(Repository.File($"ops/sample-data/other-provinces/{name}"));

    public async Task InitializeAsync()
    {
        if ((await Host.Get("/api/units/QB-SO-01")).Status == 200) return;
        string[] order =
        [
            "quang-binh-2024.csv", "quang-tri-2024.csv", "quang-tri-2025-restructuring.csv", "quang-tri-2025.csv",
            "lang-son-cao-loc-2020.csv", "thai-nguyen-2011.csv", "thai-nguyen-2015-restructuring.csv",
            "thai-nguyen-2015.csv", "binh-thuan-2018.csv", "binh-thuan-2019.csv",
            "dak-lak-2019.csv",
        ];
        foreach (var name in order)
        {
            var route = name.EndsWith("-restructuring.csv", StringComparison.Ordinal)
                ? "/api/restructurings/import"
                : $"/api/imports?fileName={name}";
            var answer = await Host.PostBytes(route, Table(name));
            Assert.True(answer.Status is 200 or 201, $"{name}: {answer.Status} {answer.Json.ToJsonString()}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Q(string value) => Uri.EscapeDataString(value);

    private async Task<JsonNode> Data(string route) =>
        (await Host.Get(route + (route.Contains('?') ? "&" : "?") + "consistent=true", Keys.Viewer).Expect(200))
        .Json["data"]!;

    /// <summary>The annual table's totals per level and per district, each as "group: units declared policy
    /// objectives plan audit actions review reported | passed maintained no-report".</summary>
    private async Task<string[]> Totals(string province, int year)
    {
        var data = await Data($"/api/dashboards/annual/{year}?province={Q(province)}");
        return
        [
            .. data["byLevel"]!.AsArray().Concat(data["byDistrict"]!.AsArray()).Append(data["totals"]).Select(g =>
                $"{g!["group"]}: {g["units"]} {g["declared"]} {g["qualityPolicy"]} {g["qualityObjectives"]} "
                + $"{g["maintenancePlan"]} {g["internalAudit"]} {g["correctiveActions"]} {g["managementReview"]} "
                + $"{g["reportSubmitted"]} | {g["inspectionPassed"]} {g["inspectionMaintained"]} "
                + $"{g["inspectionNoReport"]}"),
        ];
    }

    /// <summary>The statistics per level as "level: units declared on2015 complete".</summary>
    private async Task<string[]> Statistics(string province, int year) =>
    [
        .. (await Data($"/api/dashboards/statistics/{year}?province={Q(province)}"))["byLevel"]!.AsArray()
            .Select(l => $"{l!["level"]}: {l["units"]} {l["declared"]} {l["on2015"]} {l["complete"]}"),
    ];

    /// <summary>The conversion progress per level as "level: on2008 converting converted".</summary>
    private async Task<string[]> Conversion(string province, string asOf) =>
    [
        .. (await Data($"/api/dashboards/conversion?province={Q(province)}&asOf={asOf}"))["byLevel"]!.AsArray()
            .Select(l => (Level: l!["level"], Counts: l["counts"]!))
            .Select(l => $"{l.Level}: {l.Counts["on2008"]} {l.Counts["converting"]} {l.Counts["converted"]}"),
    ];

    /// <summary>The province report's headlines, part by part, as "part id[:level] count/of", and its summary's
    /// rows as "criterion total provincial district commune" (count/of each).</summary>
    private async Task<(string[] Headlines, string[] Summary)> Report(string province, int year)
    {
        var data = await Data($"/api/reports/province-report/{year}?province={Q(province)}");
        string[] headlines =
        [
            .. data["parts"]!.AsArray().SelectMany(p => p!["headlines"]!.AsArray().Select(h =>
                $"{p["id"]} {h!["id"]}{(h["level"] is { } level ? $":{level}" : "")} {h["count"]}/{h["of"]}")),
        ];
        string[] summary =
        [
            .. data["summary"]!["rows"]!.AsArray().Select(r => $"{r!["criterion"]} " + string.Join(" ",
                new[] { "total", "provincial", "district", "commune" }
                    .Select(tier => $"{r[tier]!["count"]}/{r[tier]!["of"]}"))),
        ];
        return (headlines, summary);
    }

    [Fact]
    public async Task Quang_Binh_2024_reads_as_its_table()
    {
        Assert.Equal(
        [
            "department: 3 3 3 3 2 2 2 2 2 | 2 0 1", "sub-department: 1 1 1 1 1 1 1 1 1 | 1 0 0",
            "district: 3 3 3 3 3 3 3 3 3 | 2 1 0", "commune: 8 8 7 7 6 6 5 6 6 | 6 0 2",
            // The districts however written: "Huyện Bố Trạch:", "Bố Trạch" and the heading "3. Huyện Bố Trạch:".
            "Huyện Bố Trạch: 3 3 3 3 3 3 3 3 3 | 3 0 0", "Thành phố Đồng Hới: 3 3 3 3 2 2 1 2 2 | 2 0 1",
            "TX. Ba Đồn: 2 2 1 1 1 1 1 1 1 | 1 0 1", "all: 15 15 14 14 12 12 11 12 12 | 11 1 3",
        ], await Totals("Quảng Bình", 2024));
        Assert.Equal(
            ["department: 3 3 2 2", "sub-department: 1 1 1 1", "district: 3 3 3 3", "commune: 8 8 8 6"],
            await Statistics("Quảng Bình", 2024));
        Assert.Equal(
            ["department: 0 1 2", "sub-department: 0 0 1", "district: 0 0 3", "commune: 0 0 8"],
            await Conversion("Quảng Bình", "2024-12-31"));
        var (headlines, summary) = await Report("Quảng Bình", 2024);
        Assert.Equal(
        [
            "bodies reported 6/7", "bodies notReported 1/7", "bodies convertedOrConverting 7/7",
            "bodies levelConvertedOrConverting:department 3/3", "bodies levelConvertedOrConverting:sub-department 1/1",
            "bodies levelConvertedOrConverting:district 3/3", "bodies on2008 0/7",
            "earlierCommunes reported 5/7", "earlierCommunes notReported 2/7",
            "newCommunes steeringBoard 1/1", "newCommunes documentation 1/1", "newCommunes declared 1/1",
            "newCommunes internalAudit 1/1", "newCommunes correctiveActions 1/1", "newCommunes managementReview 1/1",
            "newCommunes passed 1/1",
        ], headlines);
        Assert.Equal(
        [
            "declared 15/15 4/4 3/3 8/8", "complied 12/15 3/4 3/3 6/8",
            "implementingCurrentEdition 15/15 4/4 3/3 8/8", "onOlderEdition 0/15 0/4 0/3 0/8",
        ], summary);
    }

    /// <summary>The merged province's 2025: the units that ended on 1 July (Quảng Bình's two departments merged into
    /// Quảng Trị's, the four district bodies, nine communes merged into three) are listed, but the headlines and the
    /// summary count what Quảng Trị had at the year's end: three departments (one of them Quảng Bình's), Quảng Bình's
    /// sub-department under its new department, the three new communes and three that were not merged.</summary>
    [Fact]
    public async Task Quang_Tri_2025_after_the_merger_reads_as_its_table()
    {
        Assert.Equal(
        [
            "department: 5 5 3 3 3 3 3 3 3 | 3 0 0", "sub-department: 1 1 1 1 1 1 1 1 1 | 1 0 0",
            "district: 4 4 0 0 0 0 0 0 0 | 0 0 0", "commune: 15 15 6 6 4 5 4 5 4 | 4 0 2",
        ], (await Totals("Quảng Trị", 2025)).Take(4));
        Assert.Equal(
            ["department: 5 5 5 3", "sub-department: 1 1 1 1", "district: 4 4 4 0", "commune: 15 15 15 4"],
            await Statistics("Quảng Trị", 2025));
        Assert.Equal(
            ["department: 0 0 3", "sub-department: 0 0 1", "commune: 0 0 6"],
            await Conversion("Quảng Trị", "2025-12-31"));
        var (headlines, summary) = await Report("Quảng Trị", 2025);
        Assert.Equal(
        [
            "bodies reported 4/4", "bodies notReported 0/4", "bodies convertedOrConverting 4/4",
            "bodies levelConvertedOrConverting:department 3/3", "bodies levelConvertedOrConverting:sub-department 1/1",
            "bodies on2008 0/4", "earlierCommunes reported 4/6", "earlierCommunes notReported 2/6",
        ], headlines.Take(8));
        Assert.Equal(
        [
            "declared 10/10 4/4 0/0 6/6", "complied 9/10 4/4 0/0 5/6",
            "implementingCurrentEdition 10/10 4/4 0/0 6/6", "onOlderEdition 0/10 0/4 0/0 0/6",
        ], summary);

        // The new commune took its predecessors over, from both former provinces' tables.
        var lineage = (await Host.Get("/api/units/QT25-XA-BOTRACH/lineage").Expect(200)).Json;
        Assert.Equal(
            ["QB-XA-006", "QB-XA-007", "QB-XA-008"],
            lineage["predecessors"]!.AsArray().Select(p => (string)p!["code"]!).Order(StringComparer.Ordinal));
        // Quảng Bình's sub-department followed its department into Quảng Trị's.
        var subDepartment = (await Host.Get("/api/units/QB-CC-01").Expect(200)).Json;
        Assert.Equal(
            ("QT24-SO-02", "Quảng Trị"), ((string?)subDepartment["parentCode"], (string?)subDepartment["province"]));
    }

    [Fact]
    public async Task Cao_Loc_2020_reads_as_its_table_mid_conversion()
    {
        Assert.Equal(
        [
            "district: 1 1 1 1 1 1 1 1 1 | 1 0 0", "commune: 7 7 7 7 6 6 5 6 6 | 6 0 1",
            "Huyện Cao Lộc: 7 7 7 7 6 6 5 6 6 | 6 0 1", "all: 8 8 8 8 7 7 6 7 7 | 7 0 1",
        ], await Totals("Lạng Sơn", 2020));
        Assert.Equal(["district: 1 1 1 1", "commune: 7 7 5 6"], await Statistics("Lạng Sơn", 2020));
        Assert.Equal(["district: 0 0 1", "commune: 1 1 5"], await Conversion("Lạng Sơn", "2020-12-31"));
        var (headlines, summary) = await Report("Lạng Sơn", 2020);
        Assert.Equal(
        [
            "bodies reported 1/1", "bodies notReported 0/1", "bodies convertedOrConverting 1/1",
            "bodies levelConvertedOrConverting:district 1/1", "bodies on2008 0/1",
            "earlierCommunes reported 4/5", "earlierCommunes notReported 1/5",
            "newCommunes steeringBoard 2/2", "newCommunes documentation 2/2", "newCommunes declared 2/2",
            "newCommunes internalAudit 2/2", "newCommunes correctiveActions 2/2", "newCommunes managementReview 2/2",
            "newCommunes passed 2/2",
        ], headlines);
        Assert.Equal(
        [
            "declared 8/8 0/0 1/1 7/7", "complied 7/8 0/0 1/1 6/7",
            "implementingCurrentEdition 7/8 0/0 1/1 6/7", "onOlderEdition 1/8 0/0 0/1 1/7",
        ], summary);
    }

    [Fact]
    public async Task Thai_Nguyen_2011_on_2000_and_2008_and_2015_after_the_town_became_a_city()
    {
        var rows = (await Data($"/api/dashboards/annual/2011?province={Q("Thái Nguyên")}"))["rows"]!.AsArray();
        Assert.Equal(
            ["TN-SC-TX 2008 Thị xã Sông Công", "TN-SO-KHCN 2000 ", "TN-SO-TP 2008 "],
            rows.Select(r => $"{r!["code"]} {r["standard"]} {r["district"]}").Order(StringComparer.Ordinal));
        // In 2011 the current edition is 2008: Sở KH&CN, still on 2000, is on an older one, and a report of the time,
        // when 2000 → 2008 was the conversion under way, counts it apart from the units on 2008.
        var (headlines, summary) = await Report("Thái Nguyên", 2011);
        Assert.Equal(["bodies on2008 2/3", "bodies on2000 1/3"], headlines.Where(h => h.StartsWith("bodies on")));
        Assert.Equal(["department: 1 1 0 0", "district: 0 1 0 0"], (await Data(
                $"/api/dashboards/conversion?province={Q("Thái Nguyên")}&asOf=2011-12-31"))["byLevel"]!.AsArray()
            .Select(l => (Level: l!["level"], Counts: l["counts"]!))
            .Select(l => $"{l.Level}: {l.Counts["on2000"]} {l.Counts["on2008"]} {l.Counts["converting"]} "
                + $"{l.Counts["converted"]}"));
        Assert.Equal(
        [
            "declared 3/3 2/2 1/1 0/0", "complied 3/3 2/2 1/1 0/0",
            "implementingCurrentEdition 2/3 1/2 1/1 0/0", "onOlderEdition 1/3 1/2 0/1 0/0",
        ], summary);
        Assert.Equal(
        [
            "department: 2 2 0 0 0 0 0 0 0 | 0 0 0", "district: 1 1 1 1 1 1 1 1 1 | 1 0 0",
            "all: 3 3 1 1 1 1 1 1 1 | 1 0 0",
        ], await Totals("Thái Nguyên", 2015));
    }

    [Fact]
    public async Task Binh_Thuan_2018_reads_as_its_table_its_totals_rows_passed_over()
    {
        Assert.Equal(
        [
            "department: 3 3 3 3 2 2 1 2 2 | 2 0 1", "sub-department: 1 1 1 1 1 1 1 1 1 | 1 0 0",
            // "Chưa đạt" is a verdict, failed: counted in none of the three.
            "district: 2 2 2 2 2 2 2 2 2 | 1 0 0", "commune: 5 5 5 5 4 4 3 4 4 | 3 1 1",
            // Tuy Phong however written: "H. Tuy Phong", the heading "1.2 Huyện Tuy Phong:" and "Tuy Phong".
            "H. Tuy Phong: 2 2 2 2 1 1 1 1 1 | 1 0 1", "TP. Phan Thiết: 3 3 3 3 3 3 2 3 3 | 2 1 0",
            // The table's own "Tổng cộng" row: 11 declared, 9 plans, audits, reviews and reports, 7 corrective actions.
            "all: 11 11 11 11 9 9 7 9 9 | 7 1 2",
        ], await Totals("Bình Thuận", 2018));
        Assert.Equal(
            ["department: 3 3 1 2", "sub-department: 1 1 1 1", "district: 2 2 1 2", "commune: 5 5 3 4"],
            await Statistics("Bình Thuận", 2018));
        Assert.Equal(
            ["department: 1 1 1", "sub-department: 0 0 1", "district: 0 1 1", "commune: 2 0 3"],
            await Conversion("Bình Thuận", "2018-12-31"));
        var (headlines, summary) = await Report("Bình Thuận", 2018);
        Assert.Equal(
        [
            "bodies reported 5/6", "bodies notReported 1/6", "bodies convertedOrConverting 5/6",
            "bodies levelConvertedOrConverting:department 2/3", "bodies levelConvertedOrConverting:sub-department 1/1",
            "bodies levelConvertedOrConverting:district 2/2", "bodies on2008 1/6",
            "earlierCommunes reported 1/2", "earlierCommunes notReported 1/2",
            "newCommunes steeringBoard 3/3", "newCommunes documentation 3/3", "newCommunes declared 3/3",
            "newCommunes internalAudit 3/3", "newCommunes correctiveActions 2/3", "newCommunes managementReview 3/3",
            "newCommunes passed 3/3",
        ], headlines);
        Assert.Equal(
        [
            "declared 11/11 4/4 2/2 5/5", "complied 9/11 3/4 2/2 4/5",
            "implementingCurrentEdition 8/11 3/4 2/2 3/5", "onOlderEdition 3/11 1/4 0/2 2/5",
        ], summary);
    }

    /// <summary>The same table as the workbook it is kept in: its days date cells, its counts numbers, and each
    /// heading and totals row's label merged across the columns from the unit's name on, as the appendix prints it.
    /// Checked against the store holding the CSV's import, it reads as the same rows: nothing to write.</summary>
    [Fact]
    public async Task Binh_Thuan_2018_as_its_workbook_reads_as_its_csv()
    {
        var rows = TestWorkbooks.FromCsv(System.Text.Encoding.UTF8.GetString(Table("binh-thuan-2018.csv")));
        var header = rows[0]!.Select(h => (string)h!).ToList();
        var (name, last) = (header.IndexOf("unit_name"), header.Count - 1);
        int[] days = [header.IndexOf("report_date"), header.IndexOf("declared_by")];
        var merged = new List<string>();
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = rows[r]!.ToArray();
            foreach (var day in days.Where(d => cells[d] is string))
                cells[day] = DateOnly.ParseExact((string)cells[day]!, "dd/MM/yyyy", CultureInfo.InvariantCulture);
            if (cells[header.IndexOf("unit_code")] is null && !cells.Skip(name + 1).Any(c => c is int))
                merged.Add($"{TestWorkbooks.Reference(name, r + 1)}:{TestWorkbooks.Reference(last, r + 1)}");
            rows[r] = cells;
        }
        var workbook = TestWorkbooks.Build(new TestSheet("Phụ lục", rows, [.. merged]));

        var answer = await Host.PostBytes("/api/imports?dryRun=true", workbook, TestWorkbooks.MediaType);
        Assert.True(answer.Status == 200, answer.Json.ToJsonString());
        Assert.Equal((11, 0, 0), ((int)answer.Json["rows"]!, (int)answer.Json["unitsCreated"]!,
            (int)answer.Json["eventsAppended"]!));
    }

    /// <summary>Đắk Lắk's 2019 table gives the declarations as a list of the units that declared does: by decision
    /// and day ("Số 45/QĐ-SNV ngày 20/3/2017"), by day, by decision alone beside a <c>declared_by</c>, or marked.
    /// The day dates the declaration, which tells the year's new units (Tân Lợi, Hòa Thắng) from the earlier ones,
    /// and the decision is the declaration's <c>decisionNo</c>.</summary>
    [Fact]
    public async Task Dak_Lak_2019_reads_its_declarations_decisions_and_days()
    {
        Assert.Equal(
        [
            "department: 2 2 2 2 2 2 2 2 2 | 2 0 0", "district: 2 2 2 2 2 2 2 2 2 | 2 0 0",
            "commune: 5 5 5 5 4 4 3 4 4 | 3 1 1",
            // Cư M'gar's heading was copied from a word processor, which wrote "Cư M’gar": one district still.
            "Huyện Cư M'gar: 2 2 2 2 2 2 2 2 2 | 1 1 0", "TP. Buôn Ma Thuột: 3 3 3 3 2 2 1 2 2 | 2 0 1",
            "all: 9 9 9 9 8 8 7 8 8 | 7 1 1",
        ], await Totals("Đắk Lắk", 2019));
        Assert.Equal(
            ["department: 2 2 1 2", "district: 2 2 1 2", "commune: 5 5 4 4"], await Statistics("Đắk Lắk", 2019));
        Assert.Equal(
            ["department: 0 1 1", "district: 1 0 1", "commune: 1 0 4"], await Conversion("Đắk Lắk", "2019-12-31"));
        var (headlines, summary) = await Report("Đắk Lắk", 2019);
        Assert.Equal(
        [
            "bodies reported 4/4", "bodies notReported 0/4", "bodies convertedOrConverting 3/4",
            "bodies levelConvertedOrConverting:department 2/2", "bodies levelConvertedOrConverting:district 1/2",
            "bodies on2008 1/4", "earlierCommunes reported 2/3", "earlierCommunes notReported 1/3",
            "newCommunes steeringBoard 2/2", "newCommunes documentation 2/2", "newCommunes declared 2/2",
            "newCommunes internalAudit 2/2", "newCommunes correctiveActions 1/2", "newCommunes managementReview 2/2",
            "newCommunes passed 2/2",
        ], headlines);
        Assert.Equal(
        [
            "declared 9/9 2/2 2/2 5/5", "complied 8/9 2/2 2/2 4/5",
            "implementingCurrentEdition 7/9 2/2 1/2 4/5", "onOlderEdition 2/9 0/2 1/2 1/5",
        ], summary);
        var declarations = await Task.WhenAll(new[] { "DL-SO-01", "DL-XA-001", "DL-XA-002", "DL-XA-003" }
            .Select(async code => (await Host.Get($"/api/units/{code}").Expect(200)).Json["latestDeclaration"]!)
            .Select(async declaration => $"{(await declaration)["declaredOn"]} {(await declaration)["decisionNo"]}"));
        // The decision the declared column names is the declaration's, as written.
        Assert.Equal(
            ["2017-03-20 45/QĐ-SNV", "2019-07-15 210/QĐ-UBND", "2019-09-05 85/QĐ-UBND", "2018-12-31 99/QĐ-UBND"],
            declarations);
    }

    /// <summary>Bình Thuận's 2019 table abbreviates the kinds its 2018 table wrote out ("UBND P. Phú Thủy", "UBND
    /// TT.Liên Hương", "UBND X. Phú Lạc") and writes its districts "TP.Phan Thiết" and "H.Tuy Phong": the same units
    /// and districts, not renamed, not new.</summary>
    [Fact]
    public async Task Binh_Thuan_2019_abbreviating_the_units_kinds_is_the_2018_table_s_units()
    {
        Assert.Equal(
        [
            "department: 3 3 0 0 0 0 0 0 0 | 0 0 0", "sub-department: 1 1 0 0 0 0 0 0 0 | 0 0 0",
            "district: 2 2 1 1 1 1 1 1 1 | 1 0 0", "commune: 5 5 3 3 3 3 3 3 3 | 3 0 0",
            "H. Tuy Phong: 2 2 2 2 2 2 2 2 2 | 2 0 0", "TP. Phan Thiết: 3 3 1 1 1 1 1 1 1 | 1 0 0",
            "all: 11 11 4 4 4 4 4 4 4 | 4 0 0",
        ], await Totals("Bình Thuận", 2019));
        var names = await Task.WhenAll(new[] { "BT-XA-001", "BT-XA-004", "BT-XA-005" }
            .Select(async code => (string)(await Host.Get($"/api/units/{code}").Expect(200)).Json["name"]!));
        Assert.Equal(["UBND Phường Phú Thủy", "UBND Thị trấn Liên Hương", "UBND Xã Phú Lạc"], names);
    }
}
