namespace IsoLedger.Domain.Tests;

/// <summary>Names are listed in the Vietnamese alphabet's order, as a report lists its districts and provinces.
/// </summary>
public class VietnameseOrderTests
{
    [Fact]
    public void Districts_are_in_the_order_of_the_Vietnamese_alphabet()
    {
        string[] listed = ["Vĩnh Linh", "Đông Hà", "Hướng Hóa", "Đakrông", "Hải Lăng", "Cam Lộ", "Gio Linh", "Cồn Cỏ"];
        Assert.Equal(
            ["Cam Lộ", "Cồn Cỏ", "Đakrông", "Đông Hà", "Gio Linh", "Hải Lăng", "Hướng Hóa", "Vĩnh Linh"],
            listed.Order(UnicodeText.VietnameseOrder));
    }

    [Fact]
    public void Provinces_beginning_with_D_stroke_follow_those_with_D()
    {
        string[] listed = ["Điện Biên", "Đà Nẵng", "Hà Nội", "Cần Thơ", "Đắk Lắk", "Đồng Nai"];
        Assert.Equal(
            ["Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Hà Nội"],
            listed.Order(UnicodeText.VietnameseOrder));
    }
}
