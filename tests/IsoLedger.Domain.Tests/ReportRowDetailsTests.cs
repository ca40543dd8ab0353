using IsoLedger.Domain.Imports;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

/// <summary>The details the import layout carries beside a report's facts (<see cref="RowDetails"/>): each dates or
/// completes the fact it belongs to, a detail not given changes nothing, and one given otherwise than recorded is a
/// contradiction naming its column.</summary>
public class ReportRowDetailsTests
{
    private static readonly DateOnly ReportDate = new(2020, 11, 19);

    private static readonly RowDetails Details = new(
        EstablishedOn: new(2019, 1, 5), Scope: "Thủ tục hành chính cấp xã",
        SteeringBoardOn: new(2020, 3, 2), SteeringBoardDecisionNo: "12/QĐ-UBND", SteeringBoardMembers: 7,
        SteeringBoardChair: "Chủ tịch UBND xã", DocumentationOn: new(2020, 4, 1), DocumentationDecisionNo: "20/QĐ-UBND",
        InspectedOn: new(2020, 11, 2), Inspector: "Đoàn Sở KH&CN",
        StepDays: new(QualityPolicy: new(2020, 4, 10), QualityObjectives: new(2020, 4, 12),
            InternalAudit: new(2020, 6, 10)),
        DocumentationContents: new(QualityManual: true, MandatoryProcedures: 6), OnSite: true, InspectionNotes: "Tốt");

    private static ReportRow Row(RowDetails? details = null) =>
        new("Quảng Trị", "QT-X", "UBND Xã X", UnitLevel.Commune, "Hải Lăng", null, 2020, ReportDate,
            Declared: true, Edition.Iso9001V2015, null, true, true, true, true, true, true, true,
            InspectionResult.Passed, SteeringBoard: true, Documentation: true, Details: details);

    private static List<object> Events(Unit? unit, ReportRow row) =>
        [.. Assert.IsType<Accepted>(ReportRowDecider.Decide(unit, row, Today, Book)).Events];

    [Fact]
    public void Each_detail_dates_or_completes_its_fact()
    {
        var events = Events(null, Row(Details));

        var registered = events.OfType<UnitRegistered>().Single();
        Assert.Equal((new DateOnly(2019, 1, 5), true), (registered.RegisteredOn, registered.EstablishmentDated));
        Assert.Equal(new SteeringBoardFormed(new(2020, 3, 2), 7, "Chủ tịch UBND xã", "12/QĐ-UBND", false),
            events.OfType<SteeringBoardFormed>().Single());
        var documentation = events.OfType<DocumentationIssued>().Single();
        Assert.Equal((new DateOnly(2020, 4, 1), "20/QĐ-UBND", true, (bool?)null, 6),
            (documentation.IssuedOn, documentation.DecisionNo, documentation.QualityManual,
                documentation.QualityPolicy, documentation.MandatoryProcedures));
        // The policy and the objectives issued on two days are two issues.
        Assert.Equal([(new DateOnly(2020, 4, 10), true, false), (new DateOnly(2020, 4, 12), false, true)],
            events.OfType<QualityObjectivesIssued>().Select(i => (i.IssuedOn, i.Policy, i.Objectives)));
        Assert.Equal(new DateOnly(2020, 6, 10), events.OfType<InternalAuditHeld>().Single().HeldOn);
        Assert.Equal(ReportDate, events.OfType<ManagementReviewHeld>().Single().HeldOn);
        Assert.Equal("Thủ tục hành chính cấp xã", events.OfType<ConformityDeclared>().Single().Scope);
        Assert.Equal(new InspectionRecorded(2020, new(2020, 11, 2), true, InspectionResult.Passed, "Đoàn Sở KH&CN",
            "Tốt"), events.OfType<InspectionRecorded>().Single());
    }

    [Fact]
    public void A_row_giving_the_recorded_details_or_none_adds_nothing_and_contradicts_nothing()
    {
        var unit = UnitDecider.Replay(Events(null, Row(Details)))!;

        foreach (var row in new[] { Row(Details), Row() })
        {
            Assert.Null(ReportRowDecider.Contradiction(unit, row, Book));
            Assert.Empty(Events(unit, row));
        }
    }

