namespace IsoLedger.Domain;

/// <summary>Every rule the ledger knows, by stable identifier. What the compliance rules require, of whom and since
/// when, with the act each cites, is data: the rule book (<see cref="LegalBasis.RuleBook"/>).</summary>
public static class Rules
{
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
        "The unit was merged into another unit or split; nothing dated on or after the day that took effect (its "
        + "successor's first day; the unit's last is the day before) can be recorded on it.",
        "Đơn vị đã được sáp nhập vào đơn vị khác hoặc chia tách; không thể ghi nhận việc gì diễn ra từ ngày việc đó có "
        + "hiệu lực (ngày đầu tiên của đơn vị kế thừa; ngày cuối cùng của đơn vị là ngày liền trước).");
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
        "This step cannot be dated before the step it follows (a nonconformity's raising, corrective action and " +
        "closing; a conversion's start and completion).",
        "Ngày của bước này không được trước ngày của bước liền trước (phát hiện điểm không phù hợp, hành động khắc " +
        "phục, đóng; bắt đầu và hoàn thành chuyển đổi).");
    public static readonly Rule ConversionWithoutDeclaration = Invariant(
        "conversion-without-declaration",
        "Only a unit that declared its system on or before that date can convert it.",
        "Chỉ đơn vị đã công bố hệ thống phù hợp vào hoặc trước ngày đó mới chuyển đổi hệ thống.");
    public static readonly Rule ConversionTargetNotLater = Invariant(
        "conversion-target-not-later",
        "A system converts to a later edition than the one it is on (e.g. ISO 9001:2008 → ISO 9001:2015).",
        "Chỉ chuyển đổi sang phiên bản mới hơn phiên bản đang áp dụng (ví dụ TCVN ISO 9001:2008 → TCVN ISO "
        + "9001:2015).");
    public static readonly Rule ConversionAlreadyDone = Invariant(
        "conversion-already-done",
        "The unit has already converted to that edition.",
        "Đơn vị đã chuyển đổi sang phiên bản đó.");
    public static readonly Rule ConversionAlreadyStarted = Invariant(
        "conversion-already-started",
        "The unit's conversion to that edition has already started.",
        "Đơn vị đã bắt đầu chuyển đổi sang phiên bản đó.");
    public static readonly Rule StandardDowngrade = Invariant(
        "standard-downgrade",
        "Conversion goes forward only: a unit cannot declare on an edition older than the one its system is on.",
        "Chỉ chuyển đổi sang phiên bản mới hơn: đơn vị không thể công bố theo phiên bản cũ hơn phiên bản đang áp "
        + "dụng.");
    public static readonly Rule EditionUnknown = Invariant(
        "edition-unknown",
        "The rule book has no such edition of the standard.",
        "Sổ quy định không có phiên bản tiêu chuẩn này.");
    public static readonly Rule EditionAlreadyDefined = Invariant(
        "edition-already-defined",
        "The rule book already has an edition of that name.",
        "Sổ quy định đã có phiên bản tiêu chuẩn mang tên này.");
    public static readonly Rule EditionOutOfOrder = Invariant(
        "edition-out-of-order",
        "A new edition or amendment comes after every edition the rule book has: it is published later than all of "
        + "them, and an amendment amends the latest edition (editions are ordered by publication; one placed among "
        + "them would change which edition recorded conversions went to and which one past years counted as "
        + "current).",
        "Phiên bản hoặc sửa đổi mới phải sau mọi phiên bản đã có trong sổ quy định: được ban hành sau tất cả các "
        + "phiên bản đó, và một sửa đổi phải sửa đổi phiên bản mới nhất (các phiên bản được xếp theo ngày ban hành; "
        + "chen một phiên bản vào giữa sẽ làm thay đổi phiên bản mà các lần chuyển đổi đã ghi nhận hướng tới và "
        + "phiên bản được coi là hiện hành của các năm trước).");
    public static readonly Rule ObligationAlreadyDefined = Invariant(
        "obligation-already-defined",
        "The rule book already has an entry with that id.",
        "Sổ quy định đã có mục quy định với mã này.");
    public static readonly Rule ObligationNotFound = Invariant(
        "obligation-not-found",
        "The rule book has no entry with that id.",
        "Sổ quy định không có mục quy định với mã này.");
    public static readonly Rule ObligationAlreadyEnded = Invariant(
        "obligation-already-ended",
        "That entry of the rule book has already ended.",
        "Mục quy định này đã hết hiệu lực.");
    public static readonly Rule ObligationEndsBeforeItStarts = Invariant(
        "obligation-ends-before-it-starts",
        "An entry cannot end before the day it took effect.",
        "Mục quy định không thể hết hiệu lực trước ngày có hiệu lực.");
    public static readonly Rule FactBeforeEstablishment = Invariant(
        "fact-before-establishment",
        "Nothing can be recorded on a unit dated before its establishment date (the registeredOn it was registered "
        + "with).",
        "Không thể ghi nhận việc diễn ra trước ngày thành lập đơn vị (ngày đăng ký đã khai báo).");
    public static readonly Rule UnitDissolved = Invariant(
        "unit-dissolved",
        "The unit was dissolved; nothing dated on or after the day its dissolution took effect (the unit's last day "
        + "is the day before) can be recorded on it.",
        "Đơn vị đã giải thể; không thể ghi nhận việc diễn ra từ ngày việc giải thể có hiệu lực (ngày cuối cùng của đơn "
        + "vị là ngày liền trước).");
    public static readonly Rule LevelEnded = Invariant(
        "level-ended",
        "The district level ended on 1 July 2025: no district-level unit exists or acts from that day.",
        "Cấp huyện đã kết thúc từ ngày 01/7/2025: từ ngày đó không còn đơn vị cấp huyện.");
    public static readonly Rule DistrictAfterLevelEnded = Invariant(
        "district-after-level-ended",
        "The district level ended on 1 July 2025: from that day communes report to the province directly and no unit "
        + "is in a district, so a registration with its establishment date, a new unit or a transfer dated on or "
        + "after that day names no district (a unit registered without its establishment date may name the one it "
        + "was in before, its former district).",
        "Cấp huyện đã kết thúc từ ngày 01/7/2025: từ ngày đó xã trực thuộc tỉnh và không đơn vị nào thuộc huyện, nên "
        + "việc đăng ký có ngày thành lập, đơn vị mới hình thành hay việc điều chuyển có hiệu lực từ ngày đó không ghi "
        + "huyện (đơn vị đăng ký không có ngày thành lập có thể ghi huyện đã trực thuộc trước đó).");
    public static readonly Rule UnitNameTaken = Invariant(
        "unit-name-taken",
        "A unit of this name, level, province and district (and, for a sub-department, parent) exists on the "
        + "registration date under another code: registered again, it would be counted twice.",
        "Đã có đơn vị cùng tên, cùng cấp, cùng tỉnh và huyện (và cùng Sở, với chi cục) vào ngày đăng ký, với mã khác: "
        + "đăng ký thêm thì đơn vị bị đếm hai lần.");
    public static readonly Rule RestructuringCycle = Invariant(
        "restructuring-cycle",
        "A unit cannot be both a predecessor and a successor, nor a predecessor twice, in one restructuring.",
        "Trong một lần sắp xếp, một đơn vị không thể vừa là đơn vị cũ vừa là đơn vị mới, hoặc là đơn vị cũ hai lần.");
    public static readonly Rule RestructuringChangeRepeated = Invariant(
        "restructuring-change-repeated",
        "In one restructuring a unit is renamed at most once and transferred at most once, and a unit that ends "
        + "(merged, split or dissolved) is not renamed or transferred as well.",
        "Trong một lần sắp xếp, một đơn vị chỉ được đổi tên một lần và điều chuyển một lần; đơn vị chấm dứt (sáp "
        + "nhập, chia tách, giải thể) không đồng thời được đổi tên hay điều chuyển.");
    public static readonly Rule NothingToChange = Invariant(
        "nothing-to-change",
        "A rename gives a unit the name it has on the effective date, or a transfer the province, district and parent "
        + "it is in then: recorded, it would say a change happened that did not.",
        "Việc đổi tên trùng với tên đơn vị đang có vào ngày hiệu lực, hoặc việc điều chuyển trùng với tỉnh, huyện, đơn "
        + "vị chủ quản đơn vị đang thuộc vào ngày đó: ghi nhận thì sẽ thể hiện một thay đổi không có thật.");
    public static readonly Rule NewUnitCodeRepeated = Invariant(
        "new-unit-code-repeated",
        "Each unit a restructuring forms needs a code of its own: two new units cannot share one.",
        "Mỗi đơn vị mới hình thành sau sắp xếp phải có mã riêng: hai đơn vị mới không được trùng mã.");
    public static readonly Rule PredecessorEnded = Invariant(
        "predecessor-ended",
        "A predecessor was already merged, split or dissolved by the effective date.",
        "Đơn vị cũ đã được sáp nhập, chia tách hoặc giải thể trước ngày có hiệu lực.");
    public static readonly Rule PredecessorHasLaterFacts = Invariant(
        "predecessor-has-later-facts",
        "A predecessor has facts dated on or after the effective date, the day it ends; it cannot have ended before "
            + "them.",
        "Đơn vị cũ có sự kiện diễn ra vào hoặc sau ngày có hiệu lực, ngày đơn vị chấm dứt, nên không thể đã chấm dứt "
            + "trước đó.");
    public static readonly Rule DepartmentInDistrict = Invariant(
        "department-in-district",
        "A department (sở, ban, ngành) and its sub-departments (chi cục) are provincial bodies, in no district.",
        "Sở, ban, ngành và các chi cục thuộc sở là cơ quan cấp tỉnh, không thuộc huyện nào.");
    public static readonly Rule DistrictInOtherProvince = Invariant(
        "district-in-other-province",
        "A district belongs to one province: a transfer to another province effective before 1 July 2025 names the "
        + "district the unit goes into there (a department, its sub-departments and a district's own committee "
        + "excepted); kept, the unit's district would be read as one of the new province.",
        "Mỗi huyện thuộc một tỉnh: việc điều chuyển sang tỉnh khác có hiệu lực trước ngày 01/7/2025 phải ghi huyện "
        + "mà đơn vị chuyển đến ở tỉnh đó (trừ sở, ban, ngành, chi cục và UBND huyện); nếu giữ huyện cũ, huyện đó sẽ "
        + "bị coi là huyện của tỉnh mới.");
    public static readonly Rule MergeAcrossProvinces = Invariant(
        "merge-across-provinces",
        "A merge or split joins units of one province: on the effective date each unit it ends, forms or merges into "
        + "is in one province (a former province's units count under the province it became part of, Quảng Bình's "
        + "in Quảng Trị from 1 July 2025). A unit of another province is transferred into it first, on an earlier "
        + "day.",
        "Sáp nhập, chia tách chỉ diễn ra giữa các đơn vị của cùng một tỉnh: vào ngày có hiệu lực, mọi đơn vị chấm "
        + "dứt, hình thành hoặc tiếp nhận đều thuộc một tỉnh (đơn vị của tỉnh cũ được tính vào tỉnh mới mà tỉnh cũ "
        + "hợp thành, của Quảng Bình vào Quảng Trị từ ngày 01/7/2025). Đơn vị của tỉnh khác phải được điều chuyển về "
        + "tỉnh đó trước, vào một ngày sớm hơn.");
    public static readonly Rule SuccessorOfOtherTier = Invariant(
        "successor-of-other-tier",
        "A merge or split keeps its units in their administrative tier: provincial bodies (departments and their "
        + "sub-departments) go into provincial bodies, districts into districts, communes into communes.",
        "Sáp nhập, chia tách giữ đơn vị trong cấp hành chính của nó: cơ quan cấp tỉnh (sở, ban, ngành và chi cục) vào "
        + "cơ quan cấp tỉnh, cấp huyện vào cấp huyện, cấp xã vào cấp xã.");
    public static readonly Rule SuccessorNotExisting = Invariant(
        "successor-not-existing",
        "An existing successor must have existed on the effective date.",
        "Đơn vị tiếp nhận đã có phải tồn tại vào ngày có hiệu lực.");
    public static readonly Rule ParentNotExisting = Invariant(
        "parent-not-existing",
        "A parent unit must be a registered unit that exists on the date: established by then, and not merged, split "
        + "or dissolved.",
        "Đơn vị chủ quản phải là đơn vị đã được đăng ký và còn tồn tại vào ngày đó: đã thành lập, chưa bị sáp nhập, "
        + "chia tách hay giải thể.");
    public static readonly Rule ParentLevel = Invariant(
        "parent-level",
        "Only a sub-department (chi cục) has a parent unit, and its parent is a department (sở).",
        "Chỉ chi cục có đơn vị chủ quản, và đơn vị chủ quản của chi cục là sở.");
    public static readonly Rule ParentInOtherProvince = Invariant(
        "parent-in-other-province",
        "A sub-department's department is in the same province on the date (a former province's units count under "
        + "the province it became part of).",
        "Sở chủ quản của chi cục phải thuộc cùng tỉnh vào ngày đó (đơn vị của tỉnh cũ được tính vào tỉnh mới mà tỉnh "
        + "cũ hợp thành).");
    public static readonly Rule SubDepartmentsLeftWithoutParent = Invariant(
        "sub-departments-left-without-parent",
        "A restructuring that ends a department (sở) leaves none of the sub-departments (chi cục) under it without a "
        + "parent: merged into one department, the department takes them from the effective date; split, dissolved "
        + "or merged into a unit that is no department, the act itself transfers each of them to a department "
        + "(parentCode) or ends it.",
        "Sắp xếp chấm dứt một sở không được để chi cục nào thuộc sở đó không còn đơn vị chủ quản: sở sáp nhập vào "
        + "một sở thì sở đó tiếp nhận các chi cục từ ngày có hiệu lực; sở chia tách, giải thể hoặc sáp nhập vào đơn "
        + "vị không phải là sở thì chính văn bản sắp xếp phải điều chuyển từng chi cục sang một sở (parentCode) hoặc "
        + "chấm dứt chi cục đó.");
    public static readonly Rule EditionNotYetPublished = Invariant(
        "edition-not-yet-published",
        "A system cannot be declared on, or converted to, an edition before that edition was published.",
        "Không thể công bố hoặc chuyển đổi hệ thống sang một phiên bản tiêu chuẩn trước ngày phiên bản đó được ban "
        + "hành.");
    public static readonly Rule YearlyStepOutsideItsYear = Invariant(
        "yearly-step-outside-its-year",
        "A year's step is dated in that year, the year before (a plan or objectives issued ahead) or the year after "
        + "(a report or an inspection after the year's end).",
        "Công việc của một năm phải diễn ra trong năm đó, năm trước (kế hoạch, mục tiêu ban hành trước) hoặc năm "
        + "sau (báo cáo, kiểm tra sau khi hết năm).");

    // Compliance rules: the fact is recorded anyway and the unit is flagged.
    public static readonly Rule DeclarationPrerequisites = Compliance(
        "declaration-prerequisites",
        "Conformity is declared only after documentation was issued and an internal audit and a management review " +
        "were held (QĐ 19/2014 Art. 4).",
        "Chỉ công bố hệ thống phù hợp sau khi đã ban hành hệ thống tài liệu, đánh giá nội bộ và xem xét của lãnh đạo " +
        "(Điều 4 QĐ 19/2014/QĐ-TTg).");
    public static readonly Rule NewSystemOnRequiredEdition = Compliance(
        "new-system-on-required-edition",
        "A new system is built on the edition the acts in force then require (the flag names the edition and the "
        + "act).",
        "Hệ thống xây dựng mới phải áp dụng phiên bản tiêu chuẩn theo quy định có hiệu lực khi đó (cảnh báo nêu "
        + "phiên bản và văn bản quy định).");
    public static readonly Rule ConversionDeadlineMissed = Compliance(
        "conversion-deadline",
        "Units convert to a new edition by the deadline the acts set (the flag names the edition and the act).",
        "Các đơn vị phải chuyển đổi sang phiên bản mới trong thời hạn quy định (cảnh báo nêu phiên bản và văn bản "
        + "quy định).");
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
    public static readonly Rule YearlyReport = Compliance(
        "yearly-report",
        "Every active unit sends its yearly report on the system each calendar year.",
        "Mỗi đơn vị đang áp dụng phải gửi báo cáo tình hình duy trì hệ thống mỗi năm dương lịch.");

    public static readonly Rule SuccessorNotDeclared = Compliance(
        "successor-not-declared",
        "A unit formed by a restructuring from units of which one had declared a system declares its own within the "
        + "months the rule book's successor-redeclares entry gives, from the effective date (12 as shipped): it "
        + "inherits its predecessors' history, not their declarations.",
        "Đơn vị hình thành sau sắp xếp từ các đơn vị đã công bố hệ thống phải tự công bố lại trong số tháng mà mục "
        + "successor-redeclares của bộ quy định cho phép, kể từ ngày có hiệu lực (mặc định 12 tháng): đơn vị kế thừa "
        + "lịch sử, không kế thừa việc công bố của đơn vị cũ.");

    public static readonly IReadOnlyList<Rule> All =
    [
        UnitAlreadyRegistered, UnitNotRegistered, FutureBusinessDate, UnitMerged,
        NonconformityNotFound, NonconformityAlreadyClosed, NonconformityWithoutCorrectiveAction,
        CorrectiveActionNotEffective, DateBeforePrecedingStep, ConversionWithoutDeclaration, ConversionTargetNotLater,
        ConversionAlreadyDone, ConversionAlreadyStarted, StandardDowngrade, EditionUnknown, EditionAlreadyDefined,
        EditionOutOfOrder,
        ObligationAlreadyDefined, ObligationNotFound, ObligationAlreadyEnded, ObligationEndsBeforeItStarts,
        FactBeforeEstablishment, UnitDissolved, LevelEnded, DistrictAfterLevelEnded, UnitNameTaken,
        RestructuringCycle, RestructuringChangeRepeated, NothingToChange, NewUnitCodeRepeated, PredecessorEnded,
        PredecessorHasLaterFacts, SuccessorOfOtherTier, DepartmentInDistrict, DistrictInOtherProvince,
        MergeAcrossProvinces, SuccessorNotExisting,
        ParentNotExisting, ParentLevel, ParentInOtherProvince, SubDepartmentsLeftWithoutParent,
        EditionNotYetPublished,
        YearlyStepOutsideItsYear, DeclarationPrerequisites, NewSystemOnRequiredEdition, ConversionDeadlineMissed,
        ScopeChangeNeedsRedeclaration,
        NonconformityOverdue, YearlyInternalAudit, YearlyManagementReview, YearlyReport, SuccessorNotDeclared,
    ];

    private static Rule Invariant(string id, string sentence, string sentenceVi) =>
        new(id, RuleKind.Invariant, sentence, sentenceVi);

    private static Rule Compliance(string id, string sentence, string sentenceVi) =>
        new(id, RuleKind.Compliance, sentence, sentenceVi);
}
