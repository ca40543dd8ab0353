using System.Text.RegularExpressions;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Imports;

/// <summary>An appendix's "Ghi chú" (note) column, where a list of the units building, declaring and converting
/// their systems states each one's state in words: "Đã công bố" (declared, perhaps on an edition: "Đã công bố TCVN
/// ISO 9001:2015"), "Đang xây dựng" or "Chưa công bố" (building its system, not declared), the conversion
/// (<see cref="ConversionWords"/>: "Chưa chuyển đổi", "Đã chuyển đổi sang TCVN ISO 9001:2015"), or the edition
/// (<see cref="StandardCell"/>). Anything else is refused, not guessed: a note the import does not read would be
/// lost.</summary>
/// <param name="Declared">Whether the note says the unit declared, or null when it says nothing of it.</param>
/// <param name="Standard">What it says of the edition and conversion.</param>
public sealed partial record NoteCell(bool? Declared, StandardCell Standard)
{
    /// <summary>What <paramref name="text"/> says, or null when it is none of the states.</summary>
    public static NoteCell? Read(string? text, RuleBook rules)
    {
        var written = UnicodeText.Lowered(text ?? "").TrimEnd('.');
        if (Declaring().Match(written) is { Success: true } declared)
        {
            var edition = declared.Groups["edition"];
            if (!edition.Success) return new(true, new(null, null));
            return StandardCell.Read(edition.Value, rules) is { } on ? new(true, on) : null;
        }
        if (Building().IsMatch(written)) return new(false, new(null, null));
        // A unit not converting (yet) is on 2008; one converting too, one converted on 2015.
        if (ConversionWords.Read(written) is { } state)
        {
            var edition = state == ConversionState.Done ? Edition.Iso9001V2015 : Edition.Iso9001V2008;
            return new(null, new(edition, state));
        }
        return StandardCell.Read(written, rules) is { } standard ? new(null, standard) : null;
    }

    /// <summary>Why <paramref name="text"/> is no state.</summary>
    public static string NotAState(string? text) =>
        $"'{UnicodeText.Excerpt(text ?? "")}' is not a state the import reads: \"Đã công bố\", \"Đang xây dựng\", "
        + "\"Chưa công bố\", \"Chưa chuyển đổi\", \"Đang chuyển đổi\", \"Đã chuyển đổi sang TCVN ISO 9001:2015\", an "
        + "edition (\"TCVN ISO 9001:2015\"), or empty.";

    /// <summary>Declared, perhaps on an edition: "đã công bố", "đã công bố htqlcl phù hợp tcvn iso 9001:2015".
    /// </summary>
    [GeneratedRegex(@"^đã công bố(?: (?:ht|hệ thống|htqlcl|ht iso|hệ thống quản lý chất lượng))?"
        + @"(?: (?:phù hợp|theo|áp dụng))?(?: (?<edition>.+))?$")]
    private static partial Regex Declaring();

    /// <summary>Building, not yet declared.</summary>
    [GeneratedRegex(@"^(?:đang (?:xây dựng|triển khai)|chưa (?:công bố|xây dựng))"
        + @"(?: (?:ht|hệ thống|htqlcl|ht iso))?$")]
    private static partial Regex Building();
}
