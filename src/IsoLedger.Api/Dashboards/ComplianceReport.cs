using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Dashboards;

/// <summary>An active compliance flag of a unit in a province, the unit placed as on the date:
/// <paramref name="FormerDistrict"/> is the district it was in before the district level ended (1 July 2025),
/// <paramref name="FormerProvince"/> the province it was recorded in when that is not its province on the date;
/// <paramref name="Edition"/> names the edition the flag is about, <paramref name="LegalAct"/> the act that requires
/// it.</summary>
public sealed record ComplianceEntry(
    string Code, string Name, UnitLevel Level, string? District, bool Mandatory, string Rule, string Sentence,
    DateOnly Since, string? Subject, string? FormerDistrict, string? FormerProvince, Term? Edition, string? LegalAct);

public sealed record ComplianceReport(string Province, DateOnly AsOf, int Units, IReadOnlyList<ComplianceEntry> Flags)
{
    /// <summary>Every flag of the province's active units as of <paramref name="asOf"/>; a year counts as missed
    /// only once it has ended by then.</summary>
    public static ComplianceReport Of(
        string province, IEnumerable<Unit> units, DateOnly asOf, RuleBook rules)
    {
        var active = units.Where(u => u.ExistsOn(asOf)).ToList();
        var flags = active
            .SelectMany(u => Compliance.Flags(u, asOf, rules).Select(flag => new ComplianceEntry(
                u.Code, u.NameOn(asOf), u.Level, u.DistrictOn(asOf), rules.MustApply(u.Level, asOf), flag.Rule.Id,
                flag.Rule.Sentence, flag.Since, flag.Subject, u.FormerDistrictOn(asOf),
                u.FormerProvinceOn(asOf), flag.Edition, flag.Basis?.LegalAct)))
            .OrderBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Since)
            .ToList();
        return new(province, asOf, active.Count, flags);
    }
}
