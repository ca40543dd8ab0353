using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>From 1 July 2025 a merged province's units count under the province it became part of: its later
/// reports list them under that name. They had been refused either way (the old name is no province any more, the new
/// one was not the recorded one), and the unit formed in place of a merged one could not take its name.</summary>
public class MergedProvinceImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private Task<Answer> Import(params string[] rows) => Host.PostBytes("/api/imports", ReportCsv.Rows(rows));

    [Fact]
    public async Task A_later_report_lists_a_former_province_s_units_under_its_successor()
    {
        await Import("Quảng Bình,MP-QB-SO-XD,Sở Xây dựng,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);

        await Import("Quảng Trị,MP-QB-SO-XD,Sở Xây dựng,department,,,2025,2025-12-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);

        var year = (await Host.Get("/api/units/MP-QB-SO-XD/state?asOf=2025-12-31").Expect(200)).Json;
        Assert.NotNull(year);
        var refused = await Import(
            "Hà Tĩnh,MP-QB-SO-XD,Sở Xây dựng,department,,,2025,2025-12-15,x,2015,,x,x,x,x,x,x,x,").Expect(422);
        Assert.Contains("Quảng Bình", (string?)refused.Json["errors"]![0]!["reason"]);
        // The 2024 report, imported again, still reads as it did.
        await Import("Quảng Bình,MP-QB-SO-XD,Sở Xây dựng,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);
    }

    [Fact]
    public async Task The_unit_formed_by_a_merger_takes_the_name_of_the_units_it_replaced_in_the_same_table()
    {
        await Import("Quảng Trị,MP-SO-TC-A,Sở Tài chính X,department,,,2024,2024-11-15,x,2015,,x,x,x,x,x,x,x,")
            .Expect(200);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"MP/1","effectiveOn":"2025-03-01","parts":[{"kind":"merge","from":["MP-SO-TC-A"],
             "into":{"code":"MP-SO-TC-B","name":"Sở Tài chính X","level":"department","province":"Quảng Trị"}}]}
            """, Keys.Recorder).Expect(201);

        await Import(
            "Quảng Trị,MP-SO-TC-A,Sở Tài chính X,department,,,2025,2025-12-15,x,2015,,,,,,,,,",
            "Quảng Trị,MP-SO-TC-B,Sở Tài chính X,department,,,2025,2025-12-15,x,2015,,x,x,x,x,x,x,x,").Expect(200);
    }
}
