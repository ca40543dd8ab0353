using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsoLedger.Api.Hosting;

/// <summary>One JSON shape for every request and response: camelCase names, kebab-case enum values
/// (<c>sub-department</c>), no numbers standing in for enum values.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    public static IServiceCollection AddIsoLedgerJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
}
