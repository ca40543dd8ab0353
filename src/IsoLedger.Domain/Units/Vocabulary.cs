using System.Text.Json.Serialization;
using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>What found a nonconformity: an internal audit, the province's inspection, a complaint (phản ánh, kiến
/// nghị), or something else.</summary>
public enum NonconformitySource { InternalAudit, Inspection, Complaint, Other }

/// <summary>How serious a nonconformity is: minor (nhẹ) or major (nặng).</summary>
public enum NonconformitySeverity { Minor, Major }

/// <summary>What the province's yearly check found: an inspection passed or failed; or, from a province's report
/// tables, a system confirmed as maintained (duy trì) or a unit that sent no report (không có báo cáo).</summary>
public enum InspectionResult { Passed, Failed, Maintained, NoReport }

/// <summary>Where a conversion to a later edition stands: none started, in progress (started, not completed), or
/// done; the report's standard column prints the last two as "Đang ch/đổi" and "Đã ch/đổi 9001:2015".</summary>
public enum ConversionState { None, InProgress, Done }

/// <summary>Every enumeration of the ledger and every name a report or the dashboard shows, each spelled once: the
/// value the API writes (the JSON enum converter's kebab-case or <see cref="JsonStringEnumMemberNameAttribute"/>
/// name) with its Vietnamese and English labels. Vietnamese labels are the words of the provinces' reports
/// (QĐ 19/2014/QĐ-TTg); the report's abbreviations stay as the report prints them.</summary>
public static class Vocabulary
{
    public static readonly Terms<UnitLevel> Levels = new(
        (UnitLevel.Department, new("department", "Sở, ban, ngành cấp tỉnh", "Departments")),
        (UnitLevel.SubDepartment, new("sub-department", "Chi cục thuộc Sở", "Sub-departments")),
        (UnitLevel.District, new("district", "UBND huyện, thị xã, thành phố", "Districts")),
        (UnitLevel.Commune, new("commune", "UBND xã, phường, thị trấn", "Communes")));

    /// <summary>The level of one unit, in the singular (a unit page's "Level: Commune"): <see cref="Levels"/> name a
    /// level's units together, as a group's heading or a column over their counts.</summary>
    public static readonly Terms<UnitLevel> LevelsSingular = new(
        (UnitLevel.Department, new("department", "Cơ quan chuyên môn thuộc UBND tỉnh", "Department")),
        (UnitLevel.SubDepartment, new("sub-department", "Chi cục thuộc Sở", "Sub-department")),
        (UnitLevel.District, new("district", "UBND cấp huyện", "District")),
        (UnitLevel.Commune, new("commune", "UBND cấp xã", "Commune")));

    /// <summary>The labels of a conversion under way or done are what the report's standard column prints.</summary>
    public static readonly Terms<ConversionState> Conversions = new(
        (ConversionState.None, new("none", "Không chuyển đổi", "no conversion")),
        (ConversionState.InProgress, new("in-progress", "Đang ch/đổi", "converting")),
        (ConversionState.Done, new("done", "Đã ch/đổi 9001:2015", "converted")));

    public static readonly Terms<InspectionResult> Inspections = new(
        (InspectionResult.Passed, new("passed", "Đạt", "passed")),
        (InspectionResult.Failed, new("failed", "Không đạt", "failed")),
        (InspectionResult.Maintained, new("maintained", "Duy trì", "maintained")),
        (InspectionResult.NoReport, new("no-report", "Ko có Bc", "no report")));

    public static readonly Terms<NonconformitySource> NonconformitySources = new(
        (NonconformitySource.InternalAudit, new("internal-audit", "Đánh giá nội bộ", "Internal audit")),
        (NonconformitySource.Inspection, new("inspection", "Kiểm tra", "Inspection")),
        (NonconformitySource.Complaint, new("complaint", "Phản ánh, kiến nghị", "Complaint")),
        (NonconformitySource.Other, new("other", "Khác", "Other")));

