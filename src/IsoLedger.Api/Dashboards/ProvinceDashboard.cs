using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;
using IsoLedger.Projections.Dashboards;
using Marten;

namespace IsoLedger.Api.Dashboards;

/// <summary>What the province dashboards share: their common query parameters, and answers computed from the
/// asynchronous <see cref="DashboardUnit"/> projection, cached until it moves.</summary>
public static class ProvinceDashboard
{
    public sealed record Common(string Province, bool Consistent);

    /// <summary>Reads the query parameters every dashboard takes: a province of any period (by its canonical name),
    /// and consistent=true|false.</summary>
    public static Common? ReadCommon(Validation validation, string? province, string? consistent)
    {
        validation.Text("province", province, required: true, max: Validation.MaxName);
        var waits = Query.Flag(validation, "consistent", consistent);
        if (string.IsNullOrWhiteSpace(province) || UnicodeText.Characters(province) > Validation.MaxName) return null;
        if (Provinces.Problem(province) is { } problem) validation.Add("province", problem);
        return new Common(Provinces.Canonical(province) ?? province, waits);
    }

    /// <summary>Answers from the cache when the projection has not moved since the same question was last asked;
    /// otherwise judges the units that count as the province on <paramref name="date"/>: from 1 July 2025 also those
    /// of the former provinces that formed it, recorded under their own names (<see cref="Provinces.NamesCountedAs"/>).
    /// The documents are read after the progress, so an answer is never older than the freshness it is reported
    /// with.</summary>
    public static async Task<IResult> Answer<T>(
        string dashboard, Common common, DateOnly date, string filters, Func<IReadOnlyList<Unit>, T> compute,
        IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, CancellationToken cancellation) =>
        Results.Ok(await Judge(dashboard, common, date, filters, compute, store, freshness, cache, cancellation));

    /// <summary>The answer of <see cref="Answer"/> as data, for an endpoint that writes it in another format too.
    /// With <paramref name="everCounted"/>, <paramref name="compute"/> is given every unit ever recorded under the
    /// province's names, not only those counted as it on <paramref name="date"/> (an answer over past years, which
    /// judges where each unit was in each of them).</summary>
    public static async Task<DashboardAnswer<T>> Judge<T>(
        string dashboard, Common common, DateOnly date, string filters, Func<IReadOnlyList<Unit>, T> compute,
        IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, CancellationToken cancellation,
        bool everCounted = false)
    {
        var names = Provinces.NamesCountedAs(common.Province, date).ToArray();
        return await Cached(dashboard, common.Province, common.Consistent, date, filters, async session =>
        {
            // By every province a unit ever had (a transferred unit counts where it was on the date); documents
            // kept before provinces were listed are found by their current one.
            var units = await session.Query<DashboardUnit>()
                .Where(u => names.Contains(u.Province) || u.Provinces.Any(p => names.Contains(p)))
                .ToListAsync(CancellationToken.None);
            // A successor is judged with its predecessors as recorded now: a predecessor's declaration back-filled
            // after the merge, dated before it, counts as a report written that day would count it.
            var recorded = units.ToDictionary(u => u.State.Code, u => u.State);
            return compute([.. units.Select(u => u.State.WithPredecessorsAsRecorded(recorded.GetValueOrDefault))
                .Where(u => everCounted || names.Contains(u.RecordedProvinceOn(date)))]);
        }, store, freshness, cache, cancellation);
    }

    /// <summary>A dashboard's answer to one question (<paramref name="question"/> of <paramref name="province"/>,
    /// judged on <paramref name="date"/>) from the cache while the projection has not moved, otherwise computed
    /// once for every request asking it meanwhile.</summary>
    public static async Task<DashboardAnswer<T>> Cached<T>(
        string dashboard, string province, bool consistent, DateOnly date, string question,
        Func<IQuerySession, Task<T>> compute, IDocumentStore store, ProjectionFreshness freshness,
        DashboardCache cache, CancellationToken cancellation)
    {
        var fresh = await freshness.For(consistent, cancellation);
        var key = new DashboardKey(dashboard, province, fresh.ProcessedSequence, date, question);
        // Shared by every request waiting for the same key, so one request's cancellation must not end it: its
        // queries run uncancelled.
        var data = await cache.GetOrCompute(key, async () =>
        {
            await using var session = store.QuerySession();
            return await compute(session);
        }).WaitAsync(cancellation);
        return new DashboardAnswer<T>(fresh, data);
    }
}
