using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>The district a workbook's sheet is named after, as a workbook with a sheet per district names them ("Hải
/// Lăng", "H. Hải Lăng", "Huyện Hải Lăng", "TP Đông Hà", "Q.1"): its communes' district where their rows give none. A
/// name with a district's kind is one; a name without a kind is one when it reads as a proper name (one to four words,
/// each capitalised, no digits, no abbreviation) and is no province's and not one a workbook gives any sheet: "Sheet1",
/// "Tổng hợp", a year ("2020", "Năm 2020"), a tier ("Cấp xã", "Xã, phường, thị trấn"), "Phụ lục …", "Biểu …", "Danh
/// sách …" and the like.</summary>
public static partial class SheetDistricts
{
    /// <summary>The words a sheet's name starts with that name no district, as <see cref="Words"/> gives them.
    /// </summary>
    private static readonly string[][] Generic =
    [
        .. new[]
        {
            "Sheet", "Trang tính", "Tổng hợp", "Tổng", "Phụ lục", "PL", "Biểu", "Mẫu", "Danh sách", "DS", "Báo cáo",
            "Ghi chú", "Hướng dẫn", "Dữ liệu", "Data", "Bảng", "Cấp", "Đơn vị", "Chart", "Bìa", "Thống kê",
        }.Select(Words),
    ];

    /// <summary>The provinces' names as <see cref="Words"/> gives them, "Tỉnh" or "Thành phố" before them or not.
    /// </summary>
    private static readonly HashSet<string> ProvinceNames =
    [
        .. Provinces.Provinces.Names
            .SelectMany(province => new[] { province, $"Tỉnh {province}", $"Thành phố {province}" })
            .Select(province => string.Join(' ', Words(province))),
    ];

    /// <summary>A name's words as compared and without their marks: a sheet's name is often typed without them
    /// ("Tong hop", "Quang Tri"), and no district's name is a generic word's or a province's written so.</summary>
    private static string[] Words(string name) =>
        UnicodeText.Unmarked(UnicodeText.Comparable(name)).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The district <paramref name="sheet"/> names, as written, or null. A workbook's only sheet
    /// (<paramref name="lone"/>) names one only with a district's kind ("H. Hải Lăng"): it is named by whoever saved
    /// the file ("Ket Qua", a person's name), where a workbook of a sheet per district names its sheets after
    /// them.</summary>
    public static string? Of(string? sheet, bool lone = false)
    {
        var name = sheet?.Trim() ?? "";
        if (name.Length == 0 || TableYears.Read(name) is not null || LevelWords.Read(name) is not null
            || TableHeading.Read(name) is { District: null })
            return null;
        var words = Words(name);
        if (Generic.Any(generic => words.Take(generic.Length).SequenceEqual(generic))) return null;
        if (DistrictNames.WithKind(name) is not null) return name;
        if (lone) return null;
        // A province's name, with its marks or without, is a workbook's sheet per province (Quảng Bình and Quảng Trị
        // before their merger), or a town of the province's name whose kind is not written (Thị xã Quảng Trị): no
        // district is guessed from it; nor from an abbreviation ("UBND", "KV1"), which no district's proper name holds.
        return ProperName().IsMatch(name) && Provinces.Provinces.Canonical(name) is null
            && !ProvinceNames.Contains(string.Join(' ', words))
            && !name.Split(' ').Any(word => word.Length > 1 && word.All(char.IsUpper)) ? name : null;
    }

    /// <summary>One to four words, each starting with a capital letter, of letters, an apostrophe or a hyphen ("Cư
    /// M'gar", "Đakrông", "Cồn Cỏ").</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*){0,3}$")]
    private static partial Regex ProperName();
}
