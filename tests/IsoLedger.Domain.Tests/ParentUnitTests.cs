using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>A parent is a department that is registered, exists on the fact's date and counts in the same province:
/// before these checks any code was taken (a commune "under" QT-NOPE), and the dashboards and exports named parents
/// that were not there.</summary>
public class ParentUnitTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly On = new(2020, 6, 1);
    private static readonly DateOnly Reorganised = new(2025, 7, 1);

    private static Unit Department(
        string code = "QT-SO-NN", string province = "Quảng Trị", DateOnly? registeredOn = null,
        UnitLevel level = UnitLevel.Department, params object[] facts) =>
        UnitDecider.Replay(
        [
            new UnitRegistered(code, $"Sở {code}", level, province, null, null, registeredOn ?? new(2010, 1, 1)),
            .. facts,
        ])!;

    private static Rule? Check(Unit? parent, DateOnly? on = null, string province = "Quảng Trị") =>
        ParentUnits.Check(UnitLevel.SubDepartment, province, on ?? On, parent);

    [Fact]
    public void A_sub_department_s_department_existing_in_its_province_is_its_parent() =>
        Assert.Null(Check(Department()));

    [Theory]
    [InlineData(UnitLevel.Department)]
    [InlineData(UnitLevel.District)]
    [InlineData(UnitLevel.Commune)]
    public void Only_a_sub_department_has_a_parent(UnitLevel level) =>
        Assert.Equal(Rules.ParentLevel, ParentUnits.Check(level, "Quảng Trị", On, Department()));

    [Theory]
    [InlineData(UnitLevel.SubDepartment)]
    [InlineData(UnitLevel.District)]
    [InlineData(UnitLevel.Commune)]
    public void A_parent_is_a_department(UnitLevel level) =>
        Assert.Equal(Rules.ParentLevel, Check(Department(level: level)));

    [Fact]
    public void A_code_registered_to_no_unit_is_no_parent() => Assert.Equal(Rules.ParentNotExisting, Check(null));

    [Fact]
    public void A_department_established_after_the_date_was_no_parent_then()
    {
        var later = Department(registeredOn: On.AddDays(1));

        Assert.Equal(Rules.ParentNotExisting, Check(later));
        Assert.Null(Check(later, On.AddDays(1)));
    }

    /// <summary>History is back-filled in any order: a department registered without its establishment date (as an
    /// import registers it) may well have existed before its earliest recorded fact.</summary>
    [Fact]
    public void A_department_without_an_establishment_date_is_judged_by_its_end_only()
    {
        var undated = UnitDecider.Replay(
        [
            new UnitRegistered("QT-SO-NN", "Sở NN", UnitLevel.Department, "Quảng Trị", null, null, Today,
                EstablishmentDated: false),
            new InternalAuditHeld(new DateOnly(2022, 5, 1), null, null),
            new UnitMerged(Reorganised, "QT-SO-NNMT", "Q/1", "R1"),
        ])!;

        Assert.Null(Check(undated, new DateOnly(2015, 1, 1)));
        Assert.Null(Check(undated, Reorganised.AddDays(-1)));
        Assert.Equal(Rules.ParentNotExisting, Check(undated, Reorganised));
    }

    [Fact]
    public void A_department_merged_split_or_dissolved_is_no_parent_from_that_day()
    {
        var merged = Department(facts: new UnitMerged(Reorganised, "QT-SO-NNMT", "Q/1", "R1"));
        var split = Department(facts: new UnitSplit(Reorganised, ["QT-SO-A", "QT-SO-B"], "Q/1", "R1"));
        var dissolved = Department(facts: new UnitDissolved(Reorganised, "Q/1", "R1"));

        foreach (var ended in new[] { merged, split, dissolved })
        {
            Assert.Null(Check(ended, Reorganised.AddDays(-1)));
            Assert.Equal(Rules.ParentNotExisting, Check(ended, Reorganised));
        }
    }

    [Fact]
    public void A_department_of_another_province_is_no_parent()
    {
        Assert.Equal(Rules.ParentInOtherProvince, Check(Department(province: "Quảng Bình")));
        Assert.Equal(Rules.ParentInOtherProvince, Check(Department(), province: "Hà Nội"));
    }

    /// <summary>From 1 July 2025 Quảng Bình's units count under Quảng Trị: its departments may be the parents of
    /// Quảng Trị's sub-departments (and the other way round), not before.</summary>
    [Fact]
    public void A_department_of_a_province_merged_into_the_unit_s_counts_as_its_province_from_the_merger()
    {
        var quangBinh = Department(province: "Quảng Bình");

        Assert.Equal(Rules.ParentInOtherProvince, Check(quangBinh, Reorganised.AddDays(-1)));
        Assert.Null(Check(quangBinh, Reorganised));
        Assert.Null(Check(Department(), Reorganised, province: "Quảng Bình"));
    }

    [Fact]
    public void A_department_transferred_to_another_province_is_judged_where_it_was_on_the_date()
    {
        var moved = Department(facts: new UnitTransferred(new DateOnly(2021, 1, 1), "Hà Nội", null, "Q/2", "R2"));

        Assert.Null(Check(moved, new DateOnly(2020, 12, 31)));
        Assert.Equal(Rules.ParentInOtherProvince, Check(moved, new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void Every_level_but_a_sub_department_refuses_a_parent_in_words_naming_the_levels()
    {
        Assert.True(ParentUnits.TakesParent(UnitLevel.SubDepartment));
        Assert.Equal(
            "A commune has no parent unit: only a sub-department has one, its department.",
            ParentUnits.NotTakenBy(UnitLevel.Commune));
    }
}

/// <summary>A registration names a parent it may have on its establishment date.</summary>
public class RegisterUnitParentTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Unit Department = UnitDecider.Replay(
    [
        new UnitRegistered("QT-SO-NN", "Sở NN&PTNT", UnitLevel.Department, "Quảng Trị", null, null,
            new DateOnly(2010, 1, 1)),
    ])!;

    private static RegisterUnit KiemLam(string? parentCode, DateOnly? on = null) =>
        new("QT-CC-KL", "Chi cục Kiểm lâm", UnitLevel.SubDepartment, "Quảng Trị", null, parentCode,
            on ?? new DateOnly(2015, 1, 1));

    [Fact]
    public void A_sub_department_is_registered_under_its_department()
    {
        var accepted = Assert.IsType<Accepted>(KiemLam("QT-SO-NN").Decide(null, Today, Department));

        Assert.Equal("QT-SO-NN", Assert.IsType<UnitRegistered>(Assert.Single(accepted.Events)).ParentCode);
    }

    [Fact]
    public void A_parent_that_is_not_registered_is_refused() =>
        Assert.Equal(Rules.ParentNotExisting,
            Assert.IsType<Rejected>(KiemLam("QT-NOPE").Decide(null, Today, parent: null)).Broken);

    [Fact]
    public void A_parent_is_judged_on_the_registration_s_date() =>
        Assert.Equal(Rules.ParentNotExisting, Assert.IsType<Rejected>(
            KiemLam("QT-SO-NN", new DateOnly(2009, 12, 31)).Decide(null, Today, Department)).Broken);

    [Fact]
    public void Without_a_parent_nothing_is_looked_up() =>
        Assert.IsType<Accepted>(KiemLam(null).Decide(null, Today, parent: null));

    [Fact]
    public void A_code_already_registered_is_refused_before_its_parent_is_judged()
    {
        var existing = UnitDecider.Replay([((Accepted)KiemLam("QT-SO-NN").Decide(null, Today, Department)).Events[0]]);

        Assert.Equal(Rules.UnitAlreadyRegistered,
            Assert.IsType<Rejected>(KiemLam("QT-NOPE").Decide(existing, Today, parent: null)).Broken);
    }

    [Fact]
    public void A_commune_under_a_department_is_refused() =>
        Assert.Equal(Rules.ParentLevel, Assert.IsType<Rejected>(
            new RegisterUnit("QT-XA-GC", "UBND Xã Gia Cát", UnitLevel.Commune, "Quảng Trị", "Hải Lăng", "QT-SO-NN",
                new DateOnly(2015, 1, 1)).Decide(null, Today, Department)).Broken);
}