    [Fact]
    public void A_detail_given_otherwise_than_recorded_is_a_contradiction_at_its_column()
    {
        var unit = UnitDecider.Replay(Events(null, Row(Details)))!;

        foreach (var (other, column) in new (RowDetails, string)[]
                 {
                     (new(EstablishedOn: new(2019, 1, 6)), "established_on"),
                     (new(Scope: "Khác"), "scope"),
                     (new(SteeringBoardOn: new(2020, 3, 3)), "steering_board"),
                     (new(SteeringBoardDecisionNo: "13/QĐ-UBND"), "steering_board"),
                     (new(SteeringBoardMembers: 8), "steering_board_members"),
                     (new(SteeringBoardChair: "Phó Chủ tịch"), "steering_board_chair"),
                     (new(DocumentationOn: new(2020, 4, 2)), "documentation"),
                     (new(DocumentationContents: new(MandatoryProcedures: 5)), "documentation_mandatory_procedures"),
                     (new(StepDays: new(QualityObjectives: new(2020, 4, 13))), "quality_objectives"),
                     (new(StepDays: new(InternalAudit: new(2020, 6, 11))), "internal_audit"),
                     (new(InspectedOn: new(2020, 11, 3)), "inspected_on"),
                     (new(OnSite: false), "on_site"),
                     (new(Inspector: "Sở Nội vụ"), "inspector"),
                     (new(InspectionNotes: "Khác"), "inspection_notes"),
                 })
        {
            Assert.Equal(column, ReportRowDecider.Contradiction(unit, Row(other), Book)?.Column);
        }
    }

    /// <summary>A detail the record lacks is not added to a fact recorded without it: no event amends one.</summary>
    [Fact]
    public void A_detail_of_a_fact_recorded_without_it_is_no_contradiction()
    {
        var unit = UnitDecider.Replay(Events(null, Row()))!;
        // Every detail but the days and the place, which a fact always has.
        var row = Row(Details with
        {
            SteeringBoardOn = null,
            DocumentationOn = null,
            InspectedOn = null,
            StepDays = null,
            OnSite = null,
        });

        Assert.Null(ReportRowDecider.Contradiction(unit, row, Book));
        Assert.Empty(Events(unit, row));
    }

