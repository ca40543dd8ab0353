using IsoLedger.Domain;

namespace IsoLedger.Api.Units;

/// <summary>What a successful command wrote.</summary>
/// <param name="Code">The unit the events were appended to.</param>
/// <param name="Version">The unit stream's version after the write; send it back as <c>If-Match</c>.</param>
/// <param name="Warnings">Compliance rules the unit breaks as of the recorded fact's date; the fact is recorded
/// anyway.</param>
public record UnitWritten(string Code, long Version, IReadOnlyList<RuleWarning> Warnings);

/// <summary>A compliance rule that a recorded fact finds broken.</summary>
/// <param name="Rule">The rule's id (GET /api/vocabulary, <c>rules</c>).</param>
/// <param name="Sentence">The rule's sentence in English.</param>
public sealed record RuleWarning(string Rule, string Sentence)
{
    public static RuleWarning From(Rule rule) => new(rule.Id, rule.Sentence);
}
