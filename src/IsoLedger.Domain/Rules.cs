namespace IsoLedger.Domain;

/// <summary>Every rule the ledger knows, by stable identifier. Legal basis: QĐ 19/2014/QĐ-TTg,
/// TT 26/2014/TT-BKHCN, CV 419/BKHCN-TĐC (2018), ISO 9001 §10.2.</summary>
public static class Rules
{
    public static readonly DateOnly NewSystemsOn2015From = new(2018, 2, 21);
    public static readonly DateOnly ConversionDeadline = new(2021, 6, 30);

    // Invariants: the command is impossible and is rejected.
    public static readonly Rule UnitAlreadyRegistered = Invariant(
        "unit-already-registered",
        "A unit with this code is already registered.",
        "Mã đơn vị này đã được đăng ký.");
    public static readonly Rule UnitNotRegistered = Invariant(
        "unit-not-registered",
        "No unit with this code is registered.",
        "Chưa có đơn vị nào được đăng ký với mã này.");
    public static readonly Rule FutureBusinessDate = Invariant(
        "future-business-date",
        "A business date cannot lie in the future: the ledger records what has happened.",
        "Ngày diễn ra không được ở tương lai: sổ chỉ ghi nhận những việc đã diễn ra.");
    public static readonly Rule UnitMerged = Invariant(
        "unit-merged",
        "The unit was merged into another unit or split; nothing dated after that can be recorded on it.",
        "Đơn vị đã được sáp nhập vào đơn vị khác hoặc chia tách; không thể ghi nhận việc gì diễn ra sau đó.");
    public static readonly Rule NonconformityNotFound = Invariant(
        "nonconformity-not-found",
        "The unit has no nonconformity with this id.",
        "Đơn vị không có điểm không phù hợp với mã này.");
    public static readonly Rule NonconformityAlreadyClosed = Invariant(
        "nonconformity-already-closed",
        "The nonconformity is already closed.",
        "Điểm không phù hợp này đã được đóng.");
    public static readonly Rule NonconformityWithoutCorrectiveAction = Invariant(
        "nonconformity-without-corrective-action",
        "A nonconformity closes only after a corrective action was taken for it (ISO 9001 §10.2).",
        "Chỉ đóng điểm không phù hợp sau khi đã thực hiện hành động khắc phục (ISO 9001 mục 10.2).");
    public static readonly Rule CorrectiveActionNotEffective = Invariant(
        "corrective-action-not-effective",
        "A nonconformity closes only when its corrective action was found effective; record a further corrective " +
        "action instead.",
        "Chỉ đóng điểm không phù hợp khi hành động khắc phục được đánh giá là có hiệu lực; nếu chưa, hãy ghi nhận " +
        "hành động khắc phục tiếp theo.");
    public static readonly Rule DateBeforePrecedingStep = Invariant(
        "date-before-preceding-step",
        "This step cannot be dated before the step it follows (raising, corrective action, closing).",
        "Ngày của bước này không được trước ngày của bước liền trước (phát hiện điểm không phù hợp, hành động khắc " +
        "phục, đóng).");
    public static readonly Rule ConversionWithout2008Declaration = Invariant(
        "conversion-without-2008-declaration",
        "Only a unit declared on ISO 9001:2008 on or before that date can convert to ISO 9001:2015.",
        "Chỉ đơn vị đã công bố hệ thống phù hợp TCVN ISO 9001:2008 vào hoặc trước ngày đó mới chuyển đổi sang TCVN " +
        "ISO 9001:2015.");
    public static readonly Rule ConversionAlreadyDone = Invariant(
        "conversion-already-done",
        "The unit has already converted to ISO 9001:2015.",
        "Đơn vị đã chuyển đổi sang TCVN ISO 9001:2015.");
    public static readonly Rule ConversionAlreadyStarted = Invariant(
        "conversion-already-started",
        "The unit's conversion to ISO 9001:2015 has already started.",
        "Đơn vị đã bắt đầu chuyển đổi sang TCVN ISO 9001:2015.");
    public static readonly Rule StandardDowngrade = Invariant(
        "standard-downgrade",
        "Conversion goes from 2008 to 2015 only: a unit on ISO 9001:2015 cannot declare on 2008 again.",
        "Chỉ chuyển đổi từ phiên bản 2008 sang 2015: đơn vị đã áp dụng TCVN ISO 9001:2015 không thể công bố lại theo " +
        "phiên bản 2008.");
    public static readonly Rule FactBeforeEstablishment = Invariant(
        "fact-before-establishment",
        "Nothing can be recorded on a unit dated before its establishment date (the registeredOn it was registered "
        + "with).",
        "Không thể ghi nhận việc diễn ra trước ngày thành lập đơn vị (ngày đăng ký đã khai báo).");
    public static readonly Rule UnitDissolved = Invariant(
        "unit-dissolved",
        "The unit was dissolved; nothing dated after its dissolution can be recorded on it.",
        "Đơn vị đã giải thể; không thể ghi nhận việc diễn ra sau ngày giải thể.");
    public static readonly Rule LevelEnded = Invariant(
        "level-ended",
        "The district level ended on 1 July 2025: no district-level unit exists or acts from that day.",
        "Cấp huyện đã kết thúc từ ngày 01/7/2025: từ ngày đó không còn đơn vị cấp huyện.");
    public static readonly Rule RestructuringCycle = Invariant(
        "restructuring-cycle",
        "A unit cannot be both a predecessor and a successor, nor a predecessor twice, in one restructuring.",
        "Trong một lần sắp xếp, một đơn vị không thể vừa là đơn vị cũ vừa là đơn vị mới, hoặc là đơn vị cũ hai lần.");
    public static readonly Rule PredecessorEnded = Invariant(
        "predecessor-ended",
        "A predecessor was already merged, split or dissolved by the effective date.",
        "Đơn vị cũ đã được sáp nhập, chia tách hoặc giải thể trước ngày có hiệu lực.");
    public static readonly Rule PredecessorHasLaterFacts = Invariant(
        "predecessor-has-later-facts",
        "A predecessor has facts dated after the effective date; it cannot have ended before them.",
        "Đơn vị cũ có sự kiện diễn ra sau ngày có hiệu lực nên không thể đã chấm dứt trước đó.");
    public static readonly Rule SuccessorNotExisting = Invariant(
        "successor-not-existing",
        "An existing successor must have existed on the effective date.",
        "Đơn vị tiếp nhận đã có phải tồn tại vào ngày có hiệu lực.");

