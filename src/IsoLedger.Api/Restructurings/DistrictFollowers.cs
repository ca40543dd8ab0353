using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Restructurings;

/// <summary>The units a restructuring's district renames may carry to the district's new name
/// (<see cref="RestructureUnits.CarryingDistricts"/>): read before the units are locked, so that they are locked and
/// loaded with the others, and decided on under the locks.</summary>
public static class DistrictFollowers
{
    /// <summary>The codes of the units in each district that <paramref name="commands"/> rename to another kind of
    /// district of the same proper name, in that district on the rename's day; none for any other act.</summary>
    public static async Task<IReadOnlyList<string>> Of(
        IQuerySession session, IReadOnlyList<RestructureUnits> commands, CancellationToken cancellation)
    {
        var renamed = commands.SelectMany(c => c.Parts.Where(p => p.Kind == RestructuringKind.Rename)
            .SelectMany(p => p.From.Select(code => (c.EffectiveOn, Code: code, Name: p.Name!)))).ToList();
        if (renamed.Count == 0) return [];
        var districts = (await session.LoadManyAsync<Unit>(cancellation, renamed.Select(r => r.Code).Distinct()))
            .Where(u => u.Level == UnitLevel.District).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var followers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (on, code, name) in renamed)
        {
            if (!districts.TryGetValue(code, out var district)
                || DistrictNames.OfDistrictUnit(district, on.AddDays(-1)) is not { } before
                || DistrictNames.RenamedAs(before, name) is null)
                continue;
            var province = district.RecordedProvinceOn(on);
            var units = await session.Query<Unit>()
                .Where(u => u.Level != UnitLevel.District
                    && (u.Province == province || u.RegisteredProvince == province))
                .ToListAsync(cancellation);
            followers.UnionWith(units.Where(u => DistrictHistory.Follows(u, province, before, on)).Select(u => u.Code));
        }
        return [.. followers];
    }
}
