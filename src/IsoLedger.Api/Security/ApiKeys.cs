using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Security;

public static class Roles
{
    public const string Recorder = "recorder";
    public const string Inspector = "inspector";
    public const string Auditor = "auditor";
    public const string Viewer = "viewer";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Recorder, Inspector, Auditor, Viewer, Admin];
}

/// <summary>Who may do what; endpoints name one of these in <c>[Authorize(Policy = …)]</c>.</summary>
public static class Policies
{
    /// <summary>Lifecycle commands.</summary>
    public const string Record = "record";
    /// <summary>Inspection results.</summary>
    public const string Inspect = "inspect";
    /// <summary>Unit status, unit lists and dashboards.</summary>
    public const string ReadStatus = "read-status";
    /// <summary>Full history, time travel and the event feed.</summary>
    public const string Audit = "audit";

    public static readonly IReadOnlyDictionary<string, string[]> RolesPerPolicy = new Dictionary<string, string[]>
    {
        [Record] = [Roles.Recorder, Roles.Admin],
        [Inspect] = [Roles.Inspector, Roles.Admin],
        [ReadStatus] = [Roles.Viewer, Roles.Recorder, Roles.Inspector, Roles.Auditor, Roles.Admin],
        [Audit] = [Roles.Auditor, Roles.Inspector, Roles.Admin],
    };
}

/// <summary>An API key as configured: its name (recorded on every event it writes), the SHA-256 of the key
/// (hex), and its roles. The key itself is never stored.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public bool Revoked { get; set; }
}

public sealed class ApiKeySettings
{
    public const string Section = "IsoLedger:ApiKeys";
    public List<ApiKeyOptions> Keys { get; set; } = [];
}

public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptionsMonitor<ApiKeySettings> keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var presented) || presented.Count != 1
            || string.IsNullOrEmpty(presented[0]))
            return Task.FromResult(AuthenticateResult.NoResult());

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presented[0]!)));
        var key = keys.CurrentValue.Keys.FirstOrDefault(k =>
            !k.Revoked && CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(k.Sha256.ToLowerInvariant()), Encoding.ASCII.GetBytes(hash)));
        if (key is null) return Task.FromResult(AuthenticateResult.Fail("Unknown or revoked API key."));

        var claims = key.Roles.Select(role => new Claim(ClaimTypes.Role, role))
            .Prepend(new Claim(ClaimTypes.Name, key.Name));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>A 401 names the scheme and the header it reads (RFC 9110 asks every 401 for a challenge).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        return base.HandleChallengeAsync(properties);
    }
}

public static class ApiKeyRegistration
{
    public static IServiceCollection AddIsoLedgerApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeySettings>()
            .Configure(settings => configuration.GetSection(ApiKeySettings.Section).Bind(settings.Keys))
            .Validate(settings => settings.Keys.Any(k => !k.Revoked),
                $"No API keys are configured: add them under {ApiKeySettings.Section} (name, sha256, roles).")
            .Validate(
                settings => settings.Keys.All(k =>
                    k.Name.Length > 0 && k.Sha256.Length == 64 && k.Roles.All(Roles.All.Contains)),
                "Every API key needs a name, a 64-hex-digit sha256 and roles among: "
                + string.Join(", ", Roles.All) + ".")
            .ValidateOnStart();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in Policies.RolesPerPolicy)
                options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        });
        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddOperationTransformer(OpenApiRoles.Describe);
            options.AddDocumentTransformer(DescribeKeys);
        });
        return services;
    }

    /// <summary>The API key scheme, required by every operation that answers 401 without one.</summary>
    private static Task DescribeKeys(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken _)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.Header,
                Description = "An API key; its roles decide which routes it may use.",
            },
        };
        var requirement = new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
        };
        var secured = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .Where(operation => operation.Responses?.ContainsKey("401") == true);
        foreach (var operation in secured) operation.Security = [requirement];
        return Task.CompletedTask;
    }
}
