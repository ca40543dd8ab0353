using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

/// <summary>The district level ended on 1 July 2025 and communes report to the province directly since: as of a day
/// from then a unit is in no district, the one it was in before is its former district, a unit that ended earlier
/// keeps its district in its history, and nothing dated from then places a unit in a district.</summary>
public class DistrictLevelEndTests
{
    private static readonly DateOnly End = Levels.DistrictLevelEndedOn;
    private static readonly DateOnly LastDay = End.AddDays(-1);

    private static UnitRegistered Commune(
        string code, DateOnly on, string? district = "Hải Lăng", bool dated = true) =>
        new(code, $"UBND Xã {code}", UnitLevel.Commune, "Quảng Trị", district, null, on, dated);

    private static Unit Replay(params object[] events) => UnitDecider.Replay(events)!;

    [Fact]
    public void A_commune_that_outlived_its_district_is_in_none_from_the_level_s_end_and_keeps_it_as_former()
    {
        var unit = Replay(Commune("QT-A", new DateOnly(2016, 1, 1)),
            new UnitTransferred(new DateOnly(2020, 1, 1), null, "Triệu Phong", "QĐ 1", "R1"));

        Assert.Equal("Hải Lăng", unit.DistrictOn(new DateOnly(2019, 12, 31)));
        Assert.Equal(("Triệu Phong", null), (unit.DistrictOn(LastDay), unit.FormerDistrictOn(LastDay)));
        foreach (var day in new[] { End, new DateOnly(2026, 1, 1), DateOnly.MaxValue })
        {
            Assert.Null(unit.DistrictOn(day));
            Assert.Equal("Triệu Phong", unit.FormerDistrictOn(day));
            Assert.Equal("Triệu Phong", unit.LastDistrictOn(day));
        }
        // The stored district, which lists filter on, is the last one it was in.
        Assert.Equal("Triệu Phong", unit.District);
    }

    [Fact]
    public void A_unit_that_ended_on_or_before_the_level_s_end_keeps_its_district_as_of_any_later_day()
    {
        var mergedThatDay = Replay(Commune("QT-M", new DateOnly(2016, 1, 1)), new UnitMerged(End, "QT-N", "NQ", "R"));
        var mergedIn2020 = Replay(Commune("QT-E", new DateOnly(2016, 1, 1)),
            new UnitMerged(new DateOnly(2020, 1, 1), "QT-N", "NQ", "R"));
        var district = Replay(new UnitRegistered("QT-HUYEN-HL", "UBND Huyện Hải Lăng", UnitLevel.District,
            "Quảng Trị", "Hải Lăng", null, new DateOnly(2010, 1, 1)));

        foreach (var unit in new[] { mergedThatDay, mergedIn2020, district })
        {
            foreach (var day in new[] { End, new DateOnly(2025, 12, 31), DateOnly.MaxValue })
                Assert.Equal(("Hải Lăng", null), (unit.DistrictOn(day), unit.FormerDistrictOn(day)));
        }
    }

    [Fact]
    public void A_registration_dated_from_the_level_s_end_names_no_district_unless_its_establishment_date_is_unknown()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Equal(Rules.DistrictAfterLevelEnded,
            Assert.IsType<Rejected>(ToRegister(Commune("QT-D", End)).Decide(null, today)).Broken);
        Assert.IsType<Accepted>(ToRegister(Commune("QT-D", End, district: null)).Decide(null, today));
        Assert.IsType<Accepted>(ToRegister(Commune("QT-D", LastDay)).Decide(null, today));

