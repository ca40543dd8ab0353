using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

public class NonconformityRuleTests
{
    private static readonly DateOnly RaisedOn = new(2019, 6, 12);
    private static readonly NonconformityRaised Nc1 = Raised("NC-1", RaisedOn, due: RaisedOn.AddDays(30));
    private static readonly CorrectiveActionTaken Action1 =
        new("NC-1", RaisedOn.AddDays(10), "Thiếu theo dõi", "Lập sổ theo dõi");

    [Fact]
    public void Nonconformities_are_numbered_within_the_unit()
    {
        GivenCommune()
            .When(new RaiseNonconformity(
                RaisedOn, NonconformitySource.InternalAudit, "Hồ sơ", NonconformitySeverity.Major, "8.5", null))
            .ThenEvents(new NonconformityRaised("NC-1", RaisedOn, NonconformitySource.InternalAudit, "Hồ sơ",
                NonconformitySeverity.Major, "8.5", null));
        GivenCommune(Nc1)
            .When(new RaiseNonconformity(
                RaisedOn, NonconformitySource.Complaint, "Khiếu nại", NonconformitySeverity.Minor, null, null))
            .ThenEvents(new NonconformityRaised("NC-2", RaisedOn, NonconformitySource.Complaint, "Khiếu nại",
                NonconformitySeverity.Minor, null, null));
    }

    /// <summary>The shape a route's id is checked against is the one the unit numbers by.</summary>
    [Fact]
    public void Every_id_a_unit_gives_has_the_shape_of_an_id()
    {
        List<object> events = [Registered];
        for (var raised = 0; raised < 12; raised++)
        {
            var id = RaiseNonconformity.NextId(UnitDecider.Replay(events)!);
            Assert.True(NonconformityIds.IsValid(id), id);
            events.Add(Raised(id, RaisedOn));
        }
        Assert.All(new[] { "NC-0", "NC-01", "nc-1", "NC-1\n", "NC-", "NC-1 " },
            id => Assert.False(NonconformityIds.IsValid(id)));
    }

    [Fact]
    public void A_nonconformity_closes_after_an_effective_corrective_action()
    {
        GivenCommune(Nc1).When(new TakeCorrectiveAction("NC-1", Action1.TakenOn, Action1.RootCause, Action1.Action))
            .ThenEvents(Action1);
        var spec = GivenCommune(Nc1, Action1)
            .When(new CloseNonconformity("NC-1", RaisedOn.AddDays(20), Effective: true));
        spec.ThenEvents(new NonconformityClosed("NC-1", RaisedOn.AddDays(20), true));
        spec.ThenNoWarnings();
    }

    [Fact]
    public void Closing_needs_an_existing_open_nonconformity_with_a_corrective_action_found_effective()
    {
        GivenCommune().When(new CloseNonconformity("NC-9", RaisedOn, true)).ThenRejected(Rules.NonconformityNotFound);
        GivenCommune(Nc1).When(new CloseNonconformity("NC-1", RaisedOn, true))
            .ThenRejected(Rules.NonconformityWithoutCorrectiveAction);
        GivenCommune(Nc1, Action1).When(new CloseNonconformity("NC-1", RaisedOn.AddDays(20), Effective: false))
            .ThenRejected(Rules.CorrectiveActionNotEffective);
        GivenCommune(Nc1, Action1, new NonconformityClosed("NC-1", RaisedOn.AddDays(20), true))
            .When(new CloseNonconformity("NC-1", RaisedOn.AddDays(21), true))
            .ThenRejected(Rules.NonconformityAlreadyClosed);
    }

