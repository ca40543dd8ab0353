namespace IsoLedger.Domain;

/// <summary>Every rule the ledger knows, by stable identifier.</summary>
public static class Rules
{
    public static readonly Rule UnitAlreadyRegistered = new(
        "unit-already-registered", RuleKind.Invariant, "A unit with this code is already registered.");

    public static readonly Rule FutureBusinessDate = new(
        "future-business-date", RuleKind.Invariant, "A business date cannot lie in the future: the ledger records what has happened.");
}
