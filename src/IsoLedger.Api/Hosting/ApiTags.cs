using Microsoft.OpenApi;

namespace IsoLedger.Api.Hosting;

/// <summary>The groups the OpenAPI document (and the reference page, /docs) lists operations in, each with what its
/// operations are for: one table, as several features share a group (restructurings record on units' lifecycles,
/// reports are exported beside imports).</summary>
public static class ApiTags
{
    public const string Units = "Units";
    public const string Lifecycle = "Lifecycle";
    public const string YearlySteps = "Yearly steps";
    public const string Nonconformities = "Nonconformities";
    public const string Restructurings = "Restructurings";
    public const string Audit = "Audit";
    public const string ImportAndExport = "Import and export";
    public const string Dashboards = "Dashboards";
    public const string Rules = "Rules";
    public const string Vocabulary = "Vocabulary";
    public const string Administration = "Administration";
    public const string Health = "Health";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Units] = "Register the units (departments, sub-departments, districts, communes) and read each one's status "
            + "today or as of a date, and where it came from.",
        [Lifecycle] = "Record the steps that build a unit's quality-management system: its steering board, its "
            + "documentation, its declaration of conformity, internal audits, management reviews, changes of scope, "
            + "conversions between editions, and a merge into another unit.",
        [YearlySteps] = "Record what a unit does each year: its quality objectives, its maintenance plan, its yearly "
            + "report and the province's inspection.",
        [Nonconformities] = "Raise a nonconformity, record its corrective action, and close it once the action is "
            + "found effective.",
        [Restructurings] = "Record the reorganisations that merge, split, rename, transfer and dissolve units, one "
            + "decision at a time or from the province's tables.",
        [Audit] = "Replay what was recorded: a unit's facts in order, its state as of any date (and as it was known at "
            + "any moment), and the feed of every event.",
        [ImportAndExport] = "Import a province's yearly report table (CSV or workbook), and export the annual table, "
            + "the summary, the province's report and its trends.",
        [Dashboards] = "The province's and the nation's read models: conversion progress, the annual table, "
            + "statistics, editions, compliance flags, a unit's dashboard and timeline.",
        [Rules] = "The rule book: the editions of TCVN ISO 9001 and the obligations with their legal basis and "
            + "validity, which administrators extend.",
        [Vocabulary] = "Every enumeration the API writes, with its Vietnamese and English labels.",
        [Administration] = "For operators: the projections' state and rebuilds, and the group commit's batches.",
        [Health] = "Whether the process answers (live) and whether it can reach its database (ready).",
    };

    /// <summary>Gives every tag of <paramref name="document"/> its description.</summary>
    public static void Describe(OpenApiDocument document)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
                tag.Description = description;
        }
    }
}
