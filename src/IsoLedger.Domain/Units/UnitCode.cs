using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Units;

/// <summary>A unit's code is the key of its event stream, so it must be stable and URL-safe.</summary>
public static partial class UnitCode
{
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$";

    public static bool IsValid(string? code) => code is not null && Regex().IsMatch(code);

    [GeneratedRegex(Pattern)]
    private static partial Regex Regex();
}
