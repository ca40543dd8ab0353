using System.Text.Json.Serialization;
using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>Everything recorded about a unit, rebuilt from its events. It keeps the business dates of its facts,
/// so that rules judge when things happened, not the order in which they were recorded.</summary>
public sealed record Unit
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required UnitLevel Level { get; init; }
    public required string Province { get; init; }

    /// <summary>The last district the unit was in (<see cref="LastDistrictOn"/>): after the district level ended, its
    /// former district, which tells it apart from a unit of the same name in another one and which lists filter on.
    /// Where it is on a date is <see cref="DistrictOn"/>.</summary>
    public string? District { get; init; }
    public string? ParentCode { get; init; }
    public required DateOnly RegisteredOn { get; init; }

    /// <summary>Whether <see cref="RegisteredOn"/> is the unit's establishment date, as given when it was registered.
    /// When it is not (the date was unknown), the unit exists from its earliest recorded fact.</summary>
    public bool EstablishmentDated { get; init; } = true;

    /// <summary>The business dates of the earliest and the latest fact recorded after the registration. Computed
    /// from the facts kept, so that a state stored by an earlier version of the ledger answers them too; not stored
    /// (no query filters on them, and walking every fact on each write cost the write path).</summary>
    [JsonIgnore]
    public DateOnly? EarliestFactOn => FactDates().Min(d => (DateOnly?)d);
    [JsonIgnore]
    public DateOnly? LatestFactOn => FactDates().Max(d => (DateOnly?)d);

    /// <summary>The name, province and district the unit was registered with; renames and transfers are dated facts
    /// of their own, so that the unit is named as it was on any date. A state stored before renames and transfers
    /// existed has none of them, and its current name, province and district are the registered ones.</summary>
    public string? RegisteredName { get; init; }
    public string? RegisteredProvince { get; init; }
    public string? RegisteredDistrict { get; init; }

    /// <summary>The parent department before its first change by a transfer (set then: a state stored earlier has
    /// none, and its parent is <see cref="ParentCode"/>).</summary>
    public string? RegisteredParentCode { get; init; }
    public IReadOnlyList<UnitRenamed> Renames { get; init; } = [];
    public IReadOnlyList<UnitTransferred> Transfers { get; init; } = [];

    /// <summary>The version of the unit's stream this state reflects.</summary>
    public long Version { get; init; }

    /// <summary>The boards in the order they were formed, each after the first a reorganisation (kiện toàn), whatever
    /// order they were recorded in: a first board recorded after a later one is no reorganisation.</summary>
    public IReadOnlyList<SteeringBoardFormed> SteeringBoards { get; init; } = [];

    private static IReadOnlyList<SteeringBoardFormed> BoardsByDate(IEnumerable<SteeringBoardFormed> boards) =>
        [.. boards.OrderBy(b => b.FormedOn).Select((board, i) => board with { Reorganisation = i > 0 })];
    public IReadOnlyList<DocumentationIssued> Documentation { get; init; } = [];
    public IReadOnlyList<ConformityDeclared> Declarations { get; init; } = [];

    /// <summary>Each conversion of the system from one edition to a later one, in the order recorded.</summary>
    public IReadOnlyList<EditionConversion> Conversions { get; init; } = [];

    /// <summary>How a state stored before editions were data kept its one conversion, 2008 → 2015: read into
    /// <see cref="Conversions"/>, never written.</summary>
    [JsonInclude, JsonPropertyName("conversionStartedOn"),
     JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private DateOnly? StoredConversionStartedOn
    {
        get => null;
        init => Conversions = EditionConversion.Legacy(Conversions, value, started: true);
    }

    [JsonInclude, JsonPropertyName("convertedOn"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private DateOnly? StoredConvertedOn
    {
        get => null;
        init => Conversions = EditionConversion.Legacy(Conversions, value, started: false);
    }
    public IReadOnlyList<DateOnly> InternalAudits { get; init; } = [];
    public IReadOnlyList<DateOnly> ManagementReviews { get; init; } = [];
    public IReadOnlyList<Nonconformity> Nonconformities { get; init; } = [];
    public IReadOnlyList<ScopeChanged> ScopeChanges { get; init; } = [];
    public IReadOnlyDictionary<int, UnitYear> Years { get; init; } = new Dictionary<int, UnitYear>();
    public UnitMerged? Merger { get; init; }
    public UnitSplit? Split { get; init; }
    public UnitDissolved? Dissolution { get; init; }

    /// <summary>The restructurings by which this unit took over others (as their successor).</summary>
    public IReadOnlyList<UnitTookOver> TookOver { get; init; } = [];

    /// <summary>This unit with where each predecessor it took over stood on the day it did restated from that
    /// predecessor's facts as recorded now (<paramref name="recorded"/>, null for one not at hand, which keeps the
    /// standing the restructuring recorded). A predecessor's declaration or rename dated before the merge but
    /// recorded after it (a back-filled report) is what was true on the day, whenever it was recorded.</summary>
    public Unit WithPredecessorsAsRecorded(Func<string, Unit?> recorded) => TookOver.Count == 0 ? this : this with
    {
        TookOver = [.. TookOver.Select(t => t with
        {
            Predecessors = [.. t.Predecessors.Select(p =>
                recorded(p.Code) is { } predecessor ? PredecessorStanding.Of(predecessor, t.EffectiveOn) : p)],
        })],
    };

    /// <summary>The merge or split that formed this unit (it came into existence with it), or null: an existing unit
    /// that took others over was not formed by that. Computed, not stored.</summary>
    [JsonIgnore]
    public UnitTookOver? FormedBy => TookOver.FirstOrDefault(t =>
        t.Kind is RestructuringKind.Merge or RestructuringKind.Split && ExistsFrom >= t.EffectiveOn);

    /// <summary>The day the unit came into existence: its establishment date, or its earliest recorded fact when
    /// the establishment date is unknown. Computed, not stored.</summary>
    [JsonIgnore]
    public DateOnly ExistsFrom =>
        EstablishmentDated || EarliestFactOn is not { } earliest || earliest >= RegisteredOn ? RegisteredOn : earliest;

    /// <summary>The day the unit ceased to exist: merged away, split, dissolved, or the end of its level (the district
    /// level ended on 1 July 2025); null while it exists. Computed, not stored.</summary>
    [JsonIgnore]
    public DateOnly? EndedOn =>
        new[] { Merger?.MergedOn, Split?.SplitOn, Dissolution?.DissolvedOn, Levels.EndOf(Level) }.Min();

    /// <summary>Whether the unit existed on <paramref name="date"/>: from <see cref="ExistsFrom"/> until the day
    /// before <see cref="EndedOn"/>.</summary>
    public bool ExistsOn(DateOnly date) => ExistsFrom <= date && !(EndedOn <= date);

    /// <summary>Whether the unit may have existed on <paramref name="date"/>: it did (<see cref="ExistsOn"/>), or,
    /// registered without its establishment date, it had not ended by then (history is back-filled in any order, so
    /// such a unit may well have existed before its earliest recorded fact).</summary>
    public bool MayExistOn(DateOnly date) => EstablishmentDated ? ExistsOn(date) : !(EndedOn <= date);

    public string NameOn(DateOnly date) =>
        Latest(Renames.Where(r => r.RenamedOn <= date), r => r.RenamedOn)?.Name ?? RegisteredName ?? Name;

    /// <summary>The department the unit belonged to on <paramref name="date"/> (a sub-department's parent changes by
    /// a transfer when its department merges).</summary>
    public string? ParentCodeOn(DateOnly date) =>
        Latest(Transfers.Where(t => t.ParentCode is not null && t.TransferredOn <= date), t => t.TransferredOn)
            ?.ParentCode
        ?? (Transfers.Any(t => t.ParentCode is not null) ? RegisteredParentCode : ParentCode);

    /// <summary>The province the unit belonged to on <paramref name="date"/>: the one it was recorded in (or
    /// transferred to) by then, or, once that province had ended, what it became (<see cref="Provinces.Provinces.On"/>:
    /// Quảng Trị for a Quảng Bình unit from 1 July 2025, Huế for a Thừa Thiên Huế one from 1 January 2025). A unit that
    /// had ended by then is placed as on its last day, so one that ended before its province did keeps that province.
    /// </summary>
    public string ProvinceOn(DateOnly date)
    {
        var day = PlacedOn(date);
        return Provinces.Provinces.On(RecordedProvinceOn(day), day);
    }

    /// <summary>The province the unit was recorded in (or transferred to), when that is not its province on
    /// <paramref name="date"/> (<see cref="ProvinceOn"/>): how a former Quảng Bình unit is told apart in Quảng Trị's
    /// answers. Null when the two are one.</summary>
    public string? FormerProvinceOn(DateOnly date) =>
        RecordedProvinceOn(PlacedOn(date)) is var recorded && recorded != ProvinceOn(date) ? recorded : null;

    /// <summary>The province recorded for <paramref name="date"/> (registered, then moved by transfers), as it was
    /// written then, whether or not that province still existed: the fact the answers as of a date derive from.
    /// </summary>
    public string RecordedProvinceOn(DateOnly date) =>
        Latest(Transfers.Where(t => t.Province is not null && t.TransferredOn <= date), t => t.TransferredOn)?.Province
        ?? RegisteredProvince ?? Province;

    /// <summary>The district the unit was in on <paramref name="date"/>: none once the district level had ended
    /// (<see cref="Levels.DistrictsEndedBy"/>), when communes began to report to the province directly. A unit that
    /// had ended by then is placed as on its last day, so one merged away before the level ended (or on its last day)
    /// keeps its district in every answer about it.</summary>
    public string? DistrictOn(DateOnly date) =>
        PlacedOn(date) is var day && Levels.DistrictsEndedBy(day) ? null : RecordedDistrictOn(day);

    /// <summary>From the day the district level ended, the district the unit was in on the level's last day: how a
    /// commune is told apart from one of the same name in another former district, and what a report row of a later
    /// date writes as its district. Null before that day, and for a unit that was in none.</summary>
    public string? FormerDistrictOn(DateOnly date) =>
        Levels.DistrictsEndedBy(PlacedOn(date)) ? RecordedDistrictOn(Levels.DistrictLevelEndedOn.AddDays(-1)) : null;

    /// <summary>The district that tells the unit apart on <paramref name="date"/>: the one it was in then, or, once
    /// the district level had ended, the one it was in before (<see cref="FormerDistrictOn"/>).</summary>
    public string? LastDistrictOn(DateOnly date) => DistrictOn(date) ?? FormerDistrictOn(date);

    /// <summary>The district recorded for <paramref name="date"/> (registered, then moved by transfers), whether or
    /// not the level still existed.</summary>
    private string? RecordedDistrictOn(DateOnly date) =>
        Latest(Transfers.Where(t => t.District is not null && t.TransferredOn <= date), t => t.TransferredOn)?.District
        ?? (RegisteredName is null ? District : RegisteredDistrict);

    /// <summary>The day the unit is placed as on <paramref name="date"/>: that day, or its last day once it had
    /// ended.</summary>
    private DateOnly PlacedOn(DateOnly date) => EndedOn is { } ended && ended <= date ? ended.AddDays(-1) : date;

    /// <summary>The fact of <paramref name="items"/> that took effect last; of two on one day, the one recorded later
    /// (a correction of the first).</summary>
    private static T? Latest<T>(IEnumerable<T> items, Func<T, DateOnly> takesEffectOn) where T : class =>
        items.OrderBy(takesEffectOn).LastOrDefault();

    /// <summary>The business date of every fact kept after the registration.</summary>
    private IEnumerable<DateOnly> FactDates() =>
        SteeringBoards.Select(b => b.FormedOn)
            .Concat(Documentation.Select(d => d.IssuedOn))
            .Concat(Declarations.Select(d => d.DeclaredOn))
            .Concat(Conversions.SelectMany(c => new[] { c.StartedOn, c.CompletedOn }.OfType<DateOnly>()))
            .Concat(InternalAudits)
            .Concat(ManagementReviews)
            .Concat(Nonconformities.SelectMany(n => n.CorrectiveActions.Select(a => a.TakenOn)
                .Append(n.RaisedOn).Concat(n.ClosedOn is { } closed ? [closed] : [])))
            .Concat(ScopeChanges.Select(c => c.ChangedOn))
            .Concat(Years.Values.SelectMany(y => new[]
            {
                y.QualityPolicyOn, y.QualityObjectivesOn, y.MaintenancePlanOn, y.ReportSubmittedOn,
                y.Inspection?.InspectedOn, y.CorrectiveActionsReportedOn, y.ListedOn,
            }.OfType<DateOnly>().Concat(y.Inspections.Select(i => i.InspectedOn))))
            .Concat(new[] { Merger?.MergedOn, Split?.SplitOn, Dissolution?.DissolvedOn }.OfType<DateOnly>())
            .Concat(TookOver.Select(t => t.EffectiveOn))
            .Concat(Renames.Select(r => r.RenamedOn))
            .Concat(Transfers.Select(t => t.TransferredOn));

    /// <summary>The edition the unit's system is on after everything recorded (stored, so lists can filter on
    /// it).</summary>
    public Edition? Standard => StandardOn(DateOnly.MaxValue);

    /// <summary>The edition the unit's system is on as of <paramref name="asOf"/>: that of its latest declaration or
    /// completed conversion, whichever came last; null before any declaration. A declaration known only from a report
    /// (<see cref="ConformityDeclared.DatedByReport"/>) on an edition the unit had already converted away from does not
    /// take it back: a later year's report imported before an earlier one records the declaration it implies (on
    /// 2008, as the row converts) at its own date, and the earlier year's row then dates the declaration and the
    /// conversion back; the placeholder only says the unit had declared by then, not that it declared 2008 again
    /// (which the API refuses as a downgrade).</summary>
    public Edition? StandardOn(DateOnly asOf)
    {
        var declaration = Declarations
            .Where(d => d.DeclaredOn <= asOf && !(d.DatedByReport && ConvertedAwayFrom(d.Standard, d.DeclaredOn)))
            .MaxBy(d => d.DeclaredOn);
        var conversion = Conversions.Where(c => c.CompletedOn <= asOf).MaxBy(c => c.CompletedOn);
        return conversion is not null && !(declaration?.DeclaredOn > conversion.CompletedOn)
            ? conversion.To
            : declaration?.Standard;
    }

    /// <summary>Whether a conversion from <paramref name="edition"/> was completed before <paramref name="on"/>.
    /// </summary>
    private bool ConvertedAwayFrom(Edition edition, DateOnly on) =>
        Conversions.Any(c => c.From == edition && c.CompletedOn < on);

    /// <summary>The declarations made: those recorded, less one known only from a report table (dated by the
    /// report: declared by then) on the edition of one recorded on an earlier day. That earlier one is the declaration
    /// the table reported, its day given later (by a later year's table with its <c>declared_by</c>, imported after
    /// this one, or a decision recorded through the API): recorded in the order of their dates, the report would have
    /// added nothing, and the unit did not declare again on the report's date. Computed, not stored.</summary>
    [JsonIgnore]
    public IEnumerable<ConformityDeclared> DeclarationsMade =>
        Declarations.Where(d => !(d.DatedByReport
            && Declarations.Any(earlier => earlier.DeclaredOn < d.DeclaredOn && earlier.Standard == d.Standard)));

    public ConformityDeclared? LatestDeclarationOn(DateOnly asOf) =>
        DeclarationsMade.Where(d => d.DeclaredOn <= asOf).MaxBy(d => d.DeclaredOn);

    /// <summary>The recorded conversion to <paramref name="to"/>, started or completed.</summary>
    public EditionConversion? ConversionTo(Edition to) => Conversions.FirstOrDefault(c => c.To == to);

    /// <summary>Where the conversion to <paramref name="to"/> stood on <paramref name="asOf"/>.</summary>
    public ConversionState ConversionOn(DateOnly asOf, Edition to) => ConversionTo(to) switch
    {
        { CompletedOn: { } completed } when completed <= asOf => ConversionState.Done,
        { StartedOn: { } started } when started <= asOf => ConversionState.InProgress,
        _ => ConversionState.None,
    };

    /// <summary>The conversion under way on <paramref name="asOf"/>, if any.</summary>
    public EditionConversion? ConversionUnderWayOn(DateOnly asOf) =>
        Conversions.FirstOrDefault(c => c.StartedOn <= asOf && !(c.CompletedOn <= asOf));

    public Nonconformity? FindNonconformity(string id) => Nonconformities.FirstOrDefault(n => n.Id == id);

    public UnitYear Year(int year) => Years.TryGetValue(year, out var record) ? record : new UnitYear();

    /// <summary>Whether corrective actions are on record for <paramref name="year"/>: taken for a nonconformity, or
    /// stated by the year's report.</summary>
    public bool TookCorrectiveActionsIn(int year) =>
        Year(year).CorrectiveActionsReportedOn is not null
        || Nonconformities.SelectMany(n => n.CorrectiveActions).Any(a => a.TakenOn.Year == year);

    /// <summary>The state after <paramref name="event"/>; <paramref name="unit"/> is null before the first
    /// event.</summary>
    public static Unit? Evolve(Unit? unit, object @event)
    {
        if (@event is UnitRegistered registered)
        {
            return new Unit
            {
                Code = registered.Code,
                Name = registered.Name,
                Level = registered.Level,
                Province = registered.Province,
                District = registered.District,
                ParentCode = registered.ParentCode,
                RegisteredOn = registered.RegisteredOn,
                EstablishmentDated = registered.EstablishmentDated,
                RegisteredName = registered.Name,
                RegisteredProvince = registered.Province,
                RegisteredDistrict = registered.District,
            };
        }
        if (unit is null) return null;
        return @event switch
        {
            SteeringBoardFormed board => unit with { SteeringBoards = BoardsByDate([.. unit.SteeringBoards, board]) },
            DocumentationIssued documentation => unit with { Documentation = [.. unit.Documentation, documentation] },
            ConformityDeclared declaration => unit with { Declarations = [.. unit.Declarations, declaration] },
            // A start recorded after the completion it led to, or dated before the start on record (a report of an
            // earlier year imported later), dates that conversion's start.
            ConversionStarted started => unit with
            {
                Conversions = unit.Conversions.FirstOrDefault(c => c.To == started.ToEdition
                        && (c.StartedOn is null ? c.CompletedOn >= started.StartedOn : c.StartedOn > started.StartedOn))
                    is { } recorded
                    ? [.. unit.Conversions.Select(c => c != recorded ? c : c with
                    {
                        StartedOn = started.StartedOn,
                        StartDecisionNo = started.DecisionNo ?? c.StartDecisionNo,
                    })]
                    : [
                        .. unit.Conversions,
                        new(started.FromEdition, started.ToEdition, started.StartedOn, null, started.DecisionNo),
                    ],
            },
            // A completion dated before the one on record (a report of an earlier year imported later) dates it.
            StandardConverted converted => unit with
            {
                Conversions = unit.ConversionTo(converted.ToEdition) is { } open
                    ? [.. unit.Conversions.Select(c => c != open ? c
                        : c.CompletedOn < converted.ConvertedOn ? c
                        : c with
                        {
                            CompletedOn = converted.ConvertedOn,
                            CompletionDecisionNo = converted.DecisionNo ?? c.CompletionDecisionNo,
                        })]
                    : [
                        .. unit.Conversions,
                        new(converted.FromEdition, converted.ToEdition, null, converted.ConvertedOn, null,
                            converted.DecisionNo),
                    ],
            },
            // A yearly step recorded twice (a plan amended, a report sent again) was done from the first of its
            // dates, whatever order they were recorded in: so the state of every fact answers "done by that day" as
            // a replay of the facts dated up to that day does.
            QualityObjectivesIssued issued => unit.WithYear(issued.Year, year => year with
            {
                QualityPolicyOn = issued.Policy
                    ? Earliest(year.QualityPolicyOn, issued.IssuedOn)
                    : year.QualityPolicyOn,
                QualityObjectivesOn = issued.Objectives
                    ? Earliest(year.QualityObjectivesOn, issued.IssuedOn)
                    : year.QualityObjectivesOn,
            }),
            MaintenancePlanIssued plan => unit.WithYear(plan.Year, year => year with
            {
                MaintenancePlanOn = Earliest(year.MaintenancePlanOn, plan.IssuedOn),
            }),
            InternalAuditHeld audit => unit with { InternalAudits = [.. unit.InternalAudits, audit.HeldOn] },
            ManagementReviewHeld review =>
                unit with { ManagementReviews = [.. unit.ManagementReviews, review.HeldOn] },
            NonconformityRaised raised =>
                unit with { Nonconformities = [.. unit.Nonconformities, Nonconformity.From(raised)] },
            CorrectiveActionTaken action => unit.WithNonconformity(action.NonconformityId, n => n with
            {
                CorrectiveActions =
                [
                    .. n.CorrectiveActions,
                    new CorrectiveAction(action.TakenOn, action.RootCause, action.Action),
                ],
            }),
            NonconformityClosed closed =>
                unit.WithNonconformity(closed.NonconformityId, n => n with { ClosedOn = closed.ClosedOn }),
            AnnualReportSubmitted report => unit.WithYear(report.Year, year => year with
            {
                ReportSubmittedOn = Earliest(year.ReportSubmittedOn, report.SubmittedOn),
            }),
            InspectionRecorded inspection => unit.WithYear(inspection.Year, year => year.WithInspection(inspection)),
            CorrectiveActionsReported reported => unit.WithYear(reported.Year, year => year with
            {
                CorrectiveActionsReportedOn = Earliest(year.CorrectiveActionsReportedOn, reported.ReportedOn),
            }),
            UnitListed listed =>
                unit.WithYear(listed.Year, year => year with { ListedOn = Earliest(year.ListedOn, listed.ListedOn) }),
            ScopeChanged change => unit with { ScopeChanges = [.. unit.ScopeChanges, change] },
            UnitMerged merged => unit with { Merger = merged },
            UnitSplit split => unit with { Split = split },
            UnitDissolved dissolved => unit with { Dissolution = dissolved },
            UnitTookOver tookOver => unit with { TookOver = [.. unit.TookOver, tookOver] },
            UnitRenamed renamed => Current(unit with { Renames = [.. unit.Renames, renamed] }),
            UnitTransferred transferred => Current(unit with
            {
                Transfers = [.. unit.Transfers, transferred],
                RegisteredParentCode = unit.Transfers.Any(t => t.ParentCode is not null)
                    ? unit.RegisteredParentCode
                    : unit.ParentCode,
            }),
            _ => unit,
        };
    }

    /// <summary>The name, province, district and parent after every rename and transfer, whatever order they were
    /// recorded in; the district is the last one the unit was in, which tells it apart after the level ended.
    /// </summary>
    private static Unit Current(Unit changed) => changed with
    {
        Name = changed.NameOn(DateOnly.MaxValue),
        ParentCode = changed.ParentCodeOn(DateOnly.MaxValue),
        Province = changed.RecordedProvinceOn(DateOnly.MaxValue),
        District = changed.LastDistrictOn(DateOnly.MaxValue),
    };

    private static DateOnly Earliest(DateOnly? recorded, DateOnly day) => recorded < day ? recorded.Value : day;

    private Unit WithYear(int year, Func<UnitYear, UnitYear> change) =>
        this with { Years = new Dictionary<int, UnitYear>(Years) { [year] = change(Year(year)) } };

    private Unit WithNonconformity(string id, Func<Nonconformity, Nonconformity> change) =>
        this with { Nonconformities = Nonconformities.Select(n => n.Id == id ? change(n) : n).ToList() };
}

/// <summary>The yearly steps of one calendar year that are not dated facts of their own.</summary>
public sealed record UnitYear
{
    public DateOnly? QualityPolicyOn { get; init; }
    public DateOnly? QualityObjectivesOn { get; init; }
    public DateOnly? MaintenancePlanOn { get; init; }
    public DateOnly? ReportSubmittedOn { get; init; }

    /// <summary>The year's verdict in force after every inspection recorded: the latest by date (of two on one day,
    /// the one recorded later).</summary>
    public InspectionRecorded? Inspection { get; init; }

    /// <summary>Every inspection recorded for the year, in the order recorded (a failed one and the passed one after
    /// it), so that the verdict in force on any day is known (<see cref="InspectionOn"/>). A state stored before they
    /// were kept has none, only its <see cref="Inspection"/>.</summary>
    public IReadOnlyList<InspectionRecorded> Inspections { get; init; } = [];

    /// <summary>Whether a step of the year (its policy or objectives, plan, report, corrective-actions statement,
    /// listing or an inspection) is dated by <paramref name="day"/>.</summary>
    public bool HasStepBy(DateOnly day) =>
        new[] { QualityPolicyOn, QualityObjectivesOn, MaintenancePlanOn, ReportSubmittedOn, CorrectiveActionsReportedOn,
            ListedOn }.Any(on => on <= day)
        || InspectionOn(day) is not null;

    /// <summary>The verdict in force on <paramref name="day"/>: the latest inspection dated by then.</summary>
    public InspectionRecorded? InspectionOn(DateOnly day) =>
        (Inspections.Count == 0 && Inspection is { } stored ? [stored] : Inspections)
        .Where(i => i.InspectedOn <= day).OrderBy(i => i.InspectedOn).LastOrDefault();

    public UnitYear WithInspection(InspectionRecorded inspection)
    {
        var recorded = Inspections.Count == 0 && Inspection is { } stored ? [stored] : Inspections;
        var all = recorded.Append(inspection).ToList();
        return this with { Inspections = all, Inspection = all.OrderBy(i => i.InspectedOn).Last() };
    }
    public DateOnly? CorrectiveActionsReportedOn { get; init; }
    /// <summary>The day a report table of the year listed the unit, where nothing else said it existed then.</summary>
    public DateOnly? ListedOn { get; init; }
}

/// <summary>A corrective action taken on a nonconformity (hành động khắc phục).</summary>
/// <param name="TakenOn">The day it was taken.</param>
/// <param name="RootCause">The cause found.</param>
/// <param name="Action">What was done to remove it.</param>
public sealed record CorrectiveAction(DateOnly TakenOn, string RootCause, string Action);

/// <summary>A nonconformity found in the unit's system (điểm không phù hợp), with the corrective actions taken on
/// it.</summary>
public sealed record Nonconformity
{
    /// <summary>Its id in the unit: NC-1, NC-2, … in the order raised.</summary>
    public required string Id { get; init; }
    /// <summary>The day it was found.</summary>
    public required DateOnly RaisedOn { get; init; }
    /// <summary>What found it.</summary>
    public required NonconformitySource Source { get; init; }
    /// <summary>What does not conform.</summary>
    public required string Description { get; init; }
    /// <summary>How serious it is.</summary>
    public required NonconformitySeverity Severity { get; init; }
    /// <summary>The ISO 9001 clause concerned (e.g. "8.5"); null when not given.</summary>
    public string? Clause { get; init; }
    /// <summary>The day it must be closed by; null when no due date was set.</summary>
    public DateOnly? DueOn { get; init; }
    /// <summary>The corrective actions taken on it, in the order recorded.</summary>
    public IReadOnlyList<CorrectiveAction> CorrectiveActions { get; init; } = [];
    /// <summary>The day of the effectiveness review that closed it; null while it is open.</summary>
    public DateOnly? ClosedOn { get; init; }

    public bool IsOpenOn(DateOnly asOf) => RaisedOn <= asOf && !(ClosedOn <= asOf);

    public bool IsOverdueOn(DateOnly asOf) => IsOpenOn(asOf) && DueOn < asOf;

    public static Nonconformity From(NonconformityRaised raised) => new()
    {
        Id = raised.NonconformityId,
        RaisedOn = raised.RaisedOn,
        Source = raised.Source,
        Description = raised.Description,
        Severity = raised.Severity,
        Clause = raised.Clause,
        DueOn = raised.DueOn,
    };
}
