using IsoLedger.Api.Units;
using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Imports;

/// <summary>The parents a report table gives its units, checked once the whole file is read: a row's parent may be a
/// unit recorded before or one the file lists, above or below it (a table need not list departments first). A file's
/// check pass notes each row's parent as it decides the row, and judges them all at its end, on the units as the
/// file leaves them (<see cref="ParentUnits.Check"/>): nothing is written before, so a bad parent is a bad row of
/// the column <c>parent_code</c>. The write pass judges again, under their streams' locks, the parents recorded before
/// the file (<see cref="CheckRecordedAgain"/>).</summary>
public sealed class ReportParents
{
    private readonly List<(TablePlace Place, ReportRow Row, string? ReadFrom)> given = [];

    /// <summary>The units the file registers (new in the store).</summary>
    private readonly HashSet<string> newInFile = new(StringComparer.Ordinal);

    /// <summary>Notes the parent of <paramref name="row"/>, decided on <paramref name="unit"/> (its state before the
    /// row; null when the row registers it). A parent the store had recorded for the unit on the row's date is left
    /// alone: it was judged when it was recorded, and importing a file again must not refuse what it imported (a
    /// parent the row contradicts is a bad row already). <paramref name="readFrom"/> says where a parent the table
    /// does not give in a column was read from (<see cref="ListedParents"/>), for its error.</summary>
    public void Note(TablePlace place, ReportRow row, Unit? unit, string? readFrom = null)
    {
        if (unit is null) newInFile.Add(row.UnitCode);
        if (row.ParentCode is null) return;
        if (!newInFile.Contains(row.UnitCode) && unit?.ParentCodeOn(row.StepDate) is not null) return;
        given.Add((place, row, readFrom));
    }

    /// <summary>Adds a bad row to <paramref name="errors"/> for each parent noted that its unit may not have on the
    /// row's date: <paramref name="states"/> are the units the file decided, as it leaves them; any other parent is
    /// read from the store. <paramref name="codes"/> are the codes recorded or listed, by any letter case, to name
    /// the one a parent written in another case meant.</summary>
    public async Task Check(
        IDocumentStore store, IReadOnlyDictionary<string, Unit?> states, IReadOnlyDictionary<string, string> codes,
        List<ImportError> errors, CancellationToken cancellation)
    {
        if (given.Count == 0) return;
        var unseen = given.Select(g => g.Row.ParentCode!).Distinct(StringComparer.Ordinal)
            .Where(code => !states.ContainsKey(code)).ToList();
        await using var session = store.QuerySession();
        var recorded = (await session.LoadManyAsync<Unit>(cancellation, unseen)).ToDictionary(u => u.Code);
        foreach (var (place, row, readFrom) in given)
        {
            var code = row.ParentCode!;
            Judge(place, row, readFrom, states.GetValueOrDefault(code) ?? recorded.GetValueOrDefault(code), codes,
                errors);
        }
    }

    /// <summary>The write pass's check of the parents noted since its last call that were recorded before the file:
    /// the check pass read them without a lock, and a restructuring may have ended or moved one since. Their streams
    /// are locked in <paramref name="session"/>'s transaction (begun, after the lock of the transactions that start
    /// units where it takes that: the order registrations take them in) and each is judged as it is now. A
    /// restructuring that ends one later waits for the batch, and then finds the sub-departments it wrote. Parents the
    /// file registers are left alone: nothing recorded before the file can have changed them.</summary>
    public async Task CheckRecordedAgain(
        IDocumentSession session, UnitLocks locks, List<ImportError> errors, CancellationToken cancellation)
    {
        var noted = given.Where(g => !newInFile.Contains(g.Row.ParentCode!)).ToList();
        given.Clear();
        if (noted.Count == 0) return;
        var codes = noted.Select(g => g.Row.ParentCode!).Distinct().Order(StringComparer.Ordinal).ToArray();
        await using (var lockParents = session.Connection!.CreateBatch())
        {
            lockParents.BatchCommands.Add(locks.LockStreams(codes));
            await lockParents.ExecuteNonQueryAsync(cancellation);
        }
        var recorded = (await session.LoadManyAsync<Unit>(cancellation, codes)).ToDictionary(u => u.Code);
        // A parent not recorded yet is one the file lists further down: the check pass judged it.
        foreach (var (place, row, readFrom) in noted)
        {
            if (recorded.TryGetValue(row.ParentCode!, out var parent))
                Judge(place, row, readFrom, parent, new Dictionary<string, string>(), errors);
        }
    }

    private static void Judge(
        TablePlace place, ReportRow row, string? readFrom, Unit? parent, IReadOnlyDictionary<string, string> codes,
        List<ImportError> errors)
    {
        var code = row.ParentCode!;
        if (ParentUnits.Check(row.Level, row.Province, row.StepDate, parent) is not { } broken) return;
        var unknown = parent is not null ? ""
            : codes.TryGetValue(code, out var spelled) && spelled != code
                ? $" '{code}' differs from unit {spelled} only in letter case: a unit's code is written one way."
                : readFrom is not null
                    ? $" The parent is {readFrom}, which is neither recorded nor listed in the file: list that "
                        + "department in it, or give the parent's code in a parent_code column."
                    : " No unit with this code is recorded or listed in the file.";
        errors.Add(place.Error("parent_code", $"Unit {row.UnitCode}, {row.Year}: parent {code} on "
            + $"{row.StepDate:yyyy-MM-dd}: {broken.Sentence} ({broken.Id}){unknown}"));
    }
}
