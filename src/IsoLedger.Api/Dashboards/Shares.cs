namespace IsoLedger.Api.Dashboards;

/// <summary>A share as every table and report gives it: a percentage rounded to two places, half away from zero (the
/// report's 40,37 %), and 0 of nothing.</summary>
public static class Shares
{
    public static decimal Percent(int count, int of) =>
        of == 0 ? 0m : Math.Round(count * 100m / of, 2, MidpointRounding.AwayFromZero);
}
