using IsoLedger.Domain;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Imports;

/// <summary>A row to decide, and where its parent was read from when the table did not give its code
/// (<see cref="ListedParents"/>), for its errors.</summary>
public sealed record PendingRow(TablePlace Place, ReportRow Row, string? ParentReadFrom = null);

/// <summary>The parent department of a sub-department a table names by the department's name (in its parent column,
/// "Sở Y tế" where a code would be, or an appendix's "Cơ quan chủ quản"), or lists without its level (a Chi cục under
/// the departments' tier heading, or, under none, one whose name says it is a Chi cục) and without a parent, as an
/// appendix lists a Chi cục: right after its Sở ("6. Sở Khoa học &amp; Công nghệ", then "1- Chi cục TCĐLCL"), or
/// naming it ("Chi cục Kiểm lâm thuộc Sở Nông nghiệp và PTNT"). In this order: the department so named, listed in
/// the file or recorded under that name (as <see cref="UnitNameSpelling"/> compares names, or the one such department
/// whose name it abbreviates or that abbreviates it, <see cref="UnitNameAbbreviations"/>): a row naming one listed
/// below it waits, with its unit's later rows, until the file lists it (<see cref="Ready"/>), and is refused if it
/// never does (<see cref="Unfound"/>); else the nearest department row above it in the same tier of the same sheet,
/// with only sub-departments between them; else, for a unit recorded, the department it is recorded in on the row's
/// date. Both passes read the file in the same order, so they find the same parents.</summary>
public sealed class ListedParents
{
    /// <summary>The departments listed above in the file, by province and name as compared.</summary>
    private readonly Dictionary<(string Province, string Name), string> departments = [];

    /// <summary>The same, each with its name as written, in file order: a department named with some words as their
    /// initials ("Sở NN&amp;PTNT") is the one listed whose name it abbreviates, or that abbreviates it.</summary>
    private readonly List<(string Province, string Name, string Code)> listedDepartments = [];

    /// <summary>The rows waiting for the department they name, listed below them, in file order, by that department
    /// (and its name as written); a row found none (null) waits behind an earlier row of its unit: a unit's rows are
    /// decided in file order.</summary>
    private readonly List<(PendingRow Pending, (string Province, string Name)? Awaited, string? Named)> waiting = [];

    /// <summary>The units of the rows <see cref="waiting"/>: a row of one waits behind them.</summary>
    private readonly HashSet<string> waitingUnits = new(StringComparer.Ordinal);

    /// <summary>The nearest department row above in the tier, or null; <see cref="Unread"/> after a row that could
    /// not be read (the file is refused for it: its sub-departments are not refused for want of it too).</summary>
    private string? nearest;

    private const string Unread = "";

    /// <summary>A tier's or a district's heading, or a new sheet: the rows above are another tier's.</summary>
    public void NewTier() => nearest = null;

    /// <summary>The names, as compared, of the rows that could not be read: a row waiting for a department of such a
    /// name waits for a row refused for itself.</summary>
    private readonly HashSet<string> refused = [];

    /// <summary>A row that could not be read, named <paramref name="name"/> where its name cell gives one.</summary>
    public void Unreadable(string? name)
    {
        nearest = Unread;
        if (name is not null) refused.Add(UnitNameSpelling.Comparable(name));
    }

    /// <summary>Notes <paramref name="row"/>, read and coded: a department is the nearest one for the sub-departments
    /// listed after it; a district or commune ends the run of a department's sub-departments.</summary>
    public void Listed(ReportRow row)
    {
        if (row.Level is UnitLevel.Department)
        {
            if (departments.TryAdd(Key(row.Province, row.UnitName), row.UnitCode))
                listedDepartments.Add((row.Province, row.UnitName, row.UnitCode));
            nearest = row.UnitCode;
        }
        else if (row.Level is not UnitLevel.SubDepartment) nearest = null;
    }

    /// <summary>Whether the parent of <paramref name="row"/> is to be found here: a sub-department whose parent column
    /// names its department by name (<paramref name="parentNamed"/>), or one without a parent whose level the table
    /// gives neither in a column nor by a sub-departments' tier heading (<paramref name="tier"/>, which lists them
    /// without their Sở, as before).</summary>
    public static bool Wanted(ReportRow row, bool levelGiven, UnitLevel? tier, string? parentNamed) =>
        row.Level is UnitLevel.SubDepartment && (parentNamed is not null
            || row.ParentCode is null && !levelGiven && tier is not UnitLevel.SubDepartment);

    /// <summary>The department <paramref name="row"/>'s parent is named as: in its parent column
    /// (<paramref name="parentNamed"/>), or in its name; null when neither names one.</summary>
    public static string? DepartmentNamed(ReportRow row, string? parentNamed) =>
        parentNamed ?? UnitNameLevels.DepartmentNamed(row.UnitName);

