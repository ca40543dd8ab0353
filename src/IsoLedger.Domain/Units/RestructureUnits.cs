using IsoLedger.Domain.LegalBasis;
namespace IsoLedger.Domain.Units;

/// <summary>What a part of a restructuring does: merge units into one (sáp nhập), split one into several (chia
/// tách), rename one (đổi tên), transfer one to another province, district or parent department (điều chuyển), or
/// dissolve one (giải thể).</summary>
public enum RestructuringKind { Merge, Split, Rename, Transfer, Dissolve }

/// <summary>A unit a restructuring forms, as it is registered on the effective date.</summary>
/// <param name="Code">The new unit's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Level">Its administrative level.</param>
/// <param name="Province">Its province.</param>
/// <param name="District">Its district; null for a unit of the province, and for every unit from 1 July 2025, when
/// the district level ended.</param>
/// <param name="ParentCode">For a sub-department, the code of its parent department; null otherwise.</param>
public sealed record NewUnit(
    string Code, string Name, UnitLevel Level, string Province, string? District, string? ParentCode);

/// <summary>One change of a restructuring: <c>merge</c> (several <c>from</c> into one new unit or the
/// existing <c>intoCode</c>), <c>split</c> (one into several new units), <c>rename</c> (to
/// <c>name</c>), <c>transfer</c> (to <c>province</c> and/or <c>district</c>),
/// <c>dissolve</c>. A transfer may also give a sub-department its new <c>parentCode</c> (the department
/// it belongs to after its own merged).</summary>
/// <param name="Kind">What the part does.</param>
/// <param name="From">The codes of the units it acts on: those merged, the one split, renamed, transferred or
/// dissolved.</param>
/// <param name="IntoNew">The new units it forms: the one a merge forms, those a split forms; empty otherwise (a
/// merge into an existing unit, and the other kinds).</param>
/// <param name="IntoCode">For a merge into an existing unit, that unit's code; null otherwise.</param>
/// <param name="Name">For a rename, the new name; null otherwise.</param>
/// <param name="Province">For a transfer, the province the unit goes to; null when it keeps its own.</param>
/// <param name="District">For a transfer, the district the unit goes to; null when it keeps its own.</param>
/// <param name="ParentCode">For a transfer of a sub-department, the department it belongs to from then on; null
/// otherwise.</param>
public sealed record RestructuringPart(
    RestructuringKind Kind,
    IReadOnlyList<string> From,
    IReadOnlyList<NewUnit> IntoNew,
    string? IntoCode = null,
    string? Name = null,
    string? Province = null,
    string? District = null,
    string? ParentCode = null)
{
    /// <summary>The fields given that <paramref name="kind"/> does not take: a name is a rename's; a province, a
    /// district and a parent a transfer's. Recorded with the part but never applied, they would say something that
    /// did not happen (a "rename" to another province).</summary>
    public static IEnumerable<string> FieldsNotTakenBy(
        RestructuringKind kind, string? name, string? province, string? district, string? parentCode)
    {
        if (kind != RestructuringKind.Rename && name is not null) yield return "name";
        if (kind == RestructuringKind.Transfer) yield break;
        if (province is not null) yield return "province";
        if (district is not null) yield return "district";
        if (parentCode is not null) yield return "parentCode";
    }

    /// <summary>The units that end with this part (merged, split or dissolved).</summary>
    public IEnumerable<string> Predecessors() =>
        Kind is RestructuringKind.Merge or RestructuringKind.Split or RestructuringKind.Dissolve ? From : [];

    public IEnumerable<string> Successors() =>
        IntoNew.Select(n => n.Code).Concat(IntoCode is null ? [] : [IntoCode]);

    /// <summary>The parents the part gives units: a transfer's, and those of the new units it forms.</summary>
    public IEnumerable<string> Parents() =>
        IntoNew.Select(n => n.ParentCode).Append(ParentCode).OfType<string>();

    /// <summary>This merge with the new unit it forms named as the unit on record under its code when that unit is the
    /// one a report table listed for the years after (registered without an establishment date, nothing recorded on
    /// it before <paramref name="effectiveOn"/>) and the part describes it as recorded (level, province, name,
    /// district, parent): a province that imported its yearly tables before its restructuring table. Otherwise the
    /// part as it is, whose new unit the restructuring refuses as already registered.</summary>
    public RestructuringPart WithListedSuccessor(IReadOnlyDictionary<string, Unit?> units, DateOnly effectiveOn) =>
        Kind == RestructuringKind.Merge && IntoNew is [var formed]
        && units.GetValueOrDefault(formed.Code) is { EstablishmentDated: false } listed
        && listed.ExistsFrom >= effectiveOn && listed.Level == formed.Level
        && Provinces.Provinces.On(listed.RecordedProvinceOn(effectiveOn), effectiveOn)
        == Provinces.Provinces.On(formed.Province, effectiveOn)
        && UnitNameSpelling.Same(listed.NameOn(effectiveOn), formed.Name)
        && DistrictNames.Same(listed.DistrictOn(effectiveOn), formed.District)
        && listed.ParentCodeOn(effectiveOn) == formed.ParentCode
            ? this with { IntoNew = [], IntoCode = formed.Code }
            : this;

    /// <summary>Whether this rename or transfer leaves <paramref name="unit"/> as it is on
    /// <paramref name="effectiveOn"/>: a rename to the name it has then (as written: a rename that corrects a spelling
    /// is recorded), a transfer whose every given field is where the unit is then (its province as recorded, its
    /// district as <see cref="DistrictNames"/> compares them, its parent).</summary>
    public bool ChangesNothing(Unit unit, DateOnly effectiveOn) => Kind switch
    {
        RestructuringKind.Rename => unit.NameOn(effectiveOn) == Name,
        RestructuringKind.Transfer =>
            (Province is null || Province == unit.RecordedProvinceOn(effectiveOn))
            && (District is null || DistrictNames.Same(District, unit.DistrictOn(effectiveOn)))
            && (ParentCode is null || ParentCode == unit.ParentCodeOn(effectiveOn)),
        _ => false,
    };

    /// <summary>Whether this transfer moves <paramref name="unit"/> into another province on
    /// <paramref name="effectiveOn"/> (as provinces count that day: Thừa Thiên Huế's units are Huế's from 1 January
    /// 2025) without naming a district while it is in one: the district it keeps belongs to the province it leaves.
    /// A department or a sub-department is in no district, a district's committee takes its own district with it,
    /// and from 1 July 2025 no unit is in a district.</summary>
    public bool LeavesDistrictInOtherProvince(Unit unit, DateOnly effectiveOn) =>
        this is { Kind: RestructuringKind.Transfer, Province: { } province, District: null }
        && !Levels.InNoDistrict(unit.Level) && unit.Level != UnitLevel.District
        && unit.DistrictOn(effectiveOn) is not null
        && Provinces.Provinces.On(province, effectiveOn)
        != Provinces.Provinces.On(unit.RecordedProvinceOn(effectiveOn), effectiveOn);

    /// <summary>For a merge or split, the first of its units (its predecessors, then its successors) in another
    /// province on <paramref name="effectiveOn"/> than its first predecessor, with that predecessor and both
    /// provinces as they count that day (a former province's units under the province it became part of); null when
    /// all are in one. <paramref name="units"/> holds them as the act leaves them: a new unit in the province it is
    /// formed in, an existing successor where the act moves it.</summary>
    public (string Code, string Province, string With, string WithProvince)? AcrossProvinces(
        IReadOnlyDictionary<string, Unit?> units, DateOnly effectiveOn)
    {
        if (Kind is not (RestructuringKind.Merge or RestructuringKind.Split) || From.Count == 0) return null;
        string ProvinceOf(string code) =>
            Provinces.Provinces.On(units[code]!.RecordedProvinceOn(effectiveOn), effectiveOn);
        var first = ProvinceOf(From[0]);
        return From.Concat(Successors()).FirstOrDefault(code => ProvinceOf(code) != first) is { } other
            ? (other, ProvinceOf(other), From[0], first)
            : null;
    }

    /// <summary>Whether every unit of <see cref="From"/> already shows this part's effect on
    /// <paramref name="effectiveOn"/>: recording it again would change nothing.</summary>
    public bool IsRecordedIn(IReadOnlyDictionary<string, Unit?> units, DateOnly effectiveOn) =>
        From.All(code => units.GetValueOrDefault(code) is { } unit && Kind switch
        {
            RestructuringKind.Merge =>
                unit.Merger is { } m && m.MergedOn == effectiveOn && Successors().Contains(m.IntoCode),
            RestructuringKind.Split => unit.Split is { } s && s.SplitOn == effectiveOn
                && s.IntoCodes.Order().SequenceEqual(Successors().Order()),
            RestructuringKind.Dissolve => unit.Dissolution?.DissolvedOn == effectiveOn,
            RestructuringKind.Rename => unit.Renames.Any(r => r.RenamedOn == effectiveOn && r.Name == Name),
            _ => unit.Transfers.Any(t => t.TransferredOn == effectiveOn && t.Province == Province
                && t.District == District && t.ParentCode == ParentCode),
        });
}

