using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Units;

/// <summary>Where a registration's namesakes are looked for: the units of its <paramref name="Level"/> stored under
/// a province counted as its own on its date (<paramref name="Provinces"/>), named <paramref name="Name"/> (as
/// <see cref="UnitNameSpelling"/> compares names, notes kept) or with a name of its
/// <paramref name="Skeleton"/> (one that abbreviates it or that it abbreviates, <see cref="UnitNameAbbreviations"/>).
/// </summary>
public sealed record NamesakeSearch(UnitLevel Level, IReadOnlyList<string> Provinces, string Name, string Skeleton)
{
    public static NamesakeSearch For(RegisterUnit registration)
    {
        var province = Domain.Provinces.Provinces.On(registration.Province, registration.RegisteredOn);
        return new(registration.Level,
            [
                .. Domain.Provinces.Provinces.NamesCountedAs(province, registration.RegisteredOn)
                    .Append(registration.Province).Distinct(),
            ],
            UnitNameSpelling.Comparable(registration.Name, keepNotes: true),
            UnitNameAbbreviations.Skeleton(registration.Name));
    }
}

/// <summary>A unit of the levels and provinces searched, with every name it has had (current, registered, renamed
/// to), as <see cref="UnitLocks.LockAndLoad"/> reads them.</summary>
public sealed record NamedUnit(string Code, IReadOnlyList<string?> Names);

/// <summary>The registered units that registrations may repeat under another code
/// (<see cref="RegisterUnit.Namesake"/>): of the units of the levels and provinces searched, read by name with the
/// locks (the level and the province are indexed columns of the units' table), the states of the few that have had
/// a name searched for.</summary>
public static class Namesakes
{
    public static async Task<IReadOnlyList<Unit>> Load(
        IDocumentSession session, IReadOnlyList<NamedUnit> named, IReadOnlyCollection<NamesakeSearch> searches,
        CancellationToken cancellation)
    {
        var names = searches.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var skeletons = searches.Select(s => s.Skeleton).ToHashSet(StringComparer.Ordinal);
        var codes = named
            .Where(unit => unit.Names.OfType<string>()
                .Any(name => names.Contains(UnitNameSpelling.Comparable(name, keepNotes: true))
                    || skeletons.Contains(UnitNameAbbreviations.Skeleton(name))))
            .Select(unit => unit.Code)
            .ToArray();
        return codes.Length == 0 ? [] : await session.LoadManyAsync<Unit>(cancellation, codes);
    }
}
