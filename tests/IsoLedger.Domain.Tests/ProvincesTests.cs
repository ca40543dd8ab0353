using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static IsoLedger.Domain.Provinces.Provinces;

namespace IsoLedger.Domain.Tests;

/// <summary>The provinces' reference table against Resolutions 175/2024/QH15 and 202/2025/QH15.</summary>
public class ProvincesTests
{
    private static readonly DateOnly LastDayOf63 = new(2025, 6, 30);
    private static readonly DateOnly FirstDayOf34 = new(2025, 7, 1);

    private static List<string> ValidOn(DateOnly date) =>
        All.Where(p => p.IsValidOn(date)).Select(p => p.Name).ToList();

    [Fact]
    public void There_are_63_provinces_until_30_June_2025_and_34_from_1_July()
    {
        Assert.Equal(63, ValidOn(new DateOnly(2010, 1, 1)).Distinct().Count());
        Assert.Equal(63, ValidOn(new DateOnly(2024, 12, 31)).Distinct().Count());
        Assert.Equal(63, ValidOn(LastDayOf63).Distinct().Count());
        Assert.Equal(34, ValidOn(FirstDayOf34).Distinct().Count());
        Assert.Equal(34, ValidOn(new DateOnly(2030, 1, 1)).Distinct().Count());
    }

    [Fact]
    public void No_name_has_two_periods_on_one_day()
    {
        DateOnly[] dates = [new(2000, 1, 1), new(2024, 12, 31), new(2025, 1, 1), LastDayOf63, FirstDayOf34];
        foreach (var date in dates)
            Assert.Equal(ValidOn(date).Count, ValidOn(date).Distinct().Count());
    }

    [Fact]
    public void The_52_merged_provinces_each_merged_into_one_of_the_23()
    {
        var merged = All.Where(p => p.MergedInto is not null).ToList();
        var successors = merged.Select(p => p.MergedInto!).Distinct().ToList();
        Assert.Equal(52, merged.Count);
        Assert.Equal(52, merged.Select(p => p.Name).Distinct().Count());
        Assert.Equal(23, successors.Count);
        Assert.All(merged, p => Assert.Equal(LastDayOf63, p.ValidTo));
        Assert.All(successors, s => Assert.Contains(All, p => p.Name == s && p.ValidFrom == FirstDayOf34));
        Assert.All(successors, s => Assert.Contains(merged, p => p.Name == s));
        Assert.Equal(11, ValidOn(FirstDayOf34).Except(successors).Count());
    }

    [Theory]
    [InlineData("Quảng Bình", "Quảng Trị")]
    [InlineData("Hà Giang", "Tuyên Quang")]
    [InlineData("Hòa Bình", "Phú Thọ")]
    [InlineData("Bà Rịa - Vũng Tàu", "Hồ Chí Minh")]
    [InlineData("Bình Dương", "Hồ Chí Minh")]
    [InlineData("Hậu Giang", "Cần Thơ")]
    [InlineData("Kiên Giang", "An Giang")]
    [InlineData("Đắk Nông", "Lâm Đồng")]
    [InlineData("Nam Định", "Ninh Bình")]
    public void A_merged_province_counts_under_its_successor_from_1_July_2025(string former, string successor)
    {
        Assert.Equal(former, On(former, LastDayOf63));
        Assert.Equal(successor, On(former, FirstDayOf34));
        Assert.Contains(former, NamesCountedAs(successor, FirstDayOf34));
        Assert.DoesNotContain(former, NamesCountedAs(successor, LastDayOf63));
        Assert.Equal([former], NamesCountedAs(former, LastDayOf63));
    }

    [Fact]
    public void Every_name_resolves_to_itself()
    {
        Assert.All(Names, name => Assert.Equal(name, Canonical(name)));
        Assert.All(Names, name => Assert.Equal(name, Canonical(name.Normalize(NormalizationForm.FormD))));
        Assert.All(Names, name => Assert.Equal(name, Canonical(name.ToUpperInvariant())));
        Assert.All(Names, name => Assert.Equal(name, Canonical("Tỉnh " + name)));
    }

    [Fact]
    public void Thua_Thien_Hue_became_the_city_of_Hue_on_1_January_2025()
    {
        Assert.True(IsValidOn("Thừa Thiên Huế", new DateOnly(2024, 12, 31)));
        Assert.False(IsValidOn("Thừa Thiên Huế", new DateOnly(2025, 1, 1)));
        Assert.False(IsValidOn("Huế", new DateOnly(2024, 12, 31)));
        Assert.True(IsValidOn("Huế", new DateOnly(2025, 1, 1)));
        Assert.True(IsValidOn("Huế", FirstDayOf34));
        Assert.Equal("Huế", On("Thừa Thiên Huế", new DateOnly(2025, 3, 1)));
        Assert.Equal("Thừa Thiên Huế", On("Huế", new DateOnly(2020, 1, 1)));
        Assert.Equal(
            ["Huế", "Thừa Thiên Huế"], NamesCountedAs("Huế", new DateOnly(2025, 3, 1)).Order(StringComparer.Ordinal));
        Assert.Equal("Thừa Thiên Huế", Canonical("Thừa Thiên - Huế"));
        Assert.Equal("Huế", Canonical("Thành phố Huế"));
    }

