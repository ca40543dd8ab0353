using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

public class YearlyRuleTests
{
    private static IReadOnlyList<ComplianceFlag> YearlyFlags(DateOnly asOf, params object[] events) =>
        Compliance.YearlyFlags(UnitDecider.Replay([Registered, .. events])!, asOf, Book).ToList();

    [Fact]
    public void Each_ended_year_since_the_first_declaration_needs_an_internal_audit_a_management_review_and_a_report()
    {
        var flags = YearlyFlags(new DateOnly(2018, 3, 1), [.. DeclaredOn2008In2016, Reported(2016), Audited(2017)]);

        ComplianceFlag Flag(Rule rule, string entry) =>
            new(rule, new DateOnly(2018, 1, 1), "2017", Book.Obligations.Single(o => o.Id == entry));
        Assert.Equal(
            [
                Flag(Rules.YearlyManagementReview, "yearly-management-review-2014"),
                Flag(Rules.YearlyReport, "yearly-report-2014"),
            ], flags);
    }

    [Fact]
    public void A_year_counts_as_missed_only_once_it_has_ended() =>
        Assert.Empty(YearlyFlags(new DateOnly(2017, 12, 31), [.. DeclaredOn2008In2016, Reported(2016)]));

    [Fact]
    public void Years_before_the_first_declaration_and_after_a_merge_are_not_judged()
    {
        Assert.Empty(YearlyFlags(new DateOnly(2016, 12, 31)));
        var flags = YearlyFlags(new DateOnly(2026, 1, 1), [.. DeclaredOn2008In2016, Reported(2016), new UnitMerged(new DateOnly(2017, 7, 1), "QT-X")]);
        Assert.Empty(flags);
    }

    [Fact]
    public void Yearly_rules_are_not_warnings_of_a_single_fact()
    {
        // 2017 and 2018 had no audit or review: the unit is flagged for them, but recording a report does not warn.
        var reportedOn = new DateOnly(2019, 12, 1);
        Assert.NotEmpty(YearlyFlags(reportedOn, DeclaredOn2008In2016));
        GivenCommune(DeclaredOn2008In2016).When(new SubmitAnnualReport(2019, reportedOn)).ThenNoWarnings();
    }
}
