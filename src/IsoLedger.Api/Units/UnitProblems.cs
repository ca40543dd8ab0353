using IsoLedger.Api.Hosting;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using Marten;

namespace IsoLedger.Api.Units;

/// <summary>The problems of the unit reads and the unit write path of their own (the shared ones are
/// <see cref="Hosting.WriteProblems"/>).</summary>
public static class UnitProblems
{
    /// <summary>404: the unit did not exist yet on the day asked about.</summary>
    public static IResult NotYetExisting(string code, DateOnly day, DateOnly existsFrom) => Results.Problem(
        title: "The unit did not exist yet.",
        detail: $"Unit '{code}' exists from {existsFrom:yyyy-MM-dd}; nothing is known of it on {day:yyyy-MM-dd}.",
        statusCode: StatusCodes.Status404NotFound,
        extensions: new Dictionary<string, object?> { ["existsFrom"] = existsFrom.ToString("yyyy-MM-dd") });

    /// <summary>404: no unit is registered under <paramref name="code"/>, named as the rule it breaks
    /// (<see cref="Rules.UnitNotRegistered"/>: its <c>type</c> and <c>rule</c>), as a restructuring naming another
    /// such unit answers. Codes are compared as written, and people read "rs-a" and "RS-A" as one code: a unit
    /// registered under it in another letter case is named, its code in <c>registeredAs</c>, looked up only when the
    /// answer is written (a 404 is rare; every read would pay otherwise).</summary>
    public static IResult UnitNotFound(string code) => new UnitNotFoundResult(code);

    private sealed class UnitNotFoundResult(string code) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var registered = UnitCode.IsValid(code)
                ? await RegisteredInOtherCase(
                    context.RequestServices.GetRequiredService<IDocumentStore>(), code, context.RequestAborted)
                : null;
            var extensions = new Dictionary<string, object?> { ["rule"] = Rules.UnitNotRegistered.Id };
            if (registered is not null) extensions["registeredAs"] = registered;
            await Results.Problem(
                type: WriteProblems.RuleType(Rules.UnitNotRegistered),
                title: "Unit not found.",
                detail: registered is null
                    ? $"No unit with code '{UnicodeText.Excerpt(code)}' is registered."
                    : $"No unit with code '{code}' is registered; unit '{registered}' is: a unit's code is written "
                    + "one way, in letter case too.",
                statusCode: StatusCodes.Status404NotFound,
                extensions: extensions).ExecuteAsync(context);
        }

        private static async Task<string?> RegisteredInOtherCase(
            IDocumentStore store, string code, CancellationToken cancellation)
        {
            await using var session = store.QuerySession();
            var schema = store.Options.Events.DatabaseSchemaName;
            return (await session.AdvancedSql.QueryAsync<string>(
                $"select id from {schema}.mt_streams where lower(id) = lower(?) and id <> ? order by id limit 1",
                cancellation, code, code)).FirstOrDefault();
        }
    }

    /// <summary>503: the write kept colliding with others; nothing was recorded and a retry is safe.</summary>
    public static IResult Busy() => Results.Problem(
        title: "The unit is busy.",
        detail: "Other writes to this unit kept coming first; nothing was recorded. Retry shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable).WithRetryAfter(1);
}
