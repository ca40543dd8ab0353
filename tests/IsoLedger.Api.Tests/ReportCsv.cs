using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>A report table in the import format, as the tests write one: the columns every row fills, then the
/// rows.</summary>
public static class ReportCsv
{
    public const string Header = "province,unit_code,unit_name,level,district,parent_code,year,report_date,declared,"
        + "standard,conversion,quality_policy,quality_objectives,maintenance_plan,internal_audit,corrective_actions,"
        + "management_review,report_submitted,inspection";

    /// <summary>The lines as a UTF-8 file, each ended by a line break.</summary>
    public static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    /// <summary>The rows under <see cref="Header"/>.</summary>
    public static byte[] Rows(params string[] rows) => Lines([Header, .. rows]);

    /// <summary>The bad rows of a report table the import refuses (422, nothing imported).</summary>
    public static async Task<List<(int Line, string? Column, string Reason)>> RejectedImport(
        this IAlbaHost host, byte[] file, string query = "")
    {
        var answer = await host.PostBytes("/api/imports" + query, file).Expect(422);
        Assert.Equal("urn:isoledger:problem:import-rejected", answer.ProblemType);
        return answer.Json["errors"]!.AsArray()
            .Select(e => ((int)e!["line"]!, (string?)e["column"], (string)e["reason"]!)).ToList();
    }
}
