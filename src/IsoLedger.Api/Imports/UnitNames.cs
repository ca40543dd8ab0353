using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Imports;

/// <summary>One unit, one code: a row that lists a new code under the name of a unit already recorded (or listed
/// above) at the same level in the same district of the province is the same unit typed under another code
/// ("QT-XA-0001" for "QT-XA-001"). Taken for a new unit, it would be counted twice, and the year's table and the
/// reports already published would change with it. Names are compared as <see cref="UnitNameSpelling"/> does, their
/// notes kept: a new code listed as "UBND xã Ba Lòng (xã Ba Lòng + Hải Phúc)" beside the recorded "UBND xã Ba Lòng"
/// is the commune their merge formed, under the name of one of them. A name with some words as their initials ("Sở
/// NN&amp;PTNT") is the recorded unit's whose name it abbreviates (<see cref="UnitNameAbbreviations"/>).</summary>
public sealed class UnitNames
{
    /// <summary>The codes listed above in the file, by the name they were listed under, in the province they are
    /// recorded in.</summary>
    private readonly Dictionary<(string Province, UnitLevel Level, string District, string Name), SortedSet<string>>
        listed = [];

    /// <summary>The codes listed above with the former province they are recorded in ("Sở Nội vụ (nguyên thuộc Quảng
    /// Bình)").</summary>
    private readonly HashSet<string> listedWithFormerProvince = new(StringComparer.Ordinal);

    /// <summary>The units recorded, by each name they bore (renames and transfers change it) and the days they bore it
    /// until they ended: a table of an earlier year lists a unit under the name it had then, and a unit merged, split
    /// or dissolved leaves its name from that day.</summary>
    private readonly Dictionary<(string Province, UnitLevel Level, string District, string Name), List<Bearer>>
        recordedNames = [];

    /// <summary>The same, by the names without their notes in brackets: a table listing a unit without codes and
    /// without its note ("UBND xã Hải Phong", recorded as "UBND xã Hải Phong (xã Hải Tân + xã Hải Hòa)").</summary>
    private readonly Dictionary<(string Province, UnitLevel Level, string District, string Name), List<Bearer>>
        recordedWithoutNotes = [];

    /// <summary>The units recorded at each level in each district of a province, with each name they bore as written,
    /// by its <see cref="UnitNameAbbreviations.Skeleton"/>: a table that writes some of a name's words as their
    /// initials ("Sở NN&amp;PTNT") finds its unit among the few of the same skeleton.</summary>
    private readonly Dictionary<(string Province, UnitLevel Level, string District, string Skeleton),
        List<(string Name, Bearer Bearer)>> recordedBySkeleton = [];

    /// <summary>The same, by the names without their notes, whatever district the units were in: a table of a day
    /// after the district level ended lists its communes without the district they were in.</summary>
    private readonly Dictionary<(string Province, UnitLevel Level, string Name), List<(string District, Bearer Bearer)>>
        recordedInAnyDistrict = [];

    /// <summary>A recorded unit that bore a name from a day until the day before another, the day it ended where it
    /// <paramref name="Ended"/> then.</summary>
    private readonly record struct Bearer(string Code, DateOnly From, DateOnly Until, bool Ended);

    /// <summary>The units recorded as merged, split or dissolved.</summary>
    private readonly HashSet<string> ended = new(StringComparer.Ordinal);

    /// <summary>Every unit recorded, ended or not.</summary>
    private readonly HashSet<string> recorded = new(StringComparer.Ordinal);

    /// <summary>The parent recorded of each unit never transferred (<see cref="transferred"/> holds the others).
    /// </summary>
    private readonly Dictionary<string, string?> parents = new(StringComparer.Ordinal);

    /// <summary>The units renamed or transferred, read whole.</summary>
    private Dictionary<string, Unit> transferred = [];

    /// <summary>The provinces counted as a row's on its date, by province and date (a file has few of either).
    /// </summary>
    private readonly Dictionary<(string Province, DateOnly On), string[]> countedAs = [];

