using System.Globalization;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>Turns a report-table row into the lifecycle commands it implies that are not yet on record, and decides
/// them in order through <see cref="UnitDecider.DecideFact"/>: importing the same row again decides nothing new. Its
/// warnings are the facts' own; the compliance rules are judged on the units the table leaves, as every read does.
/// </summary>
public static class ReportRowDecider
{
    /// <summary>The row's events on <paramref name="unit"/> (null: not recorded yet). A unit in a district renamed
    /// after the row's date that does not show the rename yet (recorded after it, from an earlier year's table) is
    /// carried to the district's new name on the rename's day (<see cref="DistrictHistory.Carried"/>).</summary>
    public static Decision Decide(
        Unit? unit, ReportRow row, DateOnly today, RuleBook rules, DistrictHistory? districts = null)
    {
        var events = new List<object>();
        var warnings = new List<Rule>();
        if (unit is null)
        {
            // A report table does not say when a unit was established: it exists from its earliest fact. The import
            // layout may: the unit exists from that day.
            var established = row.Given.EstablishedOn;
            // A former province's unit in its successor's table is registered in the province it was recorded in,
            // and counts under the successor from the day that province ended, as one recorded before did.
            var registration = new RegisterUnit(
                row.UnitCode, row.UnitName, row.Level, row.RecordedProvince, row.District,
                row.ParentCode,
                established ?? row.StepDate, EstablishmentDated: established is not null);
            var decision = registration.Decide(null, today);
            if (decision is not Accepted registered) return decision;
            events.AddRange(registered.Events);
            unit = UnitDecider.Replay(events)!;
        }
        foreach (var transfer in (districts ?? DistrictHistory.None).Carried(unit))
        {
            events.Add(transfer);
            unit = Unit.Evolve(unit, transfer)!;
        }

        var commands = Commands(unit, row, rules).ToList();
        // A unit whose founding date is unknown exists from its earliest fact: a table of an earlier year (imported
        // after a later one) that marks no step of it still says it existed then.
        if (commands.Count == 0 && !unit.EstablishmentDated && row.StepDate < unit.ExistsFrom)
            commands.Add(new ListInReport(row.Year, row.StepDate));
        foreach (var command in commands)
        {
            switch (UnitDecider.DecideFact(unit, command, today, rules))
            {
                case Rejected rejected:
                    return rejected;
                case Accepted accepted:
                    events.AddRange(accepted.Events);
                    warnings.AddRange(accepted.Warnings);
                    unit = accepted.Events.Aggregate(unit, (state, e) => Unit.Evolve(state, e)!);
                    break;
            }
        }
        return new Accepted(events, warnings.Distinct().ToList());
    }