    public static readonly Terms<NonconformitySeverity> NonconformitySeverities = new(
        (NonconformitySeverity.Minor, new("minor", "Không phù hợp nhẹ", "Minor")),
        (NonconformitySeverity.Major, new("major", "Không phù hợp nặng", "Major")));

    public static readonly Terms<RestructuringKind> RestructuringKinds = new(
        (RestructuringKind.Merge, new("merge", "Sáp nhập", "Merge")),
        (RestructuringKind.Split, new("split", "Chia tách", "Split")),
        (RestructuringKind.Rename, new("rename", "Đổi tên", "Rename")),
        (RestructuringKind.Transfer, new("transfer", "Điều chuyển địa bàn, trực thuộc", "Transfer")),
        (RestructuringKind.Dissolve, new("dissolve", "Giải thể", "Dissolve")));

    /// <summary>Where a unit stands on the way to the current edition (the conversion dashboard's
    /// drill-down).</summary>
    public static readonly Terms<Standing> Standings = new(
        (Standing.NotDeclared, new("not-declared", "Chưa công bố", "Not declared")),
        (Standing.On2000, new("on2000", "Áp dụng 2000", "On 2000")),
        (Standing.On2008, new("on2008", "Áp dụng 2008", "On 2008")),
        (Standing.Converting, new("converting", "Đang chuyển đổi", "Converting")),
        (Standing.Converted, new("converted", "Đã chuyển đổi / 2015", "Converted / 2015")));

    /// <summary>The standard of a unit that has declared no system (<see cref="Editions.None"/>).</summary>
    public static readonly Term NoStandard = Standings[Standing.NotDeclared] with { Value = Editions.None };

    public static readonly Terms<ObligationKind> ObligationKinds = new(
        (ObligationKind.MustApply, new("must-apply", "Bắt buộc áp dụng", "Must apply")),
        (ObligationKind.DeclarationPrerequisites, new("declaration-prerequisites",
            "Điều kiện công bố hệ thống phù hợp", "Prerequisites of a declaration")),
        (ObligationKind.YearlyInternalAudit, new("yearly-internal-audit", "Đánh giá nội bộ hằng năm",
            "Yearly internal audit")),
        (ObligationKind.YearlyManagementReview, new("yearly-management-review", "Xem xét của lãnh đạo hằng năm",
            "Yearly management review")),
        (ObligationKind.YearlyReport, new("yearly-report", "Báo cáo duy trì hằng năm", "Yearly report")),
        (ObligationKind.RedeclareOnScopeChange, new("redeclare-on-scope-change",
            "Công bố lại khi thay đổi phạm vi", "New declaration on a change of scope")),
        (ObligationKind.SuccessorRedeclares, new("successor-redeclares",
            "Đơn vị sau sắp xếp công bố lại", "New declaration by a restructuring's successor")),
        (ObligationKind.NewSystemsOnEdition, new("new-systems-on-edition", "Phiên bản áp dụng cho hệ thống mới",
            "Edition of new systems")),
        (ObligationKind.ConversionDeadline, new("conversion-deadline", "Thời hạn chuyển đổi phiên bản",
            "Conversion deadline")),
        (ObligationKind.CloseNonconformitiesByDueDate, new("close-nonconformities-by-due-date",
            "Khắc phục điểm không phù hợp đúng hạn", "Nonconformities closed by their due date")));

    private static readonly Dictionary<Type, object> ByEnumeration = new()
    {
        [typeof(UnitLevel)] = Levels,
        [typeof(ConversionState)] = Conversions,
        [typeof(InspectionResult)] = Inspections,
        [typeof(NonconformitySource)] = NonconformitySources,
        [typeof(NonconformitySeverity)] = NonconformitySeverities,
        [typeof(RestructuringKind)] = RestructuringKinds,
        [typeof(ObligationKind)] = ObligationKinds,
        [typeof(Standing)] = Standings,
    };

