using System.Text.Json;
using System.Text.Json.Serialization;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>A unit's state stored by an earlier version of the ledger (before existence in time, renames and
/// transfers) still reads, and answers the new questions from the facts it keeps.</summary>
public class StoredStateTests
{
    private static readonly JsonSerializerOptions Stored = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    [Fact]
    public void A_state_stored_before_renames_and_transfers_reads_and_answers_them()
    {
        const string before = """
            {"code":"QT-OLD","name":"UBND Xã Cũ","level":"Commune","province":"Quảng Trị","district":"Hải Lăng",
             "registeredOn":"2020-12-31","version":3,"internalAudits":["2016-06-10"],
             "declarations":[{"declaredOn":"2015-09-01","standard":"2008","redeclaration":false}]}
            """;
        var unit = JsonSerializer.Deserialize<Unit>(before, Stored)!;

        Assert.Equal("UBND Xã Cũ", unit.NameOn(new DateOnly(2018, 1, 1)));
        Assert.Equal("Quảng Trị", unit.ProvinceOn(new DateOnly(2018, 1, 1)));
        Assert.Equal("Hải Lăng", unit.DistrictOn(new DateOnly(2018, 1, 1)));
        Assert.Equal(new DateOnly(2015, 9, 1), unit.EarliestFactOn);
        Assert.Equal(new DateOnly(2016, 6, 10), unit.LatestFactOn);
    }

    [Fact]
    public void A_state_stored_before_editions_were_data_reads_its_conversion()
    {
        const string before = """
            {"code":"QT-OLD","name":"Sở Cũ","level":"Department","province":"Quảng Trị","registeredOn":"2010-01-01",
             "version":4,"conversionStartedOn":"2019-05-01","convertedOn":"2020-03-01",
             "declarations":[{"declaredOn":"2015-09-01","standard":"2008","redeclaration":false}]}
            """;
        var unit = JsonSerializer.Deserialize<Unit>(before, Stored)!;

        Assert.Equal(ConversionState.InProgress, unit.ConversionOn(new DateOnly(2019, 6, 1), Edition.Iso9001V2015));
        Assert.Equal(Edition.Iso9001V2015, unit.StandardOn(new DateOnly(2020, 3, 1)));
        Assert.Equal(Edition.Iso9001V2008, unit.StandardOn(new DateOnly(2020, 2, 29)));
        var written = JsonSerializer.Serialize(unit, Stored);
        Assert.DoesNotContain("convertedOn", written);
        Assert.Equal(unit.Conversions, JsonSerializer.Deserialize<Unit>(written, Stored)!.Conversions);
    }
}