    /// <summary>A report's row gives no detail, and a large table's rows are nearly all on recorded units: judging
    /// one builds no table of the details to compare (the eighteenth session measured 2.9 KB per imported event, a
    /// quarter of the import's allocations, for that table built and compared empty on every row of both passes).
    /// </summary>
    [Fact]
    public void A_row_without_details_is_judged_without_comparing_details()
    {
        var unit = UnitDecider.Replay(Events(null, Row(Details)))!;
        var row = Row();
        Assert.Null(ReportRowDecider.Contradiction(unit, row, Book));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) ReportRowDecider.Contradiction(unit, row, Book);
        var perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        // About 4 KB in a Debug build for the other checks (the name, district, parent and edition on record); the
        // table of details alone added 12 KB.
        Assert.True(perRow < 8192, $"{perRow} bytes allocated to judge a row without details");
    }

    [Fact]
    public void A_fact_before_the_establishment_date_names_it()
    {
        var row = Row(new(EstablishedOn: new(2020, 12, 1), StepDays: new(InternalAudit: new(2020, 6, 1)))) with
        {
            ReportDate = new(2020, 12, 31),
        };

        var broken = Assert.IsType<Rejected>(ReportRowDecider.Decide(null, row, Today, Book)).Broken;

        Assert.Equal(Rules.FactBeforeEstablishment, broken);
        Assert.Equal("established_on", ReportRowDecider.ColumnOf(broken, null, row));
    }

    /// <summary>A 2020 row of a unit declared on 2008 in 2017 whose conversion to 2015 the row shows as done, with the
    /// days and decisions the import layout gives it.</summary>
    private static ReportRow Converted(ConversionDays days) =>
        Row(new(ConversionDays: days)) with
        {
            Conversion = ConversionState.Done,
            DeclaredBy = new(2017, 3, 1),
            SteeringBoard = false,
            Documentation = false,
        };

    private static readonly ConversionDays EarlierYears = new(new(2018, 6, 4), "5/QĐ-UBND", new(2019, 6, 15),
        "9/QĐ-UBND");

    /// <summary>A conversion done in an earlier year is recorded on its days, not the row's: exported from the ledger
    /// and imported into another, it had come out converted only from the 2020 report's date.</summary>
    [Fact]
    public void A_conversion_s_days_date_its_start_and_completion()
    {
        var events = Events(null, Converted(EarlierYears));

        Assert.Equal((new DateOnly(2017, 3, 1), Edition.Iso9001V2008),
            events.OfType<ConformityDeclared>().Select(d => (d.DeclaredOn, d.Standard)).Single());
        Assert.Equal(new ConversionStarted(new(2018, 6, 4), "5/QĐ-UBND", Edition.Iso9001V2008, Edition.Iso9001V2015),
            events.OfType<ConversionStarted>().Single());
        Assert.Equal(new StandardConverted(new(2019, 6, 15), "9/QĐ-UBND", Edition.Iso9001V2008, Edition.Iso9001V2015),
            events.OfType<StandardConverted>().Single());

        var unit = UnitDecider.Replay(events)!;
        Assert.Null(ReportRowDecider.Contradiction(unit, Converted(EarlierYears), Book));
        Assert.Empty(Events(unit, Converted(EarlierYears)));
        Assert.Empty(Events(unit, Converted(ConversionDays.None)));
        Assert.Equal("conversion_started", ReportRowDecider.Contradiction(
            unit, Converted(EarlierYears with { StartedOn = new(2018, 6, 5) }), Book)?.Column);
        Assert.Equal("conversion_completed", ReportRowDecider.Contradiction(
            unit, Converted(EarlierYears with { CompletedOn = new(2019, 6, 16) }), Book)?.Column);
    }

    /// <summary>A later year's row on a unit recorded from an earlier year's report (its conversion dated by that
    /// report's date) dates the conversion back to the days it gives.</summary>
    [Fact]
    public void A_conversion_s_days_date_back_one_an_earlier_report_dated()
    {
        var reported = Converted(ConversionDays.None) with { Year = 2019, ReportDate = new(2019, 12, 20) };
        var unit = UnitDecider.Replay(Events(null, reported))!;

        var events = Events(unit, Converted(EarlierYears));

        Assert.Equal(new DateOnly(2018, 6, 4), events.OfType<ConversionStarted>().Single().StartedOn);
        Assert.Equal(new DateOnly(2019, 6, 15), events.OfType<StandardConverted>().Single().ConvertedOn);
        var converted = events.Aggregate(unit, (state, e) => Unit.Evolve(state, e)!)
            .ConversionTo(Edition.Iso9001V2015)!;
        Assert.Equal((new DateOnly(2018, 6, 4), new DateOnly(2019, 6, 15)),
            (converted.StartedOn, converted.CompletedOn));
    }

    /// <summary>A later table has no conversion column: a row listing the edition a conversion reached gives that
    /// conversion's days beside it.</summary>
    [Fact]
    public void A_row_without_a_conversion_column_dates_the_conversion_to_the_edition_it_lists()
    {
        var row = Row(new(ConversionDays: new(new(2024, 11, 4), null, new(2025, 3, 1), "3/QĐ-UBND"))) with
        {
            Year = 2025,
            ReportDate = new(2025, 11, 20),
            DeclaredBy = new(2018, 5, 2),
            Standard = Edition.Iso9001V2015Amd1,
            Inspection = null,
            SteeringBoard = false,
            Documentation = false,
        };

        var events = Events(null, row);

        Assert.Equal(Edition.Iso9001V2015, events.OfType<ConformityDeclared>().Single().Standard);
        Assert.Equal((new DateOnly(2024, 11, 4), Edition.Iso9001V2015Amd1),
            events.OfType<ConversionStarted>().Select(c => (c.StartedOn, c.ToEdition)).Single());
        Assert.Equal(new StandardConverted(new(2025, 3, 1), "3/QĐ-UBND", Edition.Iso9001V2015,
            Edition.Iso9001V2015Amd1), events.OfType<StandardConverted>().Single());
    }

    /// <summary>A 2024 row of a unit on 2015 whose conversion to 2015/Amd1:2024 is under way, which the conversion
    /// column (about 2008 → 2015) cannot show.</summary>
    private static ReportRow ConvertingToAmendment(ConversionUnderWay underWay) =>
        Row(new(Converting: underWay)) with
        {
            Year = 2024,
            ReportDate = new(2024, 11, 20),
            DeclaredBy = new(2019, 5, 2),
            Inspection = null,
            SteeringBoard = false,
            Documentation = false,
        };

    /// <summary>The conversion under way is started on its day by its decision, once; another day, decision, or a
    /// completion on record by the row's date, is a contradiction at its column; a later start on record (a later
    /// year's row imported first) is dated back.</summary>
    [Fact]
    public void A_conversion_under_way_the_conversion_column_does_not_show_starts_on_its_day()
    {
        var given = new ConversionUnderWay(Edition.Iso9001V2015Amd1, new(2024, 5, 10), "15/QĐ-SKHCN");
        var events = Events(null, ConvertingToAmendment(given));

        Assert.Equal(new ConversionStarted(new(2024, 5, 10), "15/QĐ-SKHCN", Edition.Iso9001V2015,
            Edition.Iso9001V2015Amd1), events.OfType<ConversionStarted>().Single());
        Assert.Empty(events.OfType<StandardConverted>());
        var unit = UnitDecider.Replay(events)!;
        Assert.Null(ReportRowDecider.Contradiction(unit, ConvertingToAmendment(given), Book));
        Assert.Empty(Events(unit, ConvertingToAmendment(given)));
        Assert.Empty(Events(unit, ConvertingToAmendment(given with { StartedOn = null, DecisionNo = null })));
        Assert.Equal("converting_since", ReportRowDecider.Contradiction(
            unit, ConvertingToAmendment(given with { StartedOn = new(2024, 5, 11) }), Book)?.Column);
        Assert.Equal("converting_since", ReportRowDecider.Contradiction(
            unit, ConvertingToAmendment(given with { DecisionNo = "16/QĐ-SKHCN" }), Book)?.Column);
        var completed = Unit.Evolve(unit, new StandardConverted(new(2024, 10, 1), null, Edition.Iso9001V2015,
            Edition.Iso9001V2015Amd1))!;
        Assert.Equal("converting_to", ReportRowDecider.Contradiction(completed, ConvertingToAmendment(given), Book)
            ?.Column);

        var nextYear = ConvertingToAmendment(given with { StartedOn = null, DecisionNo = null }) with
        {
            Year = 2025,
            ReportDate = new(2025, 11, 20),
        };
        var later = UnitDecider.Replay(Events(null, nextYear))!;
        Assert.Null(ReportRowDecider.Contradiction(later, ConvertingToAmendment(given), Book));
        Assert.Equal(new DateOnly(2024, 5, 10), Events(later, ConvertingToAmendment(given))
            .OfType<ConversionStarted>().Single().StartedOn);
    }

    /// <summary>A former province's unit in its successor's table is registered where it was recorded; a unit
    /// recorded elsewhere is contradicted at the column.</summary>
    [Fact]
    public void A_former_province_registers_the_unit_in_it()
    {
        var row = Row(new(FormerProvince: "Quảng Bình")) with
        {
            Year = 2025,
            ReportDate = new(2025, 11, 20),
            Inspection = null,
            SteeringBoard = false,
            Documentation = false,
        };

        var unit = UnitDecider.Replay(Events(null, row))!;

        Assert.Equal("Quảng Bình", unit.RecordedProvinceOn(row.StepDate));
        Assert.Equal("Quảng Trị", unit.ProvinceOn(row.StepDate));
        Assert.Null(ReportRowDecider.Contradiction(unit, row, Book));
        var successors = UnitDecider.Replay(Events(null, row with { Details = null }))!;
        Assert.Equal("former_province", ReportRowDecider.Contradiction(successors, row, Book)?.Column);
    }
}