    [Fact]
    public void Corrective_actions_need_an_existing_open_nonconformity()
    {
        GivenCommune().When(new TakeCorrectiveAction("NC-1", RaisedOn, "c", "a"))
            .ThenRejected(Rules.NonconformityNotFound);
        GivenCommune(Nc1, Action1, new NonconformityClosed("NC-1", RaisedOn.AddDays(20), true))
            .When(new TakeCorrectiveAction("NC-1", RaisedOn.AddDays(21), "c", "a"))
            .ThenRejected(Rules.NonconformityAlreadyClosed);
        // An action found later but taken while the nonconformity was open is recorded, like any back-filled fact.
        GivenCommune(Nc1, Action1, new NonconformityClosed("NC-1", RaisedOn.AddDays(20), true))
            .When(new TakeCorrectiveAction("NC-1", RaisedOn.AddDays(15), "c", "a"))
            .ThenEvents(new CorrectiveActionTaken("NC-1", RaisedOn.AddDays(15), "c", "a"));
    }

    [Fact]
    public void Steps_cannot_be_dated_before_the_step_they_follow()
    {
        GivenCommune()
            .When(new RaiseNonconformity(
                RaisedOn, NonconformitySource.Other, "x", NonconformitySeverity.Minor, null, RaisedOn.AddDays(-1)))
            .ThenRejected(Rules.DateBeforePrecedingStep);
        GivenCommune(Nc1).When(new TakeCorrectiveAction("NC-1", RaisedOn.AddDays(-1), "c", "a"))
            .ThenRejected(Rules.DateBeforePrecedingStep);
        GivenCommune(Nc1, Action1).When(new CloseNonconformity("NC-1", Action1.TakenOn.AddDays(-1), true))
            .ThenRejected(Rules.DateBeforePrecedingStep);
    }

    [Fact]
    public void A_nonconformity_open_past_its_due_date_is_flagged()
    {
        GivenCommune(Nc1).When(new HoldManagementReview(RaisedOn.AddDays(31), null))
            .ThenWarns(Rules.NonconformityOverdue);
        GivenCommune(Nc1).When(new HoldManagementReview(RaisedOn.AddDays(30), null)).ThenNoWarnings();
        GivenCommune(Nc1, Action1).When(new CloseNonconformity("NC-1", RaisedOn.AddDays(45), true))
            .ThenWarns(Rules.NonconformityOverdue);

        var unit = UnitDecider.Replay([Registered, Nc1])!;
        var flag = Assert.Single(Compliance.Flags(unit, RaisedOn.AddDays(40), Book));
        var basis = Book.Obligations.Single(o => o.Id == "close-nonconformities-2014");
        Assert.Equal(new ComplianceFlag(Rules.NonconformityOverdue, RaisedOn.AddDays(31), "NC-1", basis), flag);
    }

    /// <summary>The flag is judged, as every flag, by the rule book's entry in force on the day it is about (the due
    /// date): one due before the acts required a system (QĐ 144/2006, 20 June 2006) breaks no rule.</summary>
    [Fact]
    public void A_nonconformity_is_judged_by_the_entry_in_force_on_its_due_date()
    {
        var raised = new DateOnly(2005, 3, 1);
        var early = Raised("NC-1", raised, due: raised.AddDays(30));
        var unit = UnitDecider.Replay([Registered with { RegisteredOn = new(2004, 1, 1) }, early])!;
        Assert.Empty(Compliance.Flags(unit, new(2006, 1, 1), Book));
        var action = new CorrectiveActionTaken("NC-1", raised.AddDays(40), "c", "a");
        Given([Registered with { RegisteredOn = new(2004, 1, 1) }, early, action])
            .When(new CloseNonconformity("NC-1", raised.AddDays(45), true)).ThenNoWarnings();

        var due2010 = Raised("NC-1", new(2010, 3, 1), due: new(2010, 4, 1));
        var flag = Assert.Single(Compliance.Flags(UnitDecider.Replay([Registered, due2010])!, new(2010, 5, 1), Book));
        Assert.Equal(("close-nonconformities-2006", "QĐ 144/2006/QĐ-TTg; QĐ 118/2009/QĐ-TTg"),
            (flag.Basis?.Id, flag.Basis?.LegalAct));
    }
}