    /// <summary>The terms of the enumeration <typeparamref name="T"/>.</summary>
    public static Terms<T> Of<T>() where T : struct, Enum => (Terms<T>)ByEnumeration[typeof(T)];

    /// <summary>Each rule by its id, with its sentence.</summary>
    public static readonly IReadOnlyList<Term> Rules =
        [.. Domain.Rules.All.Select(rule => new Term(rule.Id, rule.SentenceVi, rule.Sentence))];

    /// <summary>Each event type by its name in the event feed and a unit's history (<c>type</c>): a unit's, then the
    /// rule book's.</summary>
    public static readonly IReadOnlyList<Term> Events =
    [
        new(nameof(UnitRegistered), "Đăng ký đơn vị", "Unit registered"),
        new(nameof(SteeringBoardFormed), "Thành lập, kiện toàn Ban chỉ đạo ISO", "Steering board formed"),
        new(nameof(DocumentationIssued), "Ban hành hệ thống tài liệu", "Documentation issued"),
        new(nameof(ConformityDeclared), "Công bố hệ thống phù hợp TCVN ISO 9001", "Conformity declared"),
        new(nameof(ConversionStarted), "Bắt đầu chuyển đổi phiên bản tiêu chuẩn", "Conversion started"),
        new(nameof(StandardConverted), "Hoàn thành chuyển đổi phiên bản tiêu chuẩn", "Converted to a new edition"),
        new(nameof(QualityObjectivesIssued), "Ban hành chính sách, mục tiêu chất lượng",
            "Quality policy and objectives issued"),
        new(nameof(MaintenancePlanIssued), "Ban hành kế hoạch duy trì áp dụng", "Maintenance plan issued"),
        new(nameof(InternalAuditHeld), "Đánh giá nội bộ", "Internal audit held"),
        new(nameof(NonconformityRaised), "Phát hiện điểm không phù hợp", "Nonconformity raised"),
        new(nameof(CorrectiveActionTaken), "Thực hiện hành động khắc phục", "Corrective action taken"),
        new(nameof(NonconformityClosed), "Đóng điểm không phù hợp", "Nonconformity closed"),
        new(nameof(ManagementReviewHeld), "Xem xét của lãnh đạo", "Management review held"),
        new(nameof(AnnualReportSubmitted), "Gửi báo cáo duy trì năm", "Annual report submitted"),
        new(nameof(InspectionRecorded), "Kiểm tra, xác nhận của tỉnh", "Inspection recorded"),
        new(nameof(CorrectiveActionsReported), "Báo cáo hành động khắc phục đã thực hiện",
            "Corrective actions reported"),
        new(nameof(ScopeChanged), "Thay đổi phạm vi áp dụng", "Scope changed"),
        new(nameof(UnitMerged), "Sáp nhập đơn vị", "Unit merged"),
        new(nameof(UnitSplit), "Chia tách đơn vị", "Unit split"),
        new(nameof(UnitDissolved), "Giải thể đơn vị", "Unit dissolved"),
        new(nameof(UnitRenamed), "Đổi tên đơn vị", "Unit renamed"),
        new(nameof(UnitTransferred), "Điều chuyển địa bàn, trực thuộc", "Unit transferred"),
        new(nameof(UnitTookOver), "Tiếp nhận đơn vị cũ sau sắp xếp", "Predecessors taken over"),
        new(nameof(UnitListed), "Có tên trong bảng báo cáo năm", "Listed in a yearly report"),
        new(nameof(EditionAdded), "Bổ sung phiên bản tiêu chuẩn vào sổ quy định", "Edition added to the rule book"),
        new(nameof(ObligationAdded), "Bổ sung mục quy định vào sổ quy định", "Obligation added to the rule book"),
        new(nameof(ObligationEnded), "Mục quy định hết hiệu lực", "Obligation of the rule book ended"),
    ];

    public static readonly Term Total = new("total", "Tổng", "Total");

