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
}