/// <summary>A predecessor as its successor inherits it: where its system stood on the effective date.</summary>
/// <param name="Code">The predecessor's code.</param>
/// <param name="Name">Its name on the effective date.</param>
/// <param name="Declared">Whether it had declared a system by the effective date.</param>
/// <param name="Standard">The edition its system was on then, by its name (<c>2008</c>, <c>2015</c>, …), or
/// <c>none</c>.</param>
public sealed record PredecessorStanding(string Code, string Name, bool Declared, string Standard)
{
    /// <summary>Where <paramref name="unit"/> stood on <paramref name="effectiveOn"/>, by its facts dated by then.
    /// </summary>
    public static PredecessorStanding Of(Unit unit, DateOnly effectiveOn) => new(
        unit.Code, unit.NameOn(effectiveOn), unit.Declarations.Any(d => d.DeclaredOn <= effectiveOn),
        unit.StandardOn(effectiveOn).OrNone());
}

/// <summary>A reorganisation decided by one act (e.g. a Standing Committee resolution), effective on one day: all
/// its parts are recorded together or not at all. <paramref name="DecisionNo"/> is null for a merge recorded without
/// its act's number.</summary>
public sealed record RestructureUnits(
    string Id, string? DecisionNo, DateOnly EffectiveOn, IReadOnlyList<RestructuringPart> Parts)
{
    /// <summary>Every unit the decision reads and writes: the parts' units and the parents it gives units.</summary>
    public IReadOnlyList<string> Codes =>
        Parts.SelectMany(p => p.From.Concat(p.Successors()).Concat(p.Parents())).Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>This act with a transfer part for each district it renames to another kind of district of the same
    /// proper name (a rename of "UBND thị xã Sông Công" to "UBND thành phố Sông Công": Thị xã Sông Công became
    /// Thành phố Sông Công), taking the district unit and the units among <paramref name="units"/> in that district
    /// on the effective date (<see cref="DistrictHistory.Follows"/>) to the district's new name. A change of kind
    /// is the same district under a new name: its communes stay in it, read under the old name before the day and the
    /// new one from it. Units another part of the act transfers to a district of its own are left to that part, and
    /// units it ends (wards merged as the thị xã becomes a thành phố) end in the district as it was named; units
    /// already under the new name (the act recorded before) are left out, so the part holds those recorded since.
    /// </summary>
    public RestructureUnits CarryingDistricts(IReadOnlyDictionary<string, Unit?> units)
    {
        var movedByTheAct = Parts.Where(p => p.Kind == RestructuringKind.Transfer && p.District is not null)
            .SelectMany(p => p.From).Concat(Parts.SelectMany(p => p.Predecessors()))
            .ToHashSet(StringComparer.Ordinal);
        var carried = new List<RestructuringPart>();
        foreach (var (code, name) in Parts.Where(p => p.Kind == RestructuringKind.Rename)
                     .SelectMany(p => p.From.Select(code => (code, p.Name!))))
        {
            if (units.GetValueOrDefault(code) is not { Level: UnitLevel.District } district
                || DistrictNames.OfDistrictUnit(district, EffectiveOn.AddDays(-1)) is not { } before
                || DistrictNames.RenamedAs(before, name) is not { } after)
                continue;
            var province = district.RecordedProvinceOn(EffectiveOn);
            List<string> from =
            [
                .. units.Values.OfType<Unit>()
                    .Where(u => u.Code == code
                        ? DistrictNames.Same(DistrictNames.OfDistrictUnit(u, EffectiveOn), before)
                        : DistrictHistory.Follows(u, province, before, EffectiveOn))
                    .Select(u => u.Code)
                    .Where(c => !movedByTheAct.Contains(c))
                    .Order(StringComparer.Ordinal),
            ];
            if (from.Count > 0)
                carried.Add(new RestructuringPart(RestructuringKind.Transfer, from, [], District: after));
        }
        return carried.Count == 0 ? this : this with { Parts = [.. Parts, .. carried] };
    }

    /// <summary>This act with a transfer part for the sub-departments (chi cục) of each department it merges into one
    /// department, taking them to that department (<see cref="RestructuringPart.ParentCode"/>): the sub-departments
    /// among <paramref name="units"/> that may exist on the effective date (<see cref="Unit.MayExistOn"/>) and belong
    /// to a department the part merges that day, as a district's rename carries its communes
    /// (<see cref="CarryingDistricts"/>). Their parent is read as of each date: the merged department before the day,
    /// its successor from it. Sub-departments the act ends or transfers are left to their parts, and those of a
    /// department that is split, dissolved or merged into a unit that is no department have no one department to go
    /// to: the act itself says where each goes, or <see cref="Decide"/> refuses it
    /// (<see cref="Rules.SubDepartmentsLeftWithoutParent"/>). A rename is the same department under a new name: its
    /// sub-departments keep it.</summary>
    public RestructureUnits CarryingSubDepartments(IReadOnlyDictionary<string, Unit?> units)
    {
        var placedByTheAct = Parts.Where(p => p.Kind == RestructuringKind.Transfer).SelectMany(p => p.From)
            .Concat(Parts.SelectMany(p => p.Predecessors())).ToHashSet(StringComparer.Ordinal);
        // The sub-departments left to carry, with their parent that day.
        var subDepartments = units.Values.OfType<Unit>()
            .Where(u => ParentUnits.TakesParent(u.Level) && !placedByTheAct.Contains(u.Code)
                && u.MayExistOn(EffectiveOn))
            .Select(u => (u.Code, Parent: u.ParentCodeOn(EffectiveOn)))
            .ToList();
        var carried = new List<RestructuringPart>();
        foreach (var merge in Parts.Where(p => p.Kind == RestructuringKind.Merge))
        {
            if (subDepartments.Count == 0 || merge.Successors().ToList() is not [var successor]
                || (merge.IntoNew.FirstOrDefault()?.Level ?? units.GetValueOrDefault(successor)?.Level)
                    != ParentUnits.ParentLevel)
                continue;
            List<string> from =
            [
                .. subDepartments.Where(u => u.Parent is { } parent && merge.From.Contains(parent))
                    .Select(u => u.Code)
                    .Order(StringComparer.Ordinal),
            ];
            if (from.Count > 0)
                carried.Add(new RestructuringPart(RestructuringKind.Transfer, from, [], ParentCode: successor));
        }
        return carried.Count == 0 ? this : this with { Parts = [.. Parts, .. carried] };
    }

    /// <summary>The units besides <see cref="Codes"/> whose states the decision judges parents on, found from
    /// <paramref name="unit"/>: the unit itself when it is a sub-department whose parent, on the effective date or
    /// later, is a unit the act ends or transfers (it is carried, judged again or left without a parent), and its
    /// parent on the effective date when the act transfers it (the parent it keeps is judged again).</summary>
    public IEnumerable<string> ParentReads(Unit unit)
    {
        if (!ParentUnits.TakesParent(unit.Level)) yield break;
        var transferred = Parts.Where(p => p.Kind == RestructuringKind.Transfer).SelectMany(p => p.From).ToList();
        var endedOrTransferred = transferred.Concat(Parts.SelectMany(p => p.Predecessors())).ToList();
        if (ParentUnits.ParentsFrom(unit, EffectiveOn).Any(endedOrTransferred.Contains)) yield return unit.Code;
        if (transferred.Contains(unit.Code) && unit.ParentCodeOn(EffectiveOn) is { } parent) yield return parent;
    }

    /// <summary>The units whose name or place the act sets, each as a registration on the effective date would
    /// describe it: the new units, and the units it renames or transfers as those parts leave them on
    /// <paramref name="units"/>' states (units not registered are left out: the act is refused for them).</summary>
    public IEnumerable<RegisterUnit> Named(IReadOnlyDictionary<string, Unit?> units)
    {
        var changes = Parts.Where(p => p.Kind is RestructuringKind.Rename or RestructuringKind.Transfer)
            .SelectMany(p => p.From.Select(code => (Code: code, Change: Change(p))))
            .GroupBy(c => c.Code, c => c.Change, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (units.GetValueOrDefault(change.Key) is not { } unit) continue;
            var after = change.Aggregate(unit, (state, e) => Unit.Evolve(state, e)!);
            yield return new RegisterUnit(
                after.Code, after.NameOn(EffectiveOn), after.Level, after.RecordedProvinceOn(EffectiveOn),
                after.LastDistrictOn(EffectiveOn), after.ParentCodeOn(EffectiveOn), EffectiveOn);
        }
        foreach (var formed in Parts.SelectMany(p => p.IntoNew))
        {
            yield return new RegisterUnit(
                formed.Code, formed.Name, formed.Level, formed.Province, formed.District, formed.ParentCode,
                EffectiveOn);
        }
    }

    /// <summary>The event a rename or a transfer part records on each of its units.</summary>
    private IUnitEvent Change(RestructuringPart part) => part.Kind == RestructuringKind.Rename
        ? new UnitRenamed(EffectiveOn, part.Name!, DecisionNo, Id)
        : new UnitTransferred(EffectiveOn, part.Province, part.District, DecisionNo, Id, part.ParentCode);

    /// <summary>Decides the restructuring on the states of <see cref="Codes"/> (null: not registered) and the
    /// registered units that may bear the names it gives (<paramref name="namesakes"/>, read as the registration's
    /// are): the events of each unit, or the rule it breaks and the unit that breaks it.</summary>
    public RestructuringDecision Decide(
        IReadOnlyDictionary<string, Unit?> units, DateOnly today, IEnumerable<Unit>? namesakes = null)
    {
        if (EffectiveOn > today) return new RestructuringRejected(Rules.FutureBusinessDate, null);
        var predecessors = Parts.SelectMany(p => p.Predecessors()).ToList();
        var changed = Parts.Where(p => !p.Predecessors().Any()).SelectMany(p => p.From).ToList();
        var successors = Parts.SelectMany(p => p.Successors()).ToList();
        // A unit ends once, and is never its own successor, by one act.
        var cycle = predecessors.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1)?.Key
            ?? predecessors.Intersect(successors).FirstOrDefault();
        if (cycle is not null) return new RestructuringRejected(Rules.RestructuringCycle, cycle);
        // A unit that ends is not changed as well, and is renamed or transferred at most once, by one act; renamed
        // and transferred by the same act is fine.
        var changedTwice = predecessors.Intersect(changed).FirstOrDefault()
            ?? Parts.Where(p => !p.Predecessors().Any()).SelectMany(p => p.From.Select(code => (code, p.Kind)))
                .GroupBy(change => change).FirstOrDefault(g => g.Count() > 1)?.Key.code;
        if (changedTwice is not null)
            return new RestructuringRejected(Rules.RestructuringChangeRepeated, changedTwice);
        var newCodes = Parts.SelectMany(p => p.IntoNew).Select(n => n.Code).ToList();
        // One code in any letter case: "qt-n" beside "QT-N" would be a second unit under one name.
        if (newCodes.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } shared)
            return new RestructuringRejected(Rules.NewUnitCodeRepeated, shared.Key);
        // Said of the act itself, before what it finds recorded: a new unit described with a district is no unit on
        // record under its code either.
        if (PlacedInADistrictAfterTheLevelEnded() is { } placed)
            return new RestructuringRejected(Rules.DistrictAfterLevelEnded, placed);
        if (newCodes.FirstOrDefault(code => units[code] is not null) is { } taken)
            return new RestructuringRejected(Rules.UnitAlreadyRegistered, taken);

        foreach (var code in predecessors.Concat(changed).Distinct())
        {
            if (units[code] is not { } unit) return new RestructuringRejected(Rules.UnitNotRegistered, code);
            if (EndedBy(unit) is { } ended) return new RestructuringRejected(ended, code);
            // Not before the unit was established, nor after its level ended (the day itself ends the districts).
            if (unit.EstablishmentDated && EffectiveOn < unit.RegisteredOn)
                return new RestructuringRejected(Rules.FactBeforeEstablishment, code);
            if (EffectiveOn > Levels.EndOf(unit.Level)) return new RestructuringRejected(Rules.LevelEnded, code);
            if (predecessors.Contains(code) && unit.LatestFactOn >= EffectiveOn)
                return new RestructuringRejected(Rules.PredecessorHasLaterFacts, code);
        }
        if (Parts.FirstOrDefault(p => p.From.Any(code => p.ChangesNothing(units[code]!, EffectiveOn))) is { } idle)
        {
            var code = idle.From.First(code => idle.ChangesNothing(units[code]!, EffectiveOn));
            return new RestructuringRejected(Rules.NothingToChange, code);
        }
        foreach (var part in Parts.Where(p => p.IntoCode is not null))
        {
            if (units[part.IntoCode!] is not { } successor)
                return new RestructuringRejected(Rules.UnitNotRegistered, part.IntoCode);
            // A successor registered without a date may begin its existence with this restructuring.
            if (!successor.MayExistOn(EffectiveOn))
                return new RestructuringRejected(Rules.SuccessorNotExisting, part.IntoCode);
        }
        if (Parts.SelectMany(p => p.IntoNew).FirstOrDefault(n => Levels.EndOf(n.Level) <= EffectiveOn) is { } late)
            return new RestructuringRejected(Rules.LevelEnded, late.Code);
        if (OtherTier(units) is { } across) return new RestructuringRejected(Rules.SuccessorOfOtherTier, across);
        if (Parts.Where(p => p is { Kind: RestructuringKind.Transfer, District: not null }).SelectMany(p => p.From)
                .FirstOrDefault(code => Levels.InNoDistrict(units[code]!.Level)) is { } provincial)
            return new RestructuringRejected(Rules.DepartmentInDistrict, provincial);
        if (Parts.SelectMany(p => p.From.Where(code => p.LeavesDistrictInOtherProvince(units[code]!, EffectiveOn)))
                .FirstOrDefault() is { } leftInDistrict)
            return new RestructuringRejected(Rules.DistrictInOtherProvince, leftInDistrict);

        var events = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        void Add(string code, object e) =>
            (events.TryGetValue(code, out var list) ? list : events[code] = []).Add(e);
        foreach (var part in Parts) Record(part, units, Add);
        var after = new Dictionary<string, Unit?>(units, StringComparer.Ordinal);
        foreach (var (code, appended) in events)
            after[code] = appended.Aggregate(after.GetValueOrDefault(code), Unit.Evolve);
        if (Parts.Select(p => p.AcrossProvinces(after, EffectiveOn)).FirstOrDefault(a => a is not null) is { } joined)
        {
            return new RestructuringRejected(Rules.MergeAcrossProvinces, joined.Code, Sentence:
                $"on {EffectiveOn:yyyy-MM-dd} {joined.Code} is in {joined.Province} and {joined.With} in "
                + $"{joined.WithProvince}: {Rules.MergeAcrossProvinces.Sentence}");
        }
        if (BrokenParent(after) is { } broken) return broken;
        if (NameTaken(units, after, namesakes ?? []) is { } namesake) return namesake;
        return new RestructuringAccepted(
            events.ToDictionary(p => p.Key, p => (IReadOnlyList<object>)p.Value, StringComparer.Ordinal), newCodes);
    }

    /// <summary>The first successor of a merge or split in another administrative tier than a unit it takes over
    /// (<see cref="Tier"/>): a commune merged into a department, a district's committee into a commune.</summary>
    private string? OtherTier(IReadOnlyDictionary<string, Unit?> units)
    {
        foreach (var part in Parts.Where(p => p.Predecessors().Any()))
        {
            var tiers = part.From.Select(code => Tier(units[code]!.Level)).ToHashSet();
            var successor = part.IntoNew.Select(n => (n.Code, n.Level))
                .Concat(part.IntoCode is { } into ? [(into, units[into]!.Level)] : [])
                .FirstOrDefault(s => !tiers.All(tier => tier == Tier(s.Level)));
            if (successor.Code is not null) return successor.Code;
        }
        return null;
    }

    /// <summary>The administrative tier of a level: a sub-department is its department's (a chi cục may be merged
    /// into its Sở).</summary>
    private static UnitLevel Tier(UnitLevel level) =>
        level == UnitLevel.SubDepartment ? UnitLevel.Department : level;

    /// <summary>The first unit the act places in a district (a new unit's <c>district</c>, a transfer's) when it takes
    /// effect on or after the day the district level ended, or null: from that day no unit is in a district.</summary>
    private string? PlacedInADistrictAfterTheLevelEnded() =>
        !Levels.DistrictsEndedBy(EffectiveOn) ? null
        : Parts.SelectMany(p => p.IntoNew).FirstOrDefault(n => n.District is not null)?.Code
        ?? Parts.Where(p => p is { Kind: RestructuringKind.Transfer, District: not null })
            .SelectMany(p => p.From).FirstOrDefault();

    /// <summary>The first parent the restructuring gives a unit, or leaves it, that the unit may not have on the
    /// effective date (<see cref="ParentUnits.Check"/>), judged on the units as the restructuring leaves them: a
    /// parent may be a department the same act forms (a sub-department moves to the department its own merged into),
    /// and is no parent if the act ends it that day. Given parents are judged first (a new unit's, a transfer's);
    /// then no sub-department may be left under a department the act ends (<see cref="CarryingSubDepartments"/>);
    /// then the parent a sub-department keeps is judged again when the act transfers either of them (a move to
    /// another province, of the sub-department or of its department).</summary>
    private RestructuringRejected? BrokenParent(Dictionary<string, Unit?> after)
    {
        var subDepartments = after.Values.OfType<Unit>().Where(u => ParentUnits.TakesParent(u.Level))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        return BrokenGivenParent(after) ?? LeftWithoutParent(subDepartments) ?? BrokenKeptParent(after, subDepartments);
    }

    private RestructuringRejected? BrokenGivenParent(Dictionary<string, Unit?> after)
    {
        foreach (var part in Parts)
        {
            var given = part.IntoNew.Where(n => n.ParentCode is not null)
                .Select(n => (n.Code, n.Level, n.Province, Parent: n.ParentCode!));
            if (part is { Kind: RestructuringKind.Transfer, ParentCode: { } parent })
            {
                given = given.Concat(part.From.Select(code => after[code]!).Select(unit =>
                    (unit.Code, unit.Level, Province: unit.RecordedProvinceOn(EffectiveOn), Parent: parent)));
            }
            foreach (var (code, level, province, parentCode) in given)
            {
                if (ParentUnits.Check(level, province, EffectiveOn, after[parentCode]) is { } broken)
                    return new RestructuringRejected(broken, code, parentCode);
            }
        }
        return null;
    }

    /// <summary>The first department the act ends (in code order) that a sub-department not ended that day has as its
    /// parent on the effective date or later, with every such sub-department of it.</summary>
    private RestructuringRejected? LeftWithoutParent(IReadOnlyList<Unit> subDepartments)
    {
        var ended = Parts.SelectMany(p => p.Predecessors()).ToHashSet(StringComparer.Ordinal);
        var left = subDepartments.Where(u => !(u.EndedOn <= EffectiveOn))
            .SelectMany(u => ParentUnits.ParentsFrom(u, EffectiveOn).Where(ended.Contains)
                .Select(parent => (Parent: parent, u.Code)))
            .GroupBy(o => o.Parent, o => o.Code)
            .MinBy(g => g.Key, StringComparer.Ordinal);
        return left is null
            ? null
            : new RestructuringRejected(Rules.SubDepartmentsLeftWithoutParent, left.Key, SubDepartments: [.. left]);
    }

    /// <summary>The first sub-department the act transfers, or whose parent it transfers, that may not keep its parent
    /// on the effective date.</summary>
    private RestructuringRejected? BrokenKeptParent(Dictionary<string, Unit?> after, IReadOnlyList<Unit> subDepartments)
    {
        var transferred = Parts.Where(p => p.Kind == RestructuringKind.Transfer).SelectMany(p => p.From)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var unit in subDepartments.Where(u => u.MayExistOn(EffectiveOn)))
        {
            if (unit.ParentCodeOn(EffectiveOn) is not { } parent
                || !(transferred.Contains(unit.Code) || transferred.Contains(parent)))
                continue;
            var province = unit.RecordedProvinceOn(EffectiveOn);
            if (ParentUnits.Check(unit.Level, province, EffectiveOn, after[parent]) is { } broken)
                return new RestructuringRejected(broken, unit.Code, parent);
        }
        return null;
    }

    /// <summary>The first unit the act names or places (<see cref="Named"/>) under the name of another that lives on
    /// the effective date at its level and place (<see cref="RegisterUnit.Namesake"/>): the units as the act leaves
    /// them (those it ends that day leave their names free, and two it forms or renames may not share one), and
    /// <paramref name="namesakes"/> it does not touch. The rejection names the unit that holds the name.</summary>
    private RestructuringRejected? NameTaken(
        IReadOnlyDictionary<string, Unit?> units, Dictionary<string, Unit?> after, IEnumerable<Unit> namesakes)
    {
        // By name on the day, as Namesake compares them: an act of a province's reorganisation forms hundreds of
        // units among a thousand it reads, and each is compared with those of its name only.
        var candidates = after.Values.OfType<Unit>().Concat(namesakes.Where(unit => !after.ContainsKey(unit.Code)))
            .ToLookup(unit => UnitNameSpelling.Comparable(unit.NameOn(EffectiveOn), keepNotes: true));
        foreach (var named in Named(units))
        {
            var namesake = candidates[UnitNameSpelling.Comparable(named.Name, keepNotes: true)];
            if (named.Namesake(namesake) is not { } holder) continue;
            return new RestructuringRejected(Rules.UnitNameTaken, holder.Code, Sentence:
                $"the act gives {named.Code} the name \"{named.Name}\" that unit {holder.Code} "
                + $"(\"{holder.NameOn(EffectiveOn)}\") has on {EffectiveOn:yyyy-MM-dd} at the same level, in the same "
                + "province and district" + (named.ParentCode is null ? "" : " under the same parent")
                + ": the two would be counted as one. Merge them, or give the unit another name.");
        }
        return null;
    }

    /// <summary>The rule a unit breaks by having ended (not by its level ending: the 2025 restructurings are what
    /// ended the districts) on or before the effective date.</summary>
    private Rule? EndedBy(Unit unit) =>
        unit.Dissolution?.DissolvedOn <= EffectiveOn
        || unit.Merger?.MergedOn <= EffectiveOn
        || unit.Split?.SplitOn <= EffectiveOn
            ? Rules.PredecessorEnded
            : null;

    private void Record(RestructuringPart part, IReadOnlyDictionary<string, Unit?> units, Action<string, object> add)
    {
        var standings = part.From.Select(code => PredecessorStanding.Of(units[code]!, EffectiveOn)).ToList();
        foreach (var unit in part.IntoNew)
        {
            add(unit.Code, new UnitRegistered(
                unit.Code, unit.Name, unit.Level, unit.Province, unit.District, unit.ParentCode, EffectiveOn));
        }
        var successors = part.Successors().ToList();
        switch (part.Kind)
        {
            case RestructuringKind.Merge:
                foreach (var code in part.From) add(code, new UnitMerged(EffectiveOn, successors[0], DecisionNo, Id));
                break;
            case RestructuringKind.Split:
                foreach (var code in part.From) add(code, new UnitSplit(EffectiveOn, successors, DecisionNo, Id));
                break;
            case RestructuringKind.Dissolve:
                foreach (var code in part.From) add(code, new UnitDissolved(EffectiveOn, DecisionNo, Id));
                break;
            case RestructuringKind.Rename or RestructuringKind.Transfer:
                foreach (var code in part.From) add(code, Change(part));
                break;
        }
        foreach (var code in successors)
            add(code, new UnitTookOver(EffectiveOn, part.Kind, standings, DecisionNo, Id));
    }
}

