namespace IsoLedger.Domain.Units;

/// <summary>Which unit may be another's parent. Only a sub-department (chi cục thuộc Sở) belongs to another unit of
/// the ledger, its department (sở): the reports group sub-departments under their departments, while a commune's
/// place is its district (a name, not a unit's code) and departments and districts answer to the province itself.
/// A parent is a reference to a unit on a date: one that is registered, exists that day and is counted in the same
/// province, so that the dashboards and exports never name a parent that is not there. Every path that records a
/// parent (a registration, a restructuring's new unit, a transfer, both import tables) decides it here.</summary>
public static class ParentUnits
{
    /// <summary>The level a parent is of.</summary>
    public const UnitLevel ParentLevel = UnitLevel.Department;

    /// <summary>Whether a unit of <paramref name="level"/> has a parent.</summary>
    public static bool TakesParent(UnitLevel level) => level == UnitLevel.SubDepartment;

    /// <summary>Whether <paramref name="written"/>, in a table's parent column ("Cơ quan chủ quản"), names a people's
    /// committee ("UBND tỉnh", "Ủy ban nhân dân huyện Can Lộc"): the authority a Sở, a district or a commune answers
    /// to, which appendices fill in for every row. It is no parent: a parent is a department, whose name never starts
    /// so.</summary>
    public static bool NamesPeoplesCommittee(string written) =>
        UnitNameSpelling.Comparable(written) is var name
        && (name == "ubnd" || name.StartsWith("ubnd ", StringComparison.Ordinal));

    /// <summary>Why a unit of <paramref name="level"/> takes no parent, for a request or a row that gives one to a
    /// level that has none (the level is in the request: no state is needed to see it).</summary>
    public static string NotTakenBy(UnitLevel level) =>
        $"A {Vocabulary.Levels[level].Value} has no parent unit: only a "
        + $"{Vocabulary.Levels[UnitLevel.SubDepartment].Value} has one, its {Vocabulary.Levels[ParentLevel].Value}.";

    /// <summary>The parents <paramref name="unit"/> has from <paramref name="on"/> on: the one of that day (of the day
    /// it came into existence, when that is later) and each one a later transfer gives it.</summary>
    public static IEnumerable<string> ParentsFrom(Unit unit, DateOnly on) =>
        unit.Transfers.Where(t => t.ParentCode is not null && t.TransferredOn > on).Select(t => t.TransferredOn)
            .Prepend(unit.ExistsFrom > on ? unit.ExistsFrom : on)
            .Select(unit.ParentCodeOn).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>The rule a unit of <paramref name="level"/>, counted in <paramref name="province"/>, breaks by having
    /// <paramref name="parent"/> (its state; null when the code is registered to no unit) as its parent on
    /// <paramref name="on"/>, or null when it may. The parent must exist that day: a parent registered without an
    /// establishment date may have existed before its earliest recorded fact (history is back-filled in any order,
    /// as for an existing successor of a restructuring), so only its end is judged then. Provinces are compared as
    /// they count on the date: from the 2025 mergers a former province's units count under the new province.
    /// </summary>
    public static Rule? Check(UnitLevel level, string province, DateOnly on, Unit? parent)
    {
        if (!TakesParent(level)) return Rules.ParentLevel;
        if (parent is null || !parent.MayExistOn(on))
            return Rules.ParentNotExisting;
        if (parent.Level != ParentLevel) return Rules.ParentLevel;
        return Provinces.Provinces.On(parent.RecordedProvinceOn(on), on) == Provinces.Provinces.On(province, on)
            ? null
            : Rules.ParentInOtherProvince;
    }
}
