using System.Globalization;
using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Imports;

/// <summary>The year column as tables write it: "2021"; "2.021" or "2,021" (or with a space), as a spreadsheet saves a
/// year in a cell formatted as a number with a thousands separator (the full stop in Vietnamese, the comma in English);
/// behind "năm" ("Năm 2021"), as a table titled by its year writes it. Anything else is no year, refused, not
/// guessed.</summary>
public static partial class TableYears
{
    /// <summary>The year <paramref name="text"/> writes, or null.</summary>
    public static int? Read(string? text) =>
        Year().Match(UnicodeText.Lowered(text ?? "")) is { Success: true } year
            ? int.Parse(year.Groups["thousand"].Value + year.Groups["rest"].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"^(?:năm )?(?<thousand>[0-9])[.,]? ?(?<rest>[0-9]{3})$")]
    private static partial Regex Year();
}
