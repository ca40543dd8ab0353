using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Provinces;
using IsoLedger.Domain.Units;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>A unit in a list, named and placed as today; a unit that has ended is placed as on its last day.</summary>
/// <param name="Code">The unit's code.</param>
/// <param name="Name">Its current name.</param>
/// <param name="Level">Its administrative level.</param>
/// <param name="Province">Its province today (a former Quảng Bình unit's is Quảng Trị).</param>
/// <param name="District">Its district today: null for a unit of the province, and for every unit since the district
/// level ended on 1 July 2025.</param>
/// <param name="Standard">The edition its system is on after everything recorded, by its name (<c>2008</c>,
/// <c>2015</c>, …), or <c>none</c>.</param>
/// <param name="MergedInto">The code of the unit it was merged into; null when it was not merged away.</param>
/// <param name="Version">The version of its stream: send it as <c>If-Match</c> with a command.</param>
/// <param name="FormerDistrict">Since 1 July 2025, the district it was in before the level ended; null
/// otherwise.</param>
/// <param name="FormerProvince">The province it was recorded in, when that is not its province today (Quảng Bình
/// for a former Quảng Bình unit); null otherwise.</param>
public sealed record UnitSummary(
    string Code, string Name, UnitLevel Level, string Province, string? District, string Standard, string? MergedInto,
    long Version, string? FormerDistrict, string? FormerProvince);

/// <summary>A page of the units that match the filters, by code.</summary>
/// <param name="Items">The page's units.</param>
/// <param name="Page">The page's number, from 1.</param>
/// <param name="PageSize">The most units a page holds.</param>
/// <param name="Total">How many units match the filters, on every page.</param>
public sealed record UnitPage(IReadOnlyList<UnitSummary> Items, int Page, int PageSize, long Total);

public static class ListUnitsEndpoint
{
    /// <summary>The longest <c>q</c> searched for.</summary>
    public const int MaxSearchText = 200;

    public const int MaxPageSize = 200;

