namespace IsoLedger.Domain.Units;

/// <summary>A district's new name from <paramref name="On"/>, as its district unit (<paramref name="DistrictCode"/>)
/// records it: a transfer of the district unit to another district is its own district renamed (a district unit
/// moves into no other district), e.g. Thị xã Sông Công, a thành phố from 2015.</summary>
public sealed record DistrictRename(
    string Province, string From, string To, DateOnly On, string DistrictCode, string? DecisionNo,
    string? RestructuringId);

/// <summary>The districts' renames recorded in the ledger, read from their district units. A district's units follow
/// its name: a commune's district is text, recorded on the commune, so a district's rename is recorded on each of its
/// units as a transfer on the same day (<see cref="Carried"/>) — by the restructuring that renames the district
/// (<see cref="RestructureUnits.CarryingDistricts"/>) for the units recorded by then, and by an import for a unit
/// it records later from an earlier year's table. Every answer as of a date then reads the district's name of that
/// date, in every table and filter, without any of them knowing of renames.</summary>
public sealed class DistrictHistory
{
    public static readonly DistrictHistory None = new([]);

    /// <summary>The renames, earliest first.</summary>
    public IReadOnlyList<DistrictRename> Renames { get; }

    private DistrictHistory(IReadOnlyList<DistrictRename> renames) => Renames = renames;

    /// <summary>The renames recorded on the district units among <paramref name="units"/>.</summary>
    public static DistrictHistory Of(IEnumerable<Unit> units) =>
        new([.. units.Where(u => u.Level == UnitLevel.District).SelectMany(RenamesOf).OrderBy(r => r.On)]);

    private static IEnumerable<DistrictRename> RenamesOf(Unit district)
    {
        foreach (var transfer in district.Transfers.Where(t => t.District is not null).OrderBy(t => t.TransferredOn))
        {
            var on = transfer.TransferredOn;
            if (DistrictNames.OfDistrictUnit(district, on.AddDays(-1)) is { } before
                && !DistrictNames.Same(before, transfer.District))
            {
                yield return new DistrictRename(district.RecordedProvinceOn(on), before, transfer.District!, on,
                    district.Code, transfer.DecisionNo, transfer.RestructuringId);
            }
        }
    }

    /// <summary>Whether <paramref name="unit"/> is one of the units in <paramref name="district"/> of
    /// <paramref name="province"/> that follow the district's rename on <paramref name="on"/>: not a district unit,
    /// recorded there on that day, existing before it (a unit known only from a later date is recorded under the name
    /// of its own date) and not ended by then.</summary>
    public static bool Follows(Unit unit, string province, string district, DateOnly on) =>
        unit.Level != UnitLevel.District && unit.RecordedProvinceOn(on) == province
        && DistrictNames.Same(unit.DistrictOn(on), district) && unit.ExistsFrom < on && !(unit.EndedOn <= on);

    /// <summary>The transfers that bring <paramref name="unit"/> into its district's renames it does not show yet
    /// (recorded after the rename, from a report of an earlier year), each dated the rename's day and naming its act.
    /// </summary>
    public IReadOnlyList<UnitTransferred> Carried(Unit unit)
    {
        if (unit.Level == UnitLevel.District || unit.District is null && unit.RegisteredDistrict is null) return [];
        var carried = new List<UnitTransferred>();
        foreach (var rename in Renames)
        {
            if (!Follows(unit, rename.Province, rename.From, rename.On)) continue;
            var transfer = new UnitTransferred(rename.On, null, rename.To, rename.DecisionNo, rename.RestructuringId);
            carried.Add(transfer);
            unit = Unit.Evolve(unit, transfer)!;
        }
        return carried;
    }

    /// <summary><paramref name="unit"/> with <see cref="Carried"/> applied.</summary>
    public Unit Followed(Unit unit) => Carried(unit).Aggregate(unit, (state, e) => Unit.Evolve(state, e)!);

    /// <summary>The name on <paramref name="on"/> of the district <paramref name="district"/> of
    /// <paramref name="province"/> names, when it was renamed by then (a row of 2016 that still writes "Thị xã Sông
    /// Công" means the district by then called Thành phố Sông Công); otherwise <paramref name="district"/>.</summary>
    public string NameOn(string province, string district, DateOnly on)
    {
        foreach (var rename in Renames.TakeWhile(r => r.On <= on))
        {
            if (DistrictNames.Same(district, rename.From) && SameProvince(rename.Province, province, rename.On))
                district = rename.To;
        }
        return district;
    }

    /// <summary>The rename of the district called <paramref name="district"/> on the day before it that gave it the
    /// name <paramref name="renamedTo"/> (the same district under another kind), or null.</summary>
    public DistrictRename? RenameBetween(string province, string district, string renamedTo) =>
        Renames.FirstOrDefault(r => DistrictNames.Same(r.From, district) && DistrictNames.Same(r.To, renamedTo)
            && SameProvince(r.Province, province, r.On));

    private static bool SameProvince(string a, string b, DateOnly on) => Provinces.Provinces.On(a, on)
        == Provinces.Provinces.On(b, on);
}
