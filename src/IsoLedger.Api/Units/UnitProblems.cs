using IsoLedger.Api.Hosting;
using IsoLedger.Domain;

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

    public static IResult UnitNotFound(string code) => Results.Problem(
        title: "Unit not found.",
        detail: $"No unit with code '{UnicodeText.Excerpt(code)}' is registered.",
        statusCode: StatusCodes.Status404NotFound);

    /// <summary>503: the write kept colliding with others; nothing was recorded and a retry is safe.</summary>
    public static IResult Busy() => Results.Problem(
        title: "The unit is busy.",
        detail: "Other writes to this unit kept coming first; nothing was recorded. Retry shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable).WithRetryAfter(1);
}
