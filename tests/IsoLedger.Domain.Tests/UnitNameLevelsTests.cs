using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>The level a unit's name says, for a table without a level column or tier headings (Quảng Trị's 2020
/// appendix A lists its departments, their Chi cục and its districts in one run), and the district a sheet is named
/// after.</summary>
public class UnitNameLevelsTests
{
    private static readonly DateOnly In2020 = new(2020, 11, 19);

    [Theory]
    [InlineData("Sở Công thương", UnitLevel.Department)]
    [InlineData("Sở Kế hoạch & Đầu tư", UnitLevel.Department)]
    [InlineData("Ban Quản lý Khu Kinh tế tỉnh", UnitLevel.Department)]
    [InlineData("Ban Dân tộc", UnitLevel.Department)]
    [InlineData("Ban Dân tộc tỉnh Quảng Trị", UnitLevel.Department)]
    [InlineData("Thanh tra Tỉnh", UnitLevel.Department)]
    [InlineData("Văn phòng UBND Tỉnh", UnitLevel.Department)]
    [InlineData("Văn phòng Ủy ban nhân dân tỉnh", UnitLevel.Department)]
    [InlineData("Văn phòng Đoàn ĐBQH và HĐND tỉnh", UnitLevel.Department)]
    [InlineData("1- Chi cục TCĐLCL", UnitLevel.SubDepartment)]
    [InlineData("1.1 Chi cục Thủy sản", UnitLevel.SubDepartment)]
    [InlineData("- Chi cục Kiểm lâm", UnitLevel.SubDepartment)]
    [InlineData("UBND Th phố Đông Hà", UnitLevel.District)]
    [InlineData("UBND Huyện Hải Lăng", UnitLevel.District)]
    [InlineData("UBND Thị xã Quảng Trị", UnitLevel.District)]
    [InlineData("UBND Huyện Đảo Cồn cỏ", UnitLevel.District)]
    [InlineData("Ủy ban nhân dân TP. Đông Hà", UnitLevel.District)]
    [InlineData("Huyện Cam Lộ", UnitLevel.District)]
    [InlineData("1. UBND Phường 1.", UnitLevel.Commune)]
    [InlineData("UBND Th trấn Diên Sanh (Th.trấn Hải Lăng + xã Hải Thọ)", UnitLevel.Commune)]
    [InlineData("UBND UBND Xã Ba Nang.", UnitLevel.Commune)]
    [InlineData("3. Xã Cam Chính.", UnitLevel.Commune)]
    [InlineData("UBND P. Phú Thủy", UnitLevel.Commune)]
    [InlineData("Thị trấn Ái Tử", UnitLevel.Commune)]
    [InlineData("UBND đặc khu Cồn Cỏ", UnitLevel.Commune)]
    public void A_name_s_leading_words_say_its_level(string name, UnitLevel level) =>
        Assert.Equal(level, UnitNameLevels.Of(name, "Quảng Trị", In2020));

    [Theory]
    [InlineData("Liên minh Hợp tác xã tỉnh")]
    [InlineData("Ban Tôn giáo tỉnh")]
    [InlineData("Ban Thi đua - Khen thưởng tỉnh")]
    [InlineData("Ban Quản lý dự án")]
    [InlineData("Văn phòng Điều phối nông thôn mới tỉnh")]
    [InlineData("UBND tỉnh")]
    [InlineData("UBND Sở Y tế")]
    [InlineData("UBND huyện")]
    [InlineData("Phòng Nội vụ")]
    public void A_name_that_says_no_level_unambiguously_is_not_guessed(string name) =>
        Assert.Null(UnitNameLevels.Of(name, "Quảng Trị", In2020));

    /// <summary>"UBND thành phố X" in the province X is the committee of a centrally-run city (the province itself)
    /// or of a province's capital of its name (a district): which, the name cannot say. Elsewhere a thành phố is a
    /// district, Huế too before it became a centrally-run city.</summary>
    [Fact]
    public void A_city_named_as_its_province_is_not_guessed()
    {
        Assert.Null(UnitNameLevels.Of("UBND thành phố Đà Nẵng", "Đà Nẵng", In2020));
        Assert.Null(UnitNameLevels.Of("UBND TP. Hà Tĩnh", "Hà Tĩnh", In2020));
        Assert.Equal(UnitLevel.District, UnitNameLevels.Of("UBND thành phố Huế", "Thừa Thiên Huế", In2020));
        Assert.Equal(UnitLevel.District, UnitNameLevels.Of("UBND thành phố Hồng Lĩnh", "Hà Tĩnh", In2020));
    }

