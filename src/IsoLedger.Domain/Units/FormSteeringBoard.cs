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

/// <summary>The ISO steering board was formed (thành lập) or, when <paramref name="Reorganisation"/>, reorganised
/// (kiện toàn). <paramref name="Members"/> is null when the source (a report's text) does not say.</summary>
public sealed record SteeringBoardFormed(
    DateOnly FormedOn, int? Members, string? Chair, string? DecisionNo, bool Reorganisation) : IUnitEvent
{
    public DateOnly BusinessDate => FormedOn;
}
