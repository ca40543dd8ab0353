namespace IsoLedger.Domain.Units;

/// <summary>A compliance rule a unit breaks, since when, and what about it (a nonconformity id or a year).</summary>
public sealed record ComplianceFlag(Rule Rule, DateOnly Since, string? Subject = null);

/// <summary>What an installation sets about the compliance rules.</summary>
/// <param name="SuccessorGraceMonths">How long a successor of a restructuring may go without a declaration of its
/// own before it is flagged <c>successor-not-declared</c>.</param>
public sealed record ComplianceSettings(int SuccessorGraceMonths = 12)
{
    public static readonly ComplianceSettings Default = new();
}

/// <summary>Judges a unit against the compliance rules as of a date, by the business dates of its facts.</summary>
public static class Compliance
{
    public static IReadOnlyList<ComplianceFlag> Flags(Unit unit, DateOnly asOf, ComplianceSettings? settings = null) =>
        [.. PointInTimeFlags(unit, asOf, settings), .. YearlyFlags(unit, asOf)];

    /// <summary>The rules a fact dated <paramref name="asOf"/> finds broken. The yearly rules are left out: a year
    /// is judged once it has ended, whatever order its facts are back-filled in.</summary>
    public static IReadOnlyList<ComplianceFlag> PointInTimeFlags(
        Unit unit, DateOnly asOf, ComplianceSettings? settings = null)
    {
        var flags = new List<ComplianceFlag>();

        var latest = unit.LatestDeclarationOn(asOf);
        // A declaration known only from a report table has no date of its own to judge the prerequisites by.
        if (latest is not null && !latest.DatedByReport && !PrerequisitesMet(unit, latest.DeclaredOn))
            flags.Add(new(Rules.DeclarationPrerequisites, latest.DeclaredOn));

        var onStandard = unit.StandardOn(asOf);
        var firstBuilt = FirstBuiltOn2008(unit, asOf);
        if (firstBuilt > Rules.NewSystemsOn2015From && onStandard != QmsStandard.Iso9001V2015)
            flags.Add(new(Rules.NewSystemOn2015, firstBuilt.Value));
        if (onStandard == QmsStandard.Iso9001V2008 && asOf > Rules.ConversionDeadline)
            flags.Add(new(
                Rules.ConversionDeadlineMissed, Max(Rules.ConversionDeadline.AddDays(1), latest!.DeclaredOn)));

        var change = unit.ScopeChanges.Where(c => c.ChangedOn <= asOf).MaxBy(c => c.ChangedOn);
        if (change is not null
            && !unit.Declarations.Any(d => d.DeclaredOn >= change.ChangedOn && d.DeclaredOn <= asOf))
            flags.Add(new(Rules.ScopeChangeNeedsRedeclaration, change.ChangedOn));

        var succession = unit.TookOver
            .Where(t => t.Kind is RestructuringKind.Merge or RestructuringKind.Split && t.EffectiveOn <= asOf)
            .MaxBy(t => t.EffectiveOn);
        var grace = succession?.EffectiveOn.AddMonths((settings ?? ComplianceSettings.Default).SuccessorGraceMonths);
        if (succession is not null && grace < asOf
            && !unit.Declarations.Any(d => d.DeclaredOn >= succession.EffectiveOn && d.DeclaredOn <= asOf))
            flags.Add(new(Rules.SuccessorNotDeclared, grace.Value.AddDays(1)));

        flags.AddRange(unit.Nonconformities
            .Where(n => n.IsOverdueOn(asOf))
            .Select(n => new ComplianceFlag(Rules.NonconformityOverdue, n.DueOn!.Value.AddDays(1), n.Id)));
        return flags;
    }

    /// <summary>Each calendar year that has ended by <paramref name="asOf"/>, from the year of the unit's first
    /// declaration on, in which the unit was active all year, needs an internal audit and a management
    /// review.</summary>
    public static IEnumerable<ComplianceFlag> YearlyFlags(Unit unit, DateOnly asOf)
    {
        var first = unit.Declarations.Where(d => d.DeclaredOn <= asOf).Min(d => (DateOnly?)d.DeclaredOn);
        if (first is null) yield break;
        for (var year = first.Value.Year; year < asOf.Year; year++)
        {
            // A unit that ended during a year (merged, split, dissolved, or its level ended) is not judged for it.
            if (unit.EndedOn?.Year <= year) yield break;
            var since = new DateOnly(year + 1, 1, 1);
            if (!unit.InternalAudits.Any(d => d.Year == year))
                yield return new(Rules.YearlyInternalAudit, since, year.ToString());
            if (!unit.ManagementReviews.Any(d => d.Year == year))
                yield return new(Rules.YearlyManagementReview, since, year.ToString());
        }
    }

    public static bool PrerequisitesMet(Unit unit, DateOnly declaredOn) =>
        unit.Documentation.Any(d => d.IssuedOn <= declaredOn)
        && unit.InternalAudits.Any(d => d <= declaredOn)
        && unit.ManagementReviews.Any(d => d <= declaredOn);

    /// <summary>When the unit first built a 2008 system: its first documentation or declaration, if that was on
    /// 2008.</summary>
    private static DateOnly? FirstBuiltOn2008(Unit unit, DateOnly asOf)
    {
        var firstDocumentation = unit.Documentation.Where(d => d.IssuedOn <= asOf).MinBy(d => d.IssuedOn);
        var firstDeclaration = unit.Declarations.Where(d => d.DeclaredOn <= asOf).MinBy(d => d.DeclaredOn);
        DateOnly? built = null;
        if (firstDocumentation?.Standard == QmsStandard.Iso9001V2008) built = firstDocumentation.IssuedOn;
        if (firstDeclaration is { Standard: QmsStandard.Iso9001V2008, DatedByReport: false }
            && !(built <= firstDeclaration.DeclaredOn))
            built = firstDeclaration.DeclaredOn;
        return built;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