    /// <summary>The words before the district a unit was in before the district level ended (1 July 2025), and the
    /// province it was recorded in once that had become part of another, after its name in a table of a later day.
    /// </summary>
    public static readonly Term FormerDistrict = new("formerDistrict", "nguyên thuộc", "formerly in");

    /// <summary>The word after a group's unit count in a report's totals.</summary>
    public static readonly Term UnitsCounted = new("units", "đơn vị", "units");

    /// <summary>The columns of the annual report's table (its appendices), in the report's order; each value is the
    /// annual table row's field.</summary>
    public static readonly IReadOnlyList<Term> ReportColumns =
    [
        new("number", "TT", "No."),
        new("name", "Đơn vị", "Unit"),
        new("declared", "Công bố HT ISO", "Declared"),
        new("qualityPolicy", "CSCL", "Quality policy"),
        new("qualityObjectives", "MTCL", "Quality objectives"),
        new("maintenancePlan", "KH duy trì áp dụng", "Maintenance plan"),
        new("internalAudit", "Đánh giá nội bộ", "Internal audit"),
        new("correctiveActions", "HĐKP", "Corrective actions"),
        new("managementReview", "Xem xét LĐ", "Management review"),
        new("reportSubmitted", "Báo cáo", "Report"),
        new("inspection", "Xác nhận", "Inspection"),
        new("standard", "Áp dụng", "Standard"),
    ];

    /// <summary>The counts of every edition of the rule book (<c>GET /api/dashboards/editions</c>); each value is the
    /// counts' field.</summary>
    public static readonly IReadOnlyList<Term> EditionColumns =
    [
        new("on", "Đang áp dụng", "On it"),
        new("convertingFrom", "Đang chuyển đổi sang phiên bản khác", "Converting from it"),
        new("convertingTo", "Đang chuyển đổi sang phiên bản này", "Converting to it"),
        new("convertedTo", "Đã chuyển đổi sang phiên bản này", "Converted to it"),
    ];

    /// <summary>The counts of conversion progress 2008 → 2015; each value is the counts' field, the first five
    /// labelled as the standing they count.</summary>
    public static readonly IReadOnlyList<Term> ConversionColumns =
    [
        Standings[Standing.NotDeclared] with { Value = "notDeclared" },
        Standings[Standing.On2000] with { Value = "on2000" },
        Standings[Standing.On2008] with { Value = "on2008" },
        Standings[Standing.Converting] with { Value = "converting" },
        Standings[Standing.Converted] with { Value = "converted" },
        new("convertedOrConverting", "Đã và đang chuyển đổi", "Converted or converting"),
        Total,
    ];

    /// <summary>The rows of the report's summary table (Phụ lục 9 "Thống kê số liệu thực hiện ISO"), in the report's
    /// order, in its words; each value is the summary row's <c>criterion</c>. The edition row's label is followed by
    /// the year's current edition ("… hệ thống QLCL TCVN ISO 9001:2015."); the report writes the units still on an
    /// older edition in that row's note.</summary>
    public static readonly IReadOnlyList<Term> SummaryRows =
    [
        new("declared",
            "Số chuyên môn cơ quan cấp tỉnh; đơn vị hành chính cấp huyện, cấp xã đã Công bố hệ thống ISO.",
            "Provincial bodies, districts and communes that declared an ISO system."),
        new("complied",
            "Số chuyên môn cơ quan cấp tỉnh; đơn vị hành chính cấp huyện, cấp xã thực hiện đúng quy định ISO trong "
            + "hoạt động.",
            "Provincial bodies, districts and communes that complied with the ISO rules in the year."),
        new("implementingCurrentEdition",
            "Số chuyên môn cơ quan cấp tỉnh; đơn vị hành chính cấp huyện, cấp xã đã triển khai thực hiện hệ thống "
            + "QLCL",
            "Provincial bodies, districts and communes that have begun implementing"),
        new("onOlderEdition", "Còn áp dụng phiên bản cũ", "Still on an older edition"),
    ];