    /// <summary>What a row says of a recorded unit that differs from the record, or null. An import adds what is not
    /// on record; it does not change what is: a unit's name or district on the row's date (a rename or transfer is a
    /// restructuring; on a date after the district level ended, the district it was in before), its parent, the
    /// year's inspection verdict, or the edition it was on (a table listing on 2008 a unit recorded on 2015 by then;
    /// one listing on 2015 a unit a later year's table, imported first, records on 2008 after the row's date).
    /// Left silently, such a correction would be half applied (the new marks recorded, the verdict and the name not)
    /// and the table would read as imported when it was not. A mark the row lacks is no contradiction: the ledger may
    /// know more than a report.</summary>
    public static RowContradiction? Contradiction(
        Unit unit, ReportRow row, RuleBook rules, DistrictHistory? districts = null)
    {
        var on = row.StepDate;
        districts ??= DistrictHistory.None;
        unit = districts.Followed(unit);
        if (!UnitNameSpelling.Same(unit.NameOn(on), row.UnitName))
        {
            var recordedName = $"Unit {row.UnitCode} is recorded as '{unit.NameOn(on)}' on {on:yyyy-MM-dd}, not "
                + $"'{row.UnitName}'";
            var own = unit.Level == UnitLevel.District ? DistrictNames.OfDistrictUnit(unit, on) : null;
            if (own is not null && DistrictNames.RenamedAs(own, row.UnitName) is { } renamed)
            {
                return new("unit_name", $"{recordedName}: '{own}' became '{renamed}', the same district under "
                    + $"another kind, which is recorded once, by a restructuring renaming {row.UnitCode} to "
                    + $"'{row.UnitName}' from the day it took effect; its communes follow the new name from that day.",
                    RestructuringKind.Rename);
            }
            return new("unit_name", $"{recordedName}: a new name is recorded by a restructuring, a rename.",
                RestructuringKind.Rename);
        }
        // After the district level ended a row's district names the one the unit was in before (its former
        // district), which tells it apart from a unit of the same name in another.
        if (row.District is not null && unit.LastDistrictOn(on) is { } district
            && !DistrictNames.Same(district, row.District))
        {
            var recordedIn = unit.DistrictOn(on) is null
                ? $"Unit {row.UnitCode} was recorded in '{district}' until the district level ended on "
                    + $"{Levels.DistrictLevelEndedOn:yyyy-MM-dd}, and a row of {on:yyyy-MM-dd} names that district, "
                    + $"not '{row.District}'"
                : $"Unit {row.UnitCode} is recorded in '{district}' on {on:yyyy-MM-dd}, not '{row.District}'";
            return DistrictNames.OtherKindOfOneName(district, row.District)
                ? new("district", $"{recordedIn}: if '{district}' became '{row.District}' (the same district under "
                    + "another kind), that is recorded once, by a restructuring renaming the district's unit from the "
                    + "day it took effect, and its communes follow; a move to another district is a transfer.",
                    RestructuringKind.Rename)
                : new("district", $"{recordedIn}: a move is recorded by a restructuring, a transfer.",
                    RestructuringKind.Transfer);
        }
        if (row.ParentCode is { } parent && unit.ParentCodeOn(on) is { } recordedParent
            && !string.Equals(parent, recordedParent, StringComparison.OrdinalIgnoreCase))
        {
            return new("parent_code", $"Unit {row.UnitCode} is recorded under {recordedParent} on {on:yyyy-MM-dd}, "
                + $"not {parent}: a new parent is recorded by a restructuring, a transfer.",
                RestructuringKind.Transfer);
        }
        if (row.Inspection is { } verdict && unit.Year(row.Year).Inspection is { } recorded
            && recorded.Result != verdict)
        {
            return new("inspection", $"The {row.Year} inspection of {row.UnitCode} is recorded as "
                + $"'{Vocabulary.Inspections[recorded.Result].Value}', not "
                + $"'{Vocabulary.Inspections[verdict].Value}'.", null);
        }
        // An amendment counts its edition: a table listing 2015 for a unit on 2015/Amd1:2024 says the same.
        if (row.Standard is { } listed && unit.StandardOn(on) is { } standard && rules.Precedes(listed, standard)
            && rules.Find(standard)?.Amends != listed)
        {
            return new("standard", $"Unit {row.UnitCode} is recorded on {standard.Name} on {on:yyyy-MM-dd}, not on "
                + $"{listed.Name}: a system does not go back to an older edition.", null);
        }
        // A later year's table imported first says what that table, imported after this one, would be refused for.
        if (row.Standard is { } earlier
            && unit.Declarations.Where(d => d.DeclaredOn > on).OrderBy(d => d.DeclaredOn)
                .Select(d => (d.DeclaredOn, Standard: unit.StandardOn(d.DeclaredOn)))
                .FirstOrDefault(later => later.Standard is { } older && rules.Precedes(older, earlier)
                    && rules.Find(earlier)?.Amends != older) is { Standard: { } olderLater } downgrade)
        {
            return new("standard", $"Unit {row.UnitCode} is recorded on {olderLater.Name} on "
                + $"{downgrade.DeclaredOn:yyyy-MM-dd}, after this row's {on:yyyy-MM-dd}, not on {earlier.Name} before: "
                + "a system does not go back to an older edition.", null);
        }
        return DetailContradiction(unit, row);
    }

