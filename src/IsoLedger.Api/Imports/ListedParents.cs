using IsoLedger.Domain;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Imports;

/// <summary>The parent department of a sub-department a table lists without its level (a Chi cục under the departments'
/// tier heading, or, under none, one whose name says it is a Chi cục) and without a parent in a <c>parent_code</c>
/// column, as an appendix lists a Chi cục: right after its Sở ("6. Sở Khoa học &amp; Công nghệ", then "1- Chi cục
/// TCĐLCL"), or naming it ("Chi cục Kiểm lâm thuộc Sở Nông nghiệp và PTNT"). In this order: the department its name
/// says it is in, listed above in the file or recorded under that name (as <see cref="UnitNameSpelling"/> compares
/// names), or, in a table listing its units without codes, the one its code is made from that name
/// (<see cref="ListedUnitCodes"/>; judged once the file is read, as a parent listed below is); else the nearest
/// department row above it in the same tier of the same sheet, with only sub-departments between them. Both passes
/// read the file in the same order, so they find the same parents.</summary>
public sealed class ListedParents
{
    /// <summary>The departments listed above in the file, by province and name as compared.</summary>
    private readonly Dictionary<(string Province, string Name), string> departments = [];

    /// <summary>The nearest department row above in the tier, or null; <see cref="Unread"/> after a row that could
    /// not be read (the file is refused for it: its sub-departments are not refused for want of it too).</summary>
    private string? nearest;

    private const string Unread = "";

    /// <summary>A tier's or a district's heading, or a new sheet: the rows above are another tier's.</summary>
    public void NewTier() => nearest = null;

    /// <summary>A row that could not be read.</summary>
    public void Unreadable() => nearest = Unread;

    /// <summary>Notes <paramref name="row"/>, read and coded: a department is the nearest one for the sub-departments
    /// listed after it; a district or commune ends the run of a department's sub-departments.</summary>
    public void Listed(ReportRow row)
    {
        if (row.Level is UnitLevel.Department)
        {
            departments.TryAdd((row.Province, UnitNameSpelling.Comparable(row.UnitName)), row.UnitCode);
            nearest = row.UnitCode;
        }
        else if (row.Level is not UnitLevel.SubDepartment) nearest = null;
    }

    /// <summary>Whether the parent of <paramref name="row"/> is to be found here: a sub-department without one, whose
    /// level the table gives neither in a column nor by a sub-departments' tier heading (<paramref name="tier"/>,
    /// which lists them without their Sở, as before).</summary>
    public static bool Wanted(ReportRow row, bool levelGiven, UnitLevel? tier) =>
        row.Level is UnitLevel.SubDepartment && row.ParentCode is null && !levelGiven
        && tier is not UnitLevel.SubDepartment;

    /// <summary>Whether finding the parent of <paramref name="row"/> needs the names recorded.</summary>
    public static bool NeedsRecordedNames(ReportRow row) => UnitNameLevels.DepartmentNamed(row.UnitName) is not null;

    /// <summary>The parent of <paramref name="row"/> (<see cref="Wanted"/>) and where it was read from, for its
    /// errors; or the bad row's error, at <paramref name="place"/>. <paramref name="names"/> are the units recorded
    /// (for a name that says the department); <paramref name="withoutCodes"/>: the table lists its units without
    /// codes.</summary>
    public (string? Code, string? ReadFrom, ImportError? Error) ParentOf(
        ReportRow row, TablePlace place, UnitNames? names, bool withoutCodes)
    {
        if (UnitNameLevels.DepartmentNamed(row.UnitName) is { } named)
        {
            var department = row with
            {
                Level = UnitLevel.Department,
                UnitName = named,
                District = null,
                ParentCode = null,
                UnitCode = "",
            };
            var readFrom = $"\"{named}\", the department its name says it is in";
            var code = departments.GetValueOrDefault((row.Province, UnitNameSpelling.Comparable(named)))
                ?? names?.RecordedCodeOf(department)
                ?? (withoutCodes ? ListedUnitCodes.Of(row.Province, UnitLevel.Department, null, named) : null);
            return code is not null ? (code, readFrom, null)
                : (null, null, place.Error("parent_code", $"The name says the unit is in \"{named}\", which is "
                    + "neither recorded nor listed above in the file under that name: list that department above it, "
                    + "or give its code in a parent_code column."));
        }
        if (nearest is Unread) return (null, null, null);
        if (nearest is not null) return (nearest, null, null);
        return (null, null, place.Error("parent_code", $"'{UnicodeText.Excerpt(row.UnitName)}' is a sub-department "
            + "whose parent department the table does not say: give its code in a parent_code column, name it in the "
            + "unit's name (\"Chi cục … thuộc Sở …\"), or list the Chi cục right after its Sở, in the same tier."));
    }
}
