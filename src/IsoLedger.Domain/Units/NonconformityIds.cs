using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Units;

/// <summary>A nonconformity's id within its unit: <c>NC-1</c>, <c>NC-2</c>, … in the order they were raised
/// (<see cref="RaiseNonconformity.NextId"/>).</summary>
public static partial class NonconformityIds
{
    /// <summary>The pattern as JSON Schema and clients read it.</summary>
    public const string Pattern = "^NC-[1-9][0-9]*$";

    public static bool IsValid(string? id) => id is not null && Regex().IsMatch(id);

    /// <summary><see cref="Pattern"/> for .NET, whose <c>$</c> also matches before a final line break.</summary>
    [GeneratedRegex(@"\ANC-[1-9][0-9]*\z")]
    private static partial Regex Regex();
}
