using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Restructurings;

/// <summary>The units a restructuring's decision judges parents on besides those the acts name
/// (<see cref="RestructureUnits.ParentReads"/>): the sub-departments under a unit the acts end or transfer, and the
/// parent that a sub-department they transfer keeps. Read before the units are locked, so that they are locked and
/// loaded with the others, and again under the locks: a sub-department put under one of those units in between (a
/// registration, another restructuring's transfer, each of which locks the parent) is found there, and the acts are
/// decided again with it locked too.</summary>
public static class ParentFollowers
{
    /// <summary>The codes of those units, from the units as stored.</summary>
    public static async Task<IReadOnlyList<string>> Of(
        IQuerySession session, IReadOnlyList<RestructureUnits> commands, CancellationToken cancellation)
    {
        var touched = commands.SelectMany(c => c.Parts)
            .Where(p => p.Kind == RestructuringKind.Transfer || p.Predecessors().Any())
            .SelectMany(p => p.From).Distinct(StringComparer.Ordinal).ToArray();
        if (touched.Length == 0) return [];
        var subDepartments = await session.Query<Unit>()
            .Where(u => u.Level == UnitLevel.SubDepartment
                && (u.Code.IsOneOf(touched) || u.ParentCode.IsOneOf(touched)
                    || u.RegisteredParentCode.IsOneOf(touched) || u.Transfers.Any(t => t.ParentCode.IsOneOf(touched))))
            .ToListAsync(cancellation);
        return [.. subDepartments.SelectMany(u => commands.SelectMany(c => c.ParentReads(u))).Distinct()];
    }
}
