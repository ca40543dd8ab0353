using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Dashboards;

/// <summary>For one edition, as of a date: the units on it, those converting from it and to it, and those that
/// converted to it (GET /api/vocabulary, <c>editionColumns</c>).</summary>
/// <param name="On">Units whose system is on the edition on the date.</param>
/// <param name="ConvertingFrom">Of those, the units converting from it to another edition.</param>
/// <param name="ConvertingTo">Units whose conversion to the edition is under way.</param>
/// <param name="ConvertedTo">Units that completed a conversion to the edition by the date (whether still on it or
/// not).</param>
public sealed record EditionCounts(int On, int ConvertingFrom, int ConvertingTo, int ConvertedTo);

/// <summary>One edition's counts, in all and per level.</summary>
/// <param name="Edition">The edition, by its name in the rule book.</param>
/// <param name="Counts">Its counts over every unit.</param>
/// <param name="ByLevel">Its counts over each level's units, for every level with units, in the levels' order.</param>
public sealed record EditionStanding(Edition Edition, EditionCounts Counts, IReadOnlyList<LevelEditionCounts> ByLevel);

/// <summary>One edition's counts over one level's units.</summary>
/// <param name="Level">The level.</param>
/// <param name="Counts">The counts of its units.</param>
public sealed record LevelEditionCounts(UnitLevel Level, EditionCounts Counts);

/// <summary>Conversion progress for every edition of the rule book: the 2008 → 2015 view
/// (GET /api/dashboards/conversion) generalised to any edition, of the units existing on the date.</summary>
/// <param name="Province">The province, as asked.</param>
/// <param name="AsOf">The date the units are judged as of.</param>
/// <param name="Units">The province's units that exist on the date.</param>
/// <param name="NotDeclared">Of those, the units that had declared no system yet (on no edition).</param>
/// <param name="Editions">Every edition of the rule book, in its order, with its counts.</param>
public sealed record EditionProgress(
    string Province, DateOnly AsOf, int Units, int NotDeclared, IReadOnlyList<EditionStanding> Editions)
{
    public static EditionProgress Of(string province, IEnumerable<Unit> units, DateOnly asOf, RuleBook rules)
    {
        // Each unit's edition and conversions on the date, worked out once for every edition's counts.
        var active = units.Where(u => u.ExistsOn(asOf))
            .Select(u => (u.Level, On: u.StandardOn(asOf), UnderWay: u.ConversionUnderWayOn(asOf)?.To,
                Converted: u.Conversions.Where(c => c.CompletedOn <= asOf).Select(c => c.To).ToHashSet()))
            .ToList();
        EditionCounts Count(Edition edition, IEnumerable<(UnitLevel Level, Edition? On, Edition? UnderWay,
            HashSet<Edition> Converted)> group)
        {
            var list = group.ToList();
            return new(
                list.Count(u => u.On == edition),
                list.Count(u => u.On == edition && u.UnderWay is not null),
                list.Count(u => u.UnderWay == edition),
                list.Count(u => u.Converted.Contains(edition)));
        }

        return new(province, asOf, active.Count, active.Count(u => u.On is null),
        [
            .. rules.Editions.Select(e => new EditionStanding(e.Edition, Count(e.Edition, active),
                [
                    .. active.GroupBy(u => u.Level).OrderBy(g => g.Key)
                        .Select(g => new LevelEditionCounts(g.Key, Count(e.Edition, g))),
                ])),
        ]);
    }
}
