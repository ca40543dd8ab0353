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

    private static ReportRow Row(int index, ConversionState state, bool conversionColumn = true) => new(
        "Quảng Trị", "QT-ORDER", "Sở Nội vụ", UnitLevel.Department, null, null, FirstYear + index,
        new DateOnly(FirstYear + index, 11, 20), Declared: true,
        state == ConversionState.Done ? Edition.Iso9001V2015 : Edition.Iso9001V2008,
        conversionColumn ? state : null, false, false, false, false, false, false, false, null);

    /// <summary>The unit's history after importing its rows in <paramref name="order"/>, or why a row was refused.
    /// </summary>
    private static (Unit? Unit, string? Refused) Imported(IEnumerable<int> order, Func<int, ReportRow> row)
    {
        List<object> history = [];
        foreach (var index in order)
        {
            if (ReportRowDecider.Decide(UnitDecider.Replay(history), row(index), Today, Book) is not Accepted accepted)
                return (null, $"year {FirstYear + index} refused");
            history.AddRange(accepted.Events);
        }
        return (UnitDecider.Replay(history), null);
    }

    private static string States(Unit unit) => string.Join(", ", Enumerable.Range(0, Years).Select(index =>
        $"{FirstYear + index}: {unit.StandardOn(new DateOnly(FirstYear + index, 12, 31))} "
        + $"{unit.ConversionOn(new DateOnly(FirstYear + index, 12, 31), Edition.Iso9001V2015)}"));

    /// <summary>The histories above, with the tables from year index <c>Cut</c> on written without a conversion
    /// column (as from 2022): a unit listed on 2008 or, once converted, on 2015.</summary>
    private static readonly Arbitrary<(int Start, int Done, int Cut, int[] Order)> LaterTablesWithoutColumn =
        (from start in Gen.Choose(0, Years)
         from done in Gen.Choose(start, Years)
         from cut in Gen.Choose(0, Years)
         from order in Gen.Shuffle(Enumerable.Range(0, Years).ToArray())
         select (start, done, cut, order.ToArray())).ToArbitrary();

    /// <summary>Years imported in any order give each year the standing their rows say, whether or not the tables
    /// have a conversion column: the year's edition, converted from the year its row lists 2015, and converting from
    /// the first year a conversion column shows it under way. A later table imported first had declared the unit on
    /// 2015 at its date, or completed the conversion at a later table's date.</summary>
    [Property(MaxTest = 500)]
    public Property Years_with_and_without_a_conversion_column_give_each_year_its_standing_in_any_order() =>
        Prop.ForAll(LaterTablesWithoutColumn, h =>
        {
            var (unit, refused) = Imported(h.Order, index =>
                Row(index, StateIn(index, h.Start, h.Done), conversionColumn: index < h.Cut));
            if (unit is null) return false.Label(refused!);
            // Listed on 2015 from its first row, in a table without the column, the unit was built on 2015.
            var converts = h.Done > 0 || h.Cut > 0;
            ConversionState Expected(int index) =>
                index >= h.Done ? (converts ? ConversionState.Done : ConversionState.None)
                : h.Start <= index && h.Start < Math.Min(h.Cut, h.Done) ? ConversionState.InProgress
                : ConversionState.None;
            return Enumerable.Range(0, Years).All(index =>
                    unit.ConversionOn(new DateOnly(FirstYear + index, 12, 31), Edition.Iso9001V2015) == Expected(index)
                    && unit.StandardOn(new DateOnly(FirstYear + index, 12, 31))
                    == (index >= h.Done ? Edition.Iso9001V2015 : Edition.Iso9001V2008))
                .Label(States(unit));
        });

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
