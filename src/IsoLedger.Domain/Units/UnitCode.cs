using System.Text.RegularExpressions;

namespace IsoLedger.Domain.Units;

/// <summary>A unit's code is the key of its event stream, so it must be stable and URL-safe.</summary>
public static partial class UnitCode
{
    /// <summary>The pattern as JSON Schema and clients read it. Other streams' keys are never a unit's, in any case:
    /// those beginning with <c>mt_</c> (the event store's own: Marten keeps the placeholders of failed appends in
    /// <c>mt_tombstone</c>) and <c>rule-book</c> (<see cref="LegalBasis.RuleBook.StreamId"/>).</summary>
    public const string Pattern =
        "^(?![Mm][Tt]_)(?![Rr][Uu][Ll][Ee]-[Bb][Oo][Oo][Kk]$)[A-Za-z0-9][A-Za-z0-9._-]{1,63}$";

    public static bool IsValid(string? code) => code is not null && Regex().IsMatch(code);

    /// <summary><see cref="Pattern"/> for .NET, whose <c>$</c> also matches before a final line break: "QT-SO-01\n"
    /// would pass as a code of its own beside QT-SO-01.</summary>
    [GeneratedRegex(@"\A(?![Mm][Tt]_)(?![Rr][Uu][Ll][Ee]-[Bb][Oo][Oo][Kk]\z)[A-Za-z0-9][A-Za-z0-9._-]{1,63}\z")]
    private static partial Regex Regex();
}