    /// <summary>The parent of <paramref name="row"/> (<see cref="Wanted"/>) and where it was read from, for its
    /// errors; a department named (<see cref="DepartmentNamed"/>) that is neither listed above nor recorded is
    /// <c>Awaited</c>; or, when neither a name nor a department above gives it, the one a recorded unit is recorded
    /// in; or the bad row's error, at <paramref name="place"/>. <paramref name="names"/> are the units recorded.
    /// </summary>
    public (string? Code, string? ReadFrom, string? Awaited, ImportError? Error) ParentOf(
        ReportRow row, string? parentNamed, TablePlace place, UnitNames? names)
    {
        if (DepartmentNamed(row, parentNamed) is { } named)
        {
            var department = row with
            {
                Level = UnitLevel.Department,
                UnitName = named,
                District = null,
                ParentCode = null,
                UnitCode = "",
            };
            var readFrom = parentNamed is not null ? $"\"{named}\", the department its parent column names"
                : $"\"{named}\", the department its name says it is in";
            var code = departments.GetValueOrDefault(Key(row.Province, named)) ?? names?.RecordedCodeOf(department)
                ?? ListedAbbreviated(row.Province, named);
            return (code, readFrom, code is null ? named : null, null);
        }
        if (nearest is Unread) return (null, null, null, null);
        if (nearest is not null) return (nearest, null, null, null);
        // A recorded sub-department that the table places under no department keeps the one it is recorded in.
        if (names?.RecordedParentOf(row.UnitCode, row.StepDate) is { } recorded) return (recorded, null, null, null);
        return (null, null, null, place.Error("parent_code", $"'{UnicodeText.Excerpt(row.UnitName)}' is a "
            + "sub-department whose parent department the table does not say: give its code in a parent_code column, "
            + "name it in the unit's name (\"Chi cục … thuộc Sở …\"), or list the Chi cục right after its Sở, in the "
            + "same tier."));
    }

    /// <summary>The rows to decide now that <paramref name="pending"/> is read and checked: none while it waits for
    /// the department named <paramref name="awaited"/> (<see cref="ParentOf"/>) or behind an earlier row of its unit
    /// that waits; else it, and, when it is a department, the rows that waited for it and no longer wait, in file
    /// order.</summary>
    public IReadOnlyList<PendingRow> Ready(PendingRow pending, string? awaited)
    {
        var row = pending.Row;
        if (awaited is not null || waitingUnits.Contains(row.UnitCode))
        {
            waiting.Add((pending, awaited is null ? null : Key(row.Province, awaited), awaited));
            waitingUnits.Add(row.UnitCode);
            return [];
        }
        if (row.Level is not UnitLevel.Department || waiting.Count == 0) return [pending];
        var key = Key(row.Province, row.UnitName);
        var code = departments.GetValueOrDefault(key, row.UnitCode);
        for (var i = 0; i < waiting.Count; i++)
        {
            if (waiting[i] is var (found, awaitedKey, named) && awaitedKey is { } awaitedDepartment
                && (awaitedDepartment == key
                    || awaitedDepartment.Province == key.Province
                    && UnitNameAbbreviations.EitherAbbreviates(named!, row.UnitName)))
                waiting[i] = (found with { Row = found.Row with { ParentCode = code } }, null, null);
        }
        var stillWaiting = waiting.Where(w => w.Awaited is not null).Select(w => w.Pending.Row.UnitCode)
            .ToHashSet(StringComparer.Ordinal);
        var ready = waiting.Where(w => !stillWaiting.Contains(w.Pending.Row.UnitCode)).Select(w => w.Pending).ToList();
        waiting.RemoveAll(w => !stillWaiting.Contains(w.Pending.Row.UnitCode));
        waitingUnits.IntersectWith(stillWaiting);
        return [pending, .. ready];
    }

    /// <summary>The errors of the rows still waiting once the file is read: each names a department the file does not
    /// list, or lists in a row refused for itself (whose error says what to fix).</summary>
    public IEnumerable<ImportError> Unfound() => waiting
        .Where(w => w.Awaited is { } key && !departments.ContainsKey(key) && !refused.Contains(key.Name))
        .Select(w => w.Pending.Place.Error("parent_code", $"The parent is {w.Pending.ParentReadFrom}, which is "
            + "neither recorded nor listed in the file under that name: list that department in the file, or give "
            + "its code in a parent_code column."));

    /// <summary>The one department listed in <paramref name="province"/> that <paramref name="named"/> abbreviates or
    /// that abbreviates it, or null (for none or two).</summary>
    private string? ListedAbbreviated(string province, string named)
    {
        var codes = listedDepartments
            .Where(listed =>
                listed.Province == province && UnitNameAbbreviations.EitherAbbreviates(named, listed.Name))
            .Select(listed => listed.Code).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return codes.Count == 1 ? codes[0] : null;
    }

    private static (string Province, string Name) Key(string province, string name) =>
        (province, UnitNameSpelling.Comparable(name));
}