    /// <summary>What the row's <see cref="RowDetails"/> say otherwise than the record of the same fact: a detail
    /// given and recorded is the same, or the row is refused as a verdict is (a detail the record lacks is not added
    /// to a fact recorded without it, as no event amends one; a detail the row lacks is none). A day of an audit or a
    /// review is one of the year's, as a row carries the first.</summary>
    private static RowContradiction? DetailContradiction(Unit unit, ReportRow row)
    {
        // A report's row gives no detail (the parser leaves them null): nothing to compare, and nothing to build for
        // each of a large table's rows on a recorded unit.
        if (row.Details is not { } given) return null;
        var (days, year) = (given.Steps, unit.Year(row.Year));
        var board = row.SteeringBoard ? unit.SteeringBoards.FirstOrDefault(b => b.FormedOn.Year == row.Year) : null;
        var issued = row.Documentation ? unit.Documentation.FirstOrDefault(d => d.IssuedOn.Year == row.Year) : null;
        var inspection = row.Inspection is null ? null : year.Inspection;
        object?[] OfYear(IEnumerable<DateOnly> held) => [.. held.Where(d => d.Year == row.Year).Order().Cast<object>()];
        // The conversion the row shows; a day on record after the row's is a later year's report's, dated back.
        var conversion = row.Conversion is ConversionState.InProgress or ConversionState.Done
            ? unit.ConversionTo(Edition.Iso9001V2015)
            : row.Conversion is null && row.Standard is { } listed ? unit.ConversionTo(listed) : null;
        object?[] ByRowDate(DateOnly? day) => day <= row.StepDate ? [day] : [];
        // A conversion the row says is under way on its date that the record has completed by then.
        var underWay = given.Converting is { } converting ? unit.ConversionTo(converting.To) : null;
        if (underWay is { CompletedOn: { } completedOn } && completedOn <= row.StepDate)
        {
            return new("converting_to", $"The conversion of {row.UnitCode} to {underWay.To.Name} is recorded as "
                + $"completed on {Shown(completedOn)}, not under way on {Shown(row.StepDate)}.", null);
        }
        var of = $"The {row.Year}";
        (string Column, string Fact, object? Given, object?[] Recorded)[] details =
        [
            ("established_on", "The establishment date", given.EstablishedOn,
                unit.EstablishmentDated ? [unit.RegisteredOn] : []),
            ("former_province", "The province recorded", given.FormerProvince,
                [unit.RecordedProvinceOn(row.StepDate)]),
            ("scope", "The first declaration's scope", given.Scope,
                [unit.Declarations.MinBy(d => d.DeclaredOn)?.Scope]),
            ("steering_board", $"{of} steering board's day", given.SteeringBoardOn, [board?.FormedOn]),
            ("steering_board", $"{of} steering board's decision", given.SteeringBoardDecisionNo, [board?.DecisionNo]),
            ("steering_board_members", $"{of} steering board's members", given.SteeringBoardMembers, [board?.Members]),
            ("steering_board_chair", $"{of} steering board's chair", given.SteeringBoardChair, [board?.Chair]),
            ("documentation", $"{of} documentation's day", given.DocumentationOn, [issued?.IssuedOn]),
            ("documentation", $"{of} documentation's decision", given.DocumentationDecisionNo, [issued?.DecisionNo]),
            .. given.Contents.Compared(issued).Select(c => (c.Column, $"{of} {c.Column.Replace('_', ' ')}", c.Given,
                new[] { c.Recorded })),
            ("quality_policy", $"{of} quality policy's day", days.QualityPolicy, [year.QualityPolicyOn]),
            ("quality_objectives", $"{of} quality objectives' day", days.QualityObjectives, [year.QualityObjectivesOn]),
            ("maintenance_plan", $"{of} maintenance plan's day", days.MaintenancePlan, [year.MaintenancePlanOn]),
            ("corrective_actions", $"{of} corrective actions' day", days.CorrectiveActions,
                [year.CorrectiveActionsReportedOn]),
            ("report_submitted", $"{of} report's day", days.ReportSubmitted, [year.ReportSubmittedOn]),
            ("internal_audit", $"{of} internal audit's day", days.InternalAudit, OfYear(unit.InternalAudits)),
            ("management_review", $"{of} management review's day", days.ManagementReview,
                OfYear(unit.ManagementReviews)),
            ("inspected_on", $"{of} inspection's day", given.InspectedOn, [inspection?.InspectedOn]),
            ("on_site", $"Whether the {row.Year} inspection was on site", given.OnSite, [inspection?.OnSite]),
            ("inspector", $"{of} inspection's inspector", given.Inspector, [inspection?.Inspector]),
            ("inspection_notes", $"{of} inspection's notes", given.InspectionNotes, [inspection?.Notes]),
            ("conversion_started", "The conversion's start", given.Conversion.StartedOn,
                ByRowDate(conversion?.StartedOn)),
            ("conversion_completed", "The conversion's completion", given.Conversion.CompletedOn,
                ByRowDate(conversion?.CompletedOn)),
            ("conversion_started", "The conversion's start decision", given.Conversion.StartDecisionNo,
                conversion?.StartedOn <= row.StepDate ? [conversion.StartDecisionNo] : []),
            ("conversion_completed", "The conversion's completion decision", given.Conversion.CompletionDecisionNo,
                conversion?.CompletedOn <= row.StepDate ? [conversion.CompletionDecisionNo] : []),
            ("converting_since", "The conversion under way's start", given.Converting?.StartedOn,
                ByRowDate(underWay?.StartedOn)),
            ("converting_since", "The conversion under way's start decision", given.Converting?.DecisionNo,
                underWay?.StartedOn <= row.StepDate ? [underWay.StartDecisionNo] : []),
        ];
        foreach (var (column, fact, value, recorded) in details)
        {
            var onRecord = recorded.OfType<object>().ToList();
            if (value is null || onRecord.Count == 0 || onRecord.Contains(value)) continue;
            return new(column, $"{fact} of {row.UnitCode} is recorded as '{Shown(onRecord[0])}', not "
                + $"'{Shown(value)}'.", null);
        }
        return null;
    }

