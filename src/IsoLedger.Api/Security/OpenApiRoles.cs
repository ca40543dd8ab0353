using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Security;

/// <summary>Says in each operation's description which roles of an API key may call it, and in its 401 and 403 what
/// they mean there: read from the endpoint's authorization (a policy, by <see cref="Policies.RolesPerPolicy"/>, or
/// roles named), as the server authorizes it.</summary>
public static class OpenApiRoles
{
    public static Task Describe(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (Allowed(context.Description.ActionDescriptor.EndpointMetadata) is not { } roles)
            return Task.CompletedTask;
        var listed = string.Join(", ", roles);
        var sentence = $"API key roles allowed: {listed}. A key with none of them answers 403.";
        operation.Description = string.IsNullOrEmpty(operation.Description)
            ? sentence
            : $"{operation.Description}\n\n{sentence}";
        if (operation.Responses?.GetValueOrDefault("401") is OpenApiResponse unauthorized)
        {
            unauthorized.Description = $"No API key in the {ApiKeyAuthenticationHandler.Header} header, or one "
                + "unknown or revoked.";
        }
        if (operation.Responses?.GetValueOrDefault("403") is OpenApiResponse forbidden)
            forbidden.Description = $"The API key has none of the roles allowed here: {listed}.";
        return Task.CompletedTask;
    }

    /// <summary>The roles that may call an endpoint, in <see cref="Roles.All"/>'s order: those every one of its
    /// authorizations allows; null for an endpoint open to anyone.</summary>
    public static IReadOnlyList<string>? Allowed(IEnumerable<object> metadata)
    {
        var authorizations = metadata.OfType<IAuthorizeData>().ToList();
        if (authorizations.Count == 0 || metadata.OfType<IAllowAnonymous>().Any()) return null;
        return
        [
            .. Roles.All.Where(role => authorizations.All(authorization =>
                (authorization.Policy is not { } policy || Policies.RolesPerPolicy[policy].Contains(role))
                && (authorization.Roles is not { } named
                    || named.Split(',', StringSplitOptions.TrimEntries).Contains(role)))),
        ];
    }
}
