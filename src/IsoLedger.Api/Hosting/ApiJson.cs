using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace IsoLedger.Api.Hosting;

/// <summary>One JSON shape for every request and response: camelCase names, kebab-case enum values
/// (<c>sub-department</c>), no numbers standing in for enum values and no strings standing in for numbers.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Written as names; read strictly (a name exactly as written) by JsonBodies' gate, see StrictEnums.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A field sent twice or a field the request does not have is a client's mistake to name, never data to
        // drop silently (JsonBodies answers 400 for both).
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // The web defaults match names in any case: "HELDON" would be read as heldOn.
        options.PropertyNameCaseInsensitive = false;
        // The web defaults read "14" as 14; strict, a number is a number, and the OpenAPI document (generated from
        // these options) describes it as an integer instead of "integer or string of digits".
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    public static IServiceCollection AddIsoLedgerJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));

    /// <summary>The options configured above, for bodies serialised ahead of the answer (stored, cached).</summary>
    public static JsonSerializerOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;
}
