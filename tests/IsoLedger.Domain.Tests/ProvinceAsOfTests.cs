using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Provinces.Provinces;

namespace IsoLedger.Domain.Tests;

/// <summary>A unit's province as of a date is the province of that date: the one it was recorded in (or transferred
/// to), or what that had become by then (Resolution 202/2025/QH15 merged Quảng Bình into Quảng Trị from 1 July 2025;
/// Thừa Thiên Huế became Huế on 1 January 2025), with the recorded one as its former province; a unit that ended is
/// placed as on its last day.</summary>
public class ProvinceAsOfTests
{
    private static Unit Replay(params object[] events) => UnitDecider.Replay(events)!;

    private static UnitRegistered Department(string code, string province, DateOnly on) =>
        new(code, $"Sở {code}", UnitLevel.Department, province, null, null, on);

    private static (string, string?) Placed(Unit unit, DateOnly day) =>
        (unit.ProvinceOn(day), unit.FormerProvinceOn(day));

    [Fact]
    public void A_Quang_Binh_unit_is_in_Quang_Tri_from_1_July_2025_and_names_Quang_Binh_as_its_former_province()
    {
        var unit = Replay(Department("QB-NV", "Quảng Bình", new DateOnly(2015, 1, 1)));

        Assert.Equal(("Quảng Bình", null), Placed(unit, new DateOnly(2024, 1, 1)));
        Assert.Equal(("Quảng Bình", null), Placed(unit, new DateOnly(2025, 6, 30)));
        Assert.Equal(("Quảng Trị", "Quảng Bình"), Placed(unit, new DateOnly(2025, 7, 1)));
        Assert.Equal(("Quảng Trị", "Quảng Bình"), Placed(unit, new DateOnly(2026, 1, 1)));
        // The fact stays as recorded.
        Assert.Equal("Quảng Bình", unit.Province);
        Assert.Equal("Quảng Bình", unit.RecordedProvinceOn(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_Thua_Thien_Hue_unit_is_in_Hue_from_1_January_2025()
    {
        var unit = Replay(Department("TTH-NV", "Thừa Thiên Huế", new DateOnly(2015, 1, 1)));

        Assert.Equal(("Thừa Thiên Huế", null), Placed(unit, new DateOnly(2024, 12, 31)));
        Assert.Equal(("Huế", "Thừa Thiên Huế"), Placed(unit, new DateOnly(2025, 1, 1)));
        Assert.Equal(("Huế", "Thừa Thiên Huế"), Placed(unit, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_unit_that_ended_before_its_province_did_keeps_it_as_of_any_later_day()
    {
        var dissolved = Replay(Department("QB-OLD", "Quảng Bình", new DateOnly(2015, 1, 1)),
            new UnitDissolved(new DateOnly(2020, 1, 1), "QĐ 1", "R1"));
        var districtBody = Replay(new UnitRegistered("QB-HUYEN", "UBND Huyện Bố Trạch", UnitLevel.District,
            "Quảng Bình", null, null, new DateOnly(2010, 1, 1)));
        var mergedThatDay = Replay(Department("QB-M", "Quảng Bình", new DateOnly(2015, 1, 1)),
            new UnitMerged(Reorganised, "QT-M", "NQ", "R2"));

        foreach (var unit in new[] { dissolved, districtBody, mergedThatDay })
            Assert.Equal(("Quảng Bình", null), Placed(unit, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_transfer_between_provinces_is_read_as_of_each_date()
    {
        var toQuangBinh = Replay(Department("HT-A", "Hà Tĩnh", new DateOnly(2015, 1, 1)),
            new UnitTransferred(new DateOnly(2020, 1, 1), "Quảng Bình", null, "QĐ 2", "R3"));
        var fromQuangBinh = Replay(Department("QB-A", "Quảng Bình", new DateOnly(2015, 1, 1)),
            new UnitTransferred(new DateOnly(2020, 1, 1), "Hà Tĩnh", null, "QĐ 3", "R4"));

        Assert.Equal(("Hà Tĩnh", null), Placed(toQuangBinh, new DateOnly(2019, 12, 31)));
        Assert.Equal(("Quảng Bình", null), Placed(toQuangBinh, new DateOnly(2024, 1, 1)));
        Assert.Equal(("Quảng Trị", "Quảng Bình"), Placed(toQuangBinh, new DateOnly(2026, 1, 1)));
        Assert.Equal(("Quảng Bình", null), Placed(fromQuangBinh, new DateOnly(2019, 12, 31)));
        Assert.Equal(("Hà Tĩnh", null), Placed(fromQuangBinh, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void The_former_provinces_of_a_province_began_to_count_under_it_on_one_day()
    {
        DateOnly[] days = [new(2024, 12, 31), HueBecameCity, new(2025, 6, 30), Reorganised, new(2030, 1, 1)];
        foreach (var day in days)
        {
            foreach (var province in Names.Where(name => IsValidOn(name, day)))
            {
                if (FormersCountedAs(province, day) is not var (formers, since)) continue;
                Assert.All(formers, name => Assert.Equal(since, Ending(name)!.Value.From));
                Assert.All(formers, name => Assert.Contains(name, NamesCountedAs(province, day)));
            }
        }
        var quangTri = FormersCountedAs("Quảng Trị", new DateOnly(2026, 1, 1));
        Assert.Equal(["Quảng Bình"], quangTri!.Value.Names);
        Assert.Equal(Reorganised, quangTri.Value.Since);
        Assert.Equal(HueBecameCity, FormersCountedAs("Huế", new DateOnly(2026, 1, 1))!.Value.Since);
        Assert.Null(FormersCountedAs("Quảng Trị", new DateOnly(2024, 1, 1)));
        Assert.Null(FormersCountedAs("Lạng Sơn", new DateOnly(2026, 1, 1)));
    }

    private static readonly DateOnly First = new(2000, 1, 1);
    private static readonly DateOnly Last = new(2035, 12, 31);

    private static readonly Gen<DateOnly> Days = Gen.Choose(First.DayNumber, Last.DayNumber)
        .Select(DateOnly.FromDayNumber);

    /// <summary>A day of <paramref name="period"/>, within the ledger's dates.</summary>
    private static Gen<DateOnly> DayOf(Domain.Provinces.Province period) =>
        Gen.Choose((period.ValidFrom ?? First).DayNumber, (period.ValidTo ?? Last).DayNumber)
            .Select(DateOnly.FromDayNumber);

    /// <summary>A unit recorded in a province of any period on a day it existed, perhaps transferred to another of
    /// the transfer's day, perhaps dissolved, with a day to ask about.</summary>
    private static readonly Arbitrary<(Unit Unit, DateOnly AsOf)> Cases =
        (from registeredIn in Gen.Elements(All.ToArray())
         from registeredOn in DayOf(registeredIn)
         from movedIn in Gen.Elements(All.ToArray())
         from movedOn in DayOf(movedIn)
         from moves in Gen.Elements(true, false)
         from endsAfter in Gen.Choose(1, 8000)
         from ends in Gen.Elements(true, false)
         from asOf in Days
         let transfer = moves && movedOn > registeredOn
         let facts = new object?[]
         {
             new UnitRegistered("P-1", "Sở P-1", UnitLevel.Department, registeredIn.Name, null, null, registeredOn),
             transfer ? new UnitTransferred(movedOn, movedIn.Name, null, "QĐ", "R") : null,
             ends ? new UnitDissolved((transfer ? movedOn : registeredOn).AddDays(endsAfter), "QĐ", "R2") : null,
         }
         select (Replay([.. facts.OfType<object>()]), asOf)).ToArbitrary();

    /// <summary>The day a unit is placed as on <paramref name="asOf"/>: that day, or its last day once it had ended.
    /// </summary>
    private static DateOnly PlacedOn(Unit unit, DateOnly asOf) =>
        unit.EndedOn is { } ended && ended <= asOf ? ended.AddDays(-1) : asOf;

    [Property(MaxTest = 1000)]
    public Property The_province_given_is_one_on_the_day_and_counts_the_recorded_one() =>
        Prop.ForAll(Cases, c =>
        {
            var day = PlacedOn(c.Unit, c.AsOf);
            var province = c.Unit.ProvinceOn(c.AsOf);
            var recorded = c.Unit.RecordedProvinceOn(day);
            return IsValidOn(province, day)
                // Every dashboard of the province on that day counts the unit where the answer places it.
                && NamesCountedAs(province, day).Contains(recorded)
                && c.Unit.FormerProvinceOn(c.AsOf) == (IsValidOn(recorded, day) ? null : recorded);
        });
}
