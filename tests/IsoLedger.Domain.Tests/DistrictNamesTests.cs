using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>One district however a table writes it; a thị xã and a huyện of one name stay two.</summary>
public class DistrictNamesTests
{
    [Theory]
    [InlineData("Huyện Hải Lăng", "hải lăng")]
    [InlineData("H. Hải Lăng", "HẢI  LĂNG")]
    [InlineData("Thành phố Hà Tĩnh", "TP. Hà Tĩnh")]
    [InlineData("Thành phố Hà Tĩnh", "TP Hà Tĩnh")]
    [InlineData("Thành phố Hà Tĩnh", "tp.Hà Tĩnh")]
    [InlineData("Th phố Đông Hà", "Thành phố Đông Hà")]
    [InlineData("Thị xã Kỳ Anh", "TX. Kỳ Anh")]
    [InlineData("Thị xã Kỳ Anh", "tx Kỳ Anh")]
    public void Spellings_of_one_district_are_the_same(string a, string b) => Assert.True(DistrictNames.Same(a, b));

    [Theory]
    [InlineData("Thị xã Kỳ Anh", "Huyện Kỳ Anh")]
    [InlineData("TX. Kỳ Anh", "Kỳ Anh")]
    [InlineData("TP. Hà Tĩnh", "Thị xã Hà Tĩnh")]
    [InlineData("Huyện Tpx", "Tx")]
    public void Different_districts_stay_apart(string a, string b) => Assert.False(DistrictNames.Same(a, b));
}
