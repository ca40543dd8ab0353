using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

public class LifecycleRuleTests
{
    private static readonly DateOnly D2019 = new(2019, 5, 1);

    [Fact]
    public void The_first_steering_board_is_formed_and_later_ones_reorganise_it()
    {
        GivenCommune().When(new FormSteeringBoard(new DateOnly(2015, 1, 5), 14, "Chủ tịch UBND", "QĐ 01"))
            .ThenEvents(
                new SteeringBoardFormed(new DateOnly(2015, 1, 5), 14, "Chủ tịch UBND", "QĐ 01", Reorganisation: false));
        GivenCommune(new SteeringBoardFormed(new DateOnly(2015, 1, 5), 14, null, null, false))
            .When(new FormSteeringBoard(D2019, 12, null, null))
            .ThenEvents(new SteeringBoardFormed(D2019, 12, null, null, Reorganisation: true));
    }

    /// <summary>A first board recorded after a later one (its formation back-filled) is the formation, the later one
    /// the reorganisation, by their days, not by the order they were recorded in.</summary>
    [Fact]
    public void A_board_back_filled_before_a_later_one_is_the_formation_and_the_later_one_the_reorganisation()
    {
        var later = new SteeringBoardFormed(D2019, 12, null, null, Reorganisation: false);
        GivenCommune(later).When(new FormSteeringBoard(new DateOnly(2012, 2, 1), 9, null, null))
            .ThenEvents(new SteeringBoardFormed(new DateOnly(2012, 2, 1), 9, null, null, Reorganisation: false));

        var unit = new object[] { Registered, later, new SteeringBoardFormed(new(2012, 2, 1), 9, null, null, false) }
            .Aggregate((Unit?)null, Unit.Evolve)!;
        Assert.Equal([(new DateOnly(2012, 2, 1), false), (D2019, true)],
            unit.SteeringBoards.Select(b => (b.FormedOn, b.Reorganisation)));
    }

    [Fact]
    public void Back_filled_history_from_2011_is_accepted_and_judged_by_its_own_dates()
    {
        var spec = GivenCommune(Documented(2011), Audited(2011), Reviewed(2011));
        spec.When(new DeclareConformity(new DateOnly(2011, 9, 1), Edition.Iso9001V2008, "QĐ 12", null))
            .ThenEvents(new ConformityDeclared(
                new DateOnly(2011, 9, 1), Edition.Iso9001V2008, "QĐ 12", null, Redeclaration: false));
        spec.ThenNoWarnings();
    }

    [Fact]
    public void Anything_dated_in_the_future_is_rejected() =>
        GivenCommune().When(new HoldInternalAudit(Today.AddDays(1), null, null)).ThenRejected(Rules.FutureBusinessDate);

    [Fact]
    public void A_command_on_an_unregistered_unit_is_rejected() =>
        Given().When(new HoldInternalAudit(D2019, null, null)).ThenRejected(Rules.UnitNotRegistered);

    [Fact]
    public void A_declaration_without_documentation_audit_and_review_before_it_is_recorded_with_a_warning()
    {
        var spec = GivenCommune(Documented(2016), Audited(2016, month: 10))
            .When(new DeclareConformity(new DateOnly(2016, 9, 1), Edition.Iso9001V2008, null, null));
        spec.ThenEvents(new ConformityDeclared(new DateOnly(2016, 9, 1), Edition.Iso9001V2008, null, null, false));
        spec.ThenWarns(Rules.DeclarationPrerequisites);
    }

    [Fact]
    public void Prerequisites_recorded_later_but_dated_earlier_satisfy_the_declaration()
    {
        var unit = UnitDecider.Replay([Registered, Declared(2016), Documented(2016), Audited(2016), Reviewed(2016)])!;
        Assert.DoesNotContain(Compliance.Flags(unit, new DateOnly(2016, 12, 31), Book),
            f => f.Rule == Rules.DeclarationPrerequisites);
    }

    [Fact]
    public void A_second_declaration_is_a_redeclaration() =>
        GivenCommune(DeclaredOn2008In2016).When(new DeclareConformity(D2019, Edition.Iso9001V2008, null, "107 TTHC"))
            .ThenEvents(new ConformityDeclared(D2019, Edition.Iso9001V2008, null, "107 TTHC", Redeclaration: true));

    [Fact]
    public void A_new_system_built_on_2008_after_21_Feb_2018_is_flagged()
    {
        var spec = GivenCommune(Documented(2019), Audited(2019), Reviewed(2019))
            .When(new DeclareConformity(new DateOnly(2019, 9, 1), Edition.Iso9001V2008, null, null));
        spec.ThenWarns(Rules.NewSystemOnRequiredEdition);
        GivenCommune()
            .When(new IssueDocumentation(
                new DateOnly(2018, 2, 22), Edition.Iso9001V2008, null, true, true, true, 6, 0, 10, 10))
            .ThenWarns(Rules.NewSystemOnRequiredEdition);
        GivenCommune()
            .When(new IssueDocumentation(
                new DateOnly(2018, 2, 21), Edition.Iso9001V2008, null, true, true, true, 6, 0, 10, 10))
            .ThenNoWarnings();
        GivenCommune()
            .When(new IssueDocumentation(
                new DateOnly(2019, 2, 21), Edition.Iso9001V2015, null, true, true, true, 6, 0, 10, 10))
            .ThenNoWarnings();
    }

    [Fact]
    public void A_unit_still_on_2008_after_30_Jun_2021_is_flagged()
    {
        GivenCommune(DeclaredOn2008In2016).When(new HoldInternalAudit(new DateOnly(2021, 7, 1), null, null))
            .ThenWarns(Rules.ConversionDeadlineMissed);
        GivenCommune(DeclaredOn2008In2016).When(new HoldInternalAudit(new DateOnly(2021, 6, 30), null, null))
            .ThenNoWarnings();
        GivenCommune([.. DeclaredOn2008In2016, new StandardConverted(new DateOnly(2020, 1, 1), null)])
            .When(new HoldInternalAudit(new DateOnly(2022, 1, 1), null, null)).ThenNoWarnings();
    }

    [Fact]
    public void A_scope_change_is_flagged_until_a_new_declaration()
    {
        var change = new ScopeChanged(new DateOnly(2018, 3, 1), "Thêm 5 TTHC", 112);
        GivenCommune(DeclaredOn2008In2016).When(new ChangeScope(change.ChangedOn, change.Description, 112))
            .ThenWarns(Rules.ScopeChangeNeedsRedeclaration);
        GivenCommune([.. DeclaredOn2008In2016, change])
            .When(new DeclareConformity(new DateOnly(2018, 4, 1), Edition.Iso9001V2008, null, null))
            .ThenNoWarnings();
    }

    [Fact]
    public void A_2015_system_cannot_declare_on_2008_again() =>
        GivenCommune([.. DeclaredOn2008In2016, new StandardConverted(new DateOnly(2019, 1, 1), null)])
            .When(new DeclareConformity(D2019, Edition.Iso9001V2008, null, null))
            .ThenRejected(Rules.StandardDowngrade);
}