public abstract record RestructuringDecision;

/// <summary>The events of each unit, and the units the restructuring registers.</summary>
public sealed record RestructuringAccepted(
    IReadOnlyDictionary<string, IReadOnlyList<object>> Events, IReadOnlyList<string> NewUnits) : RestructuringDecision;

/// <summary>The rule the restructuring breaks, the unit that breaks it when one does (for
/// <see cref="Rules.UnitNameTaken"/> the unit that holds the name), the parent it was given or keeps when a parent
/// breaks it, the sub-departments an ended department (<paramref name="Unit"/>) would leave without a parent, and the
/// sentence saying how, where the rule's own does not.</summary>
public sealed record RestructuringRejected(
    Rule Broken, string? Unit, string? Parent = null, IReadOnlyList<string>? SubDepartments = null,
    string? Sentence = null)
    : RestructuringDecision;

/// <summary>The unit was merged into another; its stream stays readable but takes nothing dated later.</summary>
/// <param name="MergedOn">The day the merge took effect: the unit's first day as part of the other.</param>
/// <param name="IntoCode">The code of the unit it was merged into.</param>
/// <param name="DecisionNo">The number of the act that decided it; null when it was recorded without one.</param>
/// <param name="RestructuringId">The id of the restructuring that recorded it (GET /api/restructurings/{id}); null
/// when it was recorded without one.</param>
public sealed record UnitMerged(
    DateOnly MergedOn, string IntoCode, string? DecisionNo = null, string? RestructuringId = null) : IUnitEvent
{
    /// <summary>The day the fact happened, by which the rules judge it: its <c>mergedOn</c>.</summary>
    public DateOnly BusinessDate => MergedOn;
}