    /// <summary>The units recorded: their names over the days they bore them, from the day they may have existed
    /// (<see cref="Unit.MayExistOn"/>) until the day they were merged, split or dissolved (a new unit may take the name
    /// of one merged into it from that day), and which have ended. Only the few renamed or transferred units are read
    /// whole.</summary>
    public static async Task<UnitNames> Recorded(IQuerySession session, CancellationToken cancellation)
    {
        var names = new UnitNames();
        var units = await session.Query<Unit>()
            .Select(u => new
            {
                u.Code,
                u.Province,
                u.Level,
                u.District,
                u.Name,
                u.ParentCode,
                u.RegisteredOn,
                u.EstablishmentDated,
                u.Merger,
                u.Split,
                u.Dissolution,
            })
            .ToListAsync(cancellation);
        var changed = (await session.Query<Unit>().Where(u => u.Renames.Any() || u.Transfers.Any())
            .ToListAsync(cancellation)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        names.transferred = changed;
        foreach (var unit in units)
        {
            names.recorded.Add(unit.Code);
            names.parents[unit.Code] = unit.ParentCode;
            var endedOn = new[] { unit.Merger?.MergedOn, unit.Split?.SplitOn, unit.Dissolution?.DissolvedOn }.Min();
            if (endedOn is not null) names.ended.Add(unit.Code);
            var from = unit.EstablishmentDated ? unit.RegisteredOn : DateOnly.MinValue;
            var end = endedOn ?? DateOnly.MaxValue;
            if (!changed.TryGetValue(unit.Code, out var state))
            {
                if (from < end)
                {
                    names.Bore(unit.Province, unit.Level, unit.District, unit.Name,
                        new(unit.Code, from, end, endedOn is not null));
                }
                continue;
            }
            var changes = state.Renames.Select(r => r.RenamedOn).Concat(state.Transfers.Select(t => t.TransferredOn))
                .Where(day => day > from && day < end).Distinct().Order().ToList();
            foreach (var (start, until) in changes.Prepend(from).Zip(changes.Append(end)))
            {
                if (start >= until) continue;
                names.Bore(state.RecordedProvinceOn(start), state.Level, state.LastDistrictOn(start),
                    state.NameOn(start), new(unit.Code, start, until, endedOn is not null && until == end));
            }
        }
        return names;
    }

    /// <summary>The department the recorded unit <paramref name="code"/> belonged to on <paramref name="on"/>, or null
    /// (none recorded, or no such unit).</summary>
    public string? RecordedParentOf(string code, DateOnly on) =>
        transferred.TryGetValue(code, out var unit) ? unit.ParentCodeOn(on) : parents.GetValueOrDefault(code);

    /// <summary>A code recorded under <paramref name="row"/>'s name on its date, or listed under it above, when the
    /// row's own is none of them, or null. Looked for in the provinces the row's name may be of (<see
    /// cref="ProvincesOf"/>). A unit's own row is never
    /// refused for a recorded unit's name, even where the API let another unit take its name; a unit that has ended
    /// since leaves its name to the recorded units formed in its place (a year's table lists both), not to a new code
    /// in the file.</summary>
    public string? OtherCodeOf(ReportRow row)
    {
        var on = row.StepDate;
        var counted = ProvincesOf(row);
        var own = Key(row.RecordedProvince, row.Level, row.District, row.UnitName);
        // Whose name a row may not take: an ended unit's, that of a code new in the file; a recorded unit's, that of
        // another unit still existing; a new unit's, any.
        Func<string, bool> rivals = ended.Contains(row.UnitCode) ? code => !recorded.Contains(code)
            : recorded.Contains(row.UnitCode) ? code => !ended.Contains(code)
            : _ => true;
        string? other = null;
        var listedHere = false;
        void Named(string code)
        {
            listedHere |= code == row.UnitCode;
            if (rivals(code) && (other is null || string.CompareOrdinal(code, other) < 0)) other = code;
        }
        var namesItsProvince = row.Given.FormerProvince is not null;
        foreach (var province in counted)
        {
            var key = province == row.RecordedProvince ? own : Key(province, row.Level, row.District, row.UnitName);
            if (listed.TryGetValue(key, out var inFile))
            {
                // A unit listed with its former province is that province's, which a row naming none in another
                // province's table does not mean: Quảng Trị's "Sở Nội vụ" beside "Sở Nội vụ (nguyên thuộc Quảng
                // Bình)".
                foreach (var code in inFile.Where(code => namesItsProvince || province == row.Province
                             || !listedWithFormerProvince.Contains(code)))
                    Named(code);
            }
            if (!recordedNames.TryGetValue(key, out var bearers)) continue;
            foreach (var bearer in bearers)
            {
                if (bearer.From <= on && on < bearer.Until) Named(bearer.Code);
            }
        }
        if (other is null && !listedHere)
        {
            foreach (var code in AbbreviatedIn(row, counted)) Named(code);
        }
        if (!listed.TryGetValue(own, out var codes)) listed[own] = codes = new(StringComparer.Ordinal);
        codes.Add(row.UnitCode);
        if (namesItsProvince) listedWithFormerProvince.Add(row.UnitCode);
        return listedHere ? null : other;
    }

    /// <summary>The provinces whose units <paramref name="row"/>'s name may be, on its date: the one it gives as its
    /// former province alone, for a merged province lists two units of one name before its merger's restructurings
    /// ("Sở Nội vụ (nguyên thuộc Quảng Bình)" beside Quảng Trị's own "Sở Nội vụ"); else the row's own first, then those
    /// counted as it then (a 2025 report of Quảng Trị lists the former Quảng Bình units, recorded under Quảng Bình).
    /// </summary>
    private string[] ProvincesOf(ReportRow row)
    {
        if (row.Given.FormerProvince is { } former) return [former];
        var on = row.StepDate;
        if (!countedAs.TryGetValue((row.Province, on), out var counted))
        {
            counted = countedAs[(row.Province, on)] =
                [.. Provinces.NamesCountedAs(Provinces.On(row.Province, on), on).Prepend(row.Province).Distinct()];
        }
        return counted;
    }

    /// <summary>The code of the unit recorded under <paramref name="row"/>'s name on its date, at its level in its
    /// district of a province its name may be of (<see cref="ProvincesOf"/>; one still existing first, then the one of
    /// the row's own province, then the first in ordinal order), or, none bearing it then, on its last day where it
    /// ended within the row's year before its date (<see cref="ReportRow.EndedWithin"/>), in any district where the row
    /// gives none (<see cref="InAnyDistrict"/>), or null: a table that lists
    /// its units without codes finds them so. A name without a note in brackets finds a
    /// unit recorded with one, unless one is recorded under the name as written; a name with a note is the unit
    /// recorded with it, or else the one recorded under the name alone, unless the note names the unit itself among
    /// those it was formed from (a merge may have formed it under a predecessor's name, see above). A name with words
    /// written as their initials, or a unit recorded so, finds the one unit whose name it abbreviates or that
    /// abbreviates it; two such units, none.</summary>
    public string? RecordedCodeOf(ReportRow row)
    {
        var on = row.StepDate;
        var noted = UnitNameSpelling.Comparable(row.UnitName, keepNotes: true)
            != UnitNameSpelling.Comparable(row.UnitName);
        // The row's own province first: after a merger of provinces, Quảng Ngãi's "Sở Nội vụ" is its own, not the
        // former Kon Tum's, which counts under Quảng Ngãi too until a restructuring merges it; "Sở Nội vụ (nguyên
        // thuộc Kon Tum)" is Kon Tum's alone.
        var provinces = ProvincesOf(row);
        // A unit that ended within the row's year before its date, which the year's table lists as on its last day
        // (ReportRow.For), where no unit bears the name on the row's date: a merged province's 2025 appendix lists
        // "Sở Tư pháp (nguyên thuộc Quảng Bình)", merged into Quảng Trị's on 1 July.
        return Named(bearer => bearer.From <= on && on < bearer.Until)
            ?? Abbreviated()
            ?? (InAnyDistrict(row) is [var (code, _)] ? code : null)
            ?? Named(bearer => bearer.Ended && row.EndedWithin(bearer.Until));

        string? Named(Func<Bearer, bool> bore) =>
            Bearing(recordedNames, keepNotes: true, bore)
            ?? (noted && UnitNameSpelling.NoteNamesItself(row.UnitName)
                ? null
                : Bearing(recordedWithoutNotes, keepNotes: false, bore));

        string? Bearing(
            Dictionary<(string, UnitLevel, string, string), List<Bearer>> names, bool keepNotes,
            Func<Bearer, bool> bore) => provinces
            .SelectMany((province, rank) => (names.GetValueOrDefault(Key(province, row.Level, row.District,
                row.UnitName, keepNotes)) ?? []).Select(bearer => (Rank: rank, Bearer: bearer)))
            .Where(named => bore(named.Bearer))
            .OrderBy(named => ended.Contains(named.Bearer.Code)).ThenBy(named => named.Rank)
            .ThenBy(named => named.Bearer.Code, StringComparer.Ordinal)
            .Select(named => named.Bearer.Code)
            .FirstOrDefault();

        string? Abbreviated() => AbbreviatedIn(row, provinces).Take(2).ToList() is [var code] ? code : null;
    }

    /// <summary>The units that bore <paramref name="row"/>'s name in any district of a province its name may be of
    /// (<see cref="ProvincesOf"/>), with the district each was in, when the row gives no district: those still
    /// existing on its date, on a day after the district level ended (a 2025 table lists its communes without the
    /// districts they were in); else those that ended within the row's year before its date
    /// (<see cref="ReportRow.EndedWithin"/>), which the year's table lists as on their last day, with their district
    /// or without. One is the unit listed; several, a row that must say which.</summary>
    public IReadOnlyList<(string Code, string District)> InAnyDistrict(ReportRow row)
    {
        if (row.District is not null) return [];
        var on = row.StepDate;
        var name = UnitNameSpelling.Comparable(row.UnitName);
        var named = ProvincesOf(row)
            .SelectMany(province => recordedInAnyDistrict.GetValueOrDefault((province, row.Level, name)) ?? [])
            .ToList();
        var existing = Levels.DistrictsEndedBy(on)
            ? Places(named.Where(n => n.Bearer.From <= on && on < n.Bearer.Until && !ended.Contains(n.Bearer.Code)))
            : [];
        return existing.Count > 0
            ? existing
            : Places(named.Where(n => n.Bearer.Ended && row.EndedWithin(n.Bearer.Until)));

        static List<(string Code, string District)> Places(IEnumerable<(string District, Bearer Bearer)> bearers) =>
        [
            .. bearers.Select(n => (n.Bearer.Code, n.District)).Distinct()
                .OrderBy(n => n.District, StringComparer.Ordinal),
        ];
    }

    /// <summary>The units still existing recorded at <paramref name="row"/>'s level in its district of the province
    /// it is recorded in (<see cref="ReportRow.RecordedProvince"/>), on its date,
    /// under its name with a commune's or a district's kind before it, when the row writes its proper name alone
    /// under its district's heading ("Hải Anh" for "UBND xã Hải Anh"), with the name each bore, its kind before the
    /// row's ("Xã Hải Anh"): one is the unit listed; several (a xã and a phường of one name), a row that must say
    /// which.</summary>
    public IReadOnlyList<(string Code, string Name)> WithKinds(ReportRow row)
    {
        if (!LacksKind(row)) return [];
        var on = row.StepDate;
        return
        [
            .. UnitNameSpelling.LocalKinds[row.Level].Select(kind => $"{kind} {row.UnitName}")
                // A district's committee is in the district its name says.
                .SelectMany(name => (recordedWithoutNotes.GetValueOrDefault(Key(row.RecordedProvince, row.Level,
                    row.District ?? (row.Level == UnitLevel.District ? name : null), name, keepNotes: false)) ?? [])
                    .Where(bearer => bearer.From <= on && on < bearer.Until && !ended.Contains(bearer.Code))
                    .Select(bearer => (bearer.Code, Name: name)))
                .DistinctBy(named => named.Code),
        ];
    }

    private static readonly string Committee = PeoplesCommittee.Abbreviation + " ";

    /// <summary>Whether <paramref name="row"/>, of a commune or a district, names it by its proper name alone, without
    /// the kind that says which unit of the name it is ("Hải Anh", not "Xã Hải Anh").</summary>
    public static bool LacksKind(ReportRow row) => UnitNameSpelling.LocalKinds.ContainsKey(row.Level)
        && !UnitNameSpelling.Comparable(row.UnitName).StartsWith(Committee, StringComparison.Ordinal);

    /// <summary>The units recorded at <paramref name="row"/>'s level in its district of one of
    /// <paramref name="provinces"/> whose name on its date the row's abbreviates or that abbreviates the row's
    /// (<see cref="UnitNameAbbreviations"/>), once each.</summary>
    private IEnumerable<string> AbbreviatedIn(ReportRow row, IEnumerable<string> provinces)
    {
        var on = row.StepDate;
        var district = DistrictNames.Comparable(row.District ?? "");
        var skeleton = UnitNameAbbreviations.Skeleton(row.UnitName);
        return provinces
            .SelectMany(province =>
                recordedBySkeleton.GetValueOrDefault((province, row.Level, district, skeleton)) ?? [])
            .Where(named => named.Bearer.From <= on && on < named.Bearer.Until
                && UnitNameAbbreviations.EitherAbbreviates(row.UnitName, named.Name))
            .Select(named => named.Bearer.Code).Distinct(StringComparer.Ordinal);
    }

    private void Bore(string province, UnitLevel level, string? district, string name, Bearer bearer)
    {
        foreach (var (names, keepNotes) in new[] { (recordedNames, true), (recordedWithoutNotes, false) })
        {
            var key = Key(province, level, district, name, keepNotes);
            if (!names.TryGetValue(key, out var bearers)) names[key] = bearers = [];
            bearers.Add(bearer);
        }
        if (district is not null)
        {
            var anyDistrict = (province, level, UnitNameSpelling.Comparable(name));
            if (!recordedInAnyDistrict.TryGetValue(anyDistrict, out var inDistricts))
                recordedInAnyDistrict[anyDistrict] = inDistricts = [];
            inDistricts.Add((district, bearer));
        }
        var place = (province, level, DistrictNames.Comparable(district ?? ""), UnitNameAbbreviations.Skeleton(name));
        if (!recordedBySkeleton.TryGetValue(place, out var named)) recordedBySkeleton[place] = named = [];
        named.Add((name, bearer));
    }

    private static (string, UnitLevel, string, string) Key(
        string province, UnitLevel level, string? district, string name, bool keepNotes = true) =>
        (province, level, DistrictNames.Comparable(district ?? ""), UnitNameSpelling.Comparable(name, keepNotes));
}