    private static string Shown(object value) => value is DateOnly day
        ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    /// <summary>The column of <paramref name="row"/> whose value breaks <paramref name="broken"/> when its facts are
    /// decided on <paramref name="unit"/> (null: not recorded yet), so that a refused row names where to look: the
    /// declaration's date for one before the unit existed (a commune merged on 1 January 2020 listed as declared by
    /// 31 December 2019), the report's date for a fact dated after the unit ended or outside the year, the edition,
    /// the conversion; null for what no one column says.</summary>
    public static string? ColumnOf(Rule broken, Unit? unit, ReportRow row) => broken switch
    {
        _ when broken == Rules.FactBeforeEstablishment =>
            row.Given.EstablishedOn is not null ? "established_on"
            : row.DeclaredBy < unit?.RegisteredOn ? "declared_by" : "report_date",
        _ when broken == Rules.UnitMerged || broken == Rules.UnitDissolved || broken == Rules.LevelEnded
            || broken == Rules.YearlyStepOutsideItsYear || broken == Rules.FutureBusinessDate => "report_date",
        _ when broken == Rules.StandardDowngrade || broken == Rules.EditionUnknown
            || broken == Rules.EditionNotYetPublished => "standard",
        _ when broken == Rules.ConversionWithoutDeclaration || broken == Rules.ConversionTargetNotLater
            || broken == Rules.ConversionAlreadyDone || broken == Rules.ConversionAlreadyStarted
            || broken == Rules.DateBeforePrecedingStep =>
            row.Given.Conversion.StartedOn is not null ? "conversion_started"
            : row.Given.Conversion.CompletedOn is not null ? "conversion_completed"
            : row.Given.Converting is { } underWay && row.Conversion is null or ConversionState.None
                ? underWay.StartedOn is not null ? "converting_since" : "converting_to"
            : "conversion",
        _ when broken == Rules.UnitAlreadyRegistered => "unit_code",
        _ => null,
    };

    /// <summary>The edition a first declaration the row records is made on (<see cref="ReportRow.DeclaredStandard"/>),
    /// but, where the row lists none and the unit's first declaration on record is one known only from a report (by its
    /// date: "declared by 31 December 2019"), that one's when published by the row's day: the row gives the day of the
    /// declaration the report recorded, which is one fact; declared on the edition the row's day alone would give
    /// (2008 in 2016), the report's declaration, on the edition its date gave (2015), read as a second one, a
    /// re-declaration (công bố lại) that never happened.</summary>
    private static Edition DeclaredStandard(Unit unit, ReportRow row, RuleBook rules) =>
        row.Standard is null && row.Conversion is null
        && unit.Declarations.MinBy(d => d.DeclaredOn) is { DatedByReport: true } reported
        && reported.DeclaredOn > row.DeclarationDate && rules.Published(reported.Standard, row.DeclarationDate)
            ? reported.Standard
            : row.DeclaredStandard(rules);

