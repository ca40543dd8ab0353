using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IsoLedger.Api.Security;

/// <summary>A freshly made API key: the key, shown to the operator once, and the configuration lines that let the API
/// recognise it by its SHA-256 (the key itself is never stored).</summary>
public sealed partial record NewApiKey(string Name, string Key, string Sha256, IReadOnlyList<string> Roles)
{
    /// <summary>32 random bytes: guessing a key is as hard as guessing a 256-bit secret.</summary>
    public const int KeyBytes = 32;

    /// <summary>Makes a key, or throws <see cref="ArgumentException"/> naming what is wrong with the name or
    /// roles.</summary>
    public static NewApiKey Create(string name, IEnumerable<string> roles)
    {
        // The name goes into an environment file unquoted and onto every event the key records.
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException(
                $"The name '{name}' is not valid: use 1 to 64 letters, digits, '.', '_' or '-' (e.g. office-1).");
        var chosen = roles.Distinct().ToList();
        if (chosen.Count == 0)
            throw new ArgumentException($"Give at least one role: {string.Join(", ", Security.Roles.All)}.");
        var unknown = chosen.Where(role => !Security.Roles.All.Contains(role)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"Unknown role(s): {string.Join(", ", unknown)}. Roles are: {string.Join(", ", Security.Roles.All)}.");

        var key = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));
        return new NewApiKey(name, key, HashOf(key), chosen);
    }

    /// <summary>The hex SHA-256 the API compares a presented key with.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The environment-file lines configuring this key as entry <paramref name="index"/> of
    /// <c>IsoLedger:ApiKeys</c>.</summary>
    public IReadOnlyList<string> EnvironmentLines(int index)
    {
        var prefix = $"IsoLedger__ApiKeys__{index}__";
        return
        [
            $"{prefix}Name={Name}",
            $"{prefix}Sha256={Sha256}",
            .. Roles.Select((role, i) => $"{prefix}Roles__{i}={role}"),
        ];
    }

    [GeneratedRegex(@"\A[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex NamePattern();
}
