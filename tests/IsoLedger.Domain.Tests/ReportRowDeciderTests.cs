using IsoLedger.Domain.Imports;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

public class ReportRowDeciderTests
{
    private static readonly DateOnly ReportDate = new(2020, 11, 19);

    private static ReportRow Row(bool everyStep = true, ConversionState? conversion = null, Edition? standard = null,
        InspectionResult? inspection = InspectionResult.Passed) =>
        new("Quảng Trị", "QT-X", "UBND Xã X", UnitLevel.Commune, "Hải Lăng", null, 2020, ReportDate,
            Declared: true, standard, conversion, everyStep, everyStep, everyStep, everyStep, everyStep, everyStep,
            everyStep, inspection);

    private static Accepted Decide(Unit? unit, ReportRow row) =>
        Assert.IsType<Accepted>(ReportRowDecider.Decide(unit, row, Today, Book));

    [Fact]
    public void A_new_unit_is_registered_and_gets_every_marked_step_of_the_year()
    {
        var accepted = Decide(null, Row());

        Assert.Equal(
            [typeof(UnitRegistered), typeof(QualityObjectivesIssued), typeof(MaintenancePlanIssued),
             typeof(InternalAuditHeld), typeof(CorrectiveActionsReported), typeof(ManagementReviewHeld),
             typeof(ConformityDeclared), typeof(AnnualReportSubmitted), typeof(InspectionRecorded)],
            accepted.Events.Select(e => e.GetType()));
        var declared = accepted.Events.OfType<ConformityDeclared>().Single();
        Assert.True(declared.DatedByReport);
        Assert.Equal(Edition.Iso9001V2015, declared.Standard);
        Assert.All(accepted.Events.Cast<IUnitEvent>(), e => Assert.Equal(ReportDate, e.BusinessDate));
    }

    /// <summary>A list of the units that declared names the decision ("Số 85/QĐ-UBND ngày 15/8/2018"): it is the
    /// declaration's number, as one recorded through the API has it.</summary>
    [Fact]
    public void The_decision_a_row_names_is_the_declaration_s()
    {
        var row = Row() with { DeclaredBy = new DateOnly(2018, 8, 15), DecisionNo = "85/QĐ-UBND" };

        var declared = Assert.Single(Decide(null, row).Events.OfType<ConformityDeclared>());

        Assert.Equal((new DateOnly(2018, 8, 15), "85/QĐ-UBND"), (declared.DeclaredOn, declared.DecisionNo));
    }

    /// <summary>A commune recorded from a report as declared by 31 December 2019 (appendix B's "áp dụng từ năm 2015 –
    /// 2019", on the edition required then, 2015), then listed with its declaration's day ("Công bố HT ISO":
    /// 15/8/2016): the day is that declaration's, one fact. Declared on the edition 2016 alone gives (2008),
    /// the report's declaration read as a second one on 2015: a re-declaration (công bố lại) the unit never
    /// made.</summary>
    [Theory]
    [InlineData(2016, 8, 15)]
    [InlineData(2018, 5, 20)]
    public void A_day_given_for_a_declaration_recorded_by_a_report_s_date_is_that_declaration_s(
        int year, int month, int day)
    {
        var reported = UnitDecider.Replay(Decide(null, Row() with { DeclaredBy = new DateOnly(2019, 12, 31) }).Events);
        var dated = Row(everyStep: false, inspection: null) with { DeclaredBy = new DateOnly(year, month, day) };

        var unit = reported!;
        foreach (var e in Decide(reported, dated).Events) unit = Unit.Evolve(unit, e)!;

        var made = Assert.Single(unit.DeclarationsMade);
        Assert.Equal((new DateOnly(year, month, day), Edition.Iso9001V2015), (made.DeclaredOn, made.Standard));
        Assert.Equal(made, unit.LatestDeclarationOn(ReportDate));
        Assert.Equal(Edition.Iso9001V2015, unit.StandardOn(new DateOnly(2019, 1, 1)));
        Assert.Empty(Decide(unit, dated).Events);
    }

    [Fact]
    public void A_later_table_listing_a_2008_unit_on_2015_without_a_conversion_column_records_the_conversion()
    {
        var on2008 = UnitDecider.Replay(Decide(null, Row(standard: Edition.Iso9001V2008)).Events);
        var later = Row(everyStep: false, standard: Edition.Iso9001V2015, inspection: null) with
        {
            Year = 2022,
            ReportDate = new DateOnly(2022, 12, 1),
        };

        var converted = Assert.Single(Decide(on2008, later).Events.OfType<StandardConverted>());
        Assert.Equal((Edition.Iso9001V2008, Edition.Iso9001V2015, new DateOnly(2022, 12, 1)),
            (converted.FromEdition, converted.ToEdition, converted.ConvertedOn));
        var after = UnitDecider.Replay([.. Decide(null, Row(standard: Edition.Iso9001V2008)).Events,
            .. Decide(on2008, later).Events]);
        Assert.Empty(Decide(after, later).Events);
    }

