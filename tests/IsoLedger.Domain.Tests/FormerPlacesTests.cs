using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>The places a later table writes after a unit's name, "(nguyên thuộc …)": a district written with its kind
/// is a district whatever its proper name, a province written bare is the province, any other bare name a district.
/// </summary>
public class FormerPlacesTests
{
    [Theory]
    [InlineData("UBND xã Ngọk Tụ (nguyên thuộc Đắk Tô)", "UBND xã Ngọk Tụ", "Đắk Tô", null)]
    [InlineData("Sở Nội vụ (nguyên thuộc Quảng Bình)", "Sở Nội vụ", null, "Quảng Bình")]
    [InlineData("Sở Nội vụ (Nguyên thuộc tỉnh Quảng Bình)", "Sở Nội vụ", null, "Quảng Bình")]
    [InlineData("UBND xã Hải Phú (nguyên thuộc Huyện Lệ Thủy, Quảng Bình)", "UBND xã Hải Phú", "Huyện Lệ Thủy",
        "Quảng Bình")]
    [InlineData("Department of Justice (formerly in Bắc Kạn)", "Department of Justice", null, "Bắc Kạn")]
    [InlineData("Chi cục Kiểm lâm – nguyên thuộc Huyện Vĩnh Linh", "Chi cục Kiểm lâm", "Huyện Vĩnh Linh", null)]
    [InlineData("Chi cục Chăn nuôi - Thú y - Nguyên thuộc Quảng Bình", "Chi cục Chăn nuôi - Thú y", null, "Quảng Bình")]
    public void The_name_and_the_places_it_was_in(string written, string name, string? district, string? province)
    {
        var read = FormerPlaces.Read(written);
        Assert.Equal((name, district, province), (read?.Name ?? written, read?.District, read?.Province));
    }

    /// <summary>A city, a town or a district of a province's name is the district, not the province: "TP. Cà Mau" had
    /// been read as the province Cà Mau.</summary>
    [Theory]
    [InlineData("TP. Cà Mau")]
    [InlineData("TP.Cà Mau")]
    [InlineData("Thành phố Cà Mau")]
    [InlineData("Thành phố Huế")]
    [InlineData("TX. Kỳ Anh")]
    [InlineData("Thị xã Quảng Trị")]
    [InlineData("Huyện Kon Tum")]
    [InlineData("H. Bạc Liêu")]
    [InlineData("Quận Hà Nội")]
    public void A_place_written_with_a_district_s_kind_is_a_district(string place)
    {
        var read = FormerPlaces.Read($"UBND phường 5 (nguyên thuộc {place})");
        Assert.Equal(("UBND phường 5", place, (string?)null), (read!.Name, read.District, read.Province));
    }

    [Fact]
    public void A_district_of_a_province_s_name_and_that_province_are_each_read_as_what_they_are()
    {
        var read = FormerPlaces.Read("UBND phường 1 (nguyên thuộc TP. Bạc Liêu, Bạc Liêu)");
        Assert.Equal(("TP. Bạc Liêu", "Bạc Liêu"), (read!.District, read.Province));
    }

    [Theory]
    [InlineData("UBND xã Ba Lòng")]
    [InlineData("UBND xã Ba Lòng (xã Ba Lòng + Hải Phúc)")]
    [InlineData("Sở Nội vụ (cũ)")]
    [InlineData("Chi cục Chăn nuôi - Thú y")]
    [InlineData("Chi cục Thuế khu vực Vĩnh Linh - Gio Linh")]
    public void A_name_without_them_is_read_as_none(string name) => Assert.Null(FormerPlaces.Read(name));

    /// <summary>A Sở or a Chi cục is in no district: a district's note after its name (the district body it took
    /// over) had placed it in that district. A commune's and a district's note still place them.</summary>
    [Theory]
    [InlineData(UnitLevel.Department, null)]
    [InlineData(UnitLevel.SubDepartment, null)]
    [InlineData(UnitLevel.District, "Huyện Vĩnh Linh")]
    [InlineData(UnitLevel.Commune, "Huyện Vĩnh Linh")]
    public void A_district_s_note_places_no_provincial_body(UnitLevel level, string? district)
    {
        var read = FormerPlaces.Read("Chi cục Thủy lợi (nguyên thuộc Huyện Vĩnh Linh, Quảng Bình)")!;
        Assert.Equal((district, "Quảng Bình"), (read.DistrictOf(level), read.Province));
    }
}
