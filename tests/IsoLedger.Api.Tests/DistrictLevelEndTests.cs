using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The district level ended on 1 July 2025 and communes report to the province directly since: the
/// province's tables judged on a later day group no commune under a district (the 2025 table had listed the
/// communes that outlived their district under it, beside the new communes under none), while a day before it
/// still does.</summary>
public class DistrictLevelEndTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<JsonNode> Data(string url) =>
        (await Host.Get(url + "&consistent=true", Keys.Viewer).Expect(200)).Json["data"]!;

    [Fact]
    public async Task From_the_level_s_end_the_tables_group_no_commune_under_a_district()
    {
        await Host.RegisterCommune("QT-END-1", "2016-01-01");
        await Host.Record("QT-END-1", ("/declarations", """{"declaredOn":"2016-06-01","standard":"2015"}"""));
        const string province = "province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B";

        var groups = (JsonNode table) => table["byDistrict"]!.AsArray().Select(d => (string?)d!["group"]);
        Assert.Equal(["Hải Lăng"], groups(await Data($"/api/dashboards/annual/2024?{province}")));
        Assert.Equal(["Hải Lăng"],
            groups(await Data($"/api/dashboards/annual/2025?{province}&asOf=2025-06-30")));
        var table2025 = await Data($"/api/dashboards/annual/2025?{province}");
        Assert.Empty(groups(table2025));
        Assert.Null((string?)table2025["rows"]!.AsArray().Single()!["district"]);

        var drill = (string asOf) => Data($"/api/dashboards/conversion?{province}&asOf={asOf}&level=commune");
        Assert.Single((await drill("2025-06-30"))["byDistrict"]!.AsArray());
        Assert.Empty((await drill("2025-07-01"))["byDistrict"]!.AsArray());
    }
}
