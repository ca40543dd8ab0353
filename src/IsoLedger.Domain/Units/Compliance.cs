using System.Globalization;
using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>A rule a unit breaks, since when, about what (<paramref name="Subject"/>: a year, a nonconformity, an
/// edition), and the rule book's entry that requires it. <paramref name="Edition"/> names the edition a flag is about,
/// as people read it, where <paramref name="Subject"/> writes its value ("2015").</summary>
public sealed record ComplianceFlag(
    Rule Rule, DateOnly Since, string? Subject = null, Obligation? Basis = null, Term? Edition = null);

/// <summary>Judges a unit against the compliance rules as of a date, by the business dates of its facts: each fact by
/// the rule book's entries in force on its date.</summary>
public static class Compliance
{
    /// <summary>The rules the unit breaks on <paramref name="asOf"/>; none once it has ended (merged, split, dissolved,
    /// its level ended): there is no one left to act on a flag, and the province's compliance list has no such
    /// unit.</summary>
    public static IReadOnlyList<ComplianceFlag> Flags(Unit unit, DateOnly asOf, RuleBook rules) =>
        unit.EndedOn <= asOf ? [] : [.. PointInTimeFlags(unit, asOf, rules), .. YearlyFlags(unit, asOf, rules)];

    /// <summary>The rules a fact dated <paramref name="asOf"/> finds broken. The yearly rules are left out: a year
    /// is judged once it has ended, whatever order its facts are back-filled in.</summary>
    public static IReadOnlyList<ComplianceFlag> PointInTimeFlags(Unit unit, DateOnly asOf, RuleBook rules)
    {
        var flags = new List<ComplianceFlag>();

        var latest = unit.LatestDeclarationOn(asOf);
        // A declaration known only from a report table has no date of its own to judge the prerequisites by.
        if (latest is not null && !latest.DatedByReport
            && rules.Governing(ObligationKind.DeclarationPrerequisites, latest.DeclaredOn) is { } prerequisites
            && !PrerequisitesMet(unit, latest.DeclaredOn))
            flags.Add(new(Rules.DeclarationPrerequisites, latest.DeclaredOn, Basis: prerequisites));

        var edition = unit.StandardOn(asOf);
        if (BuiltOnOlderEdition(unit, asOf, rules) is var (builtOn, required)
            && (edition is null || rules.Precedes(edition.Value, required.Edition!.Value)))
            flags.Add(new(Rules.NewSystemOnRequiredEdition, builtOn, required.Edition!.Value.Name, required,
                rules.NameOf(required.Edition.Value)));

        foreach (var deadline in rules.Obligations.Where(o => o.Kind == ObligationKind.ConversionDeadline
                     && o.Deadline < asOf && o.InForceOn(o.Deadline.Value)))
        {
            // In breach from the day after the deadline, or from the first declaration if it came later: declaring
            // again on the same older edition does not start the breach anew.
            if (latest is not null && edition is { } on && rules.Precedes(on, deadline.Edition!.Value))
            {
                var declaredFirst = unit.Declarations.Where(d => d.DeclaredOn <= asOf).Min(d => d.DeclaredOn);
                flags.Add(new(Rules.ConversionDeadlineMissed,
                    Max(deadline.Deadline!.Value.AddDays(1), declaredFirst),
                    deadline.Edition.Value.Name, deadline, rules.NameOf(deadline.Edition.Value)));
            }
        }

        var change = unit.ScopeChanges.Where(c => c.ChangedOn <= asOf).MaxBy(c => c.ChangedOn);
        if (change is not null
            && rules.Governing(ObligationKind.RedeclareOnScopeChange, change.ChangedOn) is { } redeclaration
            && !unit.DeclarationsMade.Any(d => d.DeclaredOn >= change.ChangedOn && d.DeclaredOn <= asOf))
            flags.Add(new(Rules.ScopeChangeNeedsRedeclaration, change.ChangedOn, Basis: redeclaration));

        // Declared again, that is: a unit formed from others of which one had a system (an existing unit that took
        // others over keeps its own declaration; a commune formed from communes without one has none to renew).
        var succession = unit.FormedBy is { } formed && formed.EffectiveOn <= asOf
            && formed.Predecessors.Any(p => p.Declared) ? formed : null;
        if (succession is not null
            && rules.Governing(ObligationKind.SuccessorRedeclares, succession.EffectiveOn) is { } successors
            && succession.EffectiveOn.AddMonths(successors.Months!.Value) is var grace && grace < asOf
            && !unit.Declarations.Any(d => d.DeclaredOn >= succession.EffectiveOn && d.DeclaredOn <= asOf))
            flags.Add(new(Rules.SuccessorNotDeclared, grace.AddDays(1), Basis: successors));

        foreach (var overdue in unit.Nonconformities.Where(n => n.IsOverdueOn(asOf)))
        {
            if (OverdueBasis(overdue, rules) is { } closing)
                flags.Add(new(Rules.NonconformityOverdue, overdue.DueOn!.Value.AddDays(1), overdue.Id, closing));
        }
        return flags;
    }

    /// <summary>The entry that required <paramref name="nonconformity"/> to be closed by its due date: the one in force
    /// on that day, if any.</summary>
    public static Obligation? OverdueBasis(Nonconformity nonconformity, RuleBook rules) =>
        nonconformity.DueOn is { } due ? rules.Governing(ObligationKind.CloseNonconformitiesByDueDate, due) : null;

    /// <summary>Each calendar year that has ended by <paramref name="asOf"/>, from the year of the unit's first
    /// declaration on, in which the unit was active all year, needs an internal audit, a management review and a
    /// yearly report, where the rule book required them that year. A first declaration known only from a report is
    /// dated by the report (declared by then): the years from the one after it. A year's report may be sent after the
    /// year: it counts once sent, by <paramref name="asOf"/> (what was true that day, as a replay of the facts dated
    /// by then says), or by <paramref name="stepsBy"/> when a year's summary counts the steps sent late too.</summary>
    public static IEnumerable<ComplianceFlag> YearlyFlags(
        Unit unit, DateOnly asOf, RuleBook rules, DateOnly? stepsBy = null)
    {
        var sentBy = stepsBy ?? asOf;
        var first = unit.Declarations.Where(d => d.DeclaredOn <= asOf).MinBy(d => d.DeclaredOn);
        if (first is null) yield break;
        for (var year = first.DeclaredOn.Year + (first.DatedByReport ? 1 : 0); year < asOf.Year; year++)
        {
            // A unit that ended during a year (merged, split, dissolved, or its level ended) is not judged for it.
            if (unit.EndedOn?.Year <= year) yield break;
            var since = new DateOnly(year + 1, 1, 1);
            var lastDay = new DateOnly(year, 12, 31);
            var subject = year.ToString(CultureInfo.InvariantCulture);
            if (rules.Governing(ObligationKind.YearlyInternalAudit, lastDay) is { } audit
                && !unit.InternalAudits.Any(d => d.Year == year))
                yield return new(Rules.YearlyInternalAudit, since, subject, audit);
            if (rules.Governing(ObligationKind.YearlyManagementReview, lastDay) is { } review
                && !unit.ManagementReviews.Any(d => d.Year == year))
                yield return new(Rules.YearlyManagementReview, since, subject, review);
            if (rules.Governing(ObligationKind.YearlyReport, lastDay) is { } report
                && !(unit.Year(year).ReportSubmittedOn <= sentBy))
                yield return new(Rules.YearlyReport, since, subject, report);
        }
    }

    public static bool PrerequisitesMet(Unit unit, DateOnly declaredOn) =>
        unit.Documentation.Any(d => d.IssuedOn <= declaredOn)
        && unit.InternalAudits.Any(d => d <= declaredOn)
        && unit.ManagementReviews.Any(d => d <= declaredOn);

    /// <summary>When the unit first built its system on an edition older than the one required then (by its first
    /// documentation, or its first declaration dated by the unit), and the entry that required it.</summary>
    private static (DateOnly BuiltOn, Obligation Required)? BuiltOnOlderEdition(
        Unit unit, DateOnly asOf, RuleBook rules)
    {
        var documentation = unit.Documentation.Where(d => d.IssuedOn <= asOf).MinBy(d => d.IssuedOn);
        var declaration = unit.Declarations.Where(d => d.DeclaredOn <= asOf && !d.DatedByReport)
            .MinBy(d => d.DeclaredOn);
        var steps = new List<(DateOnly On, Edition Edition)>();
        if (documentation is not null) steps.Add((documentation.IssuedOn, documentation.Standard));
        if (declaration is not null) steps.Add((declaration.DeclaredOn, declaration.Standard));
        foreach (var (on, edition) in steps.OrderBy(s => s.On))
        {
            if (rules.Governing(ObligationKind.NewSystemsOnEdition, on) is { Edition: { } required } entry
                && rules.Precedes(edition, required))
                return (on, entry);
        }
        return null;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