/// <summary>The unit was split into several; its stream stays readable but takes nothing dated later.</summary>
/// <param name="SplitOn">The day the split took effect.</param>
/// <param name="IntoCodes">The codes of the units it was split into.</param>
/// <param name="DecisionNo">The number of the act that decided it; null when it was recorded without one.</param>
/// <param name="RestructuringId">The id of the restructuring that recorded it (GET /api/restructurings/{id}); null
/// when it was recorded without one.</param>
public sealed record UnitSplit(
    DateOnly SplitOn, IReadOnlyList<string> IntoCodes, string? DecisionNo, string? RestructuringId) : IUnitEvent
{
    /// <summary>The day the fact happened, by which the rules judge it: its <c>splitOn</c>.</summary>
    public DateOnly BusinessDate => SplitOn;
}

/// <summary>The unit was dissolved (giải thể) without a successor.</summary>
/// <param name="DissolvedOn">The day the dissolution took effect.</param>
/// <param name="DecisionNo">The number of the act that decided it; null when it was recorded without one.</param>
/// <param name="RestructuringId">The id of the restructuring that recorded it (GET /api/restructurings/{id}); null
/// when it was recorded without one.</param>
public sealed record UnitDissolved(DateOnly DissolvedOn, string? DecisionNo, string? RestructuringId) : IUnitEvent
{
    /// <summary>The day the fact happened, by which the rules judge it: its <c>dissolvedOn</c>.</summary>
    public DateOnly BusinessDate => DissolvedOn;
}

