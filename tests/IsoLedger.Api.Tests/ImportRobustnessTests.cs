using System.Text;
using Alba;
using IsoLedger.Api.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace IsoLedger.Api.Tests;

/// <summary>An import is all or nothing also when it meets the world: a client that leaves during the write, two
/// imports at once, a header Excel padded with empty columns or a flood of unknown ones, a file that stops being
/// UTF-8 far down.</summary>
public class ImportRobustnessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Header = "province,unit_code,unit_name,level,district,year,report_date,declared,standard";
    private IAlbaHost Host => api.Host;

    private static string Row(string code) =>
        $"Quảng Trị,{code},UBND Xã {code},commune,Hải Lăng,2020,2020-11-19,x,2015";

    private static byte[] Csv(IEnumerable<string> lines) =>
        Encoding.UTF8.GetBytes(string.Join("\n", lines.Prepend(Header)) + "\n");

    private async Task<int> Events(string code) =>
        (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count;

    [Fact]
    public async Task A_client_leaving_during_the_write_does_not_stop_it_part_way()
    {
        var codes = Enumerable.Range(0, 1_200).Select(i => $"QT-LEAVE-{i:D4}").ToList();
        var file = Csv(codes.Select(Row));
        using var leaving = new CancellationTokenSource();
        var opened = 0;
        var importer = Host.Services.GetRequiredService<ReportImporter>();
        var outcome = await importer.Import(() =>
        {
            // The file is opened once to check it and once to write it: the client leaves as the write begins.
            if (++opened == 2) leaving.Cancel();
            return new MemoryStream(file);
        }, "leaving.csv", "test", "leaving", dryRun: false, leaving.Token);

        Assert.Empty(outcome.Errors);
        Assert.Equal(codes.Count, outcome.Result!.UnitsCreated);
        Assert.True(await Events(codes[^1]) > 0);
    }

    [Fact]
    public async Task Two_imports_at_once_take_turns_and_nothing_is_doubled()
    {
        var codes = Enumerable.Range(0, 600).Select(i => $"QT-TURN-{i:D4}").ToList();
        var file = Csv(codes.Select(Row));
        var answers = await Task.WhenAll(Host.PostBytes("/api/imports", file), Host.PostBytes("/api/imports", file));

        Assert.All(answers, answer => Assert.Equal(200, answer.Status));
        Assert.Equal([0, codes.Count], answers.Select(a => (int)a.Json["unitsCreated"]!).Order());
        var again = await Host.PostBytes("/api/imports", file).Expect(200);
        Assert.Equal(0, (int)again.Json["eventsAppended"]!);
        Assert.Equal(await Events(codes[0]), await Events(codes[^1]));
    }

    [Fact]
    public async Task Empty_columns_after_the_table_are_left_out_and_a_value_in_one_is_refused()
    {
        var padded = Encoding.UTF8.GetBytes($"{Header},,,\n{Row("QT-PAD-1")},,,\n{Row("QT-PAD-2")},,,\n");
        await Host.PostBytes("/api/imports", padded).Expect(200);

        var stray = Encoding.UTF8.GetBytes($"{Header},,\n{Row("QT-PAD-3")},,oops\n");
        var answer = await Host.PostBytes("/api/imports", stray).Expect(422);
        Assert.Contains("Column 11 has no name", answer.Text);
        await Host.Get("/api/units/QT-PAD-3").Expect(404);
    }

    [Fact]
    public async Task A_header_of_many_unknown_columns_lists_at_most_the_first_thousand()
    {
        var header = string.Join(",", Enumerable.Range(0, 15_000).Select(i => $"c{i}"));
        var answer = await Host.PostBytes("/api/imports", Encoding.UTF8.GetBytes(header + "\n")).Expect(422);
        Assert.Equal(ReportImporter.MaxErrors, answer.Json["errors"]!.AsArray().Count);
        Assert.True(answer.Text.Length < 500_000, $"{answer.Text.Length} characters for one header");
    }

    [Fact]
    public async Task A_byte_that_is_not_UTF8_is_placed_on_its_line()
    {
        var lines = Enumerable.Range(0, 700).Select(i => Row($"QT-UTF-{i:D4}")).ToList();
        var file = Csv(lines).ToList();
        var line701 = Encoding.UTF8.GetByteCount(string.Join("\n", lines.Prepend(Header).Take(700)) + "\n");
        file.InsertRange(line701 + 10, [0xC3, 0x28]);
        var answer = await Host.PostBytes("/api/imports", [.. file]).Expect(422);
        Assert.Equal(701, (int)answer.Json["errors"]![0]!["line"]!);
    }

    /// <summary>A table saved with a carriage return alone at each line's end (Excel for Mac's "CSV (Macintosh)") is
    /// read line by line: it was read as one line, and refused for its "unknown column" standard\rQuảng Trị.</summary>
    [Fact]
    public async Task Invisible_characters_at_a_cells_ends_are_no_part_of_its_value()
    {
        // Two files joined (a byte order mark at a line's start), cells copied from a web page (a zero-width space,
        // a soft hyphen, a word joiner), whatever column they come first in.
        const string reordered = "unit_code,level,province,unit_name,district,year,report_date,declared,standard";
        var lines = string.Join("\n", reordered,
            "\uFEFFQT-INV-1,commune\u200B,Quảng Trị,UBND Xã QT-INV-1,Hải Lăng,2020,2020-11-19,x,2015",
            "QT-INV-2\u00AD, \u2060commune ,Quảng Trị,UBND Xã QT-INV-2\uFEFF,Hải Lăng,2020,2020-11-19,x\u200B,2015");
        var answer = await Host.PostBytes("/api/imports", Encoding.UTF8.GetBytes(lines + "\n")).Expect(200);

        Assert.Equal((2, 2), ((int)answer.Json["rows"]!, (int)answer.Json["unitsCreated"]!));
        var second = (await Host.Get("/api/units/QT-INV-2").Expect(200)).Json;
        Assert.Equal(("UBND Xã QT-INV-2", "commune"), ((string?)second["name"], (string?)second["level"]));
        await Host.Get("/api/units/QT-INV-1").Expect(200);
    }

    [Fact]
    public async Task A_table_whose_lines_end_in_a_carriage_return_alone_is_read_line_by_line()
    {
        var quoted = Row("QT-CR-2").Replace("UBND Xã QT-CR-2", "\"UBND\rXã\"");
        var lines = string.Join("\r", [Header, Row("QT-CR-1"), quoted]) + "\r";
        var answer = await Host.PostBytes("/api/imports", Encoding.UTF8.GetBytes(lines)).Expect(200);
        Assert.Equal((2, 2), ((int)answer.Json["rows"]!, (int)answer.Json["unitsCreated"]!));
        // A carriage return within a quoted name is read as part of it, and a name is kept on one line.
        Assert.Equal("UBND Xã", (string?)(await Host.Get("/api/units/QT-CR-2").Expect(200)).Json["name"]);

        var restructuring = Encoding.UTF8.GetBytes("decision_no,effective_on,from_code,into_code\r"
            + "NQ 3,2021-01-01,QT-CR-1,QT-CR-2\r");
        await Host.PostBytes("/api/restructurings/import?dryRun=true", restructuring).Expect(200);

        var broken = Encoding.UTF8.GetBytes($"{Header}\r{Row("QT-CR-3")}\r{Row("QT-CR-4")},extra\r");
        Assert.Equal(3, (int)(await Host.PostBytes("/api/imports", broken).Expect(422)).Json["errors"]![0]!["line"]!);
        byte[] notUtf8 = [.. Encoding.UTF8.GetBytes($"{Header}\r{Row("QT-CR-5")}\r\n{Row("QT-CR-6")}\r"), 0xC3, 0x28];
        Assert.Equal(4, (int)(await Host.PostBytes("/api/imports", notUtf8).Expect(422)).Json["errors"]![0]!["line"]!);
    }

    [Fact]
    public async Task A_unit_listed_twice_for_a_year_with_other_data_is_a_bad_row()
    {
        var same = Csv([Row("QT-TWICE-1"), Row("QT-TWICE-1")]);
        await Host.PostBytes("/api/imports", same).Expect(200);
        // Alike as the import reads a name anywhere else: in another letter case, with runs of spaces.
        var alike = Csv([Row("QT-TWICE-3"), Row("QT-TWICE-3").Replace("UBND Xã QT-TWICE-3", "ubnd  xã QT-TWICE-3 ")]);
        await Host.PostBytes("/api/imports", alike).Expect(200);

        var other = Csv([Row("QT-TWICE-2"), Row("QT-TWICE-2").Replace("Hải Lăng", "Gio Linh")]);
        var answer = await Host.PostBytes("/api/imports", other).Expect(422);
        Assert.Contains("on line 2 too", answer.Text);
        Assert.Equal(3, (int)answer.Json["errors"]![0]!["line"]!);
        await Host.Get("/api/units/QT-TWICE-2").Expect(404);
    }

    [Theory]
    [InlineData("UBND XÃ£ Gia CÃ¡t", "UBND Xã Gia Cát")]
    [InlineData("UBND xã Hải Lăng\uFFFD", null)]
    public async Task A_name_mangled_by_another_encoding_is_a_bad_row(string name, string? meant)
    {
        name = System.Text.RegularExpressions.Regex.Unescape(name);
        var answer = await Host.PostBytes("/api/imports", Csv([Row("QT-MOJI-1").Replace("UBND Xã QT-MOJI-1", name)]))
            .Expect(422);
        Assert.Equal("unit_name", (string?)answer.Json["errors"]![0]!["column"]);
        if (meant is not null) Assert.Contains(meant, answer.Text);
    }

    [Fact]
    public async Task A_report_written_after_its_province_merged_is_about_the_province_it_was()
    {
        var file = Encoding.UTF8.GetBytes(
            $"{Header}\nQuảng Bình,QB-LATE-1,UBND Xã Một,commune,Bố Trạch,2024,2025-07-10,x,2015\n");
        var answer = await Host.PostBytes("/api/imports", file).Expect(200);
        Assert.Equal(1, (int)answer.Json["unitsCreated"]!);
    }

    [Fact]
    public async Task A_code_differing_from_a_registered_or_listed_one_only_in_case_is_refused()
    {
        await Host.PostBytes("/api/imports", Csv([Row("QT-CASE-1")])).Expect(200);
        var answer = await Host.PostBytes("/api/imports", Csv([Row("qt-case-1")])).Expect(422);
        Assert.Contains("only in letter case", answer.Text);
        await Host.PostBytes("/api/imports", Csv([Row("QT-CASE-2"), Row("Qt-Case-2")])).Expect(422);
        await Host.Get("/api/units/QT-CASE-2").Expect(404);

        var registered = await Host.Post("/api/units",
            """{"code":"qt-case-1","name":"Clone","level":"commune","province":"Quảng Trị"}""").Expect(409);
        Assert.Equal("unit-already-registered", (string?)registered.Json["rule"]);
        Assert.Contains("QT-CASE-1", registered.Text);

        // Nor does a restructuring form a unit under it, through the API or from a table.
        await Host.PostBytes("/api/imports", Csv([Row("QT-CASE-3")])).Expect(200);
        var merged = await Host.Post("/api/restructurings", """
            {"decisionNo":"NQ 9","effectiveOn":"2021-01-01","parts":[{"kind":"merge","from":["QT-CASE-3"],
             "into":{"code":"qt-case-1","name":"UBND Xã Mới","level":"commune","province":"Quảng Trị",
             "district":"Hải Lăng"}}]}
            """).Expect(409);
        Assert.Equal(("unit-already-registered", "qt-case-1"),
            ((string?)merged.Json["rule"], (string?)merged.Json["unit"]));
        Assert.Contains("QT-CASE-1", (string?)merged.Json["detail"]);
        var table = Encoding.UTF8.GetBytes("decision_no,effective_on,from_code,into_code,into_name,into_level,"
            + "into_province,into_district\n"
            + "NQ 9,2021-01-01,QT-CASE-3,qt-case-1,UBND Xã Mới,commune,Quảng Trị,Hải Lăng\n");
        await Host.PostBytes("/api/restructurings/import", table).Expect(409);
        var split = await Host.Post("/api/restructurings", """
            {"decisionNo":"NQ 10","effectiveOn":"2021-01-01","parts":[{"kind":"split","from":["QT-CASE-3"],
             "into":[{"code":"QT-CASE-4","name":"UBND Xã Bốn","level":"commune","province":"Quảng Trị",
             "district":"Hải Lăng"},{"code":"qt-case-4","name":"UBND Xã Năm","level":"commune",
             "province":"Quảng Trị","district":"Hải Lăng"}]}]}
            """).Expect(409);
        Assert.Equal("new-unit-code-repeated", (string?)split.Json["rule"]);
        await Host.Get("/api/units/qt-case-1").Expect(404);
        Assert.Null((await Host.Get("/api/units/QT-CASE-3/state?asOf=2021-06-01").Expect(200)).Json["endedOn"]);
    }
}
