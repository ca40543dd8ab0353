using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>A unit exists from its establishment date (or, when that is unknown, its earliest recorded fact) until it
/// is merged, split, dissolved or its level ended; facts outside that span are rejected, and its name, province and
/// district are those of the date asked about.</summary>
public class ExistenceRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly RuleBook Book = ShippedRuleBook.Table;
    private static readonly DateOnly Effective = new(2025, 7, 1);

    private static UnitRegistered Registered(DateOnly on, bool dated = true, UnitLevel level = UnitLevel.Commune) =>
        new("QT-XA-GIACAT", "UBND Xã Gia Cát", level, "Quảng Trị", "Hải Lăng", null, on, dated);

    private static Decision Audit(DateOnly on, params object[] events) =>
        UnitDecider.Decide(UnitDecider.Replay(events), new HoldInternalAudit(on, null, null), Today, Book);

    private static void Accepts(DateOnly on, params object[] events) => Assert.IsType<Accepted>(Audit(on, events));

    private static void Rejects(Rule rule, DateOnly on, params object[] events) =>
        Assert.Equal(rule.Id, Assert.IsType<Rejected>(Audit(on, events)).Broken.Id);

    [Fact]
    public void An_undated_registration_exists_from_its_earliest_fact_whatever_order_facts_are_back_filled_in()
    {
        var registered = Registered(new DateOnly(2026, 11, 1), dated: false);
        var unit = UnitDecider.Replay([
            registered,
            new InternalAuditHeld(new DateOnly(2013, 6, 10), null, null),
            new SteeringBoardFormed(new DateOnly(2011, 3, 1), 14, "Chủ tịch UBND xã", null, false),
            new ManagementReviewHeld(new DateOnly(2012, 7, 10), null),
        ])!;

        Assert.Equal(new DateOnly(2011, 3, 1), unit.ExistsFrom);
        Assert.False(unit.ExistsOn(new DateOnly(2011, 2, 28)));
        Assert.True(unit.ExistsOn(new DateOnly(2011, 3, 1)));
        Assert.True(unit.ExistsOn(new DateOnly(2015, 1, 1)));
        Assert.Null(unit.EndedOn);
        // Earlier facts still come: the unit then exists from them.
        Accepts(new DateOnly(2010, 5, 1), registered);
        Accepts(new DateOnly(2010, 5, 1), registered,
            new SteeringBoardFormed(new DateOnly(2011, 3, 1), 14, null, null, false));
        var backFilled = UnitDecider.Replay(
        [
            registered,
            new InternalAuditHeld(new DateOnly(2013, 6, 10), null, null),
            new InternalAuditHeld(new DateOnly(2010, 5, 1), null, null),
        ])!;
        Assert.Equal(new DateOnly(2010, 5, 1), backFilled.ExistsFrom);
    }

    [Fact]
    public void An_undated_registration_without_facts_exists_from_the_day_it_was_recorded()
    {
        var unit = UnitDecider.Replay([Registered(new DateOnly(2026, 11, 1), dated: false)])!;
        Assert.Equal(new DateOnly(2026, 11, 1), unit.ExistsFrom);
        Assert.False(unit.EstablishmentDated);
    }

    [Fact]
    public void A_dated_registration_rejects_facts_before_its_establishment()
    {
        var registered = Registered(new DateOnly(2015, 1, 1));
        Rejects(Rules.FactBeforeEstablishment, new DateOnly(2014, 12, 31), registered);
        Accepts(new DateOnly(2015, 1, 1), registered);
        Assert.Equal(new DateOnly(2015, 1, 1), UnitDecider.Replay([registered])!.ExistsFrom);
    }

    [Fact]
    public void A_merged_or_split_unit_rejects_facts_from_the_effective_date_and_takes_those_of_its_last_day()
    {
        // Its last day is the one before the effective date, as for every dashboard (ExistsOn) and a district.
        var registered = Registered(new DateOnly(2015, 1, 1));
        foreach (var ended in new object[]
                 {
                     new UnitMerged(Effective, "QT-N"), new UnitSplit(Effective, ["QT-N1", "QT-N2"], null, null),
                 })
        {
            Rejects(Rules.UnitMerged, Effective.AddDays(1), registered, ended);
            Rejects(Rules.UnitMerged, Effective, registered, ended);
            Accepts(Effective.AddDays(-1), registered, ended);

            var unit = UnitDecider.Replay([registered, ended])!;
            Assert.Equal(Effective, unit.EndedOn);
            Assert.True(unit.ExistsOn(Effective.AddDays(-1)));
            Assert.False(unit.ExistsOn(Effective));
        }
    }

    [Fact]
    public void A_dissolved_unit_rejects_facts_from_its_dissolution_on()
    {
        var registered = Registered(new DateOnly(2015, 1, 1));
        var dissolved = new UnitDissolved(Effective, "QĐ 1", null);
        Rejects(Rules.UnitDissolved, Effective.AddDays(1), registered, dissolved);
        Rejects(Rules.UnitDissolved, Effective, registered, dissolved);
        Accepts(Effective.AddDays(-1), registered, dissolved);
        Assert.Equal(Effective, UnitDecider.Replay([registered, dissolved])!.EndedOn);
    }

    /// <summary>The sentence a 409 gives is what the secretary reads: "nothing dated after its dissolution" let a fact
    /// dated on the effective day itself look recordable.</summary>
    [Fact]
    public void The_end_of_a_unit_is_said_to_refuse_facts_of_its_effective_day_too()
    {
        foreach (var rule in new[] { Rules.UnitMerged, Rules.UnitDissolved })
        {
            Assert.Contains("on or after the day", rule.Sentence);
            Assert.Contains("từ ngày", rule.SentenceVi);
        }
    }

    [Fact]
    public void A_district_unit_rejects_facts_from_the_day_the_district_level_ended()
    {
        var registered = Registered(new DateOnly(2010, 1, 1), level: UnitLevel.District);
        Rejects(Rules.LevelEnded, Effective, registered);
        Rejects(Rules.LevelEnded, new DateOnly(2026, 1, 1), registered);
        Accepts(Effective.AddDays(-1), registered);

        var unit = UnitDecider.Replay([registered])!;
        Assert.Equal(Levels.DistrictLevelEndedOn, unit.EndedOn);
        Assert.True(unit.ExistsOn(Effective.AddDays(-1)));
        Assert.False(unit.ExistsOn(Effective));
    }

    [Fact]
    public void A_district_unit_cannot_be_registered_on_or_after_the_end_of_its_level()
    {
        RegisterUnit District(DateOnly on, bool dated = true) =>
            new("QT-HUYEN-MOI", "UBND Huyện Mới", UnitLevel.District, "Quảng Trị", null, null, on, dated);

        Assert.Equal(Rules.LevelEnded, Assert.IsType<Rejected>(District(Effective).Decide(null, Today)).Broken);
        Assert.Equal(Rules.LevelEnded,
            Assert.IsType<Rejected>(District(Today, dated: false).Decide(null, Today)).Broken);
        Assert.IsType<Accepted>(District(Effective.AddDays(-1)).Decide(null, Today));
    }

    [Fact]
    public void Name_province_and_district_are_those_of_the_date_asked_whatever_order_the_changes_were_recorded_in()
    {
        var unit = UnitDecider.Replay([
            Registered(new DateOnly(2015, 1, 1)),
            new UnitRenamed(Effective, "UBND Xã Hải Định", "1680/NQ-UBTVQH15", "R2"),
            new UnitTransferred(Effective.AddDays(-1), null, "Triệu Phong", null, "R2"),
            new UnitRenamed(new DateOnly(2020, 1, 1), "UBND Xã Gia Cát Mới", "QĐ 12", "R1"),
            new UnitTransferred(new DateOnly(2020, 1, 1), "Quảng Bình", "Lệ Thủy", null, "R1"),
        ])!;

        Assert.Equal("UBND Xã Gia Cát", unit.NameOn(new DateOnly(2019, 12, 31)));
        Assert.Equal("UBND Xã Gia Cát Mới", unit.NameOn(new DateOnly(2020, 1, 1)));
        Assert.Equal("UBND Xã Gia Cát Mới", unit.NameOn(Effective.AddDays(-1)));
        Assert.Equal("UBND Xã Hải Định", unit.NameOn(Effective));
        Assert.Equal("UBND Xã Hải Định", unit.Name);

        Assert.Equal("Hải Lăng", unit.DistrictOn(new DateOnly(2019, 12, 31)));
        Assert.Equal("Lệ Thủy", unit.DistrictOn(new DateOnly(2020, 1, 1)));
        Assert.Equal("Triệu Phong", unit.DistrictOn(Effective.AddDays(-1)));
        // From the day the district level ended the unit is in none; the last one it was in tells it apart.
        Assert.Equal(((string?)null, "Triệu Phong"), (unit.DistrictOn(Effective), unit.FormerDistrictOn(Effective)));
        Assert.Equal("Triệu Phong", unit.District);
        // The later transfer named no province: the province stays that of the earlier one, which became part of
        // Quảng Trị on 1 July 2025.
        Assert.Equal("Quảng Trị", unit.ProvinceOn(new DateOnly(2019, 12, 31)));
        Assert.Equal("Quảng Bình", unit.ProvinceOn(Effective.AddDays(-1)));
        Assert.Equal(("Quảng Trị", "Quảng Bình"), (unit.ProvinceOn(Effective), unit.FormerProvinceOn(Effective)));
        Assert.Equal("Quảng Bình", unit.RecordedProvinceOn(Effective));
        Assert.Equal("Quảng Bình", unit.Province);
    }

    /// <summary>A fact outside the unit's existence is refused saying its day and the bound it crossed.</summary>
    [Fact]
    public void A_refusal_for_a_fact_outside_the_unit_s_existence_names_the_days()
    {
        var established = Registered(new DateOnly(2016, 1, 1));
        var future = Assert.IsType<Rejected>(Audit(Today.AddDays(3), established));
        Assert.Contains($"dated {Today.AddDays(3):yyyy-MM-dd}; today is {Today:yyyy-MM-dd}", future.Detail);
        var early = Assert.IsType<Rejected>(Audit(new DateOnly(2015, 6, 1), established));
        Assert.Contains("dated 2015-06-01; the unit was established on 2016-01-01", early.Detail);
        var merged = Assert.IsType<Rejected>(Audit(new DateOnly(2021, 3, 1), established,
            new UnitMerged(new DateOnly(2021, 1, 1), "QT-OTHER")));
        Assert.Contains("dated 2021-03-01; the unit ended on 2021-01-01", merged.Detail);
    }

    /// <summary>A commune the merge formed, from one with a system and one without.</summary>
    private static Unit Successor(params object[] facts) => UnitDecider.Replay([
        Registered(Effective),
        MergedFrom(new PredecessorStanding("QT-A", "UBND Xã A", true, "2015"),
            new PredecessorStanding("QT-B", "UBND Xã B", false, "none")),
        .. facts,
    ])!;

    private static UnitTookOver MergedFrom(params PredecessorStanding[] predecessors) =>
        new(Effective, RestructuringKind.Merge, predecessors, "1680/NQ-UBTVQH15", "R");

    private static IEnumerable<ComplianceFlag> SuccessorFlags(Unit unit, DateOnly asOf) =>
        Compliance.Flags(unit, asOf, Book).Where(f => f.Rule == Rules.SuccessorNotDeclared);

    [Fact]
    public void A_successor_without_a_declaration_of_its_own_is_flagged_once_12_months_have_passed()
    {
        var unit = Successor();
        Assert.Empty(SuccessorFlags(unit, Effective));
        Assert.Empty(SuccessorFlags(unit, new DateOnly(2026, 7, 1)));
        var flag = Assert.Single(SuccessorFlags(unit, new DateOnly(2026, 7, 2)));
        Assert.Equal(new DateOnly(2026, 7, 2), flag.Since);
        Assert.Single(SuccessorFlags(unit, new DateOnly(2027, 7, 1)));
    }

    /// <summary>The period is the rule book's: the entry in force on the effective date gives the months, and the flag
    /// cites it; where no entry was in force (before QĐ 118/2009 asked for a new declaration), nothing is
    /// owed.</summary>
    [Fact]
    public void A_successor_has_the_months_of_the_entry_in_force_on_its_effective_date()
    {
        var shorter = Book with
        {
            Obligations =
            [
                .. Book.Obligations.Select(o => o.Id == "successor-redeclares-2014"
                    ? o with { ValidTo = Effective.AddDays(-1) }
                    : o),
                new Obligation("successor-redeclares-2025", ObligationKind.SuccessorRedeclares, Effective, null,
                    "QĐ 1/2025/QĐ-UBND", "Điều 3", Months: 3),
            ],
        };
        var unit = Successor();
        IEnumerable<ComplianceFlag> Flags(DateOnly asOf) =>
            Compliance.Flags(unit, asOf, shorter).Where(f => f.Rule == Rules.SuccessorNotDeclared);

        Assert.Empty(Flags(new DateOnly(2025, 10, 1)));
        var flag = Assert.Single(Flags(new DateOnly(2025, 10, 2)));
        Assert.Equal((new DateOnly(2025, 10, 2), "successor-redeclares-2025"), (flag.Since, flag.Basis?.Id));
        Assert.Equal("successor-redeclares-2014", Assert.Single(SuccessorFlags(unit, Today)).Basis?.Id);

        var early = new DateOnly(2008, 7, 1);
        var formedEarly = UnitDecider.Replay([
            Registered(early),
            new UnitTookOver(early, RestructuringKind.Merge, [new PredecessorStanding("QT-A", "UBND Xã A", true,
                "2000")], "12/NQ-CP", "R"),
        ])!;
        Assert.Empty(SuccessorFlags(formedEarly, Today));
    }

    [Fact]
    public void A_declaration_on_or_after_the_effective_date_clears_the_successor_flag_from_its_date()
    {
        var declared = new DateOnly(2026, 9, 1);
        var unit = Successor(new ConformityDeclared(declared, Edition.Iso9001V2015, null, null, true));
        Assert.Single(SuccessorFlags(unit, declared.AddDays(-1)));
        Assert.Empty(SuccessorFlags(unit, declared));
        Assert.Empty(SuccessorFlags(
            Successor(new ConformityDeclared(Effective, Edition.Iso9001V2015, null, null, true)), Today));
    }

    [Fact]
    public void An_existing_unit_that_took_others_over_keeps_its_own_declaration()
    {
        var unit = UnitDecider.Replay([
            Registered(new DateOnly(2015, 1, 1)),
            new ConformityDeclared(new DateOnly(2016, 9, 1), Edition.Iso9001V2015, null, null, false),
            MergedFrom(new PredecessorStanding("QT-A", "UBND Xã A", true, "2015")),
        ])!;
        Assert.Null(unit.FormedBy);
        Assert.Empty(SuccessorFlags(unit, Today));
    }

    /// <summary>A predecessor's declaration and rename dated before the merge but recorded after it (a report
    /// back-filled) are where it stood that day: the successor judged with the predecessors as recorded now is
    /// flagged, and names it as it was named then, as one recorded in order would be.</summary>
    [Fact]
    public void A_predecessor_s_facts_back_filled_after_the_merge_are_where_it_stood_on_the_day()
    {
        var unit = UnitDecider.Replay([
            Registered(Effective),
            MergedFrom(new PredecessorStanding("QT-A", "UBND Xã A", false, "none")),
        ])!;
        Assert.Empty(SuccessorFlags(unit, Today));
        var predecessor = UnitDecider.Replay([
            new UnitRegistered("QT-A", "UBND Xã A", UnitLevel.Commune, "Quảng Trị", "Hải Lăng", null,
                new DateOnly(2015, 1, 1), true),
            new UnitMerged(Effective, "QT-XA-GIACAT", "1680/NQ-UBTVQH15", "R"),
            new ConformityDeclared(new DateOnly(2020, 5, 1), Edition.Iso9001V2015, null, null, false),
            new UnitRenamed(new DateOnly(2021, 1, 1), "UBND Xã A Mới", null, "R0"),
        ])!;

        var restated = unit.WithPredecessorsAsRecorded(code => code == "QT-A" ? predecessor : null);
        Assert.Equal(new PredecessorStanding("QT-A", "UBND Xã A Mới", true, "2015"),
            Assert.Single(restated.FormedBy!.Predecessors));
        Assert.Single(SuccessorFlags(restated, Today));
        // One not at hand keeps the standing the restructuring recorded.
        Assert.Equal(
            unit.TookOver[0].Predecessors, unit.WithPredecessorsAsRecorded(_ => null).TookOver[0].Predecessors);
    }

    [Fact]
    public void A_unit_formed_from_units_without_a_system_has_no_declaration_to_renew()
    {
        var unit = UnitDecider.Replay([
            Registered(Effective),
            MergedFrom(new PredecessorStanding("QT-A", "UBND Xã A", false, "none"),
                new PredecessorStanding("QT-B", "UBND Xã B", false, "none")),
        ])!;
        Assert.NotNull(unit.FormedBy);
        Assert.Empty(SuccessorFlags(unit, Today));
    }

    [Fact]
    public void Renames_transfers_and_dissolutions_make_no_successor_to_flag()
    {
        var unit = UnitDecider.Replay([
            Registered(new DateOnly(2015, 1, 1)),
            new UnitTookOver(Effective, RestructuringKind.Rename, [], null, "R"),
        ])!;
        Assert.Empty(SuccessorFlags(unit, Today));
    }
}
