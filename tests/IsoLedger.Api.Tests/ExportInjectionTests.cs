using System.Text;
using System.Text.Json;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Names and districts that a spreadsheet would run as formulas are exported as text in every layout and
/// language, and the import layout still imports as the original names.</summary>
public class ExportInjectionTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Province = "Quảng Trị";
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];

    /// <summary>Each trigger a name can begin with, an apostrophe already in front of one (which must come back as
    /// typed), plain text. (A name is kept on one line: the white space triggers cannot begin one.)</summary>
    private static readonly string[] Hostile =
    [
        "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "＝1+1", "'=1+1", "''x", "'plain",
        "UBND Xã Gia Cát",
    ];

    private IAlbaHost Host => api.Host;

    private static string Code(int i) => $"INJ-{i:00}";

    /// <summary>A commune per hostile text, named and districted by it, and a department named by it.</summary>
    public async Task InitializeAsync()
    {
        if ((await Host.Get($"/api/units/{Code(0)}")).Status == 200) return;
        for (var i = 0; i < Hostile.Length; i++)
        {
            await Register(Code(i), Hostile[i], "commune", Hostile[(i + 1) % Hostile.Length]);
            await Register($"INJ-D{i:00}", Hostile[i], "department", district: null);
            await Host.Record(Code(i), ("/declarations", """{"declaredOn":"2016-06-01","standard":"2015"}"""));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task Register(string code, string name, string level, string? district) =>
        Host.Post("/api/units", JsonSerializer.Serialize(new
        {
            code,
            name,
            level,
            province = Province,
            district,
            registeredOn = "2015-01-01",
        })).Expect(201);

    private static string Export(string query) =>
        $"/api/reports/annual/2020?province={Uri.EscapeDataString(Province)}&{query}";

    private static List<IReadOnlyList<string>> Cells(string csv) => CsvAnswers.Cells(csv);

    [Theory]
    [InlineData("lang=vi")]
    [InlineData("lang=en")]
    [InlineData("layout=report&lang=vi")]
    [InlineData("layout=report&lang=en")]
    [InlineData("layout=import")]
    [InlineData("layout=import&lang=en")]
    public async Task No_exported_cell_starts_with_a_formula_character(string query)
    {
        var rows = Cells((await Host.Get(Export(query), Keys.Viewer).Expect(200)).Text);

        var formulas = rows.SelectMany(r => r).Where(c => c.Length > 0 && Triggers.Contains(c[0])).ToList();
        Assert.True(formulas.Count == 0, $"Cells a spreadsheet would run: {string.Join(" | ", formulas)}");
        Assert.Contains(rows, r => r.Contains("'=HYPERLINK(\"http://x\",\"y\")"));
        Assert.Contains(rows, r => r.Contains("'@SUM(A1)"));
        Assert.Contains(rows, r => r.Contains("''=1+1"));
        Assert.Contains(rows, r => r.Contains("'plain"));
    }

    /// <summary>As CSV, or as a workbook.</summary>
    [Theory]
    [InlineData("text/csv")]
    [InlineData(TestWorkbooks.MediaType)]
    public async Task The_import_layout_imports_into_an_empty_store_as_the_original_names_and_the_same_table(
        string type)
    {
        var exports = new[] { "lang=vi", "lang=en", "layout=import" };
        var before = new List<string>();
        foreach (var query in exports) before.Add((await Host.Get(Export(query)).Expect(200)).Text);
        var file = type == "text/csv"
            ? Encoding.UTF8.GetBytes(before[2])
            : await Download(Export("layout=import&format=xlsx"));

        var empty = new ApiFixture();
        await empty.InitializeAsync();
        try
        {
            var imported = await empty.Host.PostBytes("/api/imports", file, type).Expect(200);
            Assert.Equal(2 * Hostile.Length, (int)imported.Json["unitsCreated"]!);
            for (var i = 0; i < Hostile.Length; i++)
            {
                var unit = (await empty.Host.Get($"/api/units/{Code(i)}/state?asOf=2020-12-31").Expect(200)).Json;
                Assert.Equal(Hostile[i], (string?)unit["name"]);
                Assert.Equal(Hostile[(i + 1) % Hostile.Length], (string?)unit["district"]);
                Assert.Equal(Province, (string?)unit["province"]);
            }
            for (var e = 0; e < exports.Length; e++)
                Assert.Equal(before[e], (await empty.Host.Get(Export(exports[e])).Expect(200)).Text);
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    private async Task<byte[]> Download(string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("X-Api-Key", Keys.Viewer);
            s.StatusCodeShouldBe(200);
        });
        Assert.Contains("filename=iso-2020-import.xlsx", result.Context.Response.Headers.ContentDisposition.ToString());
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
