using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Imports;

/// <summary>The first line of the block a report's appendix ends with under its table: its notes ("Ghi chú:"), where
/// the copies go ("Nơi nhận:", "Nơi gửi:", "- Lưu: VT, KGVX."), the place and day it was signed ("Đồng Tháp, ngày 15
/// tháng 11 năm 2021", or its day and month left blank to be written by hand), who signs for whom ("KT. CHỦ TỊCH",
/// "TM. ỦY BAN NHÂN DÂN", "PHÓ GIÁM ĐỐC"), who drew it up ("Người lập biểu") and the note under a signature ("(Ký, ghi
/// rõ họ tên)"). The names of the people who sign follow, one to a line, in the name column, where they read as units'
/// names: the table ends at this line. No unit's name begins so.</summary>
public static partial class TableFooter
{
    /// <summary>Whether <paramref name="text"/>, the line's name or its first cell, begins the block under a table.
    /// (A day written out elsewhere in a row, "ngày 15 tháng 8 năm 2018", is a declaration's.)</summary>
    public static bool Begins(string text) => Line().IsMatch(UnicodeText.Lowered(text));

    /// <summary>The cell's words as lowered, after a dash, a bullet or a number that lists them.</summary>
    [GeneratedRegex(@"^(?:[-–—•+*]\s*)?(?:"
        + @"nơi (?:nhận|gửi)\b|lưu\s*[:.]|lưu (?:vt|văn thư)\b|ghi chú\s*:"
        + @"|người (?:lập(?: biểu| bảng| báo cáo)?|tổng hợp|kiểm tra|duyệt)(?:\s*[:.].*)?$"
        + @"|(?:kt|tm|tl|tuq|q)\s*\.\s*(?:phó\s+)?(?:chủ tịch|giám đốc|trưởng|ủy ban|ubnd|thủ trưởng|chánh)"
        + @"|(?:phó\s+)?(?:chủ tịch|giám đốc|chánh văn phòng|trưởng ban|trưởng phòng|thủ trưởng(?: đơn vị| cơ quan)?)"
        + @"\s*[:.]?$"
        + @"|xác nhận của\b"
        + @"|\(?\s*(?:đã\s+)?ký(?:\s+tên)?\s*[,)]"
        + @"|(?:[\p{L}\s.'-]+,\s*)?ngày\s*(?:\d{1,2}|\.+|…+|_+)?\s*tháng\s*(?:\d{1,2}|\.+|…+|_+)?\s*năm\b)")]
    private static partial Regex Line();
}
