using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

public sealed record FormSteeringBoard(DateOnly FormedOn, int? Members, string? Chair, string? DecisionNo)
    : IUnitCommand
{
    public DateOnly BusinessDate => FormedOn;

    public Decision Decide(Unit unit, RuleBook rules) =>
        Decision.Accept(new SteeringBoardFormed(
            FormedOn, Members, Chair, DecisionNo,
            Reorganisation: unit.SteeringBoards.Any(board => board.FormedOn <= FormedOn)));
}

/// <summary>The ISO steering board was formed (thành lập) or reorganised (kiện toàn).</summary>
/// <param name="FormedOn">The day of the decision forming (or reorganising) the board.</param>
/// <param name="Members">How many members the board has; null when the source (a report's text) does not
/// say.</param>
/// <param name="Chair">Who chairs it, usually the unit head; null when the source does not say.</param>
/// <param name="DecisionNo">The number of the decision; null when the source does not say.</param>
/// <param name="Reorganisation">Whether a board was formed before it: a reorganisation (kiện toàn).</param>
public sealed record SteeringBoardFormed(
    DateOnly FormedOn, int? Members, string? Chair, string? DecisionNo, bool Reorganisation) : IUnitEvent
{
    /// <summary>The day the fact happened, by which the rules judge it: its <c>formedOn</c>.</summary>
    public DateOnly BusinessDate => FormedOn;
}
