using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A year exported in the import layout (CSV and workbook) and imported into an empty store answers as the
/// ledger it came from: a unit recorded through the API with every fact the layout carries (its establishment date,
/// its steering board's day, decision, members and chair, its documentation's day and decision, its steps each on its
/// own day, its declaration's scope, its inspection's day, inspector, place and notes) beside the sample province
/// gives the same state, page, timeline and year's table as of days through the year, and exports again as the same
/// file. The layout had carried marks dated by the row, and each of these facts was lost. So had a conversion done or
/// started in an earlier year: the units converting beside it read the same as of days before the year too.</summary>
public class ImportLayoutRoundTripTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Province = "Quảng Trị";
    private const string Code = "QT-RT-01";

    /// <summary>Units declared on 2008 in 2017: one converted to 2015 from 2018 to 2019, one converting since 2019.
    /// </summary>
    private const string Converted = "QT-RT-03", Converting = "QT-RT-04";

    private IAlbaHost Host => api.Host;

    private static readonly string[] Days =
        ["2020-02-15", "2020-03-10", "2020-04-05", "2020-04-15", "2020-04-26", "2020-05-10", "2020-10-20",
            "2020-11-25", "2020-12-31"];

    /// <summary>Days before the year, through the converting units' declarations and conversions.</summary>
    private static readonly string[] EarlierDays = ["2017-06-01", "2018-05-01", "2018-07-01", "2019-06-20",
        "2019-10-01"];

    [Fact]
    public async Task A_year_exported_in_the_import_layout_imports_into_an_empty_store_as_it_was_recorded()
    {
        await Host.PostBytes("/api/imports",
            File.ReadAllBytes(Repository.File("ops/sample-data/quang-tri-2020.csv"))).Expect(200);
        await Record();

        var url = $"/api/reports/annual/2020?province={Uri.EscapeDataString(Province)}&layout=import";
        var csv = (await Host.Get(url).Expect(200)).Text;
        // The conversion's start by its day and decision, its completion (no decision) by its day.
        Assert.Contains(",Số 41/QĐ-UBND ngày 4/6/2018,2019-06-15,", csv);
        var workbook = await Host.Download(url + "&format=xlsx");
        var recorded = await Answers(Host, Province, 2020, [Code, Converted, Converting], EarlierDays, Days);

        foreach (var (file, type) in new[] { (Encoding.UTF8.GetBytes(csv), "text/csv"),
                     (workbook, TestWorkbooks.MediaType) })
        {
            await ApiFixture.WithEmptyStore(async empty =>
            {
                await empty.PostBytes("/api/imports", file, type).Expect(200);
                var imported = await Answers(empty, Province, 2020, [Code, Converted, Converting], EarlierDays, Days);
                AssertSame(recorded, imported, type);
                Assert.Equal(csv, (await empty.Get(url).Expect(200)).Text);
                Assert.Equal(Unpacked(workbook), Unpacked(await empty.Download(url + "&format=xlsx")));
                // Imported again, the file adds nothing.
                var again = (await empty.PostBytes("/api/imports", file, type).Expect(200)).Json;
                Assert.Equal(0, (int)again["eventsAppended"]!);
            });
        }
    }

    /// <summary>A conversion under way that the conversion column (about 2008 → 2015) does not show, to
    /// 2015/Amd1:2024 from 2015 or from 2008, goes with the layout's <c>converting_to</c> and <c>converting_since</c>:
    /// without them the year imported lost it, and every answer as of a day after its start differed.</summary>
    [Fact]
    public async Task A_conversion_under_way_the_conversion_column_does_not_show_imports_on_its_day()
    {
        // A province no other test of the class lists.
        const string province = "Cao Bằng";
        string[] codes = ["CB-RT-01", "CB-RT-02", "CB-RT-03", "CB-RT-04"];
        // Declared as a report of the year states it, as the round trip above declares its converting units.
        foreach (var (code, name, year, standard) in new[]
                 {
                     (codes[0], "Sở Khoa học và Công nghệ", 2019, "2015"), (codes[1], "Sở Tư pháp", 2014, "2008"),
                     (codes[2], "Sở Y tế", 2012, "2008"), (codes[3], "Sở Nội vụ", 2020, "2015"),
                 })
        {
            await Host.Post("/api/units", $$"""
                {"code":"{{code}}","name":"{{name}}","level":"department","province":"{{province}}",
                 "registeredOn":"2010-01-04"}
                """).Expect(201);
            await Host.PostBytes("/api/imports", ReportCsv.Lines(ReportCsv.Header, $"{province},{code},{name},"
                + $"department,,,{year},{year}-03-02,Số 3/QĐ-UBND ngày 2/3/{year},{standard},,,,,,,,,")).Expect(200);
        }
        async Task Post(string code, string route, string body) =>
            await Host.Post($"/api/units/{code}/{route}", body).Expect(200);
        // On 2015 from its declaration, converting to the amendment since a decision of 2024.
        await Post(codes[0], "conversion/start",
            """{"startedOn":"2024-05-10","decisionNo":"15/QĐ-SKHCN","to":"2015/Amd1:2024"}""");
        // Converted from 2008 to 2015, then converting to the amendment.
        await Post(codes[1], "conversion/start", """{"startedOn":"2017-03-01"}""");
        await Post(codes[1], "conversion/complete", """{"convertedOn":"2018-06-01"}""");
        await Post(codes[1], "conversion/start", """{"startedOn":"2024-09-02","to":"2015/Amd1:2024"}""");
        // On 2008, converting to the amendment directly.
        await Post(codes[2], "conversion/start", """{"startedOn":"2024-06-03","to":"2015/Amd1:2024"}""");
        // Converted to the amendment within the year, as the layout carried before.
        await Post(codes[3], "conversion/start", """{"startedOn":"2024-04-01","to":"2015/Amd1:2024"}""");
        await Post(codes[3], "conversion/complete",
            """{"convertedOn":"2024-10-01","decisionNo":"40/QĐ-SNV","to":"2015/Amd1:2024"}""");

        string[] earlier = ["2012-09-01", "2017-06-01", "2018-07-01", "2019-06-01"];
        string[] days = ["2024-03-01", "2024-05-15", "2024-06-15", "2024-09-15", "2024-10-15", "2024-12-31"];
        var url = $"/api/reports/annual/2024?province={Uri.EscapeDataString(province)}&layout=import";
        var csv = (await Host.Get(url).Expect(200)).Text;
        Assert.Contains(",2015/Amd1:2024,Số 15/QĐ-SKHCN ngày 10/5/2024", csv);
        var recorded = await Answers(Host, province, 2024, codes, earlier, days);
        await ApiFixture.WithEmptyStore(async empty =>
        {
            await empty.PostBytes("/api/imports", Encoding.UTF8.GetBytes(csv)).Expect(200);
            var imported = await Answers(empty, province, 2024, codes, earlier, days);
            AssertSame(recorded, imported, "text/csv");
            Assert.Equal(csv, (await empty.Get(url).Expect(200)).Text);
            Assert.Equal(0, (int)(await empty.PostBytes("/api/imports", Encoding.UTF8.GetBytes(csv)).Expect(200))
                .Json["eventsAppended"]!);
        });
        // Another start than the one recorded, or a conversion the record has completed, is refused at its column.
        const string header = ReportCsv.Header + ",converting_to,converting_since";
        foreach (var (line, column) in new[]
                 {
                     ($"{codes[0]},Sở Khoa học và Công nghệ,department,,,2024,2024-11-20,x,2015,,,,,,,,,,"
                         + "2015/Amd1:2024,11/5/2024", "converting_since"),
                     ($"{codes[3]},Sở Nội vụ,department,,,2024,2024-11-20,x,2015,,,,,,,,,,2015/Amd1:2024,",
                         "converting_to"),
                 })
        {
            var error = Assert.Single(await Host.RejectedImport(ReportCsv.Lines(header, $"{province},{line}")));
            Assert.Equal(column, error.Column);
            Assert.Contains("is recorded as", error.Reason);
        }
    }

    /// <summary>A year whose report was sent the next January, and whose corrective actions were taken for a
    /// nonconformity in April, exports rows that import back as recorded: dated by the report (the export had dated the
    /// row by its last fact of the year, and an import takes no step dated after its row: the file was refused), the
    /// actions on their day (written as the row's, they came back as stated in October).</summary>
    [Fact]
    public async Task A_report_sent_the_next_January_and_actions_for_a_nonconformity_import_back_on_their_days()
    {
        // A province no other test of the class lists.
        const string province = "Lai Châu", code = "LC-RT-01";
        await Host.Post("/api/units", $$"""
            {"code":"{{code}}","name":"Sở Tư pháp","level":"department","province":"{{province}}",
             "registeredOn":"2018-01-02"}
            """).Expect(201);
        foreach (var (route, body) in new[]
                 {
                     ("declarations", """{"declaredOn":"2019-03-01","standard":"2015"}"""),
                     ("nonconformities", """
                         {"raisedOn":"2020-04-01","source":"internal-audit","description":"Hồ sơ chưa đầy đủ",
                          "severity":"minor","clause":"7.5","dueOn":"2020-06-30"}
                         """),
                     ("nonconformities/NC-1/corrective-action",
                         """{"takenOn":"2020-04-15","rootCause":"Thiếu kiểm tra","action":"Bổ sung hồ sơ"}"""),
                     ("internal-audits", """{"heldOn":"2020-10-01"}"""),
                     ("years/2020/report", """{"submittedOn":"2021-01-10"}"""),
                 })
        {
            await Host.Post($"/api/units/{code}/{route}", body).Expect(route == "nonconformities" ? 201 : 200);
        }

        var url = $"/api/reports/annual/2020?province={Uri.EscapeDataString(province)}&layout=import";
        var csv = (await Host.Get(url).Expect(200)).Text;
        Assert.Contains(",2020,2021-01-10,", csv);
        string[] days = ["2020-04-10", "2020-04-20", "2020-10-15", "2020-12-31"];
        await ApiFixture.WithEmptyStore(async empty =>
        {
            await empty.PostBytes("/api/imports", Encoding.UTF8.GetBytes(csv)).Expect(200);
            var table = (await empty.Get($"/api/dashboards/annual/2020?province={Uri.EscapeDataString(province)}"
                + "&consistent=true").Expect(200)).Json["data"]!["rows"]![0]!;
            Assert.True((bool)table["reportSubmitted"]!);
            foreach (var day in days)
            {
                var (original, imported) = (await Row(Host, day), await Row(empty, day));
                Assert.True(original == imported, $"{day}\n{csv}\n{original}\n{imported}");
            }
        });

        async Task<string> Row(IAlbaHost host, string day) =>
            (await host.Get($"/api/dashboards/annual/2020?province={Uri.EscapeDataString(province)}&asOf={day}"
                + "&consistent=true").Expect(200)).Json["data"]!["rows"]![0]!.ToJsonString();
    }

    /// <summary>A file importing again adds nothing, an empty cell of the new columns is not given (nothing changes),
    /// another value than the one recorded is refused naming its column as another verdict is, and a value the
    /// columns cannot take is refused naming it.</summary>
    [Fact]
    public async Task The_layout_s_details_import_once_and_are_not_changed_by_another_file()
    {
        const string header = ReportCsv.Header + ",established_on,steering_board,steering_board_members,inspector,"
            + "inspected_on,documentation,documentation_mandatory_procedures";
        static byte[] Row(string established, string board, string members, string audit, string inspector,
            string inspected = "", string documentation = "x", string procedures = "") => ReportCsv.Lines(header,
            $"{Province},QT-RT-02,UBND xã Chi Tiết,commune,Triệu Phong,,2020,2020-11-19,x,2015,,x,x,x,{audit},,x,x,"
            + $"Đạt,{established},{board},{members},{inspector},{inspected},{documentation},{procedures}");
        var recorded = Row("2019-01-05", "Số 5/QĐ-UBND ngày 3/3/2020", "5", "10/6/2020", "Đoàn Sở KH&CN",
            "2020-11-02", procedures: "4");
        await Host.PostBytes("/api/imports", recorded).Expect(200);
        var answer = await Host.Get("/api/units/QT-RT-02/state?asOf=2020-12-31").Expect(200);
        var state = answer.Json;
        Assert.Equal("2019-01-05", (string?)state["existsFrom"]);
        var board = state["steeringBoard"]!;
        Assert.Equal(("2020-03-03", 5, "5/QĐ-UBND"),
            ((string?)board["formedOn"], (int?)board["members"], (string?)board["decisionNo"]));
        Assert.Equal("2020-06-10", (string?)state["lastInternalAudit"]);
        Assert.Equal("2020-11-02", (string?)state["years"]![0]!["inspection"]!["inspectedOn"]);
        Assert.Equal(4, (int?)state["latestDocumentation"]!["mandatoryProcedures"]);

        Assert.Equal(0, (int)(await Host.PostBytes("/api/imports", recorded).Expect(200)).Json["eventsAppended"]!);
        // Empty cells say nothing: nothing is erased, nothing added.
        Assert.Equal(0, (int)(await Host.PostBytes("/api/imports", Row("", "x", "", "x", "")).Expect(200))
            .Json["eventsAppended"]!);
        Assert.Equal(answer.Text, (await Host.Get("/api/units/QT-RT-02/state?asOf=2020-12-31").Expect(200)).Text);

        foreach (var (other, column) in new[]
                 {
                     (Row("2019-01-06", "x", "", "x", ""), "established_on"),
                     (Row("", "4/3/2020", "", "x", ""), "steering_board"),
                     (Row("", "Số 6/QĐ-UBND ngày 3/3/2020", "", "x", ""), "steering_board"),
                     (Row("", "x", "7", "x", ""), "steering_board_members"),
                     (Row("", "x", "", "11/6/2020", ""), "internal_audit"),
                     (Row("", "x", "", "x", "Sở Nội vụ"), "inspector"),
                     (Row("", "x", "", "x", "", "2020-11-03"), "inspected_on"),
                     (Row("", "x", "", "x", "", procedures: "5"), "documentation_mandatory_procedures"),
                 })
        {
            var error = Assert.Single(await Host.RejectedImport(other));
            Assert.Equal(column, error.Column);
            Assert.Contains("is recorded as", error.Reason);
        }

        foreach (var (bad, column) in new[]
                 {
                     (Row("", "x", "many", "x", ""), "steering_board_members"),
                     (Row("", "", "5", "x", ""), "steering_board"),
                     (Row("", "x", "", "15/12/2020", ""), "internal_audit"),
                     (Row("2021-01-01", "x", "", "x", ""), "established_on"),
                     (Row("", "3/3/2019", "", "x", ""), "steering_board"),
                     (Row("", "x", "", "x", "", documentation: "", procedures: "5"), "documentation"),
                 })
        {
            Assert.Contains(column, (await Host.RejectedImport(bad)).Select(e => e.Column));
        }
    }

    /// <summary>A step's day outside the years its step may be dated in is refused at its column: an internal audit
    /// of 2019 on a 2020 row was recorded as the unit's 2019 audit, and again at each import of the file, as the row's
    /// year still had none.</summary>
    [Theory]
    [InlineData("15/3/2019", "x", "internal_audit")]
    [InlineData("x", "15/3/2019", "management_review")]
    public async Task A_step_dated_outside_its_years_is_refused_at_its_column(string audit, string review, string at)
    {
        // In a province of its own, so that the round trip's province is not touched whatever the order.
        var row = ReportCsv.Lines(ReportCsv.Header, $"Lạng Sơn,LS-RT-{at},UBND xã Năm Khác {at},commune,Cao Lộc,,2020,"
            + $"2020-11-19,x,2015,,x,x,x,{audit},,{review},x,Đạt");
        var error = Assert.Single(await Host.RejectedImport(row));
        Assert.Equal((at, "A day of 2020, the row's year."), (error.Column, error.Reason));
    }

    private const string ConversionDays = "conversion_started,conversion_completed";
    private const string UnderWay = "converting_to,converting_since";

    /// <summary>A conversion's day or decision is given for the conversion the row shows, by the report's date, its
    /// start not after its completion; a conversion under way by an edition of the rule book after the one the unit
    /// was on, published by its start, beside a conversion column that does not show one under way, its start by the
    /// report's date. Otherwise the row is refused at the column that gives it.</summary>
    [Theory]
    [InlineData(2020, "in-progress", "2008", ConversionDays, "", "2019-06-15", "conversion_completed")]
    [InlineData(2020, "none", "2008", ConversionDays, "2018-06-04", "", "conversion_started")]
    [InlineData(2020, "done", "2015", ConversionDays, "2019-07-01", "2019-06-15", "conversion_started")]
    [InlineData(2020, "done", "2015", ConversionDays, "", "2021-01-01", "conversion_completed")]
    [InlineData(2020, "done", "2015", ConversionDays, "", "không", "conversion_completed")]
    [InlineData(2020, "done", "2015", ConversionDays, "soon", "", "conversion_started")]
    [InlineData(2020, "", "", ConversionDays, "", "2019-06-15", "conversion_completed")]
    [InlineData(2020, "", "2015", ConversionDays, "2018-06-04", "", "conversion_started")]
    [InlineData(2024, "", "2015", UnderWay, "2016", "", "converting_to")]
    [InlineData(2024, "", "2015", UnderWay, "2008", "", "converting_to")]
    [InlineData(2024, "in-progress", "2008", UnderWay, "2015/Amd1:2024", "", "converting_to")]
    [InlineData(2024, "", "2015", UnderWay, "", "2024-05-10", "converting_since")]
    [InlineData(2024, "", "2015", UnderWay, "2015/Amd1:2024", "2024-12-01", "converting_since")]
    [InlineData(2024, "", "2015", UnderWay, "2015/Amd1:2024", "2023-05-10", "converting_since")]
    [InlineData(2024, "", "2015", UnderWay, "2015/Amd1:2024", "soon", "converting_since")]
    public async Task A_conversion_s_detail_the_row_cannot_give_is_refused_at_its_column(
        int year, string conversion, string standard, string columns, string first, string second, string at)
    {
        var row = ReportCsv.Lines(ReportCsv.Header + ",declared_by," + columns,
            $"Lạng Sơn,LS-CV-{year},UBND xã Chuyển Đổi {year},commune,Cao Lộc,,{year},{year}-11-19,x,{standard},"
            + $"{conversion},x,x,x,x,,x,x,Đạt,2017-03-01,{first},{second}");
        Assert.Contains(at, (await Host.RejectedImport(row)).Select(e => e.Column));
    }

    /// <summary>The unit's history through the API, each fact on a day of its own.</summary>
    private async Task Record()
    {
        await Host.Post("/api/units", $$"""
            {"code":"{{Code}}","name":"UBND xã Khứ Hồi","level":"commune","province":"{{Province}}",
             "district":"Hải Lăng","registeredOn":"2020-02-10"}
            """).Expect(201);
        foreach (var (route, body) in new[]
                 {
                     ("steering-board", """
                         {"formedOn":"2020-03-02","members":7,"chair":"Chủ tịch UBND xã","decisionNo":"12/QĐ-UBND"}
                         """),
                     ("documentation", """
                         {"issuedOn":"2020-04-01","standard":"2015","decisionNo":"20/QĐ-UBND","qualityManual":true,
                          "qualityPolicy":true,"qualityObjectives":true,"mandatoryProcedures":6,
                          "internalProcedures":2,"businessProcedures":9,"administrativeProcedures":11}
                         """),
                     ("years/2020/quality-objectives", """{"issuedOn":"2020-04-10","policy":true,"objectives":true}"""),
                     ("years/2020/maintenance-plan", """{"issuedOn":"2020-04-20"}"""),
                     ("internal-audits", """{"heldOn":"2020-04-25"}"""),
                     ("management-reviews", """{"heldOn":"2020-04-28"}"""),
                     ("declarations", """
                         {"declaredOn":"2020-05-05","standard":"2015","decisionNo":"30/QĐ-UBND",
                          "scope":"Thủ tục hành chính cấp xã"}
                         """),
                     ("years/2020/report", """{"submittedOn":"2020-10-15"}"""),
                     ("years/2020/inspection", """
                         {"inspectedOn":"2020-11-20","onSite":true,"result":"passed",
                          "inspector":"Đoàn kiểm tra Sở KH&CN","notes":"Duy trì tốt"}
                         """),
                 })
        {
            await Host.Post($"/api/units/{Code}/{route}", body).Expect(200);
        }
        foreach (var (code, name) in new[] { (Converted, "UBND xã Chuyển Đổi"), (Converting, "UBND xã Đang Chuyển") })
        {
            await Host.Post("/api/units", $$"""
                {"code":"{{code}}","name":"{{name}}","level":"commune","province":"{{Province}}",
                 "district":"Gio Linh","registeredOn":"2016-01-10"}
                """).Expect(201);
            // Declared as a 2017 report states it: the compliance rules judge such a declaration as a year's file
            // imported states it (no documentation or audit before it is known).
            await Host.PostBytes("/api/imports", ReportCsv.Lines(ReportCsv.Header,
                $"{Province},{code},{name},commune,Gio Linh,,2017,2017-03-01,Số 8/QĐ-UBND ngày 1/3/2017,2008,,,,,,,,,"))
                .Expect(200);
            await Host.Post($"/api/units/{code}/years/2020/quality-objectives",
                """{"issuedOn":"2020-03-05","policy":true,"objectives":true}""").Expect(200);
        }
        await Host.Post($"/api/units/{Converted}/conversion/start",
            """{"startedOn":"2018-06-04","decisionNo":"41/QĐ-UBND"}""").Expect(200);
        await Host.Post($"/api/units/{Converted}/conversion/complete", """{"convertedOn":"2019-06-15"}""")
            .Expect(200);
        await Host.Post($"/api/units/{Converting}/conversion/start", """{"startedOn":"2019-09-09"}""").Expect(200);
    }

    /// <summary>Every answer that differs between the two stores, so that a failure lists each fact lost.</summary>
    private static void AssertSame(List<string> recorded, List<string> imported, string file)
    {
        var lost = recorded.Except(imported).Select(a => "recorded " + a)
            .Concat(imported.Except(recorded).Select(a => "imported " + a)).Order().ToList();
        Assert.True(lost.Count == 0, $"{file}:\n{string.Join("\n", lost)}");
    }

    /// <summary>What an auditor reads as of each of <paramref name="earlierDays"/> and <paramref name="days"/> (of
    /// <paramref name="year"/>): each unit's state and page (the freshness and version of a store aside), its timeline
    /// (what happened on which day, on which edition), and, on the year's days, the province's table of the year.
    /// </summary>
    private static async Task<List<string>> Answers(
        IAlbaHost host, string province, int year, string[] codes, string[] earlierDays, string[] days)
    {
        var answers = new List<string>();
        foreach (var day in earlierDays.Concat(days))
        {
            foreach (var code in codes)
            {
                answers.AddRange(Parts($"{code} state {day}", await host.Get($"/api/units/{code}/state?asOf={day}")));
                answers.AddRange(Parts($"{code} page {day}",
                    await host.Get($"/api/dashboards/units/{code}?asOf={day}")));
                var timeline = await host.Get($"/api/dashboards/units/{code}/timeline?asOf={day}");
                answers.AddRange(timeline.Body is JsonArray steps
                    ? steps.Select(s => $"{code} timeline {day}: {s!["businessDate"]} {s["event"]} {s["edition"]}")
                    : [$"{code} timeline {day}: {timeline.Status}"]);
            }
            if (!days.Contains(day)) continue;
            var table = (await host.Get($"/api/dashboards/annual/{year}?province={Uri.EscapeDataString(province)}"
                + $"&asOf={day}&consistent=true").Expect(200)).Json;
            var rows = table["data"]!["rows"]!.AsArray();
            answers.AddRange(rows.Select(row => $"table {day} {row!["code"]}: {row.ToJsonString()}"));
            rows.Clear();
            answers.Add($"table {day}: {table["data"]!.ToJsonString()}");
        }
        return answers;
    }

    /// <summary>An answer's properties, each on its own, without what differs between stores for the same facts:
    /// when and in which order they were written, and which request a problem answered.</summary>
    private static IEnumerable<string> Parts(string answered, Answer answer)
    {
        if (answer.Body is not JsonObject body) return [$"{answered}: {answer.Status}"];
        foreach (var node in body.DescendantsAndSelf().OfType<JsonObject>().ToList())
        {
            // A declaration imported is dated by a report (datedByReport), whatever the ledger had recorded of it.
            foreach (var name in new[] { "version", "freshness", "recordedAt", "datedByReport", "traceId" })
                node.Remove(name);
        }
        return body.Select(p => $"{answered} {p.Key}: {p.Value?.ToJsonString()}");
    }

    /// <summary>A workbook's sheets and styles: its archive's times are the moment it was written, and the ids
    /// relating its parts are drawn anew each time.</summary>
    private static List<string> Unpacked(byte[] workbook)
    {
        using var archive = new ZipArchive(new MemoryStream(workbook));
        return [.. archive.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/") || e.FullName == "xl/styles.xml")
            .Select(e => $"{e.FullName}: {new StreamReader(e.Open()).ReadToEnd()}")];
    }

}

file static class JsonNodes
{
    /// <summary>The node and every node within it.</summary>
    public static IEnumerable<JsonNode> DescendantsAndSelf(this JsonNode node) =>
        node switch
        {
            JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(DescendantsAndSelf).Prepend(node),
            JsonArray a => a.OfType<JsonNode>().SelectMany(DescendantsAndSelf).Prepend(node),
            _ => [node],
        };
}
