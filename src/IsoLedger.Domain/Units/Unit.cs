namespace IsoLedger.Domain.Units;

/// <summary>Everything recorded about a unit, rebuilt from its events. It keeps the business dates of its facts,
/// so that rules judge when things happened, not the order in which they were recorded.</summary>
public sealed record Unit
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required UnitLevel Level { get; init; }
    public required string Province { get; init; }
    public string? District { get; init; }
    public string? ParentCode { get; init; }
    public required DateOnly RegisteredOn { get; init; }

    /// <summary>The version of the unit's stream this state reflects.</summary>
    public long Version { get; init; }

    public IReadOnlyList<SteeringBoardFormed> SteeringBoards { get; init; } = [];
    public IReadOnlyList<DocumentationIssued> Documentation { get; init; } = [];
    public IReadOnlyList<ConformityDeclared> Declarations { get; init; } = [];
    public DateOnly? ConversionStartedOn { get; init; }
    public DateOnly? ConvertedOn { get; init; }
    public IReadOnlyList<DateOnly> InternalAudits { get; init; } = [];
    public IReadOnlyList<DateOnly> ManagementReviews { get; init; } = [];
    public IReadOnlyList<Nonconformity> Nonconformities { get; init; } = [];
    public IReadOnlyList<ScopeChanged> ScopeChanges { get; init; } = [];
    public IReadOnlyDictionary<int, UnitYear> Years { get; init; } = new Dictionary<int, UnitYear>();
    public UnitMerged? Merger { get; init; }

    /// <summary>The standard the unit's system is on after everything recorded (stored, so lists can filter on
    /// it).</summary>
    public QmsStandard? Standard => StandardOn(DateOnly.MaxValue);

    /// <summary>The standard the unit's system is on as of <paramref name="asOf"/>: 2015 once converted,
    /// otherwise that of its latest declaration; null before any declaration.</summary>
    public QmsStandard? StandardOn(DateOnly asOf) =>
        ConvertedOn <= asOf ? QmsStandard.Iso9001V2015 : LatestDeclarationOn(asOf)?.Standard;

    public ConformityDeclared? LatestDeclarationOn(DateOnly asOf) =>
        Declarations.Where(d => d.DeclaredOn <= asOf).MaxBy(d => d.DeclaredOn);

    public ConversionState ConversionOn(DateOnly asOf) =>
        ConvertedOn <= asOf ? ConversionState.Done
        : ConversionStartedOn <= asOf ? ConversionState.InProgress
        : ConversionState.None;

    public bool DeclaredOn2008By(DateOnly date) =>
        Declarations.Any(d => d.Standard == QmsStandard.Iso9001V2008 && d.DeclaredOn <= date);

    /// <summary>Whether the unit was merged away on or before <paramref name="date"/>.</summary>
    public bool MergedBy(DateOnly date) => Merger is not null && Merger.MergedOn <= date;

    /// <summary>Whether anything is on record for the unit dated on or before <paramref name="date"/>.</summary>
    public bool HasFactsBy(DateOnly date) =>
        RegisteredOn <= date
        || Declarations.Any(d => d.DeclaredOn <= date)
        || Documentation.Any(d => d.IssuedOn <= date)
        || SteeringBoards.Any(b => b.FormedOn <= date)
        || InternalAudits.Any(d => d <= date)
        || ManagementReviews.Any(d => d <= date)
        || Years.Keys.Any(year => year <= date.Year);

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
            };
        }
        if (unit is null) return null;
        return @event switch
        {
            SteeringBoardFormed board => unit with { SteeringBoards = [.. unit.SteeringBoards, board] },
            DocumentationIssued documentation => unit with { Documentation = [.. unit.Documentation, documentation] },
            ConformityDeclared declaration => unit with { Declarations = [.. unit.Declarations, declaration] },
            ConversionStarted started => unit with { ConversionStartedOn = started.StartedOn },
            StandardConverted converted => unit with { ConvertedOn = converted.ConvertedOn },
            QualityObjectivesIssued issued => unit.WithYear(issued.Year, year => year with
            {
                QualityPolicyOn = issued.Policy ? issued.IssuedOn : year.QualityPolicyOn,
                QualityObjectivesOn = issued.Objectives ? issued.IssuedOn : year.QualityObjectivesOn,
            }),
            MaintenancePlanIssued plan =>
                unit.WithYear(plan.Year, year => year with { MaintenancePlanOn = plan.IssuedOn }),
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
            AnnualReportSubmitted report =>
                unit.WithYear(report.Year, year => year with { ReportSubmittedOn = report.SubmittedOn }),
            InspectionRecorded inspection =>
                unit.WithYear(inspection.Year, year => year with { Inspection = inspection }),
            CorrectiveActionsReported reported =>
                unit.WithYear(reported.Year, year => year with { CorrectiveActionsReportedOn = reported.ReportedOn }),
            ScopeChanged change => unit with { ScopeChanges = [.. unit.ScopeChanges, change] },
            UnitMerged merged => unit with { Merger = merged },
            _ => unit,
        };
    }

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
    public InspectionRecorded? Inspection { get; init; }
    public DateOnly? CorrectiveActionsReportedOn { get; init; }
}

public sealed record CorrectiveAction(DateOnly TakenOn, string RootCause, string Action);

public sealed record Nonconformity
{
    public required string Id { get; init; }
    public required DateOnly RaisedOn { get; init; }
    public required NonconformitySource Source { get; init; }
    public required string Description { get; init; }
    public required NonconformitySeverity Severity { get; init; }
    public string? Clause { get; init; }
    public DateOnly? DueOn { get; init; }
    public IReadOnlyList<CorrectiveAction> CorrectiveActions { get; init; } = [];
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
