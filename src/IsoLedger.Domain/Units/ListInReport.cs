using IsoLedger.Domain.LegalBasis;

namespace IsoLedger.Domain.Units;

/// <summary>Records that a province's yearly report table of <paramref name="Year"/> listed the unit, dated
/// <paramref name="ListedOn"/>: for a unit whose founding date is unknown, the one fact that says it existed in a year
/// where the table marks no step of it.</summary>
public sealed record ListInReport(int Year, DateOnly ListedOn) : IYearlyStep
{
    public DateOnly BusinessDate => ListedOn;

    public bool SetsOutTheYear => false;

    public Decision Decide(Unit unit, RuleBook rules) => Decision.Accept(new UnitListed(Year, ListedOn));
}

/// <summary>A province's report table of <paramref name="Year"/> listed the unit (it existed by
/// <paramref name="ListedOn"/>).</summary>
public sealed record UnitListed(int Year, DateOnly ListedOn) : IUnitEvent
{
    public DateOnly BusinessDate => ListedOn;
}
