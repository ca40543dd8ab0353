using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>The heading rows a table keeps from its appendix: a district's names it, a tier's names none, and a
/// unit's name is no heading.</summary>
public class TableHeadingsTests
{
    [Theory]
    [InlineData("Huyện Cam Lộ:", "Huyện Cam Lộ")]
    [InlineData("2. Thị xã Quảng Trị", "Thị xã Quảng Trị")]
    [InlineData("IV. TP. Đông Hà :", "TP. Đông Hà")]
    [InlineData("Quận Hải Châu", "Quận Hải Châu")]
    [InlineData("1.1 TP. Phan Thiết", "TP. Phan Thiết")]
    [InlineData("2.3. Huyện Tuy Phong:", "Huyện Tuy Phong")]
    [InlineData("Q. Bình Thạnh", "Q. Bình Thạnh")]
    [InlineData("3. Q.1:", "Q.1")]
    [InlineData("H.Tuy Phong", "H.Tuy Phong")]
    [InlineData("1- Huyện Can Lộc", "Huyện Can Lộc")]
    [InlineData("ii. Huyện Can Lộc", "Huyện Can Lộc")]
    [InlineData("1/ Huyện Can Lộc", "Huyện Can Lộc")]
    [InlineData("II.1 Huyện Can Lộc", "Huyện Can Lộc")]
    [InlineData("- Huyện Can Lộc", "Huyện Can Lộc")]
    [InlineData("+ Huyện Can Lộc", "Huyện Can Lộc")]
    [InlineData("* Huyện Can Lộc", "Huyện Can Lộc")]
    [InlineData("Huyện Can Lộc - 05 đơn vị", "Huyện Can Lộc")]
    [InlineData("Huyện Can Lộc (05 đơn vị)", "Huyện Can Lộc")]
    [InlineData("Huyện Can Lộc: 05 xã", "Huyện Can Lộc")]
    [InlineData("Huyện Can Lộc;", "Huyện Can Lộc")]
    [InlineData("Huyện Bình Sơn (cũ):", "Huyện Bình Sơn")]
    [InlineData("Quận 1 (3 phường)", "Quận 1")]
    public void A_district_s_heading_names_it(string text, string district) =>
        Assert.Equal(district, TableHeading.Read(text)?.District);

    [Theory]
    [InlineData("I. Sở, ban, ngành")]
    [InlineData("II. Cấp xã:")]
    [InlineData("UBND huyện, thị xã, thành phố")]
    [InlineData("III. Phường, xã, thị trấn")]
    [InlineData("Xã, thị trấn")]
    [InlineData("Phường, xã")]
    [InlineData("Huyện, thành phố")]
    [InlineData("Thành phố, thị xã, huyện")]
    [InlineData("I. Sở, ban, ngành và tương đương")]
    [InlineData("Khối Sở, ban, ngành")]
    [InlineData("Các cơ quan chuyên môn thuộc UBND tỉnh")]
    [InlineData("Cấp huyện, thị xã, thành phố")]
    [InlineData("UBND các phường, xã, thị trấn")]
    [InlineData("Ủy ban nhân dân các huyện, thành phố, thị xã (10 đơn vị)")]
    public void A_tier_s_heading_names_no_district(string text)
    {
        var heading = TableHeading.Read(text);
        Assert.NotNull(heading);
        Assert.Null(heading.District);
    }

    /// <summary>The sections of a report's appendices, one under another in one table as printed (Quảng Trị's 2020
    /// report, seed <c>003_…</c>): a section naming one tier gives its level, one naming several leaves each row's
    /// to its name; their letters, the years the units applied in and the counts after them do not matter.</summary>
    [Theory]
    [InlineData("A/ Các cơ quan chuyên môn cấp Tỉnh, Chi cục trực thuộc, UBND các huyện, thị xã, thành phố:", null)]
    [InlineData("A. Các cơ quan chuyên môn cấp tỉnh, Chi cục trực thuộc, UBND các huyện, thị xã, thành phố "
        + "(40 đơn vị)", null)]
    [InlineData("I. Sở, ban, ngành và UBND các huyện", null)]
    [InlineData("B/ UBND các Phường, xã, thị trấn áp dụng từ năm 2015 – 2019: (109 Phường, xã, thị trấn)",
        UnitLevel.Commune)]
    [InlineData("B. UBND các phường, xã, thị trấn áp dụng từ năm 2015-2019", UnitLevel.Commune)]
    [InlineData("C/ UBND các Phường, xã, thị trấn xây dựng áp dụng năm 2020: (16 đơn vị):", UnitLevel.Commune)]
    [InlineData("II. Xã, phường, thị trấn áp dụng từ 2015 đến 2019", UnitLevel.Commune)]
    [InlineData("II Cấp xã", UnitLevel.Commune)]
    [InlineData("I Các Sở, ban, ngành", UnitLevel.Department)]
    public void A_section_of_the_appendices_is_a_tier_s_heading(string text, UnitLevel? level)
    {
        var heading = TableHeading.Read(text);
        Assert.NotNull(heading);
        Assert.Equal((null, level), (heading.District, heading.Level));
    }

