using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A province exported in the import layout (CSV and workbook) and imported into an empty store gives its
/// units the same declarations, decision numbers among them: the declared column had been written x, which dropped
/// the number every declaration recorded from a list of declared units carried.</summary>
public class ImportLayoutDecisionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Province = "Quảng Trị";
    private IAlbaHost Host => api.Host;

    [Fact]
    public async Task A_province_exported_and_imported_again_keeps_its_declarations_and_their_decisions()
    {
        await Host.PostBytes("/api/imports",
            File.ReadAllBytes(Repository.File("ops/sample-data/quang-tri-2020.csv"))).Expect(200);
        await Host.PostBytes("/api/imports", ReportCsv.Rows(
            $"{Province},QT-QD-01,Sở Quyết Định,department,,,2020,2020-11-19,Số 85/QĐ-UBND ngày 15/8/2018,2015"
            + new string(',', 9),
            $"{Province},QT-QD-02,UBND xã Quyết Định,commune,Hải Lăng,,2020,2020-11-19,12/2019/QĐ-UBND (3/4/2019),"
            + "2015" + new string(',', 9))).Expect(200);
        // A number recorded through the API in a form no decision cell reads: written x, dated by declared_by.
        await Host.RegisterCommune("QT-QD-03", "2015-01-01");
        await Host.Post("/api/units/QT-QD-03/declarations",
            """{"declaredOn":"2019-06-01","standard":"2015","decisionNo":"QĐ bảy năm 2019"}""").Expect(200);

        var url = $"/api/reports/annual/2020?province={Uri.EscapeDataString(Province)}&layout=import";
        var csv = (await Host.Get(url).Expect(200)).Text;
        var workbook = await Host.Download(url + "&format=xlsx");
        var codes = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')[1]).ToList();
        Assert.Equal(168, codes.Count);
        var declarations = await Declarations(Host, codes);

        foreach (var (file, type) in new[] { (Encoding.UTF8.GetBytes(csv), "text/csv"),
                     (workbook, TestWorkbooks.MediaType) })
        {
            await ApiFixture.WithEmptyStore(async empty =>
            {
                await empty.PostBytes("/api/imports", file, type).Expect(200);
                var copied = await Declarations(empty, codes);
                Assert.Equal(declarations.Where(d => !d.StartsWith("QT-QD-03 ")),
                    copied.Where(d => !d.StartsWith("QT-QD-03 ")));
                Assert.Contains("QT-QD-01 2018-08-15 85/QĐ-UBND 2015", copied);
                Assert.Contains("QT-QD-02 2019-04-03 12/2019/QĐ-UBND 2015", copied);
                Assert.Contains("QT-QD-03 2019-06-01  2015", copied);
            });
        }
        Assert.Contains(",Số 85/QĐ-UBND ngày 15/8/2018,", csv);
    }

    /// <summary>Each unit's latest declaration as of the year's end: its day, decision and edition.</summary>
    private static async Task<List<string>> Declarations(IAlbaHost host, IEnumerable<string> codes)
    {
        var found = new List<string>();
        foreach (var code in codes)
        {
            var unit = (await host.Get($"/api/units/{code}/state?asOf=2020-12-31").Expect(200)).Json;
            var latest = unit["latestDeclaration"];
            found.Add($"{code} {latest?["declaredOn"]} {latest?["decisionNo"]} {latest?["standard"]}");
        }
        return found;
    }
}
