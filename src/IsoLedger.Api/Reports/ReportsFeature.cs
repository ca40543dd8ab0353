using IsoLedger.Api.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Reports;

/// <summary>Reports: the province's tables and report as files, computed from the dashboards' projection.</summary>
public static class ReportsFeature
{
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer(DescribeParameters));

    /// <summary>What a report is asked for with: one of its formats, languages and layouts, and always a province
    /// (without it a report answers 400 "Required").</summary>
    private static Task DescribeParameters(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (!("/" + context.Description.RelativePath).StartsWith("/api/reports/")) return Task.CompletedTask;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Query) continue;
            parameter.Schema = parameter.Name switch
            {
                "format" => OpenApiParameters.OneOf(ReportFormat.FormatValues),
                "lang" => OpenApiParameters.OneOf(ReportFormat.LanguageValues),
                "layout" => OpenApiParameters.OneOf(ReportFormat.LayoutValues),
                _ => parameter.Schema,
            };
            if (parameter.Name == "province") parameter.Required = true;
        }
        return Task.CompletedTask;
    }
}
