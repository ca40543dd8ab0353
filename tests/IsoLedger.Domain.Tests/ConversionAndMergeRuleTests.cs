using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

public class ConversionAndMergeRuleTests
{
    private static readonly DateOnly D2019 = new(2019, 5, 1);

    [Fact]
    public void A_2008_unit_converts_with_or_without_a_recorded_start()
    {
        GivenCommune(DeclaredOn2008In2016).When(new StartConversion(D2019, "KH 05"))
            .ThenEvents(new ConversionStarted(D2019, "KH 05", Edition.Iso9001V2008, Edition.Iso9001V2015));
        GivenCommune([.. DeclaredOn2008In2016, new ConversionStarted(D2019, null)])
            .When(new CompleteConversion(D2019.AddMonths(3), "QĐ 9"))
            .ThenEvents(new StandardConverted(D2019.AddMonths(3), "QĐ 9", Edition.Iso9001V2008, Edition.Iso9001V2015));
        GivenCommune(DeclaredOn2008In2016).When(new CompleteConversion(D2019, null))
            .ThenEvents(new StandardConverted(D2019, null, Edition.Iso9001V2008, Edition.Iso9001V2015));
    }

    [Fact]
    public void A_conversion_recorded_out_of_order_cannot_contradict_facts_on_other_dates()
    {
        // A second completion to 2015, dated before the recorded one: a system converts to an edition once.
        var convertedIn2019 = new StandardConverted(D2019, null, Edition.Iso9001V2008, Edition.Iso9001V2015);
        GivenCommune([.. DeclaredOn2008In2016, convertedIn2019])
            .When(new CompleteConversion(new DateOnly(2017, 5, 1), null))
            .ThenRejected(Rules.ConversionAlreadyDone);
        // A conversion to 2015 dated before a recorded declaration on 2008: that declaration would have gone back.
        GivenCommune([.. DeclaredOn2008In2016, Declared(2020)])
            .When(new CompleteConversion(D2019, null))
            .ThenRejected(Rules.StandardDowngrade);
        // The other order gives the same answer.
        GivenCommune([.. DeclaredOn2008In2016, convertedIn2019]).When(new DeclareConformity(
            new DateOnly(2020, 9, 1), Edition.Iso9001V2008, null, null)).ThenRejected(Rules.StandardDowngrade);
        // A re-declaration on 2008 before the conversion stands.
        GivenCommune([.. DeclaredOn2008In2016, Declared(2018)]).When(new CompleteConversion(D2019, null))
            .ThenEvents(new StandardConverted(D2019, null, Edition.Iso9001V2008, Edition.Iso9001V2015));
    }

    [Fact]
    public void Only_a_unit_declared_by_then_on_an_older_edition_can_convert()
    {
        GivenCommune().When(new CompleteConversion(D2019, null)).ThenRejected(Rules.ConversionWithoutDeclaration);
        GivenCommune(Declared(2018, Edition.Iso9001V2015)).When(new StartConversion(D2019, null))
            .ThenRejected(Rules.ConversionTargetNotLater);
        GivenCommune(Declared(2020)).When(new CompleteConversion(D2019, null))
            .ThenRejected(Rules.ConversionWithoutDeclaration);
        GivenCommune(Declared(2018)).When(new StartConversion(D2019, null, Edition.Iso9001V2008))
            .ThenRejected(Rules.ConversionTargetNotLater);
        GivenCommune(Declared(2018)).When(new StartConversion(D2019, null, new Edition("2099")))
            .ThenRejected(Rules.EditionUnknown);
    }

    [Fact]
    public void Nothing_is_declared_on_or_converted_to_an_edition_before_it_was_published()
    {
        var beforeAmendment = new DateOnly(2021, 1, 1);
        GivenCommune(Declared(2018, Edition.Iso9001V2015))
            .When(new CompleteConversion(beforeAmendment, null, Edition.Iso9001V2015Amd1))
            .ThenRejected(Rules.EditionNotYetPublished);
        GivenCommune(Declared(2018, Edition.Iso9001V2015))
            .When(new StartConversion(beforeAmendment, null, Edition.Iso9001V2015Amd1))
            .ThenRejected(Rules.EditionNotYetPublished);
        GivenCommune(Declared(2014)).When(new StartConversion(new DateOnly(2015, 9, 1), null))
            .ThenRejected(Rules.EditionNotYetPublished);
        GivenCommune().When(new DeclareConformity(new DateOnly(2015, 9, 1), Edition.Iso9001V2015, null, null))
            .ThenRejected(Rules.EditionNotYetPublished);
        GivenCommune(Declared(2018, Edition.Iso9001V2015))
            .When(new CompleteConversion(new DateOnly(2024, 6, 1), null, Edition.Iso9001V2015Amd1))
            .ThenEvents(new StandardConverted(new DateOnly(2024, 6, 1), null, Edition.Iso9001V2015,
                Edition.Iso9001V2015Amd1));
    }

    [Fact]
    public void A_unit_converts_only_once()
    {
        var converted = new StandardConverted(D2019, null);
        GivenCommune([.. DeclaredOn2008In2016, converted]).When(new CompleteConversion(D2019.AddDays(1), null))
            .ThenRejected(Rules.ConversionAlreadyDone);
        GivenCommune([.. DeclaredOn2008In2016, converted]).When(new StartConversion(D2019.AddDays(1), null))
            .ThenRejected(Rules.ConversionAlreadyDone);
        GivenCommune([.. DeclaredOn2008In2016, new ConversionStarted(D2019, null)])
            .When(new StartConversion(D2019, null))
            .ThenRejected(Rules.ConversionAlreadyStarted);
    }

    [Fact]
    public void A_conversion_cannot_complete_before_it_started() =>
        GivenCommune([.. DeclaredOn2008In2016, new ConversionStarted(D2019, null)])
            .When(new CompleteConversion(D2019.AddDays(-1), null))
            .ThenRejected(Rules.DateBeforePrecedingStep);

    [Fact]
    public void A_merged_unit_takes_nothing_dated_after_its_merge()
    {
        var mergedOn = new DateOnly(2025, 7, 1);
        var merged = GivenCommune(new UnitMerged(mergedOn, "QT-HAIDINH"));
        merged.When(new HoldInternalAudit(mergedOn.AddDays(1), null, null)).ThenRejected(Rules.UnitMerged);
        merged.When(new HoldInternalAudit(mergedOn.AddDays(-30), null, null))
            .ThenEvents(new InternalAuditHeld(mergedOn.AddDays(-30), null, null));
    }
}