    /// <summary>A table that marks a unit declared says it had declared by its date; a later year's table that gives
    /// the declaration's day (<c>declared_by</c>) dates it. Imported oldest first, the unit had been recorded as
    /// re-declaring on the earlier table's date, so that its latest declaration, and whether a scope change before it
    /// was followed by one, depended on the order the tables came in.</summary>
    [Fact]
    public void A_declaration_a_later_table_dates_earlier_is_one_declaration_in_either_order()
    {
        var declaredBy2018 = Row(everyStep: false, standard: Edition.Iso9001V2015, inspection: null) with
        {
            Year = 2018,
            ReportDate = new DateOnly(2018, 11, 20),
        };
        var declaredOn = new DateOnly(2016, 3, 1);
        var dated = Row(everyStep: false, standard: Edition.Iso9001V2015, inspection: null) with
        {
            DeclaredBy = declaredOn,
        };
        var scopeChanged = new ScopeChanged(new DateOnly(2017, 5, 1), "Thêm TTHC", 3);

        Unit Imported(params ReportRow[] rows)
        {
            List<object> history = [];
            foreach (var row in rows) history.AddRange(Decide(UnitDecider.Replay(history), row).Events);
            return UnitDecider.Replay([.. history, scopeChanged])!;
        }

        foreach (var unit in new[] { Imported(declaredBy2018, dated), Imported(dated, declaredBy2018) })
        {
            Assert.Equal(declaredOn, unit.LatestDeclarationOn(new DateOnly(2019, 1, 1))?.DeclaredOn);
            Assert.Contains(Compliance.Flags(unit, new DateOnly(2019, 1, 1), Book),
                f => f.Rule == Rules.ScopeChangeNeedsRedeclaration);
        }
    }

    [Fact]
    public void Years_imported_newest_first_give_the_same_history_as_oldest_first()
    {
        var converting = Row(everyStep: false, conversion: ConversionState.InProgress, inspection: null) with
        {
            Year = 2019,
            ReportDate = new DateOnly(2019, 11, 20),
        };
        var converted = Row(everyStep: false, conversion: ConversionState.Done, inspection: null) with
        {
            Year = 2021,
            ReportDate = new DateOnly(2021, 11, 20),
        };
        static Unit Run(params ReportRow[] rows)
        {
            List<object> history = [];
            Unit? unit = null;
            foreach (var row in rows)
            {
                history.AddRange(Decide(unit, row).Events);
                unit = UnitDecider.Replay(history);
            }
            return unit!;
        }

        var oldestFirst = Run(converting, converted);
        var newestFirst = Run(converted, converting);
        foreach (var day in new[] { new DateOnly(2019, 12, 31), new DateOnly(2021, 12, 31) })
        {
            Assert.Equal(oldestFirst.StandardOn(day), newestFirst.StandardOn(day));
            Assert.Equal(oldestFirst.ConversionOn(day, Edition.Iso9001V2015),
                newestFirst.ConversionOn(day, Edition.Iso9001V2015));
            Assert.Equal(oldestFirst.LatestDeclarationOn(day) is null, newestFirst.LatestDeclarationOn(day) is null);
        }
        Assert.Equal(ConversionState.InProgress, newestFirst.ConversionOn(new DateOnly(2019, 12, 31),
            Edition.Iso9001V2015));
        Assert.Empty(Decide(newestFirst, converting).Events);
    }

    [Fact]
    public void An_earlier_year_that_marks_no_step_still_dates_the_unit_s_existence_back()
    {
        var later = Row(everyStep: false, inspection: null) with
        {
            Year = 2022,
            ReportDate = new DateOnly(2022, 11, 20),
        };
        var known = UnitDecider.Replay(Decide(null, later).Events)!;
        var earlier = Row(everyStep: false, inspection: null) with
        {
            Year = 2020,
            Declared = false,
            ReportDate = new DateOnly(2021, 2, 1),
        };
        Assert.False(known.ExistsOn(new DateOnly(2020, 12, 31)));

        var listed = Assert.Single(Decide(known, earlier).Events);
        Assert.Equal(new UnitListed(2020, new DateOnly(2020, 12, 31)), listed);
        var after = UnitDecider.Replay([.. Decide(null, later).Events, listed])!;
        Assert.True(after.ExistsOn(new DateOnly(2020, 12, 31)));
        Assert.Empty(Decide(after, earlier).Events);
    }

