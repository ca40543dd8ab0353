namespace IsoLedger.Domain;

/// <summary>Whether breaking a rule rejects the command or only flags the unit.</summary>
public enum RuleKind
{
    /// <summary>The command describes something impossible and is rejected.</summary>
    Invariant,

    /// <summary>The fact is recorded anyway; the unit is flagged as not compliant.</summary>
    Compliance,
}

/// <summary>A business rule: a stable identifier clients can match on and a sentence users understand, in English
/// (<see cref="Sentence"/>, what the API answers) and in Vietnamese (<see cref="SentenceVi"/>).</summary>
public sealed record Rule(string Id, RuleKind Kind, string Sentence, string SentenceVi);