    // Compliance rules: the fact is recorded anyway and the unit is flagged.
    public static readonly Rule DeclarationPrerequisites = Compliance(
        "declaration-prerequisites",
        "Conformity is declared only after documentation was issued and an internal audit and a management review " +
        "were held (QĐ 19/2014 Art. 4).",
        "Chỉ công bố hệ thống phù hợp sau khi đã ban hành hệ thống tài liệu, đánh giá nội bộ và xem xét của lãnh đạo " +
        "(Điều 4 QĐ 19/2014/QĐ-TTg).");
    public static readonly Rule NewSystemOn2015 = Compliance(
        "new-system-on-2015",
        "Systems first built after 21 Feb 2018 must use TCVN ISO 9001:2015.",
        "Hệ thống xây dựng mới sau ngày 21/02/2018 phải áp dụng TCVN ISO 9001:2015.");
    public static readonly Rule ConversionDeadlineMissed = Compliance(
        "conversion-deadline",
        "Units had to convert from ISO 9001:2008 to ISO 9001:2015 by 30 Jun 2021.",
        "Các đơn vị phải chuyển đổi từ TCVN ISO 9001:2008 sang TCVN ISO 9001:2015 chậm nhất ngày 30/6/2021.");
    public static readonly Rule ScopeChangeNeedsRedeclaration = Compliance(
        "scope-change-redeclaration",
        "A change of scope requires a new declaration of conformity (công bố lại).",
        "Khi thay đổi phạm vi áp dụng, đơn vị phải công bố lại hệ thống phù hợp.");
    public static readonly Rule NonconformityOverdue = Compliance(
        "nonconformity-overdue",
        "A nonconformity must be closed by its due date.",
        "Điểm không phù hợp phải được đóng trong thời hạn khắc phục.");
    public static readonly Rule YearlyInternalAudit = Compliance(
        "yearly-internal-audit",
        "Every active unit holds at least one internal audit each calendar year.",
        "Mỗi đơn vị đang áp dụng phải đánh giá nội bộ ít nhất một lần mỗi năm dương lịch.");
    public static readonly Rule YearlyManagementReview = Compliance(
        "yearly-management-review",
        "Every active unit holds at least one management review each calendar year.",
        "Mỗi đơn vị đang áp dụng phải tổ chức xem xét của lãnh đạo ít nhất một lần mỗi năm dương lịch.");

    public static readonly Rule SuccessorNotDeclared = Compliance(
        "successor-not-declared",
        "A unit formed by a restructuring declares its own system within a grace period (12 months unless "
        + "configured) of the effective date: it "
        + "inherits its predecessors' history, not their declarations.",
        "Đơn vị hình thành sau sắp xếp phải tự công bố hệ thống phù hợp trong vòng 12 tháng kể từ ngày có hiệu lực: "
        + "đơn vị kế thừa lịch sử, không kế thừa việc công bố của đơn vị cũ.");

    public static readonly IReadOnlyList<Rule> All =
    [
        UnitAlreadyRegistered, UnitNotRegistered, FutureBusinessDate, UnitMerged,
        NonconformityNotFound, NonconformityAlreadyClosed, NonconformityWithoutCorrectiveAction,
        CorrectiveActionNotEffective, DateBeforePrecedingStep, ConversionWithout2008Declaration, ConversionAlreadyDone,
        ConversionAlreadyStarted, StandardDowngrade, FactBeforeEstablishment, UnitDissolved, LevelEnded,
        RestructuringCycle, PredecessorEnded, PredecessorHasLaterFacts, SuccessorNotExisting,
        DeclarationPrerequisites, NewSystemOn2015, ConversionDeadlineMissed, ScopeChangeNeedsRedeclaration,
        NonconformityOverdue, YearlyInternalAudit, YearlyManagementReview, SuccessorNotDeclared,
    ];

    private static Rule Invariant(string id, string sentence, string sentenceVi) =>
        new(id, RuleKind.Invariant, sentence, sentenceVi);

    private static Rule Compliance(string id, string sentence, string sentenceVi) =>
        new(id, RuleKind.Compliance, sentence, sentenceVi);
}