    /// <summary>List units</summary>
    /// <remarks>Filters combine; <c>q</c> matches part of the code or name, ignoring case; <c>standard</c> is none or
    /// an edition of the rule book (2008, 2015, …). <c>province</c> finds the units whose <c>province</c> it is
    /// today, as the dashboards count them: a province formed on 1 July 2025 with those of the former provinces that
    /// formed it (Quảng Trị with Quảng Bình's, not those that ended before it did); a former province finds the units
    /// recorded in it, by their <c>formerProvince</c> (or their <c>province</c>, for one that ended before it did).
    /// <c>district</c> finds the units by the district
    /// they are in, or were last in: since the district level ended on 1 July 2025 a commune is in none today, and
    /// is found by its <c>formerDistrict</c>.</remarks>
    [WolverineGet("/api/units", OperationId = "ListUnits")]
    [Tags(ApiTags.Units)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<UnitPage>(StatusCodes.Status200OK,
        Description = "A page of the units that match the filters, with their total.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        IQuerySession session, RuleBookSource rules, BusinessClock clock, CancellationToken cancellation,
        string? province = null, string? district = null, string? level = null, string? standard = null,
        string? q = null, string? page = null, string? pageSize = null)
    {
        var validation = new Validation()
            .Text("province", province, max: Validation.MaxName)
            .Text("district", district, max: Validation.MaxName)
            .Text("q", q, max: MaxSearchText);
        // A name of no province finds nothing, as the dashboards say: the closest one is named instead.
        if (province is { Length: > 0 and <= Validation.MaxName } && Provinces.Problem(province) is { } notProvince)
            validation.Add("province", notProvince);
        var levelFilter = Query.Enum<UnitLevel>(validation, "level", level);
        var pageNumber = Query.Int(validation, "page", page, 1, 1, int.MaxValue / MaxPageSize);
        var size = Query.Int(validation, "pageSize", pageSize, 50, 1, MaxPageSize);
        Edition? standardFilter = null;
        if (standard is not null && standard != Editions.None)
        {
            var book = rules.Current;
            standardFilter = book.Named(standard);
            if (standardFilter is null)
            {
                validation.Add("standard", $"No edition of the rule book: write {Editions.None} or one of "
                    + $"{string.Join(", ", book.Editions.Select(e => $"\"{e.Edition}\""))}.");
            }
        }
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        IQueryable<Unit> units = session.Query<Unit>().Stats(out QueryStatistics statistics);
        var asked = province is null ? null : Provinces.Canonical(province) ?? province.Normalize();
        if (asked is not null) units = InProvinceToday(units, asked, clock.Today);
        // The names the province's units are stored under (the province they were recorded in, which may since have
        // become part of the one asked for): where the district filter looks for the district's spellings.
        var provinceNames = asked is null ? null : Provinces.NamesCountedAs(asked, clock.Today).ToArray();
        if (district is not null)
        {
            // Any spelling of a district finds the spellings units are stored under, as the dashboards' district
            // filters do ("Huyện Hải Lăng" finds "Hải Lăng", "Hoà Vang" finds "Hòa Vang").
            var recorded = session.Query<Unit>().Where(u => u.District != null);
            if (provinceNames is not null) recorded = recorded.Where(u => provinceNames.Contains(u.Province));
            var spellings = (await recorded.Select(u => u.District!).Distinct().ToListAsync(cancellation))
                .Where(spelling => DistrictNames.Same(spelling, district)).ToArray();
            units = units.Where(u => spellings.Contains(u.District));
        }
        if (levelFilter is not null) units = units.Where(u => u.Level == levelFilter);
        if (standard == Editions.None) units = units.Where(u => u.Standard == null);
        else if (standardFilter is not null) units = units.Where(u => u.Standard == standardFilter);
        if (q is not null)
        {
            var text = q.Normalize();
            units = units.Where(u => u.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || u.Code.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        var found = await units.OrderBy(u => u.Code).Skip((pageNumber - 1) * size).Take(size)
            .ToListAsync(cancellation);
        var items = found
            .Select(u => new UnitSummary(
                u.Code, u.Name, u.Level, u.ProvinceOn(clock.Today), u.DistrictOn(clock.Today), u.Standard.OrNone(),
                u.Merger?.IntoCode, u.Version, u.FormerDistrictOn(clock.Today), u.FormerProvinceOn(clock.Today)))
            .ToList();
        return Results.Ok(new UnitPage(items, pageNumber, size, statistics.TotalResults));
    }

    /// <summary>The units whose province on <paramref name="today"/> is <paramref name="province"/> (<see
    /// cref="Unit.ProvinceOn"/>), found by the province they are stored under: its own, or a former province that
    /// has become part of it, of a unit that had not ended by the day it did (one that ended before is placed as on its
    /// last day, in the former province).</summary>
    private static IQueryable<Unit> InProvinceToday(IQueryable<Unit> units, string province, DateOnly today)
    {
        var names = Provinces.NamesCountedAs(province, today).ToArray();
        if (Provinces.FormersCountedAs(province, today) is not var (formerNames, since))
            return units.Where(u => names.Contains(u.Province));
        var formers = formerNames.ToArray();
        var own = names.Except(formers).ToArray();
        var counted = units.Where(u => own.Contains(u.Province) || (formers.Contains(u.Province)
            && !(u.Merger != null && u.Merger.MergedOn <= since) && !(u.Split != null && u.Split.SplitOn <= since)
            && !(u.Dissolution != null && u.Dissolution.DissolvedOn <= since)));
        // A level that ended with the former provinces (the districts', on 1 July 2025) kept them.
        var endedLevels = Enum.GetValues<UnitLevel>().Where(level => Levels.EndOf(level) <= since).ToArray();
        return endedLevels.Length == 0
            ? counted
            : counted.Where(u => own.Contains(u.Province) || !endedLevels.Contains(u.Level));
    }
}
