using IsoLedger.Api.Hosting;

namespace IsoLedger.Api.Reports;

/// <summary>How every report is asked for and sent: <c>format=json|csv|xlsx</c> and <c>lang=vi|en</c>.</summary>
public static class ReportFormat
{
    public const string Csv = "text/csv; charset=utf-8";

    public static readonly string[] FormatValues = ["json", "csv", "xlsx"];
    public static readonly string[] LanguageValues = ["vi", "en"];
    /// <summary>The annual report's layouts: the appendices', or the import format's.</summary>
    public static readonly string[] LayoutValues = ["report", "import"];

    public static Validation Formats(this Validation validation, string? format, string? lang)
    {
        if (format is not null && !FormatValues.Contains(format))
            validation.Add("format", "Must be csv, json or xlsx.");
        if (lang is not null && !LanguageValues.Contains(lang)) validation.Add("lang", "Must be vi or en.");
        return validation;
    }

    /// <summary>The report as a file: a workbook for <c>xlsx</c>, CSV otherwise; <paramref name="name"/> without
    /// extension.</summary>
    public static IResult File(ReportTable report, string? format, string name) => format == "xlsx"
        ? Results.File(report.ToXlsx(), XlsxWriter.ContentType, $"{name}.xlsx")
        : Results.File(report.ToCsv(), Csv, $"{name}.csv");
}