        // Recorded today without its establishment date, it may have existed before: the district is the one it was
        // in until the level ended.
        var undated = Assert.IsType<Accepted>(ToRegister(Commune("QT-U", today, dated: false)).Decide(null, today));
        var unit = Replay([.. undated.Events]);
        Assert.Equal(("Hải Lăng", null), (unit.DistrictOn(new DateOnly(2024, 1, 1)), unit.FormerDistrictOn(LastDay)));
        Assert.Equal(((string?)null, "Hải Lăng"), (unit.DistrictOn(today), unit.FormerDistrictOn(today)));
    }

    private static RegisterUnit ToRegister(UnitRegistered e) =>
        new(e.Code, e.Name, e.Level, e.Province, e.District, e.ParentCode, e.RegisteredOn, e.EstablishmentDated);

    [Fact]
    public void A_restructuring_from_the_level_s_end_places_no_unit_in_a_district()
    {
        var units = new Dictionary<string, Unit?>
        {
            ["QT-A"] = Replay(Commune("QT-A", new DateOnly(2016, 1, 1))),
            ["QT-B"] = Replay(Commune("QT-B", new DateOnly(2016, 1, 1))),
            ["QT-N"] = null,
        };
        RestructuringDecision Decide(DateOnly on, params RestructuringPart[] parts) =>
            new RestructureUnits("R", "NQ", on, parts).Decide(units, new DateOnly(2026, 11, 23));
        RestructuringPart Transfer(string? district) =>
            new(RestructuringKind.Transfer, ["QT-A"], [], Province: "Hà Tĩnh", District: district);
        RestructuringPart Merge(string? district) => new(RestructuringKind.Merge, ["QT-A", "QT-B"],
            [new NewUnit("QT-N", "UBND Xã N", UnitLevel.Commune, "Quảng Trị", district, null)]);

        foreach (var (part, unit) in new[] { (Transfer("Triệu Phong"), "QT-A"), (Merge("Hải Lăng"), "QT-N") })
        {
            var rejected = Assert.IsType<RestructuringRejected>(Decide(End, part));
            Assert.Equal((Rules.DistrictAfterLevelEnded, unit), (rejected.Broken, rejected.Unit));
            Assert.IsType<RestructuringAccepted>(Decide(LastDay, part));
        }
        Assert.IsType<RestructuringAccepted>(Decide(End, Transfer(null)));
        Assert.IsType<RestructuringAccepted>(Decide(End, Merge(null)));
    }

    private static ReportRow Row(string? district, DateOnly on) =>
        new("Quảng Trị", "QT-A", "UBND Xã QT-A", UnitLevel.Commune, district, null, on.Year, on,
            Declared: false, null, null, false, false, false, false, false, false, ReportSubmitted: true, null);

    [Fact]
    public void A_report_row_dated_after_the_level_s_end_names_the_district_the_unit_was_in_before()
    {
        var unit = Replay(Commune("QT-A", new DateOnly(2016, 1, 1)));
        var after = new DateOnly(2025, 11, 15);

        Assert.Null(ReportRowDecider.Contradiction(unit, Row("Huyện Hải Lăng", after), Book));
        Assert.Null(ReportRowDecider.Contradiction(unit, Row(null, after), Book));
        var other = ReportRowDecider.Contradiction(unit, Row("Triệu Phong", after), Book);
        Assert.Equal("district", other?.Column);
        Assert.Contains("until the district level ended on 2025-07-01", other?.Message);

        // A unit first listed by such a row is placed in that district until the level ended: an earlier year's row
        // of the same district agrees with it, another contradicts it.
        var listed = Replay([.. Assert.IsType<Accepted>(ReportRowDecider.Decide(null, Row("Hải Lăng", after), Today,
            Book)).Events]);
        Assert.Equal("Hải Lăng", listed.DistrictOn(new DateOnly(2024, 11, 15)));
        Assert.Equal(((string?)null, "Hải Lăng"), (listed.DistrictOn(after), listed.FormerDistrictOn(after)));
        Assert.Null(ReportRowDecider.Contradiction(listed, Row("Hải Lăng", new DateOnly(2024, 11, 15)), Book));
        Assert.Equal("district",
            ReportRowDecider.Contradiction(listed, Row("Triệu Phong", new DateOnly(2024, 11, 15)), Book)?.Column);
    }
}
