using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A province other than the sample, written by hand in the shape the seeds' reports give their tables: Yên
/// Bái's district Văn Chấn, its district body and six communes over 2019–2021 (the names are the district's, the facts
/// made up), each year as its clerk saved it — 2019 as CSV UTF-8 with dates as 20.11.2019, 2020 with ';' between the
/// columns and "ngày 18/11/2020", 2021 as Excel's Unicode Text with 19-11-2021 — with ticks (√), the reports' words
/// (Đạt, Duy trì, Ko có Bc, Đang ch/đổi), the committee written out, a merge on 1 February 2020 (Nghĩa Tâm and Minh
/// An into a new Nghĩa Tâm, listed in 2020 with its note), editions 2008 and 2015 and a conversion finished and one
/// not finished by the deadline. Every figure asserted is counted by hand from the table, in the comments.</summary>
public class HandWrittenProvinceTableTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Province = "Yên Bái";
    private IAlbaHost Host => api.Host;

    private const string Header = "province,unit_code,unit_name,level,district,parent_code,year,report_date,declared,"
        + "standard,conversion,quality_policy,quality_objectives,maintenance_plan,internal_audit,corrective_actions,"
        + "management_review,report_submitted,inspection,declared_by,steering_board,documentation";

    private static readonly string[] Table2019 =
    [
        "Yên Bái,YB-HUYEN-VC,UBND huyện Văn Chấn,district,Văn Chấn,,2019,20.11.2019,x,2008,none,x,x,x,x,x,x,x,Duy trì,"
        + "31/12/2016,,",
        "Yên Bái,YB-VC-01,UBND xã Sơn Thịnh,commune,Huyện Văn Chấn,,2019,20.11.2019,x,2015,,x,x,x,x,x,x,x,Đạt,"
        + "31/12/2018,,",
        "Yên Bái,YB-VC-03,UBND xã Nghĩa Tâm,commune,Văn Chấn,,2019,20.11.2019,√,2015,,√,√,√,√,√,√,√,Đạt,31/12/2018,,",
        "Yên Bái,YB-VC-04,UBND xã Minh An,commune,Văn Chấn,,2019,20.11.2019,x,2015,,x,,,,,,,Ko có Bc,31/12/2018,,",
        "Yên Bái,YB-VC-06,UBND xã Thượng Bằng La,commune,Văn Chấn,,2019,20.11.2019,x,2008,none,x,x,x,x,x,x,x,Đạt,"
        + "31/12/2016,,",
    ];

    private const string Merge = """
        decision_no,effective_on,kind,from_code,into_code,into_name,into_level,into_province,into_district
        NQ 01/2020,01/02/2020,,YB-VC-03,YB-VC-05,UBND xã Nghĩa Tâm,commune,Yên Bái,Văn Chấn
        NQ 01/2020,01/02/2020,,YB-VC-04,YB-VC-05,UBND xã Nghĩa Tâm,commune,Yên Bái,Văn Chấn

        """;

    private static readonly string[] Table2020 =
    [
        "Yên Bái;YB-HUYEN-VC;Ủy ban nhân dân huyện Văn Chấn;district;Văn Chấn;;2020;ngày 18/11/2020;x;2008;"
        + "Đang ch/đổi;x;x;x;x;x;x;x;Duy trì;31/12/2016;;",
        "Yên Bái;YB-VC-01;UBND xã Sơn Thịnh;commune;Văn Chấn;;2020;ngày 18/11/2020;x;2015;;x;x;;;;;;Ko có Bc;"
        + "31/12/2018;;",
        "Yên Bái;YB-VC-02;UBND xã Đồng Khê;commune;Văn Chấn;;2020;ngày 18/11/2020;x;2015;;x;x;x;x;x;x;x;Đạt;;x;x",
        "Yên Bái;YB-VC-05;UBND xã Nghĩa Tâm (xã Nghĩa Tâm + Minh An);commune;Văn Chấn;;2020;ngày 18/11/2020;x;2015;;"
        + "x;x;x;x;x;x;x;Đạt;;;",
        "Yên Bái;YB-VC-06;UBND xã Thượng Bằng La;commune;Văn Chấn;;2020;ngày 18/11/2020;x;2008;in-progress;"
        + "x;x;x;x;x;x;x;Đạt;31/12/2016;;",
    ];

    private static readonly string[] Table2021 =
    [
        "Yên Bái\tYB-HUYEN-VC\tUBND Huyện Văn Chấn\tdistrict\tVăn Chấn\t\t2021\t19-11-2021\t√\tTCVN ISO 9001:2015\t"
        + "done\t√\t√\t√\t√\t√\t√\t√\tĐạt\t31/12/2016\t\t",
        "Yên Bái\tYB-VC-01\tỦy ban nhân dân xã Sơn Thịnh\tcommune\tVăn Chấn\t\t2021\t19-11-2021\tx\t2015\t\t"
        + "x\tx\tx\tx\tx\tx\tx\tĐạt\t31/12/2018\t\t",
        "Yên Bái\tYB-VC-02\tUBND xã Đồng Khê.\tcommune\tVăn Chấn\t\t2021\t19-11-2021\tx\t2015\t\t"
        + "x\tx\tx\tx\tx\tx\tx\tĐạt\t\t\t",
        "Yên Bái\tYB-VC-05\tUBND xã Nghĩa\u00A0Tâm\tcommune\tVăn Chấn\t\t2021\t19-11-2021\tx\t2015\t\t"
        + "x\tx\tx\tx\tx\tx\tx\tĐạt\t\t\t",
        "Yên Bái\tYB-VC-06\tUBND xã Thượng Bằng La\tcommune\tVăn Chấn\t\t2021\t19-11-2021\tx\t2008\tin-progress\t"
        + "x\tx\tx\tx\tx\tx\tx\tĐạt\t31/12/2016\t\t",
    ];

    /// <summary>Once per class: xunit runs this before each test on the class's one database.</summary>
    public async Task InitializeAsync()
    {
        if ((await Host.Get("/api/units/YB-VC-01")).Status == 200) return;
        await Host.PostBytes("/api/imports?fileName=van-chan-2019.csv", ReportCsv.Lines([Header, .. Table2019]))
            .Expect(200);
        await Host.PostBytes("/api/restructurings/import", Encoding.UTF8.GetBytes(Merge)).Expect(200);
        await Host.PostBytes("/api/imports?fileName=van-chan-2020.csv",
            [.. Encoding.UTF8.GetPreamble(), .. ReportCsv.Lines([Header.Replace(',', ';'), .. Table2020])])
            .Expect(200);
        var unicodeText = string.Join("\r\n", Table2021.Prepend(Header.Replace(',', '\t'))) + "\r\n";
        await Host.PostBytes("/api/imports?fileName=van-chan-2021.txt",
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(unicodeText)]).Expect(200);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Q(string value) => Uri.EscapeDataString(value);

    private async Task<JsonNode> Data(string path) =>
        (await Host.Get(path + (path.Contains('?') ? "&" : "?") + "consistent=true", Keys.Viewer).Expect(200))
        .Json["data"]!;

    /// <summary>Each row of the year's table: its marks (declared, policy, objectives, plan, audit, actions, review,
    /// report; x or .), its inspection, standard and conversion.</summary>
    private async Task<Dictionary<string, string>> Annual(int year)
    {
        string[] marks =
        [
            "declared", "qualityPolicy", "qualityObjectives", "maintenancePlan", "internalAudit", "correctiveActions",
            "managementReview", "reportSubmitted",
        ];
        var rows = (await Data($"/api/dashboards/annual/{year}?province={Q(Province)}"))["rows"]!.AsArray();
        return rows.ToDictionary(r => (string)r!["code"]!, r =>
            string.Concat(marks.Select(m => (bool)r![m]! ? "x" : "."))
            + $" {(string?)r!["inspection"] ?? "-"} {r["standard"]} {r["conversion"]}");
    }

    [Fact]
    public async Task The_annual_tables_read_as_the_clerks_wrote_them()
    {
        Assert.Equal(new Dictionary<string, string>
        {
            ["YB-HUYEN-VC"] = "xxxxxxxx maintained 2008 none",
            ["YB-VC-01"] = "xxxxxxxx passed 2015 none",
            ["YB-VC-03"] = "xxxxxxxx passed 2015 none",
            ["YB-VC-04"] = "xx...... no-report 2015 none",
            ["YB-VC-06"] = "xxxxxxxx passed 2008 none",
        }, await Annual(2019));
        // Nghĩa Tâm and Minh An, merged on 1 February, are in the table of the year they existed in, without steps;
        // the commune their merge formed is listed with the steps of its first year.
        Assert.Equal(new Dictionary<string, string>
        {
            ["YB-HUYEN-VC"] = "xxxxxxxx maintained 2008 in-progress",
            ["YB-VC-01"] = "xxx..... no-report 2015 none",
            ["YB-VC-02"] = "xxxxxxxx passed 2015 none",
            ["YB-VC-03"] = "x....... - 2015 none",
            ["YB-VC-04"] = "x....... - 2015 none",
            ["YB-VC-05"] = "xxxxxxxx passed 2015 none",
            ["YB-VC-06"] = "xxxxxxxx passed 2008 in-progress",
        }, await Annual(2020));
        Assert.Equal(new Dictionary<string, string>
        {
            ["YB-HUYEN-VC"] = "xxxxxxxx passed 2015 done",
            ["YB-VC-01"] = "xxxxxxxx passed 2015 none",
            ["YB-VC-02"] = "xxxxxxxx passed 2015 none",
            ["YB-VC-05"] = "xxxxxxxx passed 2015 none",
            ["YB-VC-06"] = "xxxxxxxx passed 2008 in-progress",
        }, await Annual(2021));

        // One district however its communes' rows wrote it, under the spelling most rows use; the names as first
        // recorded, whatever spelling later tables used.
        var table2021 = await Data($"/api/dashboards/annual/2021?province={Q(Province)}");
        Assert.Equal(["Văn Chấn"], table2021["byDistrict"]!.AsArray().Select(d => (string?)d!["group"]));
        var names = table2021["rows"]!.AsArray().ToDictionary(r => (string)r!["code"]!, r => (string?)r!["name"]);
        Assert.Equal("UBND xã Sơn Thịnh", names["YB-VC-01"]);
        Assert.Equal("UBND xã Nghĩa Tâm", names["YB-VC-05"]);
        // 2021: 5 units, all reported (100 %).
        var totals = table2021["totals"]!;
        Assert.Equal((5, 100m), ((int)totals["units"]!, (decimal)totals["reportedPercent"]!));
    }

    [Theory]
    // (level, units, declared, on 2015, complete): 2019 — the communes 01, 03, 06 did every step, 04 only its policy.
    [InlineData(2019, "district 1 1 0 1", "commune 4 4 3 3")]
    // 2020 — 03 and 04 existed until their merge (declared, on 2015, no steps); 01 sent no report.
    [InlineData(2020, "district 1 1 0 1", "commune 6 6 5 3")]
    // 2021 — the district converted on 19 November; 06 is still converting.
    [InlineData(2021, "district 1 1 1 1", "commune 4 4 3 4")]
    public async Task The_statistics_count_the_table(int year, string district, string commune)
    {
        var levels = (await Data($"/api/dashboards/statistics/{year}?province={Q(Province)}"))["byLevel"]!.AsArray()
            .Select(l => $"{l!["level"]} {l["units"]} {l["declared"]} {l["on2015"]} {l["complete"]}");
        Assert.Equal([commune, district], levels.Order(StringComparer.Ordinal));
    }

    [Theory]
    // Cells: total, provincial, district, commune. 2019: every unit is known to have declared by the end of 2016 or
    // 2018 (declared_by), so 2019 is a year it applied its system in; Minh An held no internal audit and no review.
    [InlineData(2019, "5/5 0/0 1/1 4/4", "4/5 0/0 1/1 3/4", "3/5 0/0 0/1 3/4", "2/5 0/0 1/1 1/4")]
    // 2020: Sơn Thịnh held no internal audit and no management review; Đồng Khê and the new Nghĩa Tâm declared in
    // 2020 (judged from 2021); the district and Thượng Bằng La are converting: on 2008 still, but they have put 2015
    // in place, as the report's row counts them. 03 and 04, merged during the year, did not exist at its end: the
    // summary counts the unit their merge formed, as the headlines do.
    [InlineData(2020, "5/5 0/0 1/1 4/4", "4/5 0/0 1/1 3/4", "5/5 0/0 1/1 4/4", "0/5 0/0 0/1 0/4")]
    // 2021: Thượng Bằng La is past the conversion deadline (30 June 2021) on the day after the year, converting still.
    [InlineData(2021, "5/5 0/0 1/1 4/4", "4/5 0/0 1/1 3/4", "5/5 0/0 1/1 4/4", "0/5 0/0 0/1 0/4")]
    public async Task The_summary_counts_the_table(
        int year, string declared, string complied, string implementingCurrentEdition, string onOlderEdition)
    {
        var data = await Data($"/api/reports/summary/{year}?province={Q(Province)}");
        Assert.Equal(declared, string.Join(' ', SampleSummaryTests.Cells(data, "declared")));
        Assert.Equal(complied, string.Join(' ', SampleSummaryTests.Cells(data, "complied")));
        Assert.Equal(implementingCurrentEdition,
            string.Join(' ', SampleSummaryTests.Cells(data, "implementingCurrentEdition")));
        Assert.Equal(onOlderEdition, string.Join(' ', SampleSummaryTests.Cells(data, "onOlderEdition")));
    }

    [Theory]
    [InlineData("YB-HUYEN-VC", "2019-01-01", "2008", "none")]
    [InlineData("YB-HUYEN-VC", "2020-11-17", "2008", "none")]
    [InlineData("YB-HUYEN-VC", "2020-11-18", "2008", "in-progress")]
    [InlineData("YB-HUYEN-VC", "2021-11-18", "2008", "in-progress")]
    [InlineData("YB-HUYEN-VC", "2021-11-19", "2015", "done")]
    [InlineData("YB-VC-06", "2021-12-31", "2008", "in-progress")]
    [InlineData("YB-VC-05", "2020-11-17", null, "none")]
    [InlineData("YB-VC-05", "2020-11-18", "2015", "none")]
    public async Task Each_unit_s_state_as_of_a_day_is_the_table_s(
        string code, string asOf, string? standard, string conversion)
    {
        var state = (await Host.Get($"/api/units/{code}/state?asOf={asOf}", Keys.Auditor).Expect(200)).Json;
        Assert.Equal(standard ?? "none", (string?)state["standard"]);
        Assert.Equal(conversion, (string?)state["conversion"]!["state"]);
    }

    [Fact]
    public async Task The_merged_communes_end_on_the_merge_and_their_successor_knows_them()
    {
        var minhAn = (await Host.Get("/api/units/YB-VC-04/state?asOf=2020-02-01", Keys.Auditor).Expect(200)).Json;
        Assert.Equal("YB-VC-05", (string?)minhAn["mergedInto"]!["intoCode"]);
        var successor = (await Host.Get("/api/units/YB-VC-05", Keys.Auditor).Expect(200)).Json;
        Assert.Equal(["YB-VC-03", "YB-VC-04"], successor["predecessors"]![0]!["predecessors"]!.AsArray()
            .Select(p => (string)p!["code"]!).Order(StringComparer.Ordinal));
        // The 2020 report's opening sentences count what its figures count, the units existing at the year's end,
        // and say that the appendix lists the two merged away besides.
        var report = await Data($"/api/reports/province-report/2020?province={Q(Province)}");
        var parts = report["parts"]!.AsArray();
        Assert.All(parts, part => Assert.Equal((int)part!["existing"]!, (int)part["headlines"]![0]!["of"]!));
        Assert.Equal(2, parts.Sum(part => part!["rows"]!.AsArray().Count - (int)part["existing"]!));
        var text = (await Host.Get($"/api/reports/province-report/2020?province={Q(Province)}&format=csv",
            Keys.Viewer).Expect(200)).Text;
        Assert.Contains("(không kể 2 đơn vị đã kết thúc trong năm, có tên trong phụ lục)", text);

        // Past the deadline, Thượng Bằng La is flagged; the district, converted on 19 November, no longer.
        var flags = await Data($"/api/dashboards/compliance?province={Q(Province)}&asOf=2022-01-01");
        Assert.Equal(["YB-VC-06"], flags["flags"]!.AsArray()
            .Where(f => (string?)f!["rule"] == "conversion-deadline").Select(f => (string?)f!["code"]));
    }
}