    /// <summary>The summary table's title; a workbook names its sheet so (sheet names hold at most 31
    /// characters).</summary>
    public static readonly Term SummaryTitle =
        new("summary", "Thống kê số liệu thực hiện ISO", "ISO implementation statistics");

    /// <summary>The header the summary table writes over its tier columns.</summary>
    public static readonly Term SummaryTiers = new("tiers", "Chia ra theo cấp hành chính", "By administrative tier");

    /// <summary>The parts of the province's annual report, in its order, each with the sentence that opens it
    /// (<c>{of}</c> the units of the part, <c>{year}</c> the report's year); each value is the report section's
    /// <c>id</c>.</summary>
    public static readonly IReadOnlyList<Term> ReportSections =
    [
        new("bodies",
            "Đối với các cơ quan chuyên môn Sở, ban, ngành, các Chi cục trực thuộc và UBND các huyện, thị xã, "
            + "thành phố: {of} cơ quan, đơn vị",
            "Provincial departments, their sub-departments and districts: {of} units"),
        new("earlierCommunes",
            "Đối với UBND các phường, xã, thị trấn thực hiện duy trì áp dụng tiêu chuẩn ISO 9001 từ trước năm {year}: "
            + "{of} đơn vị",
            "Communes maintaining their ISO 9001 system since before {year}: {of} units"),
        new("newCommunes",
            "Đối với UBND các phường, xã, thị trấn thực hiện xây dựng áp dụng HTQLCL năm {year}: {of} đơn vị",
            "Communes that built their system in {year}: {of} units"),
    ];

    /// <summary>What a part's opening sentence adds when its appendix lists units that ended within the year, which its
    /// figures do not count (<c>{ended}</c> their number).</summary>
    public static readonly Term ReportEndedInYear = new("endedInYear",
        " (không kể {ended} đơn vị đã kết thúc trong năm, có tên trong phụ lục)",
        " (besides {ended} that ended during the year, listed in the appendix)");

    /// <summary>The report's text, as a workbook names the sheet of its sentences.</summary>
    public static readonly Term ReportContent = new("report", "Báo cáo", "Report");

    /// <summary>The report's appendices, one per part of <see cref="ReportSections"/> (same values), as a workbook
    /// names their sheets (at most 31 characters).</summary>
    public static readonly IReadOnlyList<Term> ReportAppendices =
    [
        new("bodies", "Phụ lục A - Cấp tỉnh, huyện", "Appendix A - Province, district"),
        new("earlierCommunes", "Phụ lục B - Xã áp dụng từ trước", "Appendix B - Communes, earlier"),
        new("newCommunes", "Phụ lục C - Xã áp dụng mới", "Appendix C - Communes, new"),
    ];