    [Theory]
    [InlineData("tỉnh quảng trị", "Quảng Trị")]
    [InlineData("  TỈNH   Quảng  Trị ", "Quảng Trị")]
    [InlineData("Thành phố Hồ Chí Minh", "Hồ Chí Minh")]
    [InlineData("TP. Hồ Chí Minh", "Hồ Chí Minh")]
    [InlineData("TP.Hồ Chí Minh", "Hồ Chí Minh")]
    [InlineData("TP Hồ Chí Minh", "Hồ Chí Minh")]
    [InlineData("Khánh Hoà", "Khánh Hòa")]
    [InlineData("Thanh Hoá", "Thanh Hóa")]
    [InlineData("Hoà Bình", "Hòa Bình")]
    [InlineData("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu")]
    [InlineData("Đăk Lăk", "Đắk Lắk")]
    [InlineData("\uFEFFKon Tum", "Kon Tum")]
    [InlineData("Quảng\u00A0Trị", "Quảng Trị")]
    [InlineData("Quảng\u200B Trị\u00AD", "Quảng Trị")]
    public void Common_variants_resolve_to_the_canonical_name(string variant, string canonical) =>
        Assert.Equal(canonical, Canonical(variant));

    [Theory]
    [InlineData("Quang Tri")]
    [InlineData("Quảng Tri")]
    [InlineData("Tỉnh")]
    [InlineData("Hà Tây")]
    [InlineData("")]
    public void Other_names_are_no_province(string name) => Assert.Null(Canonical(name));

    [Fact]
    public void Closest_names_the_nearest_provinces_of_the_date()
    {
        Assert.Equal("Quảng Trị", Closest("Quảng Tri", new DateOnly(2026, 3, 1))[0]);
        Assert.Equal("Quảng Bình", Closest("Quang Binh", new DateOnly(2020, 1, 1), 1)[0]);
        Assert.DoesNotContain("Quảng Bình", Closest("Quang Binh", new DateOnly(2026, 1, 1)));
        Assert.Equal("Quảng Bình", Closest("Quang Binh", 1)[0]);
    }

    [Fact]
    public void Problems_say_what_to_write_instead()
    {
        Assert.Null(Problem("tỉnh quảng trị", new DateOnly(2026, 3, 1)));
        Assert.StartsWith("Not a province on 2026-03-01; did you mean \"Quảng Trị\"",
            Problem("Quảng Tri", new DateOnly(2026, 3, 1)));
        Assert.Equal("Not a province on 2026-01-01: \"Quảng Bình\" became part of \"Quảng Trị\" on 2025-07-01.",
            Problem("Quảng Bình", new DateOnly(2026, 1, 1)));
        Assert.Equal("Not a province on 2025-03-01: \"Thừa Thiên Huế\" became \"Huế\" on 2025-01-01.",
            Problem("Thừa Thiên Huế", new DateOnly(2025, 3, 1)));
        Assert.Equal("Not a province on 2020-01-01: \"Huế\" is one from 2025-01-01; on that date it was "
            + "\"Thừa Thiên Huế\".", Problem("Huế", new DateOnly(2020, 1, 1)));
        Assert.Null(Problem("Quảng Bình"));
        Assert.StartsWith("Not a province; did you mean \"Quảng Bình\"", Problem("Quang Bnh"));
    }

    private static readonly Arbitrary<DateOnly> Dates = Gen.Choose(0, 365 * 40)
        .Select(days => new DateOnly(2000, 1, 1).AddDays(days)).ToArbitrary();

    private static readonly Arbitrary<string> StoredNames = Gen.Elements(Names.ToArray()).ToArbitrary();

    private static readonly Arbitrary<string> Anything = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
        Gen.Elements(Names.ToArray()).Select(n => n[..^1])).ToArbitrary();

    [Property]
    public Property A_unit_of_any_province_belongs_to_one_valid_on_the_date() =>
        Prop.ForAll(StoredNames, Dates, (name, date) => IsValidOn(On(name, date), date));

    [Property]
    public Property A_valid_province_is_its_own() =>
        Prop.ForAll(StoredNames, Dates, (name, date) => !IsValidOn(name, date) || On(name, date) == name);

    [Property]
    public Property Every_name_counts_under_the_province_it_belongs_to() =>
        Prop.ForAll(StoredNames, Dates, (name, date) =>
            NamesCountedAs(On(name, date), date).Contains(name)
            && NamesCountedAs(On(name, date), date).All(n => On(n, date) == On(name, date)));

    [Property]
    public Property Closest_names_only_provinces_valid_on_the_date() =>
        Prop.ForAll(Anything, Dates, (name, date) =>
            Closest(name, date) is var closest && closest.Count == 3 && closest.All(n => IsValidOn(n, date)));

    [Property]
    public Property Canonical_names_are_stored_names_and_stable() =>
        Prop.ForAll(Anything, name =>
            Canonical(name) is not { } canonical || (Names.Contains(canonical) && Canonical(canonical) == canonical));

    [Property]
    public Property A_problem_exactly_when_not_valid() =>
        Prop.ForAll(Anything, Dates, (name, date) => (Problem(name, date) is null) == IsValidOn(name, date));
}
