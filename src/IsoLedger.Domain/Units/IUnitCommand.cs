using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>A command on a registered unit: it decides, from the unit's state and the rule book alone, which events
/// record it.</summary>
public interface IUnitCommand
{
    /// <summary>The day the recorded fact happened.</summary>
    DateOnly BusinessDate { get; }

    Decision Decide(Unit unit, RuleBook rules);
}