    /// <summary>A row listing an older edition than the unit was on at the row's date says something the record
    /// contradicts; an amendment counts its edition (2015 for a unit on 2015/Amd1:2024), and an earlier date is no
    /// contradiction.</summary>
    [Fact]
    public void A_row_listing_an_older_edition_than_recorded_on_its_date_contradicts_the_record()
    {
        var unit = UnitDecider.Replay(
        [
            Registered, Declared(2014), new StandardConverted(new DateOnly(2019, 11, 22), null),
            new StandardConverted(new DateOnly(2025, 3, 1), null, Edition.Iso9001V2015,
                Edition.Iso9001V2015Amd1),
        ])!;
        var on2008In2020 = Row(standard: Edition.Iso9001V2008, conversion: ConversionState.None) with
        {
            UnitCode = Registered.Code,
            UnitName = Registered.Name,
        };

        var contradiction = ReportRowDecider.Contradiction(unit, on2008In2020, Book);

        Assert.Equal("standard", contradiction?.Column);
        Assert.Null(ReportRowDecider.Contradiction(unit, on2008In2020 with
        {
            Year = 2019,
            ReportDate = new DateOnly(2019, 11, 21),
        }, Book));
        Assert.Null(ReportRowDecider.Contradiction(unit, on2008In2020 with
        {
            Year = 2025,
            ReportDate = new DateOnly(2025, 11, 20),
            Standard = Edition.Iso9001V2015,
        }, Book));
    }

    [Fact]
    public void Importing_the_same_row_again_decides_nothing()
    {
        var unit = UnitDecider.Replay(Decide(null, Row(conversion: ConversionState.Done)).Events);
        Assert.Empty(Decide(unit, Row(conversion: ConversionState.Done)).Events);
    }

    [Fact]
    public void A_done_conversion_is_a_2008_declaration_then_the_conversion()
    {
        var events = Decide(null, Row(everyStep: false, conversion: ConversionState.Done, inspection: null)).Events;
        Assert.Equal(Edition.Iso9001V2008, events.OfType<ConformityDeclared>().Single().Standard);
        Assert.Single(events.OfType<StandardConverted>());
        Assert.Equal(Edition.Iso9001V2015, UnitDecider.Replay(events)!.StandardOn(ReportDate));
    }

    [Fact]
    public void A_declaration_known_only_from_a_report_is_not_judged_by_the_reports_date()
    {
        var unit = UnitDecider.Replay(
            Decide(null, Row(everyStep: false, standard: Edition.Iso9001V2008, inspection: null)).Events)!;
        var flags = Compliance.PointInTimeFlags(unit, ReportDate, Book);
        Assert.DoesNotContain(flags,
            f => f.Rule == Rules.DeclarationPrerequisites || f.Rule == Rules.NewSystemOnRequiredEdition);
    }

    [Fact]
    public void A_row_for_a_merged_unit_dated_after_its_merge_is_rejected()
    {
        var merged =
            UnitDecider.Replay([.. Decide(null, Row()).Events, new UnitMerged(new DateOnly(2020, 12, 1), "QT-Y")]);
        var next = Row() with { Year = 2021, ReportDate = new DateOnly(2021, 11, 1) };
        Assert.Equal(Rules.UnitMerged,
            Assert.IsType<Rejected>(ReportRowDecider.Decide(merged, next, Today, Book)).Broken);
        Assert.Equal("report_date", ReportRowDecider.ColumnOf(Rules.UnitMerged, merged, next));
    }

    /// <summary>A successor established on the day of its merge, listed as declared by the day before (with the
    /// communes applying since earlier years), is refused for its declaration's date.</summary>
    [Fact]
    public void A_declaration_dated_before_the_unit_was_established_is_refused_for_its_date()
    {
        var formed = UnitDecider.Replay([Registered with { RegisteredOn = new DateOnly(2020, 1, 1) }])!;
        var declaredBefore = Row() with
        {
            UnitCode = Registered.Code,
            UnitName = Registered.Name,
            DeclaredBy = new DateOnly(2019, 12, 31),
        };

        var rejected = Assert.IsType<Rejected>(ReportRowDecider.Decide(formed, declaredBefore, Today, Book));

        Assert.Equal(Rules.FactBeforeEstablishment, rejected.Broken);
        Assert.Equal("declared_by", ReportRowDecider.ColumnOf(rejected.Broken, formed, declaredBefore));
    }

    [Fact]
    public void A_board_and_documentation_the_report_states_are_recorded_once_without_counts()
    {
        var row = Row() with { SteeringBoard = true, Documentation = true };
        var events = Decide(null, row).Events;
        var board = Assert.Single(events.OfType<SteeringBoardFormed>());
        Assert.Null(board.Members);
        var documentation = Assert.Single(events.OfType<DocumentationIssued>());
        Assert.Equal(Edition.Iso9001V2015, documentation.Standard);
        Assert.Null(documentation.BusinessProcedures);
        Assert.Empty(Decide(UnitDecider.Replay(events), row).Events);
    }
}