/// <summary>The unit was renamed from <paramref name="RenamedOn"/>; it is the same unit under a new name.</summary>
public sealed record UnitRenamed(DateOnly RenamedOn, string Name, string? DecisionNo, string? RestructuringId)
    : IUnitEvent
{
    public DateOnly BusinessDate => RenamedOn;
}

/// <summary>The unit belongs to another province, district and/or parent department from
/// <paramref name="TransferredOn"/>.</summary>
public sealed record UnitTransferred(
    DateOnly TransferredOn, string? Province, string? District, string? DecisionNo, string? RestructuringId,
    string? ParentCode = null)
    : IUnitEvent
{
    public DateOnly BusinessDate => TransferredOn;
}

/// <summary>The unit took over predecessors (merged into it, or split from one): it inherits their history, not
/// their declarations.</summary>
/// <param name="EffectiveOn">The day the restructuring took effect.</param>
/// <param name="Kind">How: <c>merge</c> (they were merged into this unit) or <c>split</c> (this unit was split from
/// one).</param>
/// <param name="Predecessors">The units taken over, each with where its system stood on the effective date.</param>
/// <param name="DecisionNo">The number of the act that decided it; null when it was recorded without one.</param>
/// <param name="RestructuringId">The id of the restructuring that recorded it (GET /api/restructurings/{id}); null
/// when it was recorded without one.</param>
public sealed record UnitTookOver(
    DateOnly EffectiveOn, RestructuringKind Kind, IReadOnlyList<PredecessorStanding> Predecessors,
    string? DecisionNo, string? RestructuringId) : IUnitEvent
{
    /// <summary>The day the fact happened, by which the rules judge it: its <c>effectiveOn</c>.</summary>
    public DateOnly BusinessDate => EffectiveOn;
}
