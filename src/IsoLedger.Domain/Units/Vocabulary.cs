using System.Text.Json.Serialization;

namespace IsoLedger.Domain.Units;

/// <summary>The edition of TCVN ISO 9001 a system is built on; written "2008" or "2015".</summary>
public enum QmsStandard
{
    [JsonStringEnumMemberName("2008")] Iso9001V2008,
    [JsonStringEnumMemberName("2015")] Iso9001V2015,
}

public static class QmsStandards
{
    /// <summary>The standard as reports name it: "2008", "2015", or "none" before any declaration.</summary>
    public static string Name(this QmsStandard? standard) =>
        standard switch { QmsStandard.Iso9001V2008 => "2008", QmsStandard.Iso9001V2015 => "2015", _ => "none" };
}

public enum NonconformitySource { InternalAudit, Inspection, Complaint, Other }

public enum NonconformitySeverity { Minor, Major }

/// <summary>What the province's yearly check found: an inspection passed or failed; or, from a province's report
/// tables, a system confirmed as maintained (duy trì) or a unit that sent no report (không có báo cáo).</summary>
public enum InspectionResult { Passed, Failed, Maintained, NoReport }

public enum ConversionState { None, InProgress, Done }
