using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>A restructuring decided on the states of every unit it names: the exact events of each unit, or the rule it
/// breaks and the unit that breaks it.</summary>
public class RestructuringRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Effective = new(2025, 7, 1);
    private const string Decision = "1680/NQ-UBTVQH15";
    private const string Id = "R-2025";

    private static UnitRegistered Registered(string code, UnitLevel level = UnitLevel.Commune, DateOnly? on = null) =>
        new(code, $"UBND {code}", level, "Quảng Trị", level == UnitLevel.Commune ? "Hải Lăng" : null, null,
            on ?? new DateOnly(2015, 1, 1));

    private static Unit Commune(string code, params object[] facts) =>
        UnitDecider.Replay([Registered(code), .. facts])!;

    private static Unit District(string code) => UnitDecider.Replay([Registered(code, UnitLevel.District)])!;

    /// <summary>A new unit, in no district: the district level ended on the effective date.</summary>
    private static NewUnit New(string code, UnitLevel level = UnitLevel.Commune) =>
        new(code, $"UBND Xã {code}", level, "Quảng Trị", null, null);

    private static RestructuringPart Merge(string[] from, NewUnit into) => new(RestructuringKind.Merge, from, [into]);
    private static RestructuringPart MergeInto(string[] from, string into) =>
        new(RestructuringKind.Merge, from, [], into);

    private static RestructureUnits On(DateOnly effective, params RestructuringPart[] parts) =>
        new(Id, Decision, effective, parts);

    /// <summary>Decides on the given states; every other code the restructuring names is not registered.</summary>
    private static RestructuringDecision Decide(RestructureUnits command, params Unit[] units) =>
        command.Decide(
            command.Codes.ToDictionary(c => c, c => units.FirstOrDefault(u => u.Code == c), StringComparer.Ordinal),
            Today);

    private static RestructuringAccepted Accepted(RestructureUnits command, params Unit[] units) =>
        Assert.IsType<RestructuringAccepted>(Decide(command, units));

    private static void Rejected(RestructureUnits command, Rule rule, string? unit, params Unit[] units)
    {
        var rejected = Assert.IsType<RestructuringRejected>(Decide(command, units));
        Assert.Equal(rule.Id, rejected.Broken.Id);
        Assert.Equal(unit, rejected.Unit);
    }

    /// <summary>Events compared by type and by value (their lists structurally).</summary>
    private static void EventsOf(RestructuringAccepted accepted, string code, params object[] expected)
    {
        var actual = accepted.Events[code];
        Assert.Equal(expected.Select(e => e.GetType()), actual.Select(e => e.GetType()));
        Assert.Equivalent(expected, actual, strict: true);
    }

    private static PredecessorStanding Standing(string code, bool declared = false, string standard = "none") =>
        new(code, $"UBND {code}", declared, standard);

    /// <summary>A merge's new unit that a report table already listed for the years after it (registered without an
    /// establishment date, nothing before the effective date), described as recorded, is that unit; one established
    /// on a date, listed before the merge or described otherwise stays a new unit, which the merge refuses.</summary>
    [Fact]
    public void A_merge_takes_the_commune_a_report_listed_after_it_as_its_successor()
    {
        var listedOn = Effective.AddMonths(4);
        Unit Listed(UnitRegistered registered) => UnitDecider.Replay(
            [registered with { EstablishmentDated = false }, new AnnualReportSubmitted(2025, listedOn)])!;
        var into = New("NEW");
        var part = Merge(["A", "B"], into with { Name = "ubnd  xã NEW" });
        Dictionary<string, Unit?> States(Unit unit) => new() { ["NEW"] = unit };

        var listed = Listed(Registered("NEW", on: listedOn) with { Name = into.Name });
        var taken = part.WithListedSuccessor(States(listed), Effective);
        Assert.Equal((RestructuringKind.Merge, "NEW", 0), (taken.Kind, taken.IntoCode, taken.IntoNew.Count));
        Assert.Same(part, part.WithListedSuccessor(States(Commune("NEW")), Effective));
        Assert.Same(part, part.WithListedSuccessor(
            States(Listed(Registered("NEW", on: Effective.AddDays(-1)) with { Name = into.Name })), Effective));
        Assert.Same(part, part.WithListedSuccessor(
            States(Listed(Registered("NEW", on: listedOn) with { Name = "UBND Xã Khác" })), Effective));
    }

    [Fact]
    public void Three_communes_merge_into_a_new_one_and_two_into_an_existing_one()
    {
        var declared = new ConformityDeclared(new DateOnly(2018, 9, 1), Edition.Iso9001V2015, null, null, false);
        var command = On(Effective,
            Merge(["QT-A", "QT-B", "QT-C"], New("QT-N")),
            MergeInto(["QT-D", "QT-E"], "QT-X"));

        var accepted = Accepted(command, Commune("QT-A", declared), Commune("QT-B"), Commune("QT-C"), Commune("QT-D"),
            Commune("QT-E"), Commune("QT-X"));

        Assert.Equal(["QT-N"], accepted.NewUnits);
        Assert.Equal(["QT-A", "QT-B", "QT-C", "QT-D", "QT-E", "QT-N", "QT-X"],
            accepted.Events.Keys.Order(StringComparer.Ordinal));
        foreach (var code in new[] { "QT-A", "QT-B", "QT-C" })
            EventsOf(accepted, code, new UnitMerged(Effective, "QT-N", Decision, Id));
        foreach (var code in new[] { "QT-D", "QT-E" })
            EventsOf(accepted, code, new UnitMerged(Effective, "QT-X", Decision, Id));
        EventsOf(accepted, "QT-N",
            new UnitRegistered("QT-N", "UBND Xã QT-N", UnitLevel.Commune, "Quảng Trị", null, null, Effective),
            new UnitTookOver(Effective, RestructuringKind.Merge,
                [Standing("QT-A", true, "2015"), Standing("QT-B"), Standing("QT-C")], Decision, Id));
        EventsOf(accepted, "QT-X",
            new UnitTookOver(Effective, RestructuringKind.Merge, [Standing("QT-D"), Standing("QT-E")], Decision, Id));
    }

    [Fact]
    public void A_commune_splits_into_two_new_ones()
    {
        var accepted = Accepted(
            On(Effective, new RestructuringPart(RestructuringKind.Split, ["QT-S"], [New("QT-S1"), New("QT-S2")])),
            Commune("QT-S"));

        Assert.Equal(["QT-S1", "QT-S2"], accepted.NewUnits);
        EventsOf(accepted, "QT-S", new UnitSplit(Effective, ["QT-S1", "QT-S2"], Decision, Id));
        foreach (var code in new[] { "QT-S1", "QT-S2" })
        {
            EventsOf(accepted, code,
                new UnitRegistered(
                    code, $"UBND Xã {code}", UnitLevel.Commune, "Quảng Trị", null, null, Effective),
                new UnitTookOver(Effective, RestructuringKind.Split, [Standing("QT-S")], Decision, Id));
        }
    }

    [Fact]
    public void Rename_transfer_and_dissolve_record_one_event_on_the_unit_and_take_over_nothing()
    {
        var accepted = Accepted(On(Effective,
                new RestructuringPart(RestructuringKind.Rename, ["QT-SO-KHCN"], [],
                    Name: "Sở Khoa học, Công nghệ và Chuyển đổi số"),
                new RestructuringPart(RestructuringKind.Transfer, ["QT-T"], [], Province: "Hà Tĩnh"),
                new RestructuringPart(RestructuringKind.Dissolve, ["QT-HUYEN-HL"], [])),
            Commune("QT-SO-KHCN"), Commune("QT-T"), District("QT-HUYEN-HL"));

        Assert.Empty(accepted.NewUnits);
        Assert.Equal(3, accepted.Events.Count);
        EventsOf(accepted, "QT-SO-KHCN",
            new UnitRenamed(Effective, "Sở Khoa học, Công nghệ và Chuyển đổi số", Decision, Id));
        EventsOf(accepted, "QT-T", new UnitTransferred(Effective, "Hà Tĩnh", null, Decision, Id));
        // The district level ends on the effective date itself: the decision that ends the districts is accepted.
        EventsOf(accepted, "QT-HUYEN-HL", new UnitDissolved(Effective, Decision, Id));
    }

    /// <summary>A merge or split keeps its units in their tier: a commune is not merged into a department nor a
    /// district's committee into a commune; a chi cục may be merged into a Sở.</summary>
    [Fact]
    public void A_merge_or_split_into_another_tier_is_refused_naming_the_successor()
    {
        var department = UnitDecider.Replay([Registered("QT-SO", UnitLevel.Department)])!;
        var subDepartment = UnitDecider.Replay([Registered("QT-CC", UnitLevel.SubDepartment)])!;
        var early = new DateOnly(2020, 1, 1);
        Rejected(On(early, MergeInto(["QT-A"], "QT-SO")), Rules.SuccessorOfOtherTier, "QT-SO",
            Commune("QT-A"), department);
        Rejected(On(early, MergeInto(["QT-H"], "QT-A")), Rules.SuccessorOfOtherTier, "QT-A",
            District("QT-H"), Commune("QT-A"));
        Rejected(On(early, Merge(["QT-A", "QT-H"], New("QT-N"))), Rules.SuccessorOfOtherTier, "QT-N",
            Commune("QT-A"), District("QT-H"));
        Rejected(On(early, new RestructuringPart(RestructuringKind.Split, ["QT-A"],
                [New("QT-N1"), New("QT-N2", UnitLevel.District)])),
            Rules.SuccessorOfOtherTier, "QT-N2", Commune("QT-A"));
        Accepted(On(early, MergeInto(["QT-CC"], "QT-SO")), subDepartment, department);
        Accepted(On(early, MergeInto(["QT-A"], "QT-B")), Commune("QT-A"), Commune("QT-B"));
    }

    [Fact]
    public void A_unit_merged_into_itself_or_listed_twice_is_a_cycle()
    {
        Rejected(On(Effective, MergeInto(["QT-A"], "QT-A")), Rules.RestructuringCycle, "QT-A", Commune("QT-A"));
        Rejected(On(Effective, Merge(["QT-A", "QT-A"], New("QT-N"))),
            Rules.RestructuringCycle, "QT-A", Commune("QT-A"));
        Rejected(On(Effective,
                Merge(["QT-A"], New("QT-N")), new RestructuringPart(RestructuringKind.Dissolve, ["QT-A"], [])),
            Rules.RestructuringCycle, "QT-A", Commune("QT-A"));
        // A predecessor of one part cannot be the existing successor of another.
        Rejected(On(Effective, MergeInto(["QT-A"], "QT-B"), MergeInto(["QT-B"], "QT-C")),
            Rules.RestructuringCycle, "QT-B", Commune("QT-A"), Commune("QT-B"), Commune("QT-C"));
    }

    [Fact]
    public void A_predecessor_already_merged_split_or_dissolved_by_the_effective_date_is_rejected()
    {
        var earlier = new DateOnly(2020, 1, 1);
        foreach (var ended in new object[]
                 {
                     new UnitMerged(earlier, "QT-Y"), new UnitSplit(earlier, ["QT-Y", "QT-Z"], null, null),
                     new UnitDissolved(earlier, null, null), new UnitMerged(Effective, "QT-Y"),
                 })
        {
            Rejected(On(Effective, Merge(["QT-A", "QT-B"], New("QT-N"))),
                Rules.PredecessorEnded, "QT-A", Commune("QT-A", ended), Commune("QT-B"));
            Rejected(On(Effective, new RestructuringPart(RestructuringKind.Rename, ["QT-A"], [], Name: "X")),
                Rules.PredecessorEnded, "QT-A", Commune("QT-A", ended));
        }
    }

    [Fact]
    public void A_predecessor_with_facts_from_the_effective_date_on_is_rejected()
    {
        // The effective date is the successor's first day: a predecessor's fact dated that day would be its own
        // after it ended.
        var command = On(Effective, Merge(["QT-A", "QT-B"], New("QT-N")));
        Rejected(command, Rules.PredecessorHasLaterFacts, "QT-B",
            Commune("QT-A"), Commune("QT-B", new InternalAuditHeld(Effective.AddDays(1), null, null)));
        Rejected(command, Rules.PredecessorHasLaterFacts, "QT-B",
            Commune("QT-A"), Commune("QT-B", new InternalAuditHeld(Effective, null, null)));
        Accepted(command, Commune("QT-A"), Commune("QT-B", new InternalAuditHeld(Effective.AddDays(-1), null, null)));
        // Said so: a fact dated on the effective date is not "after" it.
        Assert.Contains("dated on or after the effective date", Rules.PredecessorHasLaterFacts.Sentence);
    }

    [Fact]
    public void A_restructuring_dated_after_today_is_rejected() =>
        Rejected(On(Today.AddDays(1), MergeInto(["QT-A"], "QT-B")),
            Rules.FutureBusinessDate, null, Commune("QT-A"), Commune("QT-B"));

    [Fact]
    public void An_existing_successor_must_exist_on_the_effective_date()
    {
        var command = On(Effective, MergeInto(["QT-A"], "QT-X"));
        Rejected(command, Rules.SuccessorNotExisting, "QT-X", Commune("QT-A"),
            Commune("QT-X", new UnitMerged(new DateOnly(2024, 1, 1), "QT-Y")));
        Rejected(command, Rules.SuccessorNotExisting, "QT-X", Commune("QT-A"),
            UnitDecider.Replay([Registered("QT-X", on: new DateOnly(2026, 1, 1))])!);
        Rejected(command, Rules.UnitNotRegistered, "QT-X", Commune("QT-A"));
        Rejected(command, Rules.UnitNotRegistered, "QT-A", Commune("QT-X"));
    }

    [Fact]
    public void A_new_unit_cannot_take_a_code_already_registered()
    {
        Rejected(On(Effective, Merge(["QT-A"], New("QT-B"))),
            Rules.UnitAlreadyRegistered, "QT-B", Commune("QT-A"), Commune("QT-B"));
    }

    /// <summary>Two new units with one code is no registration that exists already: the rule says they share it.
    /// </summary>
    [Fact]
    public void Two_new_units_cannot_share_a_code()
    {
        Rejected(On(Effective, Merge(["QT-A"], New("QT-N")), Merge(["QT-B"], New("QT-N"))),
            Rules.NewUnitCodeRepeated, "QT-N", Commune("QT-A"), Commune("QT-B"));
        Rejected(On(Effective, new RestructuringPart(RestructuringKind.Split, ["QT-A"], [New("QT-N"), New("QT-N")])),
            Rules.NewUnitCodeRepeated, "QT-N", Commune("QT-A"));
        // A code is one code in any letter case: "qt-n" beside "QT-N" would be a second unit under its name.
        Rejected(On(Effective, new RestructuringPart(RestructuringKind.Split, ["QT-A"], [New("QT-N"), New("qt-n")])),
            Rules.NewUnitCodeRepeated, "QT-N", Commune("QT-A"));
    }

    /// <summary>A second rename of one unit, or a change of a unit that ends, is no cycle of predecessors and
    /// successors: the rule says what is repeated.</summary>
    [Fact]
    public void A_unit_is_renamed_or_transferred_once_and_not_changed_when_it_ends()
    {
        Rejected(On(Effective,
                new RestructuringPart(RestructuringKind.Rename, ["QT-A"], [], Name: "X"),
                new RestructuringPart(RestructuringKind.Rename, ["QT-A"], [], Name: "Y")),
            Rules.RestructuringChangeRepeated, "QT-A", Commune("QT-A"));
        Rejected(On(Effective,
                Merge(["QT-A"], New("QT-N")), new RestructuringPart(RestructuringKind.Rename, ["QT-A"], [], Name: "X")),
            Rules.RestructuringChangeRepeated, "QT-A", Commune("QT-A"));
        Accepted(On(Effective,
                new RestructuringPart(RestructuringKind.Rename, ["QT-A"], [], Name: "X"),
                new RestructuringPart(RestructuringKind.Transfer, ["QT-A"], [], Province: "Hà Tĩnh")),
            Commune("QT-A"));
    }

    [Fact]
    public void No_new_district_unit_is_formed_from_the_day_the_district_level_ended()
    {
        var districts = new[] { District("QT-HUYEN-1"), District("QT-HUYEN-2") };
        Rejected(On(Effective, Merge(["QT-HUYEN-1", "QT-HUYEN-2"], New("QT-HUYEN-M", UnitLevel.District))),
            Rules.LevelEnded, "QT-HUYEN-M", districts);
        Rejected(On(new DateOnly(2026, 1, 1), Merge(["QT-A"], New("QT-HUYEN-M", UnitLevel.District))),
            Rules.LevelEnded, "QT-HUYEN-M", Commune("QT-A"));

        var dayBefore = Accepted(
            On(Effective.AddDays(-1), Merge(["QT-HUYEN-1", "QT-HUYEN-2"], New("QT-HUYEN-M", UnitLevel.District))),
            districts);
        Assert.Equal(["QT-HUYEN-M"], dayBefore.NewUnits);
    }

    [Fact]
    public void A_unit_cannot_be_restructured_before_its_establishment_date()
    {
        var established2020 = UnitDecider.Replay([Registered("QT-A", on: new DateOnly(2020, 1, 1))])!;
        var on2015 = new DateOnly(2015, 1, 1);
        Rejected(On(on2015, MergeInto(["QT-A"], "QT-B")),
            Rules.FactBeforeEstablishment, "QT-A", established2020, Commune("QT-B"));
        Rejected(On(on2015, new RestructuringPart(RestructuringKind.Rename, ["QT-A"], [], Name: "UBND Xã A")),
            Rules.FactBeforeEstablishment, "QT-A", established2020);
        Accepted(On(new DateOnly(2020, 1, 1), MergeInto(["QT-A"], "QT-B")), established2020, Commune("QT-B"));
    }

    [Fact]
    public void A_district_unit_is_not_restructured_after_the_day_its_level_ended()
    {
        var later = new DateOnly(2025, 9, 1);
        Rejected(On(later, new RestructuringPart(RestructuringKind.Dissolve, ["QT-HUYEN-HL"], [])),
            Rules.LevelEnded, "QT-HUYEN-HL", District("QT-HUYEN-HL"));
        Rejected(On(later, new RestructuringPart(RestructuringKind.Rename, ["QT-HUYEN-HL"], [], Name: "UBND Thị xã")),
            Rules.LevelEnded, "QT-HUYEN-HL", District("QT-HUYEN-HL"));
        Rejected(On(later, MergeInto(["QT-HUYEN-HL"], "QT-A")),
            Rules.LevelEnded, "QT-HUYEN-HL", District("QT-HUYEN-HL"), Commune("QT-A"));
    }

    [Fact]
    public void A_district_renamed_to_another_kind_carries_the_units_in_it_that_day_to_its_new_name()
    {
        var on = new DateOnly(2015, 7, 1);
        Unit InSongCong(string code, UnitLevel level, DateOnly registered, string district = "Thị xã Sông Công") =>
            UnitDecider.Replay([new UnitRegistered(code, $"UBND {code}", level, "Thái Nguyên", district, null,
                registered)])!;
        var district = UnitDecider.Replay([new UnitRegistered(
            "SC", "UBND thị xã Sông Công", UnitLevel.District, "Thái Nguyên", "Thị xã Sông Công", null,
            new DateOnly(2010, 1, 1))])!;
        Unit[] units =
        [
            district,
            InSongCong("SC-1", UnitLevel.Commune, new DateOnly(2010, 1, 1)),
            InSongCong("SC-2", UnitLevel.Commune, new DateOnly(2010, 1, 1), "TX. Sông Công"),
            InSongCong("LATER", UnitLevel.Commune, new DateOnly(2016, 1, 1)),
            InSongCong("OTHER", UnitLevel.Commune, new DateOnly(2010, 1, 1), "Đồng Hỷ"),
        ];
        var states = units.ToDictionary(u => u.Code, u => (Unit?)u, StringComparer.Ordinal);
        var rename = new RestructureUnits(Id, Decision, on,
            [new RestructuringPart(RestructuringKind.Rename, ["SC"], [], Name: "UBND thành phố Sông Công")]);

        var carried = rename.CarryingDistricts(states);

        var transfer = Assert.Single(carried.Parts, p => p.Kind == RestructuringKind.Transfer);
        Assert.Equal(["SC", "SC-1", "SC-2"], transfer.From);
        Assert.Equal("Thành phố Sông Công", transfer.District);
        var accepted = Assert.IsType<RestructuringAccepted>(carried.Decide(states, Today));
        var commune = accepted.Events["SC-1"].Aggregate(units[1], (u, e) => Unit.Evolve(u, e)!);
        Assert.Equal("Thị xã Sông Công", commune.DistrictOn(on.AddDays(-1)));
        Assert.Equal("Thành phố Sông Công", commune.DistrictOn(on));
        // Recorded, the act carries nothing more; a plain rename carries nothing.
        var recorded = states.ToDictionary(s => s.Key, s => accepted.Events.TryGetValue(s.Key, out var events)
            ? events.Aggregate(s.Value, Unit.Evolve) : s.Value, StringComparer.Ordinal);
        Assert.Same(rename, rename.CarryingDistricts(recorded));
        var plain = new RestructureUnits(Id, Decision, on,
            [new RestructuringPart(RestructuringKind.Rename, ["SC"], [], Name: "UBND thị xã Sông Công mới")]);
        Assert.Same(plain, plain.CarryingDistricts(states));
    }

    [Fact]
    public void A_district_renamed_to_another_kind_by_an_act_that_merges_its_wards_ends_them_without_carrying_them()
    {
        // Thị xã → thành phố and wards merged by one resolution: the merged wards end, they are not transferred too
        // (that had refused the act as a unit ended and transferred by it).
        var on = new DateOnly(2015, 7, 1);
        Unit Registered(string code, string name, UnitLevel level) => UnitDecider.Replay([new UnitRegistered(
            code, name, level, "Thái Nguyên", "Thị xã Sông Công", null, new DateOnly(2010, 1, 1))])!;
        Unit[] units =
        [
            Registered("SC", "UBND thị xã Sông Công", UnitLevel.District),
            Registered("SC-1", "UBND phường 1", UnitLevel.Commune),
            Registered("SC-2", "UBND phường 2", UnitLevel.Commune),
            Registered("SC-3", "UBND phường 3", UnitLevel.Commune),
        ];
        var states = units.ToDictionary(u => u.Code, u => (Unit?)u, StringComparer.Ordinal);
        var act = new RestructureUnits(Id, Decision, on,
        [
            new RestructuringPart(RestructuringKind.Rename, ["SC"], [], Name: "UBND thành phố Sông Công"),
            new RestructuringPart(RestructuringKind.Merge, ["SC-1", "SC-2"], [], IntoCode: "SC-3"),
        ]);

        var carried = act.CarryingDistricts(states);

        var transfer = Assert.Single(carried.Parts, p => p.Kind == RestructuringKind.Transfer);
        Assert.Equal(["SC", "SC-3"], transfer.From);
        var accepted = Assert.IsType<RestructuringAccepted>(carried.Decide(states, Today));
        var merged = accepted.Events["SC-1"].Aggregate(units[1], (u, e) => Unit.Evolve(u, e)!);
        Assert.Equal(on, merged.EndedOn);
    }
}
