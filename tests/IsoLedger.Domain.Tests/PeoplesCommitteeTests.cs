using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>Every rule that reads a name reads the people's committee before it the same way: written out, with the
/// tone mark of "ủy" in either place, abbreviated, or typed twice.</summary>
public class PeoplesCommitteeTests
{
    public static TheoryData<string> Writings() =>
        ["UBND", "ubnd", "Ủy ban nhân dân", "Uỷ ban nhân dân", "ỦY BAN NHÂN DÂN", "UBND UBND", "UBND  Ủy ban nhân dân"];

    [Theory, MemberData(nameof(Writings))]
    public void A_tier_after_the_committee_is_read(string committee) =>
        Assert.Equal(UnitLevel.Commune, LevelWords.Read($"{committee} cấp xã"));

    [Theory, MemberData(nameof(Writings))]
    public void A_district_unit_after_the_committee_names_its_district(string committee) =>
        Assert.Equal(("Thị xã", "Sông Công"), DistrictNames.Parts($"{committee} thị xã Sông Công", committee: true));

    [Theory, MemberData(nameof(Writings))]
    public void A_unit_name_after_the_committee_is_one_name(string committee) =>
        Assert.True(UnitNameSpelling.Same($"{committee} xã Ba Nang", "UBND xã Ba Nang"));

    [Theory]
    [InlineData("UBNDxã Ba Nang")]
    [InlineData("Văn phòng UBND tỉnh")]
    public void The_words_inside_another_word_or_after_the_start_are_no_committee_before_a_name(string name) =>
        Assert.Null(DistrictNames.Parts(name, committee: true));
}