    /// <summary>The district level ended on 1 July 2025: a district's committee is guessed for a day before only.
    /// </summary>
    [Fact]
    public void A_district_is_guessed_before_the_district_level_ended()
    {
        Assert.Equal(UnitLevel.District, UnitNameLevels.Of("UBND huyện Hải Lăng", "Quảng Trị", new(2025, 6, 30)));
        Assert.Null(UnitNameLevels.Of("UBND huyện Hải Lăng", "Quảng Trị", Levels.DistrictLevelEndedOn));
        Assert.Equal(UnitLevel.Commune, UnitNameLevels.Of("UBND xã Hải Lăng", "Quảng Trị", new(2025, 12, 31)));
    }

    [Theory]
    [InlineData("Chi cục Kiểm lâm thuộc Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và PTNT")]
    [InlineData("Chi cục Dân số - KHHGĐ trực thuộc Sở Y tế.", "Sở Y tế")]
    [InlineData("Chi cục Kiểm lâm", null)]
    [InlineData("Chi cục Thủy sản (thuộc Sở NN&PTNT)", "Sở NN&PTNT")]
    public void A_sub_department_s_name_may_say_its_department(string name, string? department) =>
        Assert.Equal(department, UnitNameLevels.DepartmentNamed(name));

    [Theory]
    [InlineData("Hải Lăng", "Hải Lăng")]
    [InlineData("H. Hải Lăng", "H. Hải Lăng")]
    [InlineData("Huyện Hải Lăng", "Huyện Hải Lăng")]
    [InlineData("TP Đông Hà", "TP Đông Hà")]
    [InlineData("Q.1", "Q.1")]
    [InlineData("Cư M'gar", "Cư M'gar")]
    [InlineData("Sheet1", null)]
    [InlineData("Tổng hợp", null)]
    [InlineData("Tổng Hợp", null)]
    [InlineData("2020", null)]
    [InlineData("Năm 2020", null)]
    [InlineData("Cấp xã", null)]
    [InlineData("Xã, phường, thị trấn", null)]
    [InlineData("Sở, ban, ngành", null)]
    [InlineData("Phụ lục B", null)]
    [InlineData("Phụ Lục", null)]
    [InlineData("Danh sách xã", null)]
    [InlineData("PL1", null)]
    [InlineData("xã mới", null)]
    [InlineData("Quảng Bình", null)]
    [InlineData("Quảng Trị", null)]
    [InlineData("Quang Tri", null)]
    [InlineData("Tinh Quang Binh", null)]
    [InlineData("Tong Hop", null)]
    [InlineData("Phu Luc B", null)]
    [InlineData("Gio Linh", "Gio Linh")]
    [InlineData("TX Quảng Trị", "TX Quảng Trị")]
    [InlineData("UBND", null)]
    [InlineData("Xã KV1", null)]
    [InlineData("", null)]
    public void A_sheet_named_after_a_district_names_it(string sheet, string? district) =>
        Assert.Equal(district, SheetDistricts.Of(sheet));

    /// <summary>A workbook's only sheet names its district only with the district's kind: a bare name is whatever its
    /// author called it.</summary>
    [Theory]
    [InlineData("H. Hải Lăng", "H. Hải Lăng")]
    [InlineData("Huyện Cam Lộ", "Huyện Cam Lộ")]
    [InlineData("TP Đông Hà", "TP Đông Hà")]
    [InlineData("Hải Lăng", null)]
    [InlineData("Ket Qua", null)]
    [InlineData("Nguyễn Văn An", null)]
    [InlineData("Sheet1", null)]
    public void A_lone_sheet_names_a_district_only_with_its_kind(string sheet, string? district) =>
        Assert.Equal(district, SheetDistricts.Of(sheet, lone: true));
}
