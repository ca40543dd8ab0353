using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Dashboards;

/// <summary>An active compliance flag of a unit in a province: a rule the unit breaks as of the date, the unit named
/// and placed as on that date.</summary>
/// <param name="Code">The unit's code.</param>
/// <param name="Name">Its name on the date.</param>
/// <param name="Level">Its administrative level.</param>
/// <param name="District">The district it is in on the date; null for a unit of the province and from 1 July 2025,
/// when the district level ended.</param>
/// <param name="Mandatory">Whether the rule book obliges units of its level to build and keep a system on the date;
/// false where they apply one voluntarily (communes).</param>
/// <param name="Rule">The rule broken, by its id (GET /api/vocabulary, <c>rules</c>).</param>
/// <param name="Sentence">The rule's sentence in English.</param>
/// <param name="Since">The first day the unit breaks it: for a missed year, 1 January of the next; for an overdue
/// nonconformity, the day after its due date.</param>
/// <param name="Subject">What the flag is about, if anything: a year (<c>2019</c>), a nonconformity's id, or an
/// edition's name (<c>2015</c>).</param>
/// <param name="FormerDistrict">The district the unit was in before the district level ended (1 July 2025); null
/// otherwise.</param>
/// <param name="FormerProvince">The province the unit was recorded in, when that is not its province on the date;
/// null otherwise.</param>
/// <param name="Edition">The edition the flag is about, with its Vietnamese and English names; null when it is about
/// none.</param>
/// <param name="LegalAct">The act of the rule book's entry that requires what is missing (e.g. "QĐ 19/2014/QĐ-TTg");
/// null for a rule that no entry sets.</param>
public sealed record ComplianceEntry(
    string Code, string Name, UnitLevel Level, string? District, bool Mandatory, string Rule, string Sentence,
    DateOnly Since, string? Subject, string? FormerDistrict, string? FormerProvince, Term? Edition, string? LegalAct);

/// <summary>The compliance flags of a province's units as of a date: every rule broken by a unit existing on that
/// date, by rule, then unit, then since when.</summary>
/// <param name="Province">The province, as asked.</param>
/// <param name="AsOf">The date the flags are judged as of; a year counts as missed only once it has ended by
/// then.</param>
/// <param name="Units">The province's units that exist on the date, flagged or not.</param>
/// <param name="Flags">One entry per flag: a unit breaking several rules has several.</param>
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
