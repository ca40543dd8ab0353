using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>A restructuring gives no unit the name of another living on the effective date at its level and place
/// (<c>unit-name-taken</c>, as a registration): not by a rename, a transfer or the new units of a merge or split. The
/// units the act ends that day leave their names free.</summary>
public class RestructuringNameTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Effective = new(2020, 1, 1);

    private static Unit Commune(string code, string name, string district = "Hải Lăng", params object[] facts) =>
        UnitDecider.Replay(
        [
            new UnitRegistered(code, name, UnitLevel.Commune, "Quảng Trị", district, null, new DateOnly(2015, 1, 1)),
            .. facts,
        ])!;

    private static NewUnit New(string code, string name, string? district = "Hải Lăng") =>
        new(code, name, UnitLevel.Commune, "Quảng Trị", district, null);

    private static RestructuringPart Rename(string code, string name) =>
        new(RestructuringKind.Rename, [code], [], Name: name);

    private static RestructuringDecision Decide(RestructuringPart[] parts, params Unit[] units)
    {
        var act = new RestructureUnits("R", "NQ-1", Effective, parts);
        var states = act.Codes.ToDictionary(
            code => code, code => units.FirstOrDefault(u => u.Code == code), StringComparer.Ordinal);
        return act.Decide(states, Today, units.Where(u => !states.ContainsKey(u.Code)));
    }

    private static void NameTaken(string holder, RestructuringPart[] parts, params Unit[] units)
    {
        var rejected = Assert.IsType<RestructuringRejected>(Decide(parts, units));
        Assert.Equal((Rules.UnitNameTaken.Id, holder), (rejected.Broken.Id, rejected.Unit));
        Assert.Contains(holder, rejected.Sentence);
    }

    private static readonly Unit HaiDinh = Commune("HD", "UBND xã Hải Định");

    [Fact]
    public void A_rename_to_the_name_of_a_living_unit_at_its_level_and_place_is_refused_naming_that_unit()
    {
        var a = Commune("A", "UBND xã Hải An");
        NameTaken("HD", [Rename("A", "Ủy ban nhân dân xã HẢI ĐỊNH")], a, HaiDinh);
        // Another district's commune of that name is another commune; one that had ended leaves its name.
        Assert.IsType<RestructuringAccepted>(Decide([Rename("A", "UBND xã Hải Định")], a,
            Commune("HD", "UBND xã Hải Định", "Triệu Phong")));
        Assert.IsType<RestructuringAccepted>(Decide([Rename("A", "UBND xã Hải Định")], a,
            Commune("HD", "UBND xã Hải Định", "Hải Lăng", new UnitDissolved(Effective.AddDays(-1), "NQ-0", "R0"))));
    }

    [Fact]
    public void A_unit_the_act_ends_that_day_leaves_its_name_to_the_one_it_renames_or_forms()
    {
        var a = Commune("A", "UBND xã Hải An");
        Assert.IsType<RestructuringAccepted>(Decide(
            [Rename("A", "UBND xã Hải Định"), new RestructuringPart(RestructuringKind.Merge, ["HD"], [], "A")],
            a, HaiDinh));
        Assert.IsType<RestructuringAccepted>(Decide(
            [new RestructuringPart(RestructuringKind.Merge, ["A", "HD"], [New("N", "UBND xã Hải Định")])], a, HaiDinh));
        // Two units swapping names the same day leave each name to the other.
        Assert.IsType<RestructuringAccepted>(Decide(
            [Rename("A", "UBND xã Hải Định"), Rename("HD", "UBND xã Hải An")], a, HaiDinh));
    }

    [Fact]
    public void A_merge_or_split_forming_a_unit_under_a_living_unit_s_name_is_refused()
    {
        var a = Commune("A", "UBND xã Hải An");
        var b = Commune("B", "UBND xã Hải Ba");
        NameTaken("HD", [new RestructuringPart(RestructuringKind.Merge, ["A", "B"], [New("N", "UBND Xã Hải Định.")])],
            a, b, HaiDinh);
        NameTaken("HD", [new RestructuringPart(RestructuringKind.Split, ["A"],
            [New("N1", "UBND xã Hải Định"), New("N2", "UBND xã Hải An Mới")])], a, HaiDinh);
    }

    [Fact]
    public void A_split_into_two_new_units_of_one_name_is_refused()
    {
        var a = Commune("A", "UBND xã Hải An");
        NameTaken("N2", [new RestructuringPart(RestructuringKind.Split, ["A"],
            [New("N1", "UBND xã Hải Tân"), New("N2", "ubnd  xã hải tân")])], a);
        Assert.IsType<RestructuringAccepted>(Decide([new RestructuringPart(RestructuringKind.Split, ["A"],
            [New("N1", "UBND xã Hải Tân"), New("N2", "UBND xã Hải Tân", "Triệu Phong")])], a));
    }

    [Fact]
    public void Two_units_renamed_to_one_name_or_a_unit_moved_to_a_namesake_s_district_are_refused()
    {
        var a = Commune("A", "UBND xã Hải An");
        var b = Commune("B", "UBND xã Hải Ba");
        Assert.Equal(Rules.UnitNameTaken, Assert.IsType<RestructuringRejected>(Decide(
            [Rename("A", "UBND xã Hải Tân"), Rename("B", "UBND xã Hải Tân")], a, b)).Broken);
        NameTaken("HD", [new RestructuringPart(RestructuringKind.Transfer, ["A"], [], District: "Hải Lăng"),
            Rename("A", "UBND xã Hải Định")], Commune("A", "UBND xã Hải An", "Triệu Phong"), HaiDinh);
        NameTaken("HD", [new RestructuringPart(RestructuringKind.Transfer, ["T"], [], District: "Hải Lăng")],
            Commune("T", "UBND xã Hải Định", "Triệu Phong"), HaiDinh);
    }

    /// <summary>The ways a clerk writes one commune's name: letter case, the committee written out, a note in
    /// brackets, a full stop, tone marks composed or not.</summary>
    private static readonly Arbitrary<(bool Upper, bool WrittenOut, bool Noted, bool Stop, bool Decomposed)> Spellings =
        (from upper in Gen.Elements(true, false)
         from writtenOut in Gen.Elements(true, false)
         from noted in Gen.Elements(true, false)
         from stop in Gen.Elements(true, false)
         from decomposed in Gen.Elements(true, false)
         select (upper, writtenOut, noted, stop, decomposed)).ToArbitrary();

    [Property(MaxTest = 64)]
    public Property A_rename_is_judged_with_the_registration_s_name_comparison() => Prop.ForAll(Spellings, spelling =>
    {
        var (upper, writtenOut, noted, stop, decomposed) = spelling;
        var name = (writtenOut ? "Ủy ban nhân dân xã Hải Định" : "UBND xã Hải Định") + (stop ? "." : "");
        name = upper ? name.ToUpperInvariant() : name;
        name = decomposed ? name.Normalize(NormalizationForm.FormD) : name;
        var decision = Decide([Rename("A", name + (noted ? " (xã Hải An cũ)" : ""))],
            Commune("A", "UBND xã Hải An"), HaiDinh);
        var registration = new RegisterUnit(
            "A", name + (noted ? " (xã Hải An cũ)" : ""), UnitLevel.Commune, "Quảng Trị", "Hải Lăng", null, Effective);
        var registeredTaken = registration.Namesake([HaiDinh]) is not null;
        return (decision is RestructuringRejected { Unit: "HD" }) == registeredTaken;
    });
}

