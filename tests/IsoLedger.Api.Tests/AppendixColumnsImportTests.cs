using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Report appendices imported in their own columns ("TT", "Tên cơ quan, đơn vị", "Ghi chú", the steps as
/// the seeds' appendix heads them), their units listed by name without codes, at the level of the tier heading above
/// them, their province, year and report date given with the request (<c>ops/sample-data/appendix-columns</c>).
/// Each table's figures are counted by hand from it; what a table cannot say is refused naming its row and column.
/// </summary>
public class AppendixColumnsImportTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private IAlbaHost Host => api.Host;

    private static string Q(string value) => Uri.EscapeDataString(value);

    private static byte[] Table(string name) =>
        File.ReadAllBytes(Repository.File($"ops/sample-data/appendix-columns/{name}"));

    private const string QuangTri2021 = "/api/imports?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&year=2021"
        + "&reportDate=2021-11-19";

    private const string QuangTri2020 = "/api/imports?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&year=2020"
        + "&reportDate=2020-11-19";

    public async Task InitializeAsync()
    {
        if ((await Host.Get("/api/units/QT-SO-01")).Status == 200) return;
        await Host.PostBytes("/api/imports", File.ReadAllBytes(Repository.File("ops/sample-data/quang-tri-2020.csv")))
            .Expect(200);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Dictionary<string, JsonNode>> AnnualRows(int year, string query) =>
        (await Host.Get($"/api/dashboards/annual/{year}?province={Q("Quảng Trị")}&{query}&consistent=true")
            .Expect(200)).Json["data"]!["rows"]!.AsArray().ToDictionary(r => (string)r!["code"]!, r => r!);

    private static string State(JsonNode row) => $"{row["standard"]} {row["conversion"]}";

    /// <summary>A 2021 list of Quảng Trị's units by their state in words, grouped under the tiers "I. Các Sở, ban,
    /// ngành", "II. UBND cấp huyện", "III. UBND cấp xã" and a district's heading: every unit of it is one of the 2020
    /// sample's, found by its name (a district's committee in the district its name says, a commune under its
    /// district's heading), and takes the conversion its note states.</summary>
    [Fact]
    public async Task A_table_in_the_appendixs_own_columns_finds_its_units_by_name_and_reads_their_states()
    {
        var imported = await Host.PostBytes(QuangTri2021, Table("quang-tri-2021-states.csv")).Expect(200);
        Assert.Equal((10, 0), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));

        var departments = await AnnualRows(2021, "level=department");
        Assert.Equal(
            ["2015 done", "2015 done", "2008 none", "2008 none", "2015 done"],
            new[] { "QT-SO-01", "QT-SO-04", "QT-SO-05", "QT-SO-12", "QT-SO-02" }.Select(c => State(departments[c])));
        var districts = await AnnualRows(2021, "level=district");
        Assert.Equal(["2015 done", "2008 in-progress", "2008 none"],
            new[] { "QT-HUYEN-05", "QT-HUYEN-06", "QT-HUYEN-04" }.Select(c => State(districts[c])));

        // The same table again appends nothing.
        var again = await Host.PostBytes(QuangTri2021, Table("quang-tri-2021-states.csv")).Expect(200);
        Assert.Equal((0, 0), ((int)again.Json["unitsCreated"]!, (int)again.Json["eventsAppended"]!));
    }

    /// <summary>Cao Lộc's 2019 table in the columns of Quảng Trị's 2020 appendix A: the quality policy and
    /// objectives in one "CSCL, MTCL" column, and an edition's column each, "Áp dụng TCVN ISO 9001:2008" and "…
    /// 9001:2015", marked x or stating the conversion ("Đã ch/đổi 9001:2015"). Its seven units are new: each is listed
    /// under a code of its own, the same when the table is imported again.</summary>
    [Fact]
    public async Task One_mark_for_policy_and_objectives_and_a_column_of_marks_per_edition()
    {
        const string caoLoc = "/api/imports?province=L%E1%BA%A1ng%20S%C6%A1n&year=2019&reportDate=2019-11-15";
        var imported = await Host.PostBytes(caoLoc, Table("lang-son-cao-loc-2019-editions.csv")).Expect(200);
        Assert.Equal(7, (int)imported.Json["unitsCreated"]!);

        var rows = (await Host.Get($"/api/dashboards/annual/2019?province={Q("Lạng Sơn")}&consistent=true")
            .Expect(200)).Json["data"]!["rows"]!.AsArray().ToDictionary(r => (string)r!["name"]!, r => r!);
        Assert.Equal(7, rows.Count);
        Assert.All(rows.Values, row => Assert.True((bool)row["qualityPolicy"]! && (bool)row["qualityObjectives"]!));
        Assert.Equal(6, rows.Values.Count(row => (bool)row["internalAudit"]!));
        Assert.Equal(5, rows.Values.Count(row => (bool)row["correctiveActions"]!));
        Assert.Equal(
            ["2015 done", "2015 none", "2015 done", "2008 none", "2008 none"],
            new[] { "UBND huyện Cao Lộc", "UBND thị trấn Cao Lộc", "UBND xã Gia Cát", "UBND xã Hợp Thành",
                "UBND xã Tân Liên" }.Select(name => State(rows[name])));
        Assert.StartsWith("LS-HUYEN-", (string)rows["UBND huyện Cao Lộc"]["code"]!);
        Assert.Equal("Huyện Cao Lộc", (string?)rows["UBND xã Gia Cát"]["district"]);

        var again = await Host.PostBytes(caoLoc, Table("lang-son-cao-loc-2019-editions.csv")).Expect(200);
        Assert.Equal((0, 0), ((int)again.Json["unitsCreated"]!, (int)again.Json["eventsAppended"]!));

        // A unit marked under both editions is refused at its row, naming the second column.
        var both = (await Host.PostBytes(caoLoc, Csv(
                "TT,Đơn vị,Công bố HT ISO,Áp dụng TCVN ISO 9001:2008,Áp dụng TCVN ISO 9001:2015",
                "I,Cấp xã,,,", "1,UBND xã Mẫu Sơn,x,x,x")).Expect(422)).Json["errors"]!.AsArray();
        Assert.Equal((3, "Áp dụng TCVN ISO 9001:2015"), ((int)both[0]!["line"]!, (string?)both[0]!["column"]));
    }

    /// <summary>The first eight departments of Quảng Trị's 2020 appendix A (seed <c>003_…</c>) under its two-row
    /// header: "Duy trì áp dụng" over "CSCL, MTCL", "KH d/tri a/dụng", …, "Xác nhận", "Ghi chú" over "Áp dụng 2008"
    /// and "Áp dụng 2015", "TT" and "Đơn vị" down both rows. As the report counts them: two on 2008 (Kế hoạch &amp; Đầu
    /// tư, Văn hóa), two converting (Công thương, Tài chính), four converted.</summary>
    private static async Task<Dictionary<string, string>> ImportAppendixA(IAlbaHost host, byte[] file, string type)
    {
        var imported = await host.PostBytes(QuangTri2020, file, type).Expect(200);
        Assert.Equal(8, (int)imported.Json["unitsCreated"]!);
        return (await host.Get($"/api/dashboards/annual/2020?province={Q("Quảng Trị")}&consistent=true")
                .Expect(200)).Json["data"]!["rows"]!.AsArray()
            .ToDictionary(r => (string)r!["name"]!, r => $"{State(r!)} {r!["inspection"]} {r!["qualityObjectives"]}");
    }

    private static readonly Dictionary<string, string> AppendixAStates = new()
    {
        ["Sở Công thương"] = "2008 in-progress maintained true",
        ["Sở Nội vụ"] = "2015 done maintained true",
        ["Sở Tư pháp"] = "2015 done maintained true",
        ["Sở Tài chính"] = "2008 in-progress maintained true",
        ["Sở Kế hoạch & Đầu tư"] = "2008 none maintained true",
        ["Sở Khoa học & Công nghệ"] = "2015 done maintained true",
        ["Sở Thông tin và Truyền thông"] = "2015 done maintained true",
        ["Sở Văn hóa, TT & Du lịch"] = "2008 none maintained true",
    };

    /// <summary>Runs <paramref name="test"/> on a host of an empty store of its own: the appendix's departments are
    /// the 2020 sample's under other codes.</summary>
    private static async Task InFreshStore(Func<IAlbaHost, Task> test)
    {
        var fresh = new ApiFixture();
        await fresh.InitializeAsync();
        try
        {
            await test(fresh.Host);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_two_row_header_in_CSV_reads_each_column_by_its_lower_cell()
    {
        await InFreshStore(async host => Assert.Equal(AppendixAStates, await ImportAppendixA(
            host, Table("quang-tri-2020-appendix-a-two-row-header.csv"), "text/csv")));
    }

    [Fact]
    public async Task A_two_row_header_in_a_workbook_reads_its_merged_cells_as_the_appendix_prints_them()
    {
        var rows = TestWorkbooks.FromCsv(
            Encoding.UTF8.GetString(Table("quang-tri-2020-appendix-a-two-row-header.csv")));
        // The header's second row as a sheet holds it: empty under the cells merged down both rows.
        rows[1] = [.. rows[1]!.Select(cell => cell is "" ? null : cell)];
        var workbook = TestWorkbooks.Build(new TestSheet("Phụ lục A", rows, "A1:A2", "B1:B2", "C1:C2", "D1:D2",
            "E1:J1", "K1:L1"));
        await InFreshStore(async host =>
            Assert.Equal(AppendixAStates, await ImportAppendixA(host, workbook, "application/octet-stream")));
    }

    /// <summary>The appendix copied from the report's pages, each page printing its two-row header again (and spelling
    /// "HĐKP" and "X/ xét LĐ" its own way, as the seed's pages do): each row of a repeat is named once as the header
    /// again, not judged as a unit's row whose every cell is a bad mark (16 errors per page). It is not passed over:
    /// two years' tables joined into one file repeat their header too, and would be imported as the request's year.
    /// </summary>
    [Fact]
    public async Task A_two_row_header_repeated_on_each_page_is_named_at_its_lines()
    {
        var lines = Encoding.UTF8.GetString(Table("quang-tri-2020-appendix-a-two-row-header.csv"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.InsertRange(6, [lines[0], lines[1].Replace("HĐKP", "HDKP").Replace("X/ xét LD", "X/ xét LĐ")]);

        var answer = await Host.PostBytes(QuangTri2020, Csv([.. lines])).Expect(422);

        var errors = answer.Json["errors"]!.AsArray();
        Assert.Equal([(7, null), (8, null)], errors.Select(e => ((int)e!["line"]!, (string?)e["column"])));
        Assert.All(errors, e => Assert.Contains("is the header again (line 1)", (string)e!["reason"]!));
    }

    /// <summary>Tier and district headings as other provinces' tables word and number them: the tiers' kinds in
    /// another order or with "và tương đương", "Khối …", "Các cơ quan chuyên môn thuộc UBND tỉnh"; districts numbered
    /// "1.1", "ii.", "1-", "- ", or followed by their count. Each had been registered as a unit ("Phường, xã, thị trấn"
    /// a commune, "Huyện Can Lộc - 05 đơn vị" a district) or had put the communes under it in a district of that name.
    /// </summary>
    [Fact]
    public async Task Headings_as_other_tables_word_and_number_them_record_no_unit()
    {
        const string header = "TT,Đơn vị,Công bố HT ISO,\"CSCL, MTCL\",Đánh giá nội bộ,Xác nhận";
        var imported = await Host.PostBytes("/api/imports?province=H%C3%A0%20T%C4%A9nh&year=2022"
            + "&reportDate=2022-11-30", Csv(header,
                "I,\"Sở, ban, ngành và tương đương\",,,,", "1,Sở Nội vụ,x,x,x,Đạt",
                "A,CÁC CƠ QUAN CHUYÊN MÔN THUỘC UBND TỈNH,,,,", "2,Sở Tư pháp,x,x,x,Đạt",
                "III,\"Phường, xã, thị trấn\",,,,",
                "1.1,Huyện Can Lộc,,,,", "1,UBND xã Thiên Lộc,x,x,x,Đạt",
                ",Huyện Can Lộc - 05 đơn vị,,,,", "2,UBND xã Vượng Lộc,x,x,x,Đạt",
                "ii.,Huyện Đức Thọ (03 xã),,,,", "3,UBND xã Tùng Ảnh,x,x,x,Đạt",
                ",- Huyện Hương Khê:,,,,", "4,UBND xã Hương Trà,x,x,x,Đạt")).Expect(200);

        Assert.Equal((6, 6), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));
        var rows = (await Host.Get("/api/dashboards/annual/2022?province=H%C3%A0%20T%C4%A9nh&consistent=true")
            .Expect(200)).Json["data"]!["rows"]!.AsArray();
        string[] expected =
        [
            "department Sở Nội vụ ", "department Sở Tư pháp ", "commune UBND xã Thiên Lộc Huyện Can Lộc",
            "commune UBND xã Vượng Lộc Huyện Can Lộc", "commune UBND xã Tùng Ảnh Huyện Đức Thọ",
            "commune UBND xã Hương Trà Huyện Hương Khê",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal),
            rows.Select(r => $"{r!["level"]} {r["name"]} {r["district"]}").Order(StringComparer.Ordinal));
    }

    /// <summary>Totals rows as reports print them: "Σ" under the editions (Quảng Trị's 2020 appendix A), the label in
    /// the row number column merged across the name's, counts with their percentage or their units, a row of
    /// percentages, the verdicts counted by name, the label alone. Each had been refused as a unit's row with a bad
    /// mark in every cell (the label alone for the fields it lacked).</summary>
    [Fact]
    public async Task Totals_rows_as_reports_print_them_are_passed_over()
    {
        var imported = await Host.PostBytes("/api/imports?province=Ngh%E1%BB%87%20An&year=2022"
            + "&reportDate=2022-11-30", Csv("TT,Đơn vị,Công bố HT ISO,Đánh giá nội bộ,Xác nhận",
                "1,Sở Nội vụ,x,x,Đạt", "2,Sở Tư pháp,x,,Đạt",
                ",Tổng cộng,2/2 (100%),1 đơn vị,Đạt: 2", "Tổng cộng,,2,1,", ",Tỷ lệ (%),100%,50%,", ",Σ,2,-,",
                ",Cộng I,2,1,Đạt: 2; Không đạt: 0", ",Tổng cộng: 2 đơn vị,,,", "Tổng cộng,,,,")).Expect(200);

        Assert.Equal((2, 2), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));
    }

    /// <summary>The report's export, as an office keeps last year's to fill in as next year's, imports into an empty
    /// store with the province, year and day given, as the same table: its tier and district headings, its totals
    /// rows and its last column, "Áp dụng", are read as written. It had been refused: "Áp dụng" was no column, its
    /// heading lines, as short as their words, did not have the header's width, and its totals' counts ("1 (50,00
    /// %)", "Đạt: 1; Ko có Bc: 1") were no counts.</summary>
    [Fact]
    public async Task The_report_export_imports_into_an_empty_store_as_the_same_table()
    {
        const string thanhHoa = "province=Thanh%20H%C3%B3a";
        await Host.PostBytes($"/api/imports?{thanhHoa}&year=2022&reportDate=2022-11-30", Csv(
            "TT,Đơn vị,Công bố HT ISO,Đánh giá nội bộ,Báo cáo,Xác nhận,Ghi chú",
            "I,\"Sở, ban, ngành\",,,,,", "1,Sở Nội vụ,x,x,x,Đạt,Đã chuyển đổi sang TCVN ISO 9001:2015",
            "2,Sở Y tế,x,x,,,Chưa chuyển đổi", "II,\"Huyện, thị xã, thành phố\",,,,,",
            "3,UBND huyện Hà Trung,x,x,x,Đạt,",
            "III,\"Xã, phường, thị trấn\",,,,,", ",Huyện Hà Trung:,,,,,", "4,UBND xã Hà Long,x,x,x,Đạt,",
            "5,UBND xã Hà Bắc,x,,,Ko có Bc,")).Expect(200);
        await AssertExportImportsAsTheSameTable(thanhHoa, 2022, "2022-11-30");

        // After the district level ended the export names a commune with the district it was in ("UBND xã Mường So
        // (nguyên thuộc Huyện Phong Thổ)"): read back as its district, not as a new commune of that name.
        const string laiChau = "province=Lai%20Ch%C3%A2u";
        const string header = "TT,Đơn vị,Công bố HT ISO,Đánh giá nội bộ";
        await Host.PostBytes($"/api/imports?{laiChau}&year=2024&reportDate=2024-11-20", Csv(header,
            "I,\"Xã, phường, thị trấn\",,", ",Huyện Phong Thổ:,,", "1,UBND xã Mường So,x,x", "2,UBND xã Dào San,x,x"))
            .Expect(200);
        await Host.PostBytes($"/api/imports?{laiChau}&year=2025&reportDate=2025-11-20", Csv(header,
            "I,\"Xã, phường, thị trấn\",,", "1,UBND xã Mường So,x,x", "2,UBND xã Dào San,x,")).Expect(200);
        Assert.Contains("UBND xã Mường So (nguyên thuộc Huyện Phong Thổ)",
            (await Host.Get($"/api/reports/annual/2025?{laiChau}").Expect(200)).Text);
        await AssertExportImportsAsTheSameTable(laiChau, 2025, "2025-11-20");
    }

    private async Task AssertExportImportsAsTheSameTable(string province, int year, string reportDate)
    {
        var report = $"/api/reports/annual/{year}?{province}";
        var export = (await Host.Get(report).Expect(200)).Text;
        var table = await Rows(Host);

        await ApiFixture.WithEmptyStore(async empty =>
        {
            await empty.PostBytes($"/api/imports?{province}&year={year}&reportDate={reportDate}",
                Encoding.UTF8.GetBytes(export)).Expect(200);
            Assert.Equal(table, await Rows(empty));
            Assert.Equal(export, (await empty.Get(report).Expect(200)).Text);
        });

        // Each unit's row as the table shows it, but for its code (the export has none: the import makes them).
        async Task<List<string>> Rows(IAlbaHost host) =>
        [
            .. (await host.Get($"/api/dashboards/annual/{year}?{province}&consistent=true").Expect(200))
                .Json["data"]!["rows"]!.AsArray().Select(row =>
                {
                    row!.AsObject().Remove("code");
                    return row.ToJsonString();
                }).Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>A table of a day after the district level ended lists its communes without the districts they were
    /// in: a name one former district's commune bore is that commune (it had been registered again, under a new
    /// code), and a name two districts' communes bore is refused naming both, to be told by its district.</summary>
    [Fact]
    public async Task A_commune_listed_without_its_former_district_is_the_one_of_its_name_or_refused_naming_them()
    {
        const string header = "TT,Đơn vị,Công bố HT ISO,Đánh giá nội bộ";
        const string sonLa2024 = "/api/imports?province=S%C6%A1n%20La&year=2024&reportDate=2024-11-20";
        await Host.PostBytes(sonLa2024, Csv(header, "I,Huyện Mộc Châu,,", "1,UBND xã Chiềng Hắc,x,x",
            "2,UBND xã Tân Lập,x,x", "II,Huyện Mai Sơn,,", "3,UBND xã Tân Lập,x,x")).Expect(200);
        const string sonLa2025 = "/api/imports?province=S%C6%A1n%20La&year=2025&reportDate=2025-11-20";

        var listed = await Host.PostBytes(sonLa2025, Csv(header, "1,UBND xã Chiềng Hắc,x,x")).Expect(200);
        Assert.Equal((1, 0), ((int)listed.Json["rows"]!, (int)listed.Json["unitsCreated"]!));

        var twoOfOneName = (await Host.PostBytes(sonLa2025, Csv(header, "1,UBND xã Tân Lập,x,x")).Expect(422))
            .Json["errors"]!.AsArray().Single()!;
        Assert.Equal("district", (string?)twoOfOneName["column"]);
        Assert.Contains("Huyện Mai Sơn", (string)twoOfOneName["reason"]!);
        Assert.Contains("Huyện Mộc Châu", (string)twoOfOneName["reason"]!);
    }

    /// <summary>After provinces merged, a name both bore (each its own "Sở Nội vụ", no restructuring recorded yet) is
    /// the row's own province's unit: Quảng Ngãi's 2025 table had recorded its year on the former Kon Tum's.</summary>
    [Fact]
    public async Task After_provinces_merged_a_name_both_bore_is_the_row_s_own_province_s_unit()
    {
        const string header = "TT,Đơn vị,Công bố HT ISO,Đánh giá nội bộ";
        foreach (var province in new[] { "Kon%20Tum", "Qu%E1%BA%A3ng%20Ng%C3%A3i" })
        {
            await Host.PostBytes($"/api/imports?province={province}&year=2024&reportDate=2024-11-20",
                Csv(header, "I,\"Sở, ban, ngành\",,", "1,Sở Nội vụ,x,")).Expect(200);
        }
        var listed = await Host.PostBytes("/api/imports?province=Qu%E1%BA%A3ng%20Ng%C3%A3i&year=2025"
            + "&reportDate=2025-11-20", Csv(header, "I,\"Sở, ban, ngành\",,", "1,Sở Nội vụ,x,x")).Expect(200);

        Assert.Equal(0, (int)listed.Json["unitsCreated"]!);
        var units = (await Host.Get("/api/units?province=Qu%E1%BA%A3ng%20Ng%C3%A3i&level=department&pageSize=200")
            .Expect(200)).Json["items"]!.AsArray().Where(u => (string?)u!["name"] == "Sở Nội vụ")
            .ToDictionary(u => (string?)u!["formerProvince"] ?? "Quảng Ngãi", u => (string)u!["code"]!);
        Assert.Equal(["Kon Tum", "Quảng Ngãi"], units.Keys.Order());
        foreach (var (province, audited) in new[] { ("Quảng Ngãi", "2025-11-20"), ("Kon Tum", (string?)null) })
        {
            var state = (await Host.Get($"/api/units/{units[province]}/state?asOf=2025-12-31").Expect(200)).Json;
            Assert.Equal(audited, (string?)state["lastInternalAudit"]);
        }
    }

    /// <summary>The top cell repeated over the columns it groups, as a spreadsheet's CSV of a merged cell filled across
    /// writes it ("Tình hình áp dụng" over "Xây dựng", "Công bố", "Duy trì"); a group word over no sub-column names
    /// none, and is refused as unknown.</summary>
    [Fact]
    public async Task A_top_cell_repeated_over_its_columns_groups_them()
    {
        var imported = await Host.PostBytes(QuangTri2021, Csv(
            "TT,Đơn vị,Tình hình áp dụng,Tình hình áp dụng,Tình hình áp dụng,Ghi chú",
            ",,Xây dựng,Công bố,Duy trì,",
            "III,UBND cấp xã,,,,",
            ",Huyện Đakrông:,,,,",
            "1,UBND Xã Tà Rụt,x,x,x,")).Expect(200);
        Assert.Equal((1, 0), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));

        var errors = await Host.RejectedImport(Csv(
            "TT,Đơn vị,Tình hình áp dụng,Ghi chú", ",,,", "1,UBND Xã Tà Rụt,x,"));
        Assert.Contains((1, "Tình hình áp dụng"), errors.Select(e => (e.Line, e.Column)));

        // A Chi cục the departments' tier lists is a sub-department of the Sở listed above it: without one, its
        // parent is to be given.
        var chiCuc = (await Host.PostBytes(QuangTri2021, Csv(
                "TT,Đơn vị,Ghi chú", "I,\"Các Sở, ban, ngành\",", ",1- Chi cục Dân số,Đã công bố"))
            .Expect(422)).Json["errors"]!.AsArray();
        Assert.Equal((3, "parent_code"), ((int)chiCuc[0]!["line"]!, (string?)chiCuc[0]!["column"]));
    }

    /// <summary>A line wider than a two-row header is told the header's lines, both of them: the columns are named
    /// by the second row (or the first, where it is empty), and the error had named the first alone, a row of
    /// group words whose cells do not line up with the columns the user counts.</summary>
    [Fact]
    public async Task A_line_wider_than_a_two_row_header_is_told_both_its_lines()
    {
        var csv = (await Host.PostBytes(QuangTri2021, Csv(
            "TT,Đơn vị,Tình hình áp dụng,Tình hình áp dụng,Ghi chú", ",,Công bố,Duy trì,", "III,UBND cấp xã,,,",
            ",Huyện Đakrông:,,,", "1,UBND Xã Tà Rụt,x,x,,x")).Expect(422)).Json["errors"]!.AsArray();
        Assert.StartsWith("Line 5 has 6 fields; the header (lines 1–2) has 5:", (string?)csv.Single()!["reason"]);

        var workbook = TestWorkbooks.Build(new TestSheet("Cấp xã",
        [
            null,
            ["TT", "Đơn vị", "Tình hình áp dụng", null, "Ghi chú"],
            [null, null, "Công bố", "Duy trì", null],
            ["III", "UBND cấp xã", null, null, null],
            [null, "Huyện Đakrông:", null, null, null],
            ["1", "UBND Xã Tà Rụt", "x", "x", null, "x"],
        ], "A2:A3", "B2:B3", "C2:D2", "E2:E3"));
        var sheet = (await Host.PostBytes(QuangTri2021, workbook, TestWorkbooks.MediaType).Expect(422))
            .Json["errors"]!.AsArray();
        Assert.StartsWith("Line 6 has 6 fields; the header (lines 2–3) has 5:", (string?)sheet.Single()!["reason"]);
    }

    /// <summary>A note after a dash on the restructuring a unit went through, as tables write it where others use
    /// brackets (Quảng Trị's 2020 appendix writes "(xã Hải Xuân + Hải Vĩnh)"; the 2025 reorganisation merged the
    /// Sở Kế hoạch và Đầu tư into the Sở Tài chính): the import records restructurings from their own table, so the
    /// note is no part of the name, and the unit is found by its name. A dash within a name stays; a name written
    /// otherwise with its words as initials and another punctuation ("Sở Văn hóa - Thể thao và Du lịch" for the
    /// recorded "Sở Văn hóa, TT &amp; Du lịch") is the recorded unit's.</summary>
    [Fact]
    public async Task A_restructuring_note_after_a_dash_is_no_part_of_the_name()
    {
        var imported = await Host.PostBytes(QuangTri2021, Csv(
            "TT,\"Tên cơ quan, đơn vị\",Ghi chú",
            "I,\"Các Sở, ban, ngành\",",
            "1,Sở Kế hoạch & Đầu tư - đã hợp nhất vào Sở Tài chính,Chưa chuyển đổi",
            "2,Sở Ngoại vụ – Sáp nhập vào Văn phòng UBND tỉnh,",
            "3,Sở Văn hóa - Thể thao,Đã công bố",
            "4,Sở Văn hóa - Thể thao và Du lịch,Đã công bố",
            "III,UBND cấp xã,",
            ",Huyện Hải Lăng:,",
            "5,\"UBND xã Hải Hưng – sáp nhập từ xã Hải Xuân, xã Hải Vĩnh\",")).Expect(200);
        Assert.Equal(1, (int)imported.Json["unitsCreated"]!);

        var listed = (await Host.Get($"/api/units?province={Q("Quảng Trị")}&q={Q("Thể thao")}").Expect(200)).Json;
        Assert.Equal("Sở Văn hóa - Thể thao", (string?)Assert.Single(listed["items"]!.AsArray())!["name"]);
    }

    /// <summary>The 2020 report writes some names with words cut short or as initials ("Chi cục Bảo vệ M.trường",
    /// "Chi cục Ph/triển Ng.thôn", "Chi cục Biển, H.đảo, KTTV", "Sở Tài nguyên &amp; M/trường"); a later table
    /// writing them in full names the same units, which is no rename; a recorded Chi cục that the table places under
    /// no Sở stays in the one it is recorded in.</summary>
    [Fact]
    public async Task A_name_written_in_full_after_a_report_cut_its_words_short_is_no_rename()
    {
        var imported = await Host.PostBytes(QuangTri2021, Csv(
            "unit_code,unit_name,Công bố HT ISO",
            "QT-CC-02,Chi cục Bảo vệ Môi trường,x",
            "QT-CC-07,Chi cục Phát triển Nông thôn,x",
            "QT-CC-03,\"Chi cục Biển, Hải đảo, Khí tượng Thủy văn\",x",
            "QT-SO-17,Sở Tài nguyên và Môi trường,x")).Expect(200);
        Assert.Equal(0, (int)imported.Json["unitsCreated"]!);
        Assert.Equal("Chi cục Bảo vệ M.trường",
            (string?)(await Host.Get("/api/units/QT-CC-02").Expect(200)).Json["name"]);
        Assert.Equal("QT-SO-17",
            (string?)(await Host.Get("/api/units/QT-CC-02/state?asOf=2021-11-19").Expect(200)).Json["parentCode"]);
    }

    /// <summary>An appendix kept as a workbook with a sheet per tier, each in the appendix's own columns (the second
    /// under a two-row header), its units without codes, the province, year and report date from the request: the rows
    /// of both sheets are imported, each unit found by its name or listed under a code of its own, at the level of its
    /// sheet's tier heading, each event naming its sheet. A heading holds down to its sheet's end only: a sheet whose
    /// rows come under no heading of its own lists them at the level their names say, without the district of the
    /// heading on the sheet before.</summary>
    [Fact]
    public async Task A_workbook_with_a_sheet_per_tier_in_the_appendixs_columns_imports_both_sheets()
    {
        TestSheet Departments() => new("Sở, ban, ngành",
        [
            ["TT", "Tên cơ quan, đơn vị", "Công bố HT ISO", "Đánh giá nội bộ", "Ghi chú"],
            ["I", "Các Sở, ban, ngành", null, null, null],
            ["1", "Ban Dân tộc", "x", "x", "Đã chuyển đổi sang TCVN ISO 9001:2015"],
            ["2", "Liên minh Hợp tác xã tỉnh", null, null, "Đang xây dựng"],
        ]);
        IReadOnlyList<object?>[] Headings =
            [["III", "UBND cấp xã", null, null, null], [null, "Huyện Cam Lộ:", null, null, null]];
        TestSheet Communes(bool headed) => new("Cấp xã",
        [
            ["TT", "Đơn vị", "Tình hình áp dụng", null, "Ghi chú"],
            [null, null, "Công bố", "Duy trì", null],
            .. headed ? Headings : [],
            ["1", "UBND xã Cam Thành", "x", "x", null],
            ["2", "UBND xã Cam Tuyền", null, null, "Chưa công bố"],
        ], "A1:A2", "B1:B2", "C1:D1", "E1:E2");
        var workbook = TestWorkbooks.Build(Departments(), Communes(headed: true));

        var imported = await Host.PostBytes(QuangTri2021, workbook, TestWorkbooks.MediaType).Expect(200);
        Assert.Equal((4, 2), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));
        foreach (var (code, sheet) in new[] { ("QT-SO-14", "Sở, ban, ngành"), ("QT-XA-077", "Cấp xã") })
        {
            var history = (await Host.Get($"/api/units/{code}/history", Keys.Auditor).Expect(200)).Json.AsArray();
            Assert.Contains(history, e => (string?)e!["headers"]!["import-sheet"] == sheet);
        }
        var rows = (await Host.Get($"/api/dashboards/annual/2021?province={Q("Quảng Trị")}&consistent=true")
            .Expect(200)).Json["data"]!["rows"]!.AsArray()
            .Where(r => (string)r!["name"]! is "Liên minh Hợp tác xã tỉnh" or "UBND xã Cam Tuyền")
            .ToDictionary(r => (string)r!["name"]!, r => r!);
        Assert.StartsWith("QT-SO-", (string)rows["Liên minh Hợp tác xã tỉnh"]["code"]!);
        Assert.StartsWith("QT-XA-", (string)rows["UBND xã Cam Tuyền"]["code"]!);
        Assert.Equal("Cam Lộ", (string?)rows["UBND xã Cam Tuyền"]["district"]);

        var again = await Host.PostBytes(QuangTri2021, workbook, TestWorkbooks.MediaType).Expect(200);
        Assert.Equal((0, 0), ((int)again.Json["unitsCreated"]!, (int)again.Json["eventsAppended"]!));

        // Without headings of its own, the communes' sheet lists them at the level their names say, in no district:
        // two units other than the communes of Cam Lộ.
        var unheaded = await Host.PostBytes(QuangTri2021 + "&dryRun=true",
            TestWorkbooks.Build(Departments(), Communes(headed: false)), TestWorkbooks.MediaType).Expect(200);
        Assert.Equal(2, (int)unheaded.Json["unitsCreated"]!);
    }

    /// <summary>A note in brackets on what a commune was formed from is no part of its name: the next year's table
    /// writing it so lists the commune recorded under the name alone, unless the note names the commune itself
    /// among those it was formed from (formed under a predecessor's name, it is not that predecessor).</summary>
    [Fact]
    public async Task A_note_naming_other_units_after_a_recorded_name_lists_that_unit()
    {
        string Year(int year) =>
            $"/api/imports?province={Q("Cà Mau")}&year={year}&reportDate={year}-11-20";
        await Host.PostBytes(Year(2021), Csv("TT,Đơn vị,Công bố HT ISO", "I,Huyện Thới Bình,",
            "1,UBND xã Long Vĩnh,x", "2,UBND xã Ba Lòng,x")).Expect(200);

        var noted = await Host.PostBytes(Year(2022), Csv("TT,Đơn vị,Công bố HT ISO", "I,Huyện Thới Bình,",
            "4,4. UBND xã Long Vĩnh (xã Hương Long + xã Hương Vĩnh),x", "5,UBND xã Ba Lòng (ghi chú),x"))
            .Expect(200);
        Assert.Equal(0, (int)noted.Json["unitsCreated"]!);
        // Named among its predecessors, the commune is the one the merge formed under its name.
        var formed = await Host.PostBytes(Year(2023), Csv("TT,Đơn vị,Công bố HT ISO", "I,Huyện Thới Bình,",
            "1,UBND xã Ba Lòng (xã Ba Lòng + Hải Phúc),x")).Expect(200);
        Assert.Equal(1, (int)formed.Json["unitsCreated"]!);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    /// <summary>A table in the appendix's columns needs what its rows cannot mean without: a province, year and
    /// report date (from the request, or a column, not both), a level (a tier heading above, or a column, where the
    /// unit's name does not say it), and a note it can read. Each is refused naming its row and the column as the
    /// table heads it.</summary>
    [Fact]
    public async Task What_an_appendix_table_cannot_say_is_refused_naming_its_row_and_column()
    {
        var noProvince = await Host.RejectedImport(Csv("TT,Đơn vị,Ghi chú", "I,Cấp xã,", "1,UBND xã Hải Sơn,"));
        Assert.Equal(
            [(1, "province"), (1, "year"), (1, "report_date")], noProvince.Select(e => (e.Line, e.Column)));
        // What the request gives is checked before the file is read.
        var badRequest = await Host.PostBytes("/api/imports?province=Atlantis&year=20x1&reportDate=19/11/2021",
            Csv("TT,Đơn vị", "1,UBND xã Hải Sơn")).Expect(400);
        Assert.Equal(["province", "reportDate", "year"],
            badRequest.Json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

        var errors = (await Host.PostBytes(QuangTri2021, Csv(
                "TT,\"Tên cơ quan, đơn vị\",Ghi chú",
                "1,Liên minh Hợp tác xã tỉnh,Đã công bố",
                "II,UBND cấp huyện,",
                "2,UBND Huyện Cam Lộ,Tư vấn hướng dẫn"))
            .Expect(422)).Json["errors"]!.AsArray().Select(e => ((int)e!["line"]!, (string?)e["column"])).ToList();
        Assert.Equal([(2, "level"), (4, "Ghi chú")], errors);

        // A note saying the unit is building its system, beside a declaration marked, says two things.
        var building = (await Host.PostBytes(QuangTri2021, Csv(
                "TT,Đơn vị,Công bố HT ISO,Ghi chú", "III,UBND cấp xã,,", "1,UBND xã Hải Sơn,x,Đang xây dựng"))
            .Expect(422)).Json["errors"]!.AsArray();
        Assert.Equal((3, "Ghi chú"), ((int)building[0]!["line"]!, (string?)building[0]!["column"]));

        var twice = await Host.PostBytes(
            QuangTri2021, Csv("TT,Đơn vị,Tỉnh", "I,Cấp xã,", "1,UBND xã Hải Sơn,Quảng Trị")).Expect(422);
        Assert.Equal("province", (string?)twice.Json["errors"]![0]!["column"]);
    }
}
