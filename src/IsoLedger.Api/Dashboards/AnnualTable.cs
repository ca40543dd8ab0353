using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Dashboards;

/// <summary>One unit's line in the yearly table of the provincial report (its appendices A–C). A step column is true
/// when the step is on record for the year; asked with <c>asOf</c>, only when it is dated by that day.</summary>
/// <param name="Code">The unit's code.</param>
/// <param name="Name">Its name on the day judged (a unit renamed later keeps the name it had then).</param>
/// <param name="Level">Its administrative level.</param>
/// <param name="District">The district it was in on the day judged; null for a unit of the province (a department or
/// sub-department) and, from 1 July 2025, when the district level ended, for every unit.</param>
/// <param name="Declared">The report's "Công bố HT ISO" column: the unit had declared its system conformant (công bố)
/// by the day judged, in the year or before it.</param>
/// <param name="QualityPolicy">The "CSCL" column: a quality policy issued for the year.</param>
/// <param name="QualityObjectives">The "MTCL" column: quality objectives issued for the year.</param>
/// <param name="MaintenancePlan">The "KH duy trì áp dụng" column: a maintenance plan issued for the year.</param>
/// <param name="InternalAudit">The "Đánh giá nội bộ" column: an internal audit held in the year.</param>
/// <param name="CorrectiveActions">The "HĐKP" column: a corrective action taken in the year on a nonconformity, or
/// corrective actions stated by the year's report.</param>
/// <param name="ManagementReview">The "Xem xét LĐ" column: a management review held in the year.</param>
/// <param name="ReportSubmitted">The "Báo cáo" column: the yearly report on the system (báo cáo duy trì) sent for the
/// year.</param>
/// <param name="Inspection">The "Xác nhận" column: the verdict of the year's latest inspection by the province; null
/// when none is recorded.</param>
/// <param name="Standard">The "Áp dụng" column: the edition the system was on on the day judged, by its name
/// (<c>2008</c>, <c>2015</c>, …), or <c>none</c> before any declaration.</param>
/// <param name="Conversion">Where the unit's conversion to ISO 9001:2015 stood on the day judged: none started,
/// in progress, or done.</param>
public sealed record AnnualRow(
    string Code, string Name, UnitLevel Level, string? District,
    bool Declared, bool QualityPolicy, bool QualityObjectives, bool MaintenancePlan, bool InternalAudit,
    bool CorrectiveActions, bool ManagementReview, bool ReportSubmitted, InspectionResult? Inspection,
    string Standard, ConversionState Conversion)
{
    /// <summary>From 1 July 2025, when the district level ended (<c>district</c> none), the district the unit
    /// was in before: how a commune is told apart from one of the same name in another former district, and what the
    /// import layout writes as its district.</summary>
    public string? FormerDistrict { get; init; }

    /// <summary>The province the unit was recorded in, when that is not its province on the day judged: a former
    /// Quảng Bình unit's in Quảng Trị's table from 1 July 2025 (its departments told apart from Quảng Trị's).
    /// </summary>
    public string? FormerProvince { get; init; }

    /// <summary>The unit's line, named and placed as on <paramref name="judgedOn"/>; with <paramref name="factsBy"/>
    /// only the year's steps that had happened by that day count (the year judged on a day within it).</summary>
    public static AnnualRow Of(Unit unit, int year, DateOnly judgedOn, DateOnly? factsBy = null)
    {
        var by = factsBy ?? DateOnly.MaxValue;
        var steps = unit.Year(year);
        bool Done(DateOnly? on) => on <= by;
        // A table judged once the district level had ended groups by no district: a unit that ended before it (placed
        // as on its last day, in its district) is told apart by that district as its former one, as those living on.
        var placedIn = unit.DistrictOn(judgedOn);
        var noDistricts = Levels.DistrictsEndedBy(judgedOn);
        return new AnnualRow(
            unit.Code, unit.NameOn(judgedOn), unit.Level, noDistricts ? null : placedIn,
            Declared: unit.Declarations.Any(d => d.DeclaredOn <= judgedOn),
            QualityPolicy: Done(steps.QualityPolicyOn),
            QualityObjectives: Done(steps.QualityObjectivesOn),
            MaintenancePlan: Done(steps.MaintenancePlanOn),
            InternalAudit: unit.InternalAudits.Any(d => d.Year == year && d <= by),
            CorrectiveActions: Done(steps.CorrectiveActionsReportedOn)
                || unit.Nonconformities.SelectMany(n => n.CorrectiveActions)
                    .Any(a => a.TakenOn.Year == year && a.TakenOn <= by),
            ManagementReview: unit.ManagementReviews.Any(d => d.Year == year && d <= by),
            ReportSubmitted: Done(steps.ReportSubmittedOn),
            Inspection: steps.InspectionOn(by)?.Result,
            Standard: unit.StandardOn(judgedOn).OrNone(),
            Conversion: unit.ConversionOn(judgedOn, Edition.Iso9001V2015))
        {
            FormerDistrict = unit.FormerDistrictOn(judgedOn) ?? (noDistricts ? placedIn : null),
            // A unit that ended within the year is placed in its province as on its last day; when that province has
            // since become part of another (Bắc Kạn's Sở Nội vụ, merged away on 1 July 2025, in Thái Nguyên's 2025
            // table), it is told apart as the former province's units that live on are.
            FormerProvince = unit.FormerProvinceOn(judgedOn)
                ?? (unit.ProvinceOn(judgedOn) is var placed && Domain.Provinces.Provinces.On(placed, judgedOn) != placed
                    ? placed
                    : null),
        };
    }

    /// <summary>What the report's standard column shows instead of the edition, one rule for the dashboard and the
    /// exports: the conversion to 2015 once done (on 2015) or while under way (still on 2008); null when the column
    /// shows the edition.</summary>
    public ConversionState? ConversionShown => (Conversion, Standard) switch
    {
        (ConversionState.Done, var on) when on == Edition.Iso9001V2015.Name => ConversionState.Done,
        (ConversionState.InProgress, var on) when on == Edition.Iso9001V2008.Name => ConversionState.InProgress,
        _ => null,
    };
}

