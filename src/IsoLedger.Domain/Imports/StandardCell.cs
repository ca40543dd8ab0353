using System.Text.RegularExpressions;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>The standard column as the appendices write it: an edition (<see cref="RuleBook.Named"/>: "2015", "TCVN
/// ISO 9001:2015"), behind "Áp dụng" as the Quảng Trị 2020 appendix heads its columns and fills them ("Áp dụng 2008",
/// "Áp dụng 2015"), or followed by a note in brackets on its conversion ("TCVN ISO 9001:2015 (chuyển đổi)", "(đã
/// chuyển đổi)", "ISO 9001:2008 (chưa chuyển đổi)"); or the conversion alone, as that appendix writes it in its 2015
/// column ("Đã ch/đổi 9001:2015", "Đang ch/đổi áp dụng": <see cref="ConversionWords"/>). The report tables'
/// conversion goes from 2008 to 2015: converted is on 2015, converting still on 2008 ("TCVN ISO 9001:2015 (đang
/// chuyển đổi)" too: converting to it). Anything else is refused, not guessed.</summary>
/// <param name="Edition">The edition the unit is on, or null when the cell is empty.</param>
/// <param name="Conversion">The conversion the cell states, or null when it states none.</param>
public sealed partial record StandardCell(Edition? Edition, ConversionState? Conversion)
{
    /// <summary>What <paramref name="text"/> says of the unit's standard, or null when it reads as none.</summary>
    public static StandardCell? Read(string? text, RuleBook rules)
    {
        var written = UnicodeText.Lowered(text ?? "");
        if (written.Length == 0) return new(null, null);
        if (rules.Named(written) is { } named) return new(named, null);
        if (ConversionWords.Read(written) is { } state)
            return state == ConversionState.None ? null : Converted(LegalBasis.Edition.Iso9001V2015, state);
        if (Written().Match(written) is not { Success: true } match
            || rules.Named(match.Groups["edition"].Value) is not { } edition)
            return null;
        if (!match.Groups["note"].Success) return new(edition, null);
        // A bare "chuyển đổi" beside an edition says the unit reached it by converting.
        var note = match.Groups["note"].Value;
        return (ConversionWords.Read(note) ?? ConversionWords.Read("đã " + note)) is { } noted
            ? Converted(edition, noted)
            : null;
    }

    /// <summary>Why <paramref name="text"/> is no standard.</summary>
    public static string NotAStandard(string? text, RuleBook rules) =>
        $"'{UnicodeText.Excerpt(text ?? "")}' is not an edition of the rule book: "
        + $"{string.Join(", ", rules.Editions.Select(e => e.Edition))}; or, as tables write them, \"Áp dụng 2015\", "
        + "\"TCVN ISO 9001:2015 (chuyển đổi)\", \"Đã ch/đổi 9001:2015\", \"Đang ch/đổi áp dụng\".";

    /// <summary>A conversion to 2015 under way is on 2008 until it is done.</summary>
    private static StandardCell Converted(Edition edition, ConversionState state) =>
        state == ConversionState.InProgress && edition == LegalBasis.Edition.Iso9001V2015
            ? new(LegalBasis.Edition.Iso9001V2008, state)
            : new(edition, state);

    /// <summary>An edition behind "áp dụng" ("đang áp dụng", "áp dụng tiêu chuẩn"), or followed by a note in
    /// brackets.</summary>
    [GeneratedRegex(@"^(?:(?:đang )?áp dụng (?:tiêu chuẩn )?)?(?<edition>[^()]+?)(?: ?\((?<note>[^()]+)\))?$")]
    private static partial Regex Written();
}
