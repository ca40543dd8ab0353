using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Units;

/// <summary>A unit related to another by restructurings: how (merge, split), when, by which act, and how many
/// restructurings away.</summary>
/// <param name="Code">The related unit's code.</param>
/// <param name="Name">Its name on the day the restructuring that links it took effect.</param>
/// <param name="Kind">That restructuring's kind.</param>
/// <param name="EffectiveOn">The day it took effect.</param>
/// <param name="DecisionNo">The act that decided it.</param>
/// <param name="Distance">How many restructurings away the related unit is.</param>
/// <param name="JoinedOn">The day it became the unit's predecessor (or successor): the latest restructuring's on the
/// way. A commune merged into B in 2020 is the predecessor of K, which took B over in 2024, from 2024.</param>
public sealed record LineageLink(
    string Code, string Name, RestructuringKind Kind, DateOnly EffectiveOn, string? DecisionNo, int Distance,
    DateOnly JoinedOn);

/// <summary>Follows restructurings through the units' state documents, both ways and transitively.</summary>
public static class Lineage
{
    /// <summary>Every unit <paramref name="unit"/> took over, directly or through its predecessors.</summary>
    public static Task<IReadOnlyList<LineageLink>> Predecessors(
        IQuerySession session, Unit unit, CancellationToken c) =>
        Walk(session, unit, u => u.TookOver.SelectMany(t => t.Predecessors.Select(p =>
            (p.Code, t.Kind, t.EffectiveOn, t.DecisionNo))), c);

    /// <summary>Every unit that took <paramref name="unit"/> over, directly or through its successors.</summary>
    public static Task<IReadOnlyList<LineageLink>> Successors(IQuerySession session, Unit unit, CancellationToken c) =>
        Walk(session, unit, u =>
            (u.Merger is { } merged
                ? [(merged.IntoCode, RestructuringKind.Merge, merged.MergedOn, merged.DecisionNo)]
                : Enumerable.Empty<(string, RestructuringKind, DateOnly, string?)>())
            .Concat(u.Split?.IntoCodes.Select(code =>
                (code, RestructuringKind.Split, u.Split.SplitOn, u.Split.DecisionNo)) ?? []), c);

    private static async Task<IReadOnlyList<LineageLink>> Walk(
        IQuerySession session, Unit start,
        Func<Unit, IEnumerable<(string Code, RestructuringKind Kind, DateOnly On, string? DecisionNo)>> next,
        CancellationToken cancellation)
    {
        var links = new List<LineageLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Code };
        // The day each unit reached joined the one started from.
        var joined = new Dictionary<string, DateOnly>(StringComparer.Ordinal) { [start.Code] = DateOnly.MinValue };
        var frontier = new List<Unit> { start };
        for (var distance = 1; frontier.Count > 0; distance++)
        {
            var steps = frontier
                .SelectMany(unit => next(unit).Select(step => (Step: step, Joined: Later(joined[unit.Code], step.On))))
                .Where(reached => seen.Add(reached.Step.Code)).ToList();
            foreach (var (step, on) in steps) joined[step.Code] = on;
            var units = (await session.LoadManyAsync<Unit>(cancellation, steps.Select(s => s.Step.Code).ToArray()))
                .ToDictionary(u => u.Code, StringComparer.Ordinal);
            links.AddRange(steps.Select(reached => new LineageLink(
                reached.Step.Code, units.GetValueOrDefault(reached.Step.Code)?.NameOn(reached.Step.On)
                ?? reached.Step.Code, reached.Step.Kind, reached.Step.On, reached.Step.DecisionNo, distance,
                reached.Joined)));
            frontier = [.. steps.Select(s => units.GetValueOrDefault(s.Step.Code)).OfType<Unit>()];
        }
        return links;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
