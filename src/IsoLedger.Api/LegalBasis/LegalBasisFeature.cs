using IsoLedger.Api.Hosting;
using IsoLedger.Domain.LegalBasis;
using Marten;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IsoLedger.Api.LegalBasis;

/// <summary>The longest texts a change of the rule book may give, and the shape of an obligation's id.</summary>
public static class RuleBookTexts
{
    /// <summary>An edition's name in one language.</summary>
    public const int MaxLabel = 200;

    public const int MaxLegalAct = 500;

    /// <summary>A source or a reason.</summary>
    public const int MaxSource = 1000;

    public const string IdPattern = "^[A-Za-z0-9-]{1,100}$";
}

/// <summary>The rule book: editions of the standard and obligations with their legal basis, as dated data that
/// administrators extend (<c>/api/rules</c>).</summary>
public static class LegalBasisFeature
{
    /// <summary>Where an installation once set a rule's period (<c>IsoLedger:Rules:SuccessorGraceMonths</c>), which
    /// is now an entry of the rule book, dated as the others are.</summary>
    public const string RetiredGraceSetting = "IsoLedger:Rules:SuccessorGraceMonths";

    public static IServiceCollection AddLegalBasis(this IServiceCollection services)
    {
        // Refused rather than ignored: ignored, the setting would quietly give the installation another period than
        // the one it chose, for successors of every date.
        services.AddOptions<RetiredRuleSettings>()
            .Configure<IConfiguration>((settings, configuration) =>
                settings.SuccessorGraceMonths = configuration[RetiredGraceSetting])
            .Validate(settings => settings.SuccessorGraceMonths is null,
                $"{RetiredGraceSetting} is no longer read: how long a restructuring's successor has to declare its "
                + "own system is the rule book's successor-redeclares entry (12 months as shipped). Remove the "
                + "setting; for another period, end the entry in force and add one with that period from a date "
                + "(POST /api/rules/obligations/{id}/end, POST /api/rules/obligations with kind successor-redeclares "
                + "and months).")
            .ValidateOnStart();
        services.AddSingleton<RuleBookSource>();
        services.AddSingleton(new EndpointConvention(RuleBookChangeAttribute.Describe));
        services.AddHostedService(provider => provider.GetRequiredService<RuleBookSource>());
        services.ConfigureMarten(options =>
        {
            // Units are listed by the edition they are on: queries compare the name it is stored as.
            options.RegisterValueType(typeof(Edition));
            foreach (var eventType in RuleBookChanges.All) options.Events.AddEventType(eventType);
        });
        // An edition is written as its name; without this the document would describe an object. The one schema
        // serves Edition and Edition? alike (the document names both "Edition"), so it is a string: a nullable field
        // says so itself, by a oneOf with null around the reference (a null in the shared schema matched both). A
        // nullable field with a default value is written in place, not as the reference: it takes null itself.
        services.Configure<OpenApiOptions>("v1", options => options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type != typeof(Edition) && Nullable.GetUnderlyingType(type) != typeof(Edition))
                return Task.CompletedTask;
            var inPlace = context.JsonPropertyInfo is { IsGetNullable: true }
                && schema.Metadata?.ContainsKey(OpenApi.SchemaId) != true;
            schema.Type = inPlace ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Pattern = Edition.Pattern;
            schema.MaxLength = Edition.MaxLength;
            // A field written in place keeps what its own documentation says (the edition a conversion goes to
            // when it is omitted); the shared schema says what an edition is.
            const string edition = "An edition of TCVN ISO 9001 by its name in the rule book: \"2000\", \"2008\", "
                + "\"2015\", \"2015/Amd1:2024\", or one an administrator added (GET /api/rules).";
            schema.Description = inPlace && !string.IsNullOrEmpty(schema.Description)
                ? $"{schema.Description} {edition}"
                : edition;
            schema.Properties?.Clear();
            return Task.CompletedTask;
        }));
        return services;
    }
}

/// <summary>The settings of the rules' section an installation may still carry from earlier versions.</summary>
public sealed class RetiredRuleSettings
{
    public string? SuccessorGraceMonths { get; set; }
}