/// <summary>The column counts of a group of rows: how many of its rows have each column true, or each inspection
/// verdict.</summary>
/// <param name="Group">What the rows are: <c>all</c> (the whole table), a level's value (<c>department</c>, …), a
/// district's name (its communes), or a report part's id (<c>bodies</c>, <c>earlierCommunes</c>,
/// <c>newCommunes</c>).</param>
/// <param name="Units">The rows of the group.</param>
/// <param name="Declared">Rows whose <c>declared</c> is true: units that had declared their system by the day judged,
/// in the year or before it.</param>
/// <param name="QualityPolicy">Rows whose <c>qualityPolicy</c> is true (CSCL).</param>
/// <param name="QualityObjectives">Rows whose <c>qualityObjectives</c> is true (MTCL).</param>
/// <param name="MaintenancePlan">Rows whose <c>maintenancePlan</c> is true.</param>
/// <param name="InternalAudit">Rows whose <c>internalAudit</c> is true.</param>
/// <param name="CorrectiveActions">Rows whose <c>correctiveActions</c> is true (HĐKP).</param>
/// <param name="ManagementReview">Rows whose <c>managementReview</c> is true.</param>
/// <param name="ReportSubmitted">Rows whose <c>reportSubmitted</c> is true: the units that reported.</param>
/// <param name="InspectionPassed">Rows whose inspection is <c>passed</c> ("Đạt").</param>
/// <param name="InspectionFailed">Rows whose inspection is <c>failed</c> ("Không đạt").</param>
/// <param name="InspectionMaintained">Rows whose inspection is <c>maintained</c> ("Duy trì").</param>
/// <param name="InspectionNoReport">Rows whose inspection is <c>no-report</c> ("Ko có Bc").</param>
/// <param name="ReportedPercent">The share of the group that reported: reportSubmitted ÷ units × 100, in percent,
/// rounded to two decimals (half away from zero); 0 for a group of no rows.</param>
public sealed record AnnualTotals(
    string Group, int Units, int Declared, int QualityPolicy, int QualityObjectives, int MaintenancePlan,
    int InternalAudit, int CorrectiveActions, int ManagementReview, int ReportSubmitted,
    int InspectionPassed, int InspectionFailed, int InspectionMaintained, int InspectionNoReport,
    decimal ReportedPercent)
{
    public static AnnualTotals Of(string group, IReadOnlyCollection<AnnualRow> rows)
    {
        var reported = rows.Count(r => r.ReportSubmitted);
        return new(group, rows.Count, rows.Count(r => r.Declared), rows.Count(r => r.QualityPolicy),
            rows.Count(r => r.QualityObjectives), rows.Count(r => r.MaintenancePlan), rows.Count(r => r.InternalAudit),
            rows.Count(r => r.CorrectiveActions), rows.Count(r => r.ManagementReview), reported,
            rows.Count(r => r.Inspection == InspectionResult.Passed),
            rows.Count(r => r.Inspection == InspectionResult.Failed),
            rows.Count(r => r.Inspection == InspectionResult.Maintained),
            rows.Count(r => r.Inspection == InspectionResult.NoReport),
            Shares.Percent(reported, rows.Count));
    }
}

