namespace IsoLedger.Api.Imports;

/// <summary>What the request says of every row of a table that does not say it in a column, as an appendix does not:
/// its province, its year and the report's date (the title and the report it is attached to say them). Read as the
/// columns are (<see cref="ReportRowParser"/>).</summary>
public sealed record TableDefaults(string? Province = null, string? Year = null, string? ReportDate = null)
{
    public static readonly TableDefaults None = new();

    /// <summary>The value given for <paramref name="column"/>, or null.</summary>
    public string? Of(string column) => column switch
    {
        "province" => Province,
        "year" => Year,
        "report_date" => ReportDate,
        _ => null,
    };

    /// <summary>The request's parameter that gives <paramref name="column"/>.</summary>
    public static string Parameter(string column) => column switch
    {
        "report_date" => "reportDate",
        _ => column,
    };
}