    /// <summary>The headline sentences of the report, each value a headline's <c>id</c>: <c>{count}</c>, <c>{of}</c>,
    /// <c>{percent}</c> are its figure (the percent written as the language writes numbers), <c>{level}</c> the label
    /// of its level.</summary>
    public static readonly IReadOnlyList<Term> ReportHeadlines =
    [
        new("reported", "Số đơn vị có báo cáo và hồ sơ duy trì áp dụng và cải tiến: {count}/{of} đơn vị ({percent} %)",
            "Units that sent their report and maintenance records: {count} of {of} ({percent} %)"),
        new("notReported", "Số đơn vị không có báo cáo: {count}/{of} đơn vị ({percent} %)",
            "Units that sent no report: {count} of {of} ({percent} %)"),
        new("convertedOrConverting",
            "Số cơ quan, đơn vị đã và đang chuyển đổi hệ thống theo tiêu chuẩn TCVN ISO 9001:2015: {count}/{of} đơn vị",
            "Units converted or converting to ISO 9001:2015: {count} of {of}"),
        new("levelConvertedOrConverting", "{level} đã và đang chuyển đổi: {count}/{of} đơn vị",
            "{level} converted or converting: {count} of {of}"),
        new("on2008", "Còn áp dụng TCVN ISO 9001:2008: {count}/{of} đơn vị", "Still on ISO 9001:2008: {count} of {of}"),
        new("on2000", "Còn áp dụng TCVN ISO 9001:2000: {count}/{of} đơn vị", "Still on ISO 9001:2000: {count} of {of}"),
        new("steeringBoard", "{count}/{of} đơn vị đã thành lập Ban Chỉ đạo ISO",
            "{count} of {of} formed their ISO steering board"),
        new("documentation", "{count}/{of} đơn vị đã ban hành hệ thống tài liệu",
            "{count} of {of} issued their documentation"),
        new("declared", "{count}/{of} đơn vị đã công bố HTQLCL phù hợp tiêu chuẩn TCVN ISO 9001",
            "{count} of {of} declared their system conformant with ISO 9001"),
        new("internalAudit", "{count}/{of} đơn vị đã đánh giá nội bộ", "{count} of {of} held an internal audit"),
        new("correctiveActions", "{count}/{of} đơn vị đã thực hiện hành động khắc phục",
            "{count} of {of} took corrective actions"),
        new("managementReview", "{count}/{of} đơn vị đã tổ chức xem xét của lãnh đạo",
            "{count} of {of} held a management review"),
        new("passed", "{count}/{of} đơn vị được kiểm tra, xác nhận Đạt", "{count} of {of} passed the inspection"),
    ];

    /// <summary>The figures of the report over the years, each value a trend point's field or headline key
    /// (<c>section.headline</c>); and the units a restructuring ended and formed in the year.</summary>
    public static readonly IReadOnlyList<Term> TrendColumns =
    [
        new("year", "Năm", "Year"),
        new("units", "Số đơn vị", "Units"),
        new("bodies.reported", "Cấp tỉnh, huyện có báo cáo", "Province and districts reported"),
        new("bodies.convertedOrConverting", "Cấp tỉnh, huyện đã và đang chuyển đổi",
            "Province and districts converted or converting"),
        new("earlierCommunes.reported", "Xã áp dụng từ trước có báo cáo", "Earlier communes reported"),
        new("newCommunes.declared", "Xã xây dựng mới đã công bố", "New communes declared"),
        new("ended", "Đơn vị kết thúc trong năm (sáp nhập, chia tách, giải thể)",
            "Units ended in the year (merged, split, dissolved)"),
        new("formed", "Đơn vị hình thành sau sắp xếp", "Units formed by a restructuring"),
    ];

    /// <summary>The trends' title, as a workbook names its sheet.</summary>
    public static readonly Term TrendsTitle = new("trends", "Diễn biến qua các năm", "Over the years");

    /// <summary>The columns of the national view, one row per province; each value is the row's field.</summary>
    public static readonly IReadOnlyList<Term> NationalColumns =
    [
        new("province", "Tỉnh, thành phố", "Province"),
        new("units", "Số đơn vị", "Units"),
        new("declared", "Đã công bố", "Declared"),
        new("onCurrentEdition", "Áp dụng phiên bản hiện hành", "On the current edition"),
        new("reported", "Đã báo cáo", "Reported"),
        new("reportedPercent", "Tỷ lệ báo cáo (%)", "Reported (%)"),
    ];

    /// <summary>The columns of the summary table, in the report's order; the tiers' values are the summary row's
    /// fields.</summary>
    public static readonly IReadOnlyList<Term> SummaryColumns =
    [
        new("number", "STT", "No."),
        new("criterion", "Tiêu chí", "Criterion"),
        new("total", "Tổng số", "Total"),
        new("provincial", "Cấp tỉnh", "Provincial"),
        new("district", "Cấp huyện", "District"),
        new("commune", "Cấp xã", "Commune"),
        new("note", "Ghi chú", "Note"),
    ];
}
