using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Units;

/// <summary>A unit's code is the key of its event stream, so it must be stable and URL-safe.</summary>
public static partial class UnitCode
{
    /// <summary>The pattern as JSON Schema and clients read it.</summary>
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$";

    public static bool IsValid(string? code) => code is not null && Regex().IsMatch(code);

    /// <summary><see cref="Pattern"/> for .NET, whose <c>$</c> also matches before a final line break: "QT-SO-01\n"
    /// would pass as a code of its own beside QT-SO-01.</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{1,63}\z")]
    private static partial Regex Regex();
}
