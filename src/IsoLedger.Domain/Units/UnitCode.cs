using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Units;

/// <summary>A unit's code is the key of its event stream, so it must be stable and URL-safe.</summary>
public static partial class UnitCode
{
    /// <summary>The pattern as JSON Schema and clients read it. Codes beginning with <c>mt_</c> (in any case) are the
    /// event store's own streams (Marten keeps the placeholders of failed appends in <c>mt_tombstone</c>), never a
    /// unit's.</summary>
    public const string Pattern = "^(?![Mm][Tt]_)[A-Za-z0-9][A-Za-z0-9._-]{1,63}$";

    public static bool IsValid(string? code) => code is not null && Regex().IsMatch(code);

    /// <summary><see cref="Pattern"/> for .NET, whose <c>$</c> also matches before a final line break: "QT-SO-01\n"
    /// would pass as a code of its own beside QT-SO-01.</summary>
    [GeneratedRegex(@"\A(?![Mm][Tt]_)[A-Za-z0-9][A-Za-z0-9._-]{1,63}\z")]
    private static partial Regex Regex();
}
