using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
    [InlineData("Huyện Cư M'gar", "Cư M’gar")]
    [InlineData("Quận 1", "Q.1")]
    [InlineData("Tuy Phong", "H.Tuy Phong")]
    [InlineData("Quận Bình Thạnh", "Q. Bình Thạnh")]
    [InlineData("Huyện M'Đrắk", "MʼĐrắk")]
    public void Spellings_of_one_district_are_the_same(string a, string b) => Assert.True(DistrictNames.Same(a, b));

    [Theory]
    [InlineData("Thị xã Kỳ Anh", "Huyện Kỳ Anh")]
    [InlineData("TX. Kỳ Anh", "Kỳ Anh")]
    [InlineData("TP. Hà Tĩnh", "Thị xã Hà Tĩnh")]
    [InlineData("Huyện Tpx", "Tx")]
    public void Different_districts_stay_apart(string a, string b) => Assert.False(DistrictNames.Same(a, b));

    [Theory]
    [InlineData("Thị xã Sông Công", "UBND thành phố Sông Công", "Thành phố Sông Công")]
    [InlineData("TX. Sông Công", "Ủy ban nhân dân TP Sông Công", "Thành phố Sông Công")]
    [InlineData("Huyện Phổ Yên", "UBND thị xã Phổ Yên", "Thị xã Phổ Yên")]
    [InlineData("Phổ Yên", "UBND Thị Xã PHỔ YÊN", "Thị xã Phổ Yên")]
    [InlineData("Thị xã Phổ Yên", "UBND TP.Phổ Yên", "Thành phố Phổ Yên")]
    public void A_district_unit_renamed_to_another_kind_of_one_proper_name_renames_its_district(
        string district, string unitName, string renamed) =>
        Assert.Equal(renamed, DistrictNames.RenamedAs(district, unitName));

    [Theory]
    [InlineData("Thị xã Sông Công", "UBND thị xã Sông Công")]
    [InlineData("Thị xã Sông Công", "UBND thành phố Phổ Yên")]
    [InlineData("Thị xã Sông Công", "Thành phố Sông Công")]
    [InlineData("Thị xã Sông Công", "UBND Sông Công")]
    [InlineData("Sông Công", "Sở Nội vụ")]
    public void Any_other_rename_leaves_the_district_as_it_is(string district, string unitName) =>
        Assert.Null(DistrictNames.RenamedAs(district, unitName));
}

/// <summary>Property-based: a district written as the heading row of its communes writes it in an appendix ("Huyện
/// Cam Lộ:", the colon ending the heading) is the district, in each of the ways a table writes its kind, and reads
/// as written without the colon; another proper name stays another district.</summary>
public class DistrictHeadingPropertyTests
{
    private static readonly string[] ProperNames = ["Cam Lộ", "Đông Hà", "Bố Trạch", "Ba Đồn", "Sông Công", "Kỳ Anh"];

    /// <summary>The ways tables write each kind of district before its proper name.</summary>
    private static readonly string[][] KindSpellings =
    [
        ["", "Huyện ", "huyện ", "H. "], ["Thị xã ", "TX. ", "TX "], ["Thành phố ", "TP. ", "TP ", "Th phố "],
        ["Quận "],
    ];

    private static readonly string[] Colons = [":", " :", ": ", "：", "::"];

    private static readonly Arbitrary<(int Name, int Kind, int First, int Second, string Colon)> Headings =
        (from name in Gen.Choose(0, ProperNames.Length - 1)
         from kind in Gen.Choose(0, KindSpellings.Length - 1)
         from first in Gen.Choose(0, KindSpellings[kind].Length - 1)
         from second in Gen.Choose(0, KindSpellings[kind].Length - 1)
         from colon in Gen.Elements(Colons)
         select (name, kind, first, second, colon)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property A_heading_s_colon_leaves_the_district_as_it_is() => Prop.ForAll(Headings, heading =>
    {
        var (name, kind, first, second, colon) = heading;
        var district = KindSpellings[kind][first] + ProperNames[name];
        var written = KindSpellings[kind][second] + ProperNames[name] + colon;
        var other = KindSpellings[kind][second] + ProperNames[(name + 1) % ProperNames.Length] + colon;
        return DistrictNames.Same(district, written) && !DistrictNames.Same(district, other)
            && DistrictNames.Written(written) == (KindSpellings[kind][second] + ProperNames[name]).TrimEnd();
    });
}
