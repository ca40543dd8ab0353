using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>The words other provinces' tables write for a unit's level: the tiers their appendices group units under.
/// </summary>
public class LevelWordsTests
{
    [Theory]
    [InlineData("Sở ban ngành", UnitLevel.Department)]
    [InlineData("Sở, ban, ngành", UnitLevel.Department)]
    [InlineData("Sở/ban/ngành tỉnh", UnitLevel.Department)]
    [InlineData("Cấp tỉnh", UnitLevel.Department)]
    [InlineData("Chi cục", UnitLevel.SubDepartment)]
    [InlineData("Cấp huyện", UnitLevel.District)]
    [InlineData("UBND huyện", UnitLevel.District)]
    [InlineData("Huyện, thị xã, thành phố", UnitLevel.District)]
    [InlineData("Cấp xã", UnitLevel.Commune)]
    [InlineData("UBND cấp xã", UnitLevel.Commune)]
    [InlineData("Uỷ ban nhân dân xã", UnitLevel.Commune)]
    [InlineData("xã, phường, thị trấn", UnitLevel.Commune)]
    [InlineData("commune", UnitLevel.Commune)]
    [InlineData("Sub-Department", UnitLevel.SubDepartment)]
    [InlineData("Chi cục thuộc Sở", UnitLevel.SubDepartment)]
    [InlineData("Sở, ngành", UnitLevel.Department)]
    [InlineData("Ban, ngành tỉnh", UnitLevel.Department)]
    [InlineData("Cấp Sở", UnitLevel.Department)]
    [InlineData("Phường, xã, thị trấn", UnitLevel.Commune)]
    [InlineData("Xã, thị trấn", UnitLevel.Commune)]
    [InlineData("UBND các phường, xã, thị trấn", UnitLevel.Commune)]
    [InlineData("Thành phố, thị xã, huyện", UnitLevel.District)]
    [InlineData("Cấp huyện, thành phố", UnitLevel.District)]
    [InlineData("Sở, ban, ngành và tương đương", UnitLevel.Department)]
    [InlineData("Khối Sở, ban, ngành", UnitLevel.Department)]
    [InlineData("Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", UnitLevel.Department)]
    public void A_tier_as_a_table_words_it_is_a_level(string text, UnitLevel level) =>
        Assert.Equal(level, LevelWords.Read(text));

    [Theory]
    [InlineData("")]
    [InlineData("Phòng")]
    [InlineData("UBND")]
    [InlineData("Sở Nội vụ")]
    [InlineData("Thành phố")]
    [InlineData("Xã, Sở")]
    [InlineData("Phường, xã, thị trấn Mới")]
    public void Anything_else_is_no_level(string text) => Assert.Null(LevelWords.Read(text));

    [Theory]
    [InlineData("Các cơ quan chuyên môn cấp Tỉnh, Chi cục trực thuộc, UBND các huyện, thị xã, thành phố",
        new[] { UnitLevel.Department, UnitLevel.SubDepartment, UnitLevel.District })]
    [InlineData("Sở, ban, ngành và UBND các huyện", new[] { UnitLevel.Department, UnitLevel.District })]
    [InlineData("Cấp huyện; cấp xã", new[] { UnitLevel.District, UnitLevel.Commune })]
    public void A_list_of_tiers_of_several_levels_names_each(string text, UnitLevel[] levels) =>
        Assert.Equal(levels, LevelWords.Tiers(text));

    [Theory]
    [InlineData("Sở, ban, ngành")]
    [InlineData("Phường, xã và thị trấn")]
    [InlineData("Sở Nội vụ, Sở Y tế")]
    [InlineData("Cấp huyện, Sở Nội vụ")]
    public void One_tier_or_other_words_are_no_list_of_tiers(string text) => Assert.Null(LevelWords.Tiers(text));

    private static readonly (string Text, UnitLevel Level)[] Tiers =
    [
        ("sở ban ngành", UnitLevel.Department), ("cấp tỉnh", UnitLevel.Department),
        ("sở ngành", UnitLevel.Department), ("ban ngành", UnitLevel.Department), ("cấp sở", UnitLevel.Department),
        ("chi cục", UnitLevel.SubDepartment), ("cấp huyện", UnitLevel.District),
        ("huyện thị xã thành phố", UnitLevel.District), ("cấp xã", UnitLevel.Commune),
        ("xã phường thị trấn", UnitLevel.Commune),
    ];

    /// <summary>A tier written in any letter case, in form C or D, with any of the separators tables put between its
    /// words, behind the committee's name or not.</summary>
    private static readonly Arbitrary<(string Written, UnitLevel Level)> WrittenTiers =
        (from tier in Gen.Elements(Tiers)
         from separators in Gen.ArrayOf(Gen.Elements(" ", ", ", "/", " - ", ",  "), tier.Text.Split(' ').Length)
         from upper in Gen.ArrayOf(Gen.Elements(true, false), tier.Text.Length)
         from committee in Gen.Elements("", "UBND ", "Ủy ban nhân dân ")
         from decomposed in Gen.Elements(true, false)
         let words = tier.Text.Split(' ')
         let joined = string.Concat(words.Select((w, i) => (i == 0 ? "" : separators[i]) + w))
         let cased = string.Concat(joined.Select((c, i) => i < upper.Length && upper[i] ? char.ToUpperInvariant(c) : c))
         let written = committee + cased
         select (decomposed ? written.Normalize(System.Text.NormalizationForm.FormD) : written, tier.Level))
        .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property A_tier_reads_as_its_level_however_it_is_written() =>
        Prop.ForAll(WrittenTiers, tier => LevelWords.Read(tier.Written) == tier.Level);
}
