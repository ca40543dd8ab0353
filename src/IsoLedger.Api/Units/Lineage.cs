using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Units;

/// <summary>A unit related to another by restructurings: how (merge, split), when, by which act, and how many
/// restructurings away.</summary>
public sealed record LineageLink(
    string Code, string Name, RestructuringKind Kind, DateOnly EffectiveOn, string? DecisionNo, int Distance);

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
        var frontier = new List<Unit> { start };
        for (var distance = 1; frontier.Count > 0; distance++)
        {
            var steps = frontier.SelectMany(next).Where(step => seen.Add(step.Code)).ToList();
            var units = (await session.LoadManyAsync<Unit>(cancellation, steps.Select(s => s.Code).ToArray()))
                .ToDictionary(u => u.Code, StringComparer.Ordinal);
            links.AddRange(steps.Select(s => new LineageLink(
                s.Code, units.GetValueOrDefault(s.Code)?.NameOn(s.On) ?? s.Code, s.Kind, s.On, s.DecisionNo,
                distance)));
            frontier = [.. steps.Select(s => units.GetValueOrDefault(s.Code)).OfType<Unit>()];
        }
        return links;
    }
}
