using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace IsoLedger.Api.Imports;

/// <summary>A problem of an import, with the rows it is about: written as this type, so that the OpenAPI document
/// describes the rows as the list they are (a validation problem's <c>errors</c> is a map by field).</summary>
public sealed class ImportProblemDetails : ProblemDetails
{
    /// <summary>The bad rows, each by line (and sheet, in a workbook of several), column and reason: every one found
    /// up to the limit (422), or, when the write stopped part way (409, 503), those a change recorded meanwhile made
    /// wrong. Absent from a problem not about rows.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ImportError>? Errors { get; init; }

    /// <summary>What the import wrote before it stopped part way (409, 503): importing the file again writes the
    /// rest.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImportResult? Written { get; init; }
}
