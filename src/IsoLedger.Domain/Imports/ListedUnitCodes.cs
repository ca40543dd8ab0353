using System.Security.Cryptography;
using System.Text;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>The code of a unit a table lists without one, as an appendix does (its columns are the row's number and
/// the unit's name): the same for every table that lists the unit under its name, at its level, in its district and
/// province, so that importing a later year's appendix, or the same one again, finds it. The province's initials and
/// the level, as the sample's codes begin ("QT-XA-"), then ten hexadecimal digits of a hash of the four as compared
/// (<see cref="UnitNameSpelling"/>, <see cref="DistrictNames"/>): "QT-XA-3FA9C2D1E0".</summary>
public static class ListedUnitCodes
{
    /// <summary>The code of <paramref name="row"/>'s unit, of the province it is recorded in (<see
    /// cref="ReportRow.RecordedProvince"/>): a Quảng Bình department in Quảng Trị's 2025 appendix has the code Quảng
    /// Bình's own tables gave it, not that of Quảng Trị's department of the same name.</summary>
    public static string Of(ReportRow row) => Of(row.RecordedProvince, row.Level, row.District, row.UnitName);

    public static string Of(string province, UnitLevel level, string? district, string name)
    {
        var compared = string.Join('\n', UnicodeText.Comparable(province), level,
            DistrictNames.Comparable(district ?? ""), UnitNameSpelling.Comparable(name, keepNotes: true));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(compared)))[..10];
        return $"{Initials(province)}-{Prefixes[level]}-{hash}";
    }

    private static readonly Dictionary<UnitLevel, string> Prefixes = new()
    {
        [UnitLevel.Department] = "SO",
        [UnitLevel.SubDepartment] = "CC",
        [UnitLevel.District] = "HUYEN",
        [UnitLevel.Commune] = "XA",
    };

    /// <summary>The first letters of the province's words without their marks: "Quảng Trị" is "QT", "Đắk Lắk"
    /// "DL".</summary>
    private static string Initials(string province) => new([.. UnicodeText.Unmarked(province)
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => char.ToUpperInvariant(word[0])).Where(char.IsAsciiLetterOrDigit)]);
}