/// <summary>A province's table for one year: the units on record that year and not merged away before it began,
/// judged at the year's end (or today, for the running year), with its totals in all, per level and per district (the
/// district's communes).</summary>
/// <param name="Province">The province, as asked.</param>
/// <param name="Year">The year of the table.</param>
/// <param name="JudgedOn">The day the rows are judged on: <c>asOf</c> when asked, otherwise 31 December of the year, or
/// today for the running year.</param>
/// <param name="Rows">One row per unit, by level, then district, former district and code.</param>
/// <param name="Totals">The counts of every row (group <c>all</c>).</param>
/// <param name="ByLevel">The counts of each level with rows, in the levels' order (group: the level's value).</param>
/// <param name="ByDistrict">The counts of each district's communes, as the appendix sums them under the district's
/// heading (group: the district's name), in Vietnamese alphabetical order; none once the district level has ended.
/// </param>
public sealed record AnnualTable(
    string Province, int Year, DateOnly JudgedOn, IReadOnlyList<AnnualRow> Rows,
    AnnualTotals Totals, IReadOnlyList<AnnualTotals> ByLevel, IReadOnlyList<AnnualTotals> ByDistrict)
{
    public static DateOnly JudgedOnFor(int year, DateOnly today) =>
        new DateOnly(year, 12, 31) is var end && end < today ? end : today;

    /// <summary>The day a year is judged on: <paramref name="asOf"/> when asked (a day of the year, not after today:
    /// only the facts that had happened by then count), otherwise the year's end or today.</summary>
    public static DateOnly JudgedOnFor(int year, DateOnly today, DateOnly? asOf) => asOf ?? JudgedOnFor(year, today);

    /// <summary>What tells a yearly question apart besides the day it is judged on (a cache key's part): the year, and
    /// whether only the facts by <paramref name="asOf"/> count or every step of the year, late ones too (asked without
    /// <c>asOf</c>; both are judged on 31 December).</summary>
    public static string Question(int year, DateOnly? asOf) =>
        $"{year}\nfacts by {asOf?.ToString("yyyy-MM-dd") ?? "any day"}";

    /// <summary>Reads an <c>asOf</c> parameter of a yearly answer: a date of the year, not after today.</summary>
    public static DateOnly? ReadAsOf(Validation validation, int year, string? asOf, DateOnly today)
    {
        var date = Query.Date(validation, "asOf", asOf);
        if (date is null) return null;
        if (date.Value.Year == year && date.Value <= today) return date;
        validation.Add("asOf", $"Must be a day of {year}, not after today ({today:yyyy-MM-dd}).");
        return null;
    }

    /// <summary>The units that existed at some time of the year, up to the day it is judged on (not one that ended
    /// the day it began to exist: it existed on no day).</summary>
    public static IEnumerable<Unit> UnitsOf(IEnumerable<Unit> units, int year, DateOnly judgedOn) =>
        units.Where(u => u.ExistsFrom <= judgedOn && !(u.EndedOn <= Later(u.ExistsFrom, new DateOnly(year, 1, 1))));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The rows with one spelling per district (<see cref="DistrictNames"/>: "TP. Đông Hà" and "Thành phố
    /// Đông Hà", recorded through the API, are one district), the most used, so that the table's groups, its
    /// totals by district and its filter agree.</summary>
    private static IEnumerable<AnnualRow> OneSpellingPerDistrict(IReadOnlyList<AnnualRow> rows)
    {
        var spelling = DistrictNames.OneSpelling(rows.SelectMany(r => new[] { r.District, r.FormerDistrict })
            .OfType<string>());
        return rows.Select(r => r with
        {
            District = r.District is null ? null : spelling(r.District),
            FormerDistrict = r.FormerDistrict is null ? null : spelling(r.FormerDistrict),
        });
    }

    /// <summary>The table of <paramref name="year"/> judged on <paramref name="asOf"/> (a day of it) or at its end;
    /// a year that ended before a later day asked about (<paramref name="factsBy"/>: the trends as of that day) counts
    /// only its steps sent by then.</summary>
    public static AnnualTable Of(
        string province, IEnumerable<Unit> units, int year, DateOnly today, DateOnly? asOf = null,
        DateOnly? factsBy = null)
    {
        var judgedOn = JudgedOnFor(year, today, asOf);
        var rows = OneSpellingPerDistrict(
                [.. UnitsOf(units, year, judgedOn).Select(u => AnnualRow.Of(u, year, judgedOn, asOf ?? factsBy))])
            .OrderBy(r => r.Level)
            .ThenBy(r => r.District, UnicodeText.VietnameseOrder)
            .ThenBy(r => r.FormerDistrict, UnicodeText.VietnameseOrder)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new(province, year, judgedOn, rows,
            AnnualTotals.Of("all", rows),
            rows.GroupBy(r => r.Level)
                .Select(g => AnnualTotals.Of(Vocabulary.Levels[g.Key].Value, g.ToList())).ToList(),
            // A district's totals are its communes', as the appendix sums them under the district's heading: its own
            // committee is a row of the districts' level, summed there.
            rows.Where(r => r.District is not null && r.Level == UnitLevel.Commune).GroupBy(r => r.District!)
                .OrderBy(g => g.Key, UnicodeText.VietnameseOrder)
                .Select(g => AnnualTotals.Of(g.Key, g.ToList())).ToList());
    }
}
