using System.Text.RegularExpressions;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>A unit's name as a table of a later day writes it with the places the unit was in before, in brackets
/// behind "nguyên thuộc" (<see cref="Vocabulary.FormerDistrict"/>): the district it was in before the district level
/// ended, "UBND xã Ngọk Tụ (nguyên thuộc Đắk Tô)", and the province it was recorded in where that became part of
/// another, "Sở Nội vụ (nguyên thuộc Quảng Bình)", or both, "(nguyên thuộc Huyện Lệ Thủy, Quảng Bình)"; or behind a
/// dash, as other tables write a note ("Chi cục Kiểm lâm – nguyên thuộc Huyện Vĩnh Linh"). The note is no part of
/// <see cref="Name"/>; <see cref="District"/> and <see cref="Province"/> are null where not written.</summary>
public sealed partial record FormerPlaces(string Name, string? District, string? Province)
{
    /// <summary>The name and its former places, or null where the name is written without them.</summary>
    public static FormerPlaces? Read(string name)
    {
        if ((Bracketed().Match(name) is { Success: true } bracketed ? bracketed : Dashed.Match(name))
                is not { Success: true } former
            || UnicodeText.Lowered(former.Groups["label"].Value) is var label
            && label != UnicodeText.Lowered(Vocabulary.FormerDistrict.Vi)
            && label != UnicodeText.Lowered(Vocabulary.FormerDistrict.En))
            return null;
        string? district = null, province = null;
        foreach (var place in former.Groups["places"].Value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (place.Length == 0) continue;
            if (ProvinceOf(place) is { } named) province = named;
            else district = place;
        }
        return new(former.Groups["name"].Value.TrimEnd(), district, province);
    }

    /// <summary>The district the note places a unit of <paramref name="level"/> in: <see cref="District"/>, but none
    /// for a provincial body (a Sở or its Chi cục, <see cref="Levels.InNoDistrict"/>), which a district's note
    /// ("Chi cục Thủy lợi (nguyên thuộc Huyện Vĩnh Linh)": the district body it took over) does not place in it: the
    /// note is the body's history, and the ledger keeps no place for it.</summary>
    public string? DistrictOf(UnitLevel? level) => level is { } placed && Levels.InNoDistrict(placed) ? null : District;

    /// <summary>The province <paramref name="place"/> names, by its canonical name, or null where it names a district:
    /// written with a district's kind ("TP. Cà Mau", "Thành phố Huế", "Thị xã Kỳ Anh", "Huyện Đắk Tô", "Q.1") it is
    /// a district, even one whose proper name is a province's (the city of Cà Mau was Cà Mau province's, as the city of
    /// Huế was Thừa Thiên Huế's). A province written so ("TP. Hồ Chí Minh") is a city's, and no city became part of
    /// another province. Written bare, a province's name is the province ("Quảng Bình"); any other bare name is a
    /// district's ("Đắk Tô").</summary>
    private static string? ProvinceOf(string place) =>
        DistrictNames.WithKind(place) is null ? Provinces.Provinces.Canonical(place) : null;

    /// <summary>A name, then its places in brackets behind a label of two words.</summary>
    [GeneratedRegex(@"^(?<name>.+?)\s*\((?<label>\p{L}+ \p{L}+) (?<places>[^()]+)\)$")]
    private static partial Regex Bracketed();

    /// <summary>A name, then its places behind a dash (a hyphen, en or em dash between spaces) and the label: the
    /// label tells such a note from a dash within a name ("Chi cục Chăn nuôi - Thú y").</summary>
    private static readonly Regex Dashed = new(
        $@"^(?<name>.+?)\s+[-–—]\s+(?<label>{Regex.Escape(Vocabulary.FormerDistrict.Vi)}|"
        + $@"{Regex.Escape(Vocabulary.FormerDistrict.En)}) (?<places>[^()]+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
