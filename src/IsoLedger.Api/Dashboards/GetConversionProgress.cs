using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

public static class GetConversionProgressEndpoint
{
    /// <summary>Conversion progress 2008 → 2015</summary>
    /// <remarks>Per level, per district and in all: not declared, on 2008, converting, converted. <c>asOf</c> defaults
    /// to today. With <c>level</c>, the units of that level only: its districts, and each unit with where it stands.
    /// </remarks>
    [WolverineGet("/api/dashboards/conversion", OperationId = "GetConversionProgress")]
    [Tags(ApiTags.Dashboards)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<ConversionProgress>>(StatusCodes.Status200OK,
        Description = "Conversion progress from the 2008 edition to the 2015 edition, as of the day asked for.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        RuleBookSource rules, CancellationToken cancellation, string? province = null, string? asOf = null,
        string? level = null,
        string? consistent = null)
    {
        var validation = new Validation();
        var common = ProvinceDashboard.ReadCommon(validation, province, consistent);
        var date = Query.AsOf(validation, asOf, clock.Today) ?? clock.Today;
        var levelFilter = Query.Enum<UnitLevel>(validation, "level", level);
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var book = rules.Current;
        return await ProvinceDashboard.Answer("conversion", common!, date, $"{levelFilter}\nrules {book.Version}",
            units => ConversionProgress.Of(common!.Province, units, date, book, levelFilter),
            store, freshness, cache, cancellation);
    }
}
