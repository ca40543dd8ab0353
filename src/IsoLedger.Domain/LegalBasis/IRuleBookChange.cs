namespace IsoLedger.Domain.LegalBasis;

/// <summary>A change to the rule book by an administrator: who made it (<c>RecordedBy</c>, the API key's name) and
/// why (<c>Reason</c>, e.g. the act that requires it) are kept with the change.</summary>
public interface IRuleBookChange
{
    string RecordedBy { get; }
    string Reason { get; }
}

public static class RuleBookChanges
{
    /// <summary>Every event type of the rule book's stream, so the store knows them all before the first is read.
    /// </summary>
    public static readonly IReadOnlyList<Type> All =
        [typeof(EditionAdded), typeof(ObligationAdded), typeof(ObligationEnded)];
}
