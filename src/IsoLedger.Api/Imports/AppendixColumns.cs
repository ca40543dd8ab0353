using System.Text.RegularExpressions;
using IsoLedger.Domain;

namespace IsoLedger.Api.Imports;

/// <summary>The columns of a report's appendix ("Phụ lục: Danh sách cơ quan, đơn vị xây dựng, áp dụng, duy trì và cải
/// tiến HTQLCL theo TCVN ISO 9001") by the words it heads them with, as the import format's columns they stand for:
/// "TT" (the row's number, read for nothing but a tier's numeral), "Tên cơ quan, đơn vị" or "Đơn vị"
/// (<c>unit_name</c>), "Ghi chú" (<see cref="Note"/>: a state in words), "Công bố HT ISO" (<c>declared</c>), "CSCL,
/// MTCL" (the quality policy and objectives, issued in one mark), "Áp dụng TCVN ISO 9001:2008" and "… 9001:2015" (an
/// edition's column of marks, <see cref="EditionColumn"/>), and the other steps as the seeds' appendices abbreviate
/// them ("KH d/tri a/dụng", "Đ/giá nội bộ", "HĐKP", "X/ xét LĐ", "Xác nhận"). Words are compared in any letter case,
/// with punctuation between them or none. A header cell in none of these words names no column: refused as unknown.
/// </summary>
public static partial class AppendixColumns
{
    /// <summary>The row's number ("TT"): an appendix numbers its rows, and its tier rows with a roman numeral.
    /// </summary>
    public const string RowNumber = "row_number";

    /// <summary>"Ghi chú": the unit's state in words ("Đã công bố", "Đang xây dựng", "Chưa chuyển đổi", "Đã chuyển
    /// đổi sang TCVN ISO 9001:2015", an edition).</summary>
    public const string Note = "note";

    /// <summary>The column of marks for units on one edition ("Áp dụng TCVN ISO 9001:2015"), by the edition's
    /// year.</summary>
    public static string EditionColumn(string year) => "standard:" + year;

    /// <summary>The edition's year of an <see cref="EditionColumn"/>, or null for another column.</summary>
    public static string? EditionOf(string column) =>
        column.StartsWith("standard:", StringComparison.Ordinal) ? column[9..] : null;

    private static readonly Dictionary<string, string[]> Words = new (string Words, string[] Columns)[]
    {
        ("TT", [RowNumber]), ("STT", [RowNumber]), ("Số TT", [RowNumber]), ("Số thứ tự", [RowNumber]),
        ("Đơn vị", ["unit_name"]), ("Tên đơn vị", ["unit_name"]), ("Cơ quan, đơn vị", ["unit_name"]),
        ("Tên cơ quan, đơn vị", ["unit_name"]), ("Tên cơ quan", ["unit_name"]), ("Cơ quan", ["unit_name"]),
        ("Ghi chú", [Note]), ("Tình trạng", [Note]),
        // The edition or the conversion, as the report's export heads its last column.
        ("Áp dụng", ["standard"]), ("Tiêu chuẩn áp dụng", ["standard"]),
        ("Tỉnh", ["province"]), ("Năm", ["year"]), ("Cấp", ["level"]), ("Huyện", ["district"]),
        ("Cơ quan chủ quản", ["parent_code"]), ("Đơn vị chủ quản", ["parent_code"]), ("Sở chủ quản", ["parent_code"]),
        ("Trực thuộc", ["parent_code"]), ("Thuộc Sở", ["parent_code"]), ("Cơ quan cấp trên", ["parent_code"]),
        ("Xây dựng", ["documentation"]), ("Ban hành tài liệu", ["documentation"]),
        ("Ban chỉ đạo", ["steering_board"]), ("Thành lập Ban chỉ đạo", ["steering_board"]),
        ("Công bố", ["declared"]), ("Công bố HT ISO", ["declared"]), ("Công bộ HT ISO", ["declared"]),
        ("Công bố HTQLCL", ["declared"]), ("Công bố hệ thống", ["declared"]),
        ("CSCL, MTCL", ["quality_policy", "quality_objectives"]),
        ("CSCL và MTCL", ["quality_policy", "quality_objectives"]),
        ("Chính sách, mục tiêu chất lượng", ["quality_policy", "quality_objectives"]),
        ("CSCL", ["quality_policy"]), ("Chính sách chất lượng", ["quality_policy"]),
        ("MTCL", ["quality_objectives"]), ("Mục tiêu chất lượng", ["quality_objectives"]),
        ("Duy trì", ["maintenance_plan"]), ("KH duy trì áp dụng", ["maintenance_plan"]),
        ("KH d/tri a/dụng", ["maintenance_plan"]), ("KH d/trì a/dụng", ["maintenance_plan"]),
        ("Kế hoạch duy trì", ["maintenance_plan"]), ("Kế hoạch duy trì áp dụng", ["maintenance_plan"]),
        ("Đánh giá nội bộ", ["internal_audit"]), ("Đ/giá nội bộ", ["internal_audit"]), ("ĐGNB", ["internal_audit"]),
        ("HĐKP", ["corrective_actions"]), ("HDKP", ["corrective_actions"]),
        ("Hành động khắc phục", ["corrective_actions"]),
        ("Xem xét LĐ", ["management_review"]), ("X/ xét LĐ", ["management_review"]),
        ("X/ xét LD", ["management_review"]), ("Xem xét của lãnh đạo", ["management_review"]),
        ("Xem xét lãnh đạo", ["management_review"]),
        ("Báo cáo", ["report_submitted"]), ("Báo cáo duy trì", ["report_submitted"]),
        ("Xác nhận", ["inspection"]), ("Kết quả kiểm tra", ["inspection"]), ("Kiểm tra", ["inspection"]),
    }.ToDictionary(w => Comparable(w.Words), w => w.Columns);

    /// <summary>The import columns <paramref name="header"/> names in the appendix's words, or null.</summary>
    public static IReadOnlyList<string>? Read(string header)
    {
        if (Words.TryGetValue(Comparable(header), out var columns)) return columns;
        return Edition().Match(UnicodeText.Lowered(header)) is { Success: true } edition
            ? [EditionColumn(edition.Groups["year"].Value)]
            : null;
    }

    /// <summary>What the import's message on an unknown column adds (short: a header of many unknown columns lists a
    /// thousand of them).</summary>
    public const string Hint = "or an appendix's own headings (TT, Đơn vị, Ghi chú, CSCL, MTCL, …: see README)";

    private static string Comparable(string words) => UnicodeText.Comparable(
        string.Join(' ', Punctuation().Replace(words, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [GeneratedRegex(@"[,/;.()\-–]")]
    private static partial Regex Punctuation();

    /// <summary>An edition's column: "Áp dụng TCVN ISO 9001:2015", "Áp dụng 2008", "ISO 9001:2015".</summary>
    [GeneratedRegex(@"^(?:(?:đang )?áp dụng )?(?:tcvn )?(?:iso )?(?:9001 ?: ?)?(?<year>(?:19|20)\d\d)$")]
    private static partial Regex Edition();
}
