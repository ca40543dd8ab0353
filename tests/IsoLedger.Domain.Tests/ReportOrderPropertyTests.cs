using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>Property-based: a unit's yearly report rows (declared on 2008, then converting, then converted) imported
/// in any order give each year the conversion state its own row says. A later year imported first had dated the
/// completion (or the start) by its own report, and no earlier year's row moved it back: the earlier years' tables
/// showed the unit still on 2008.</summary>
public class ReportOrderPropertyTests
{
    private static readonly RuleBook Book = ShippedRuleBook.Table;
    private static readonly DateOnly Today = new(2026, 11, 30);
    private const int FirstYear = 2018;
    private const int Years = 7;

    /// <summary>The year index the conversion starts and the one it is done (Years: never), and an import
    /// order.</summary>
    private static readonly Arbitrary<(int Start, int Done, int[] Order)> Histories =
        (from start in Gen.Choose(0, Years)
         from done in Gen.Choose(start, Years)
         from order in Gen.Shuffle(Enumerable.Range(0, Years).ToArray())
         select (start, done, order.ToArray())).ToArbitrary();

    private static ConversionState StateIn(int year, int start, int done) =>
        year >= done ? ConversionState.Done : year >= start ? ConversionState.InProgress : ConversionState.None;

    private static ReportRow Row(int index, ConversionState state) => new(
        "Quảng Trị", "QT-ORDER", "Sở Nội vụ", UnitLevel.Department, null, null, FirstYear + index,
        new DateOnly(FirstYear + index, 11, 20), Declared: true,
        state == ConversionState.Done ? Edition.Iso9001V2015 : Edition.Iso9001V2008, state,
        false, false, false, false, false, false, false, null);

    [Property(MaxTest = 300)]
    public Property Years_imported_in_any_order_give_each_year_the_conversion_state_of_its_row() =>
        Prop.ForAll(Histories, h =>
        {
            List<object> history = [];
            foreach (var index in h.Order)
            {
                var decided = ReportRowDecider.Decide(
                    UnitDecider.Replay(history), Row(index, StateIn(index, h.Start, h.Done)), Today, Book);
                if (decided is not Accepted accepted) return false.Label($"year {FirstYear + index} refused");
                history.AddRange(accepted.Events);
            }
            var unit = UnitDecider.Replay(history)!;
            return Enumerable.Range(0, Years).All(index =>
                    unit.ConversionOn(new DateOnly(FirstYear + index, 12, 31), Edition.Iso9001V2015)
                    == StateIn(index, h.Start, h.Done))
                .Label(string.Join(", ", Enumerable.Range(0, Years).Select(index =>
                    $"{FirstYear + index}: {unit.ConversionOn(new DateOnly(FirstYear + index, 12, 31),
                        Edition.Iso9001V2015)}")));
        });
}