    /// <summary>The commands for the row's facts, in the order they happen within a year; a fact already on record
    /// for the unit (and, for yearly steps, for the row's year) is left out.</summary>
    private static IEnumerable<IUnitCommand> Commands(Unit unit, ReportRow row, RuleBook rules)
    {
        var on = row.StepDate;
        var year = unit.Year(row.Year);
        // A report states that a board was formed and documentation issued, not how many members or procedures; the
        // import layout gives their days and decisions, and the board's members and chair.
        var given = row.Given;
        if (row.SteeringBoard && !unit.SteeringBoards.Any(b => b.FormedOn.Year == row.Year))
        {
            yield return new FormSteeringBoard(given.SteeringBoardOn ?? on, given.SteeringBoardMembers,
                given.SteeringBoardChair, given.SteeringBoardDecisionNo);
        }
        if (row.Documentation && !unit.Documentation.Any(d => d.IssuedOn.Year == row.Year))
        {
            var contents = given.Contents;
            yield return new IssueDocumentation(given.DocumentationOn ?? on, row.DeclaredStandard(rules),
                given.DocumentationDecisionNo, contents.QualityManual, contents.QualityPolicy,
                contents.QualityObjectives, contents.MandatoryProcedures, contents.InternalProcedures,
                contents.BusinessProcedures, contents.AdministrativeProcedures);
        }
        // A step the import layout gives by its day is dated so; the policy and the objectives issued on two days are
        // two issues.
        var days = given.Steps;
        var policyNow = row.QualityPolicy && year.QualityPolicyOn is null;
        var objectivesNow = row.QualityObjectives && year.QualityObjectivesOn is null;
        if (policyNow && objectivesNow && days.QualityPolicy != days.QualityObjectives)
        {
            yield return new IssueQualityObjectives(row.Year, days.QualityPolicy ?? on, true, false);
            yield return new IssueQualityObjectives(row.Year, days.QualityObjectives ?? on, false, true);
        }
        else if (policyNow || objectivesNow)
        {
            yield return new IssueQualityObjectives(row.Year,
                (policyNow ? days.QualityPolicy : days.QualityObjectives) ?? on, row.QualityPolicy,
                row.QualityObjectives);
        }
        if (row.MaintenancePlan && year.MaintenancePlanOn is null)
            yield return new IssueMaintenancePlan(row.Year, days.MaintenancePlan ?? on);
        if (row.InternalAudit && !unit.InternalAudits.Any(d => d.Year == row.Year))
            yield return new HoldInternalAudit(days.InternalAudit ?? on, null, null);
        if (row.CorrectiveActions && !unit.TookCorrectiveActionsIn(row.Year))
            yield return new ReportCorrectiveActions(row.Year, days.CorrectiveActions ?? on);
        if (row.ManagementReview && !unit.ManagementReviews.Any(d => d.Year == row.Year))
            yield return new HoldManagementReview(days.ManagementReview ?? on, null);

        // A report of an earlier year may come after a later one: what it states is recorded at its own date when
        // nothing on record covers that date yet.
        var declares = row.Declared || row.Conversion is ConversionState.InProgress or ConversionState.Done;
        var declaredNow = declares && !unit.Declarations.Any(d => d.DeclaredOn <= row.DeclarationDate);
        var declaredStandard = DeclaredStandard(unit, row, rules);
        if (declaredNow)
        {
            yield return new DeclareConformity(row.DeclarationDate, declaredStandard, row.DecisionNo,
                given.Scope, DatedByReport: true, WithoutConversion: row.Conversion == ConversionState.None);
        }
        // The report tables' conversion column is about the conversion to 2015, dated the row's date unless the import
        // layout gives its days. A conversion on record at later dates (a later year's report imported first) is
        // dated back to them.
        var converted = given.Conversion;
        var conversion = unit.ConversionTo(Edition.Iso9001V2015);
        var startOn = converted.StartedOn ?? on;
        var startsNow = (row.Conversion == ConversionState.InProgress
                || (row.Conversion == ConversionState.Done && converted.StartedOn is not null))
            && (conversion is null || (conversion.StartedOn ?? conversion.CompletedOn) > startOn);
        if (startsNow)
        {
            yield return new StartConversion(startOn, converted.StartDecisionNo, Edition.Iso9001V2015,
                DatedByReport: true);
        }
        var completeOn = converted.CompletedOn ?? on;
        if (row.Conversion == ConversionState.Done && !(conversion?.CompletedOn <= completeOn))
        {
            yield return new CompleteConversion(completeOn, converted.CompletionDecisionNo, Edition.Iso9001V2015,
                DatedByReport: true);
        }
        // A unit listed on a later edition than the one it is recorded on (or was just declared on, the listed one not
        // yet published then) had moved to it by the row's date: by a conversion where the table has no conversion
        // column (later tables), by a declaration on it (công bố lại) where the table says it did not convert.
        // A conversion to it completed by the row's date is the ledger knowing more; one completed later (a later
        // year imported first) is dated back to the row's.
        var standardBefore = unit.StandardOn(on) ?? (declaredNow ? declaredStandard : null);
        if (row.Conversion is null or ConversionState.None && row.Standard is { } reported
            && standardBefore is { } current && rules.Knows(reported) && rules.Precedes(current, reported)
            && !unit.Conversions.Any(c => c.To == reported && c.CompletedOn <= on))
        {
            if (row.Conversion is not null)
                yield return new DeclareConformity(on, reported, null, null, DatedByReport: true,
                    WithoutConversion: true);
            else
            {
                // The import layout gives the conversion's days, an earlier year's or this one's.
                if (converted.StartedOn is { } started
                    && !(unit.ConversionTo(reported)?.StartedOn <= started))
                    yield return new StartConversion(started, converted.StartDecisionNo, reported,
                        DatedByReport: true);
                yield return new CompleteConversion(completeOn, converted.CompletionDecisionNo, reported,
                    DatedByReport: true);
            }
        }
        // A later year's table imported first, finding no record of the unit on an older edition, declared it on the
        // edition it listed, at its date. This row now records the unit on an older edition before then (declared,
        // or converting): the later table's edition was reached by a conversion completed by its date, as that table
        // records it when imported after this one, unless its conversion column said the unit had not converted
        // (then, imported after this one, it declares the edition again).
        var olderNow = row.Conversion == ConversionState.Done ? null
            : startsNow ? Edition.Iso9001V2008
            : declaredNow ? declaredStandard
            : (Edition?)null;
        if (olderNow is { } older && !(row.Standard is { } listed && rules.Precedes(older, listed))
            && unit.Declarations
                .Where(d => d.DatedByReport && !d.WithoutConversion && d.DeclaredOn > on
                    && rules.Precedes(older, d.Standard))
                .MinBy(d => d.DeclaredOn) is { } listedLater
            && !unit.Conversions.Any(c => c.To == listedLater.Standard && c.CompletedOn <= listedLater.DeclaredOn))
        {
            yield return new CompleteConversion(
                listedLater.DeclaredOn, null, listedLater.Standard, DatedByReport: true);
        }

        // A conversion the conversion column does not show, under way on the row's date (to 2015/Amd1:2024): started
        // on its day, or a start on record at a later date dated back to it, as the conversion column's is.
        if (given.Converting is { } underWay
            && !(unit.ConversionTo(underWay.To) is { } recorded
                && (recorded.StartedOn ?? recorded.CompletedOn) <= (underWay.StartedOn ?? on)))
        {
            yield return new StartConversion(underWay.StartedOn ?? on, underWay.DecisionNo, underWay.To,
                DatedByReport: true);
        }

        if (row.ReportSubmitted && year.ReportSubmittedOn is null)
            yield return new SubmitAnnualReport(row.Year, days.ReportSubmitted ?? on);
        if (row.Inspection is { } result && year.Inspection is null)
        {
            yield return new RecordInspection(row.Year, given.InspectedOn ?? on, given.OnSite ?? false, result,
                given.Inspector, given.InspectionNotes);
        }
    }
}

/// <summary>What a row says that differs from the record: the <paramref name="Column"/> that says it, why, and the
/// kind of restructuring that records such a change (null: none does, the record stands), so that whoever reads the
/// refusal is told how the change is recorded where it can be.</summary>
public sealed record RowContradiction(string Column, string Message, RestructuringKind? RecordedBy);
