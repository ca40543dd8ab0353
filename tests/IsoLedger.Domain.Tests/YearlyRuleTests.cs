using IsoLedger.Domain.LegalBasis;
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
        var flags = YearlyFlags(new DateOnly(2026, 1, 1),
            [.. DeclaredOn2008In2016, Reported(2016), new UnitMerged(new DateOnly(2017, 7, 1), "QT-X")]);
        Assert.Empty(flags);
    }

    [Fact]
    public void A_declaration_known_only_from_a_report_starts_the_yearly_rules_the_year_after_it()
    {
        // "Applying since 2015–2019", recorded as declared by 31 December 2019: 2019 is not judged, 2020 is.
        var byReport = new ConformityDeclared(new DateOnly(2019, 12, 31), Edition.Iso9001V2008, null, null, false,
            DatedByReport: true);
        Assert.Empty(YearlyFlags(new DateOnly(2020, 6, 1), byReport));
        Assert.Equal(["2020", "2020", "2020"], YearlyFlags(new DateOnly(2021, 6, 1), byReport).Select(f => f.Subject));
    }

    [Fact]
    public void A_unit_that_has_ended_is_flagged_for_nothing_from_that_day()
    {
        // Still on 2008 after the 2021 deadline, an overdue nonconformity and missed years, merged in 2022.
        var merged = new DateOnly(2022, 7, 1);
        var unit = UnitDecider.Replay([Registered, .. DeclaredOn2008In2016,
            Raised("NC-1", new DateOnly(2021, 3, 1), new DateOnly(2021, 4, 1)), new UnitMerged(merged, "QT-X")])!;
        Assert.NotEmpty(Compliance.Flags(unit, merged.AddDays(-1), Book));
        Assert.Empty(Compliance.Flags(unit, merged, Book));
        Assert.Empty(Compliance.Flags(unit, new DateOnly(2026, 1, 1), Book));
    }

    [Fact]
    public void Yearly_rules_are_not_warnings_of_a_single_fact()
    {
        // 2017 and 2018 had no audit or review: the unit is flagged for them, but recording a report does not warn.
        var reportedOn = new DateOnly(2019, 12, 1);
        Assert.NotEmpty(YearlyFlags(reportedOn, DeclaredOn2008In2016));
        GivenCommune(DeclaredOn2008In2016).When(new SubmitAnnualReport(2019, reportedOn)).ThenNoWarnings();
    }

    /// <summary>A plan or objectives may be issued ahead, in the year before, but not after the year; a report,
    /// corrective actions, an inspection or a listing may come after the year's end, but not before the year begins.
    /// </summary>
    [Theory]
    [InlineData(2020, "2019-12-15", true, false)]
    [InlineData(2020, "2020-01-01", true, true)]
    [InlineData(2020, "2020-12-31", true, true)]
    [InlineData(2020, "2021-02-01", false, true)]
    [InlineData(2027, "2021-01-15", false, false)]
    [InlineData(2001, "2026-01-01", false, false)]
    public void A_years_step_is_dated_in_its_years_window(int year, string on, bool setOut, bool accountedFor)
    {
        var date = DateOnly.Parse(on);
        (IUnitCommand Step, bool Accepted)[] steps =
        [
            (new IssueMaintenancePlan(year, date), setOut),
            (new IssueQualityObjectives(year, date, true, true), setOut),
            (new SubmitAnnualReport(year, date), accountedFor), (new ReportCorrectiveActions(year, date), accountedFor),
            (new RecordInspection(year, date, true, InspectionResult.Passed, null, null), accountedFor),
            (new ListInReport(year, date), accountedFor),
        ];
        foreach (var (step, accepted) in steps)
        {
            var decision = UnitDecider.Decide(UnitDecider.Replay([Registered]), step, new DateOnly(2026, 11, 29), Book);
            if (accepted) Assert.IsType<Accepted>(decision);
            else Assert.Equal(Rules.YearlyStepOutsideItsYear, Assert.IsType<Rejected>(decision).Broken);
        }
    }

    /// <summary>A year the unit existed on no day of has no step, dated within its window as it may be: a 2009 report
    /// sent in January 2010 by a unit established then, a 2020 plan issued before the unit merged away in 2019.
    /// Without its establishment dated (registered from a report), a unit may have existed before.</summary>
    [Theory]
    [InlineData(2009, "2010-01-10", true, "fact-before-establishment")]
    [InlineData(2009, "2010-01-10", false, null)]
    [InlineData(2010, "2010-01-10", true, null)]
    [InlineData(2019, "2019-05-01", true, null)]
    [InlineData(2020, "2019-05-01", true, "unit-merged")]
    public void A_years_step_is_of_a_year_the_unit_existed_in(int year, string on, bool dated, string? broken)
    {
        var date = DateOnly.Parse(on);
        var unit = UnitDecider.Replay(
            [Registered with { EstablishmentDated = dated }, new UnitMerged(new DateOnly(2019, 6, 1), "QT-OTHER")]);
        IUnitCommand step = date.Year < year
            ? new IssueMaintenancePlan(year, date)
            : new SubmitAnnualReport(year, date);

        var decision = UnitDecider.Decide(unit, step, new DateOnly(2026, 11, 29), Book);

        Assert.Equal(broken, (decision as Rejected)?.Broken.Id);
    }
}
