using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Dashboards;

public static class GetEditionProgressEndpoint
{
    /// <summary>Who is on each edition of the standard, converting, or converted</summary>
    /// <remarks>For every edition of the rule book, of the units existing on <c>asOf</c> (default today), in all and
    /// per level: on it, converting from it, converting to it, converted to it.</remarks>
    [WolverineGet("/api/dashboards/editions", OperationId = "GetEditionProgress")]
    [Tags(ApiTags.Dashboards)]
    [Authorize(Policy = Policies.ReadStatus)]
    [ProducesResponseType<DashboardAnswer<EditionProgress>>(StatusCodes.Status200OK,
        Description = "How many units are on each edition, converting or converted, as of the day asked for.")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, EndpointConventions.ProblemJson)]
    public static async Task<IResult> Get(
        IDocumentStore store, ProjectionFreshness freshness, DashboardCache cache, BusinessClock clock,
        RuleBookSource rules, CancellationToken cancellation, string? province = null, string? asOf = null,
        string? consistent = null)
    {
        var validation = new Validation();
        var common = ProvinceDashboard.ReadCommon(validation, province, consistent);
        var date = Query.AsOf(validation, asOf, clock.Today) ?? clock.Today;
        if (validation.Result is ValidationProblemDetails invalid) return Results.Problem(invalid);

        var book = rules.Current;
        return await ProvinceDashboard.Answer("editions", common!, date, $"rules {book.Version}",
            units => EditionProgress.Of(common!.Province, units, date, book),
            store, freshness, cache, cancellation);
    }
}