    /// <summary>A section states the years its units applied their systems in: those of appendix B had declared by
    /// the end of 2019, appendix C's in the report's year, dated as its facts are.</summary>
    [Theory]
    [InlineData("B/ UBND các Phường, xã, thị trấn áp dụng từ năm 2015 – 2019: (109 Phường, xã, thị trấn)", 2015,
        2019, "2019-12-31")]
    [InlineData("II. Xã, phường, thị trấn áp dụng từ 2015 đến năm 2019", 2015, 2019, "2019-12-31")]
    [InlineData("C/ UBND các Phường, xã, thị trấn xây dựng áp dụng năm 2020: (16 đơn vị):", 2020, 2020, null)]
    [InlineData("Cấp xã áp dụng năm 2018", 2018, 2018, "2018-12-31")]
    public void A_section_s_years_of_application_date_its_units_declarations_in_a_later_year_s_table(
        string text, int first, int last, string? declaredBy)
    {
        var years = TableHeading.Read(text)?.AppliedIn;
        Assert.Equal(new ApplicationYears(first, last), years);
        Assert.Equal(declaredBy is null ? null : DateOnly.Parse(declaredBy), years?.DeclaredBy(2020));
    }

    [Fact]
    public void A_district_s_heading_within_a_section_keeps_its_years_and_the_next_section_has_its_own()
    {
        var earlier = TableHeading.Read("B/ UBND các Phường, xã, thị trấn áp dụng từ năm 2015 – 2019:");
        var district = TableHeading.Read("I. Thành phố Đông Hà:")!.Under(earlier);
        Assert.Equal(("Thành phố Đông Hà", new ApplicationYears(2015, 2019)), (district.District, district.AppliedIn));
        Assert.Equal(new ApplicationYears(2015, 2019), TableHeading.Read("II. Huyện Hải Lăng")!.Under(district)
            .AppliedIn);
        var newer = TableHeading.Read("C/ UBND các Phường, xã, thị trấn xây dựng áp dụng năm 2020:")!.Under(district);
        Assert.Equal(new ApplicationYears(2020, 2020), newer.AppliedIn);
        Assert.Null(TableHeading.Read("III. Cấp xã")!.Under(district).AppliedIn);
        Assert.Null(TableHeading.Read("Huyện Hải Lăng")!.Under(null).AppliedIn);
    }

    [Theory]
    [InlineData("UBND xã Mò Ó")]
    [InlineData("Sở Nội vụ")]
    [InlineData("UBND huyện Cam Lộ")]
    [InlineData("Tổng số")]
    [InlineData("Cộng")]
    [InlineData("Q.")]
    [InlineData("Cam Lộ")]
    [InlineData("Phường 1")]
    [InlineData("UBND thị xã Quảng Trị")]
    [InlineData("Xã Thị trấn Mới")]
    [InlineData("UBND xã Hải Sơn áp dụng năm 2020")]
    [InlineData("Cấp xã áp dụng từ năm 2019 – 2015")]
    [InlineData("Sở Nội vụ, UBND xã Hải Sơn")]
    public void A_unit_s_name_or_any_other_text_is_no_heading(string text) => Assert.Null(TableHeading.Read(text));

    private static readonly string[] Kinds = ["Huyện ", "Thị xã ", "TX. ", "Thành phố ", "TP. ", "Th phố ", "Quận "];
    private static readonly string[] Names = ["Cam Lộ", "Đakrông", "Bố Trạch", "Ba Đồn", "Sông Công", "Hải Châu"];

    /// <summary>A district's heading, numbered as appendices number them or not, ended by a colon or not.</summary>
    private static readonly Arbitrary<(string Written, string District)> Headings =
        (from kind in Gen.Elements(Kinds)
         from name in Gen.Elements(Names)
         from number in Gen.Elements("", "1. ", "12. ", "II. ", "IV) ", "A. ", "1.1 ", "3.2. ", "1.10) ")
         from colon in Gen.Elements("", ":", " :", "：")
         select (number + kind + name + colon, kind + name)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property A_district_s_heading_names_the_district_however_it_is_numbered_and_ended() =>
        Prop.ForAll(Headings, heading => TableHeading.Read(heading.Written)?.District == heading.District);
}
