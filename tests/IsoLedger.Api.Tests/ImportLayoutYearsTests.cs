using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Consecutive years exported in the import layout and imported in order into an empty store keep one
/// declaration per unit, dated as recorded: the first year's export had dated it the table's day and the next year's
/// the day it happened, which made a second declaration (a re-declaration that never was) and changed every answer
/// as of a day between the two.</summary>
public class ImportLayoutYearsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task Two_years_exported_and_imported_in_order_keep_one_declaration_dated_as_recorded()
    {
        string[] rows =
        [
            "Thừa Thiên Huế,IL-SO-NV,Sở Nội vụ,department,,,2019,2019-11-15,x,2015,,x,x,x,x,x,x,x,passed",
            "Thừa Thiên Huế,IL-SO-TP,Sở Tư pháp,department,,,2019,2019-11-15,x,2008,,x,x,x,x,x,x,x,passed",
        ];
        await Host.PostBytes("/api/imports", ReportCsv.Rows(rows)).Expect(200);
        var exports = new List<byte[]>();
        foreach (var year in new[] { 2019, 2020 })
        {
            var url = $"/api/reports/annual/{year}?province={Q("Thừa Thiên Huế")}&layout=import";
            exports.Add(Encoding.UTF8.GetBytes((await Host.Get(url).Expect(200)).Text));
        }

        var empty = new ApiFixture();
        await empty.InitializeAsync();
        try
        {
            foreach (var export in exports) await empty.Host.PostBytes("/api/imports", export).Expect(200);
            foreach (var code in new[] { "IL-SO-NV", "IL-SO-TP" })
            {
                var state = (await empty.Host.Get($"/api/units/{code}/state?asOf=2020-12-31").Expect(200)).Json;
                Assert.Equal("2019-11-15", (string?)state["latestDeclaration"]!["declaredOn"]);
                Assert.False((bool)state["latestDeclaration"]!["redeclaration"]!);
            }
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    /// <summary>Years recorded from reports (every step on the report's date, a conversion done on 26 November 2021,
    /// after the deadline) exported in the import layout and imported into an empty store give the same answers as of
    /// each day of the year: dated the year's end, the exported rows had moved every step, the conversion with them,
    /// to 31 December, and as of 1 December 2021 the copy had the unit still on 2008 and flagged.</summary>
    [Fact]
    public async Task Years_exported_and_imported_back_give_the_same_answers_as_of_a_day_of_the_year()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Điện Biên,RT-SO,Sở Nội vụ,department,,,2020,2020-11-19,x,2008,in-progress,x,x,x,x,x,x,x,maintained",
            "Điện Biên,RT-XA,UBND Xã Thanh Hưng,commune,Điện Biên,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,passed",
            "Điện Biên,RT-SO,Sở Nội vụ,department,,,2021,2021-11-26,x,2015,done,x,x,x,x,x,x,x,maintained",
            "Điện Biên,RT-XA,UBND Xã Thanh Hưng,commune,Điện Biên,,2021,2021-11-26,x,2015,,,,,,,,,no-report"))
            .Expect(200);
        var province = $"province={Q("Điện Biên")}";
        var exports = new List<byte[]>();
        foreach (var year in new[] { 2020, 2021 })
        {
            var url = $"/api/reports/annual/{year}?{province}&layout=import";
            exports.Add(Encoding.UTF8.GetBytes((await Host.Get(url).Expect(200)).Text));
        }
        string[] questions =
        [
            $"/api/reports/annual/2020?{province}&format=csv&asOf=2020-12-01",
            $"/api/reports/annual/2021?{province}&format=csv&asOf=2021-12-01",
            $"/api/dashboards/compliance?{province}&asOf=2021-12-01&consistent=true",
            "/api/units/RT-SO/state?asOf=2021-12-01",
        ];
        async Task<string[]> Answers(IAlbaHost host) =>
        [
            .. await Task.WhenAll(questions.Select(async q =>
                System.Text.RegularExpressions.Regex.Replace((await host.Get(q).Expect(200)).Text,
                    "\"(freshness|version|latestSequence|processedSequence|recordedAt)\":[^,}]*", ""))),
        ];
        var original = await Answers(Host);

        var empty = new ApiFixture();
        await empty.InitializeAsync();
        try
        {
            foreach (var export in exports) await empty.Host.PostBytes("/api/imports", export).Expect(200);
            Assert.Equal(original, await Answers(empty.Host));
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    /// <summary>A district body is in the 2025 table (it existed until the level ended on 1 July) but nothing can be
    /// recorded on it after 30 June: its row dated the table's day had been refused (level-ended), and the whole
    /// file with it.</summary>
    [Theory]
    [InlineData("LS", "Lạng Sơn", "Lạng Sơn")]
    // A former province's district body was in its own province until its last day (Quảng Bình's, before the merger
    // into Quảng Trị took effect on 1 July 2025).
    [InlineData("QB", "Quảng Bình", "Quảng Trị")]
    public async Task A_year_in_which_units_ended_is_exported_so_that_it_imports_back(
        string code, string before, string after)
    {
        string[] rows =
        [
            $"{before},{code}-HUYEN-1,UBND Huyện Một,district,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,passed",
            $"{before},{code}-XA-GC,UBND Xã Gia Cát,commune,Cao Lộc,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,",
            $"{after},{code}-XA-GC,UBND Xã Gia Cát,commune,Cao Lộc,,2025,2025-11-15,x,2015,,x,x,x,x,x,x,x,",
        ];
        await Host.PostBytes("/api/imports", ReportCsv.Rows(rows)).Expect(200);
        var url = $"/api/reports/annual/2025?province={Q(after)}&layout=import";
        var export = (await Host.Get(url).Expect(200)).Text;
        // Listed without its district, the district's committee is in the one its name says.
        Assert.Contains($"{before},{code}-HUYEN-1,UBND Huyện Một,district,Huyện Một,,2025,2025-06-30,", export);
        // The commune's row is dated its steps' day, the report's.
        Assert.Contains($"{after},{code}-XA-GC,UBND Xã Gia Cát,commune,Cao Lộc,,2025,2025-11-15,", export);

        var empty = new ApiFixture();
        await empty.InitializeAsync();
        try
        {
            await empty.Host.PostBytes("/api/imports", Encoding.UTF8.GetBytes(export)).Expect(200);
            Assert.Equal(export, (await empty.Host.Get(url).Expect(200)).Text);
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    /// <summary>Two histories whose conversion column had been written as recorded, which the import refuses: a unit
    /// declared on 2015 while its conversion to it was under way (in progress, on 2015), and one converted to 2015 and
    /// then to 2015/Amd1:2024 (done, on the amendment). The year's export imports back as the same table.</summary>
    [Theory]
    [InlineData("IL-CV-1", 2020, "/conversion/start", """{"startedOn":"2020-02-01"}""",
        "/declarations", """{"declaredOn":"2020-06-01","standard":"2015"}""")]
    [InlineData("IL-CV-2", 2025, "/conversion/complete", """{"convertedOn":"2019-09-01"}""",
        "/conversion/complete", """{"convertedOn":"2025-03-01","to":"2015/Amd1:2024"}""")]
    public async Task A_unit_that_moved_on_from_its_conversion_is_exported_so_that_it_imports_back(
        string code, int year, string first, string firstBody, string then, string thenBody)
    {
        await Host.Post("/api/units", $$"""
            {"code":"{{code}}","name":"Sở {{code}}","level":"department","province":"Thanh Hóa",
             "registeredOn":"2012-01-01"}
            """).Expect(201);
        await Host.Record(code, ("/declarations", """{"declaredOn":"2014-03-01","standard":"2008"}"""),
            (first, firstBody), (then, thenBody));
        var province = $"province={Q("Thanh Hóa")}";
        var export = (await Host.Get($"/api/reports/annual/{year}?{province}&layout=import").Expect(200)).Text;
        var table = (await Host.Get($"/api/reports/annual/{year}?{province}&format=csv").Expect(200)).Text;

        var empty = new ApiFixture();
        await empty.InitializeAsync();
        try
        {
            await empty.Host.PostBytes("/api/imports", Encoding.UTF8.GetBytes(export)).Expect(200);
            Assert.Equal(table, (await empty.Host.Get($"/api/reports/annual/{year}?{province}&format=csv")
                .Expect(200)).Text);
            Assert.Equal(export, (await empty.Host.Get($"/api/reports/annual/{year}?{province}&layout=import")
                .Expect(200)).Text);
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    /// <summary>Tables imported latest first: a unit the earlier table lists without any step (not yet declared)
    /// had existed from the later table's date only, and was missing from the earlier year's table.</summary>
    [Fact]
    public async Task An_earlier_table_imported_after_a_later_one_lists_every_unit_it_names()
    {
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Sơn La,IL-SL-1,UBND Xã Một,commune,Mai Sơn,,2022,2022-11-15,x,2015,,x,x,x,x,x,x,x,")).Expect(200);
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            "Sơn La,IL-SL-1,UBND Xã Một,commune,Mai Sơn,,2020,2020-11-15,,,,,,,,,,,")).Expect(200);

        var table = (await Host.Get($"/api/dashboards/annual/2020?province={Q("Sơn La")}&consistent=true")
            .Expect(200)).Json["data"]!;
        var row = Assert.Single(table["rows"]!.AsArray());
        Assert.Equal(("IL-SL-1", false), ((string?)row!["code"], (bool)row["declared"]!));
    }
}
