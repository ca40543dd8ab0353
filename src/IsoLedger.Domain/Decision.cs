namespace IsoLedger.Domain;

/// <summary>The outcome of deciding a command against a unit's state.</summary>
public abstract record Decision
{
    public static Decision Accept(params IReadOnlyList<object> events) => new Accepted(events, []);

    public static Decision Reject(Rule broken) => new Rejected(broken);
}

/// <summary>The command is possible: append <paramref name="Events"/>; <paramref name="Warnings"/> lists compliance
/// rules it breaks.</summary>
public sealed record Accepted(IReadOnlyList<object> Events, IReadOnlyList<Rule> Warnings) : Decision;

/// <summary>The command is impossible because it breaks the invariant <paramref name="Broken"/>;
/// <paramref name="Unit"/> names another unit it breaks it with, and <paramref name="Detail"/> says how, when the
/// rule's sentence does not say enough.</summary>
public sealed record Rejected(Rule Broken, string? Unit = null, string? Detail = null) : Decision;
