using System.Security.Cryptography;
using System.Text;
using IsoLedger.Api.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IsoLedger.Api.Tests;

/// <summary>What <c>keys create</c> prints; no database involved.</summary>
public class ApiKeyCreationTests
{
    [Fact]
    public void A_new_key_is_32_random_bytes_in_base64url_and_its_hash_is_the_sha256_of_it()
    {
        var key = NewApiKey.Create("province-office", [Roles.Recorder]);

        Assert.Equal(32, Convert.FromBase64String(ToBase64(key.Key)).Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", key.Key);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))), key.Sha256);
        Assert.NotEqual(key.Key, NewApiKey.Create("province-office", [Roles.Recorder]).Key);
    }

    [Fact]
    public void The_lines_configure_the_key_at_the_given_index_with_each_role()
    {
        var key = NewApiKey.Create("province-office", [Roles.Recorder, Roles.Viewer, Roles.Recorder]);

        Assert.Equal(
        [
            "IsoLedger__ApiKeys__3__Name=province-office",
            $"IsoLedger__ApiKeys__3__Sha256={key.Sha256}",
            "IsoLedger__ApiKeys__3__Roles__0=recorder",
            "IsoLedger__ApiKeys__3__Roles__1=viewer",
        ], key.EnvironmentLines(3));
    }

    [Fact]
    public void The_API_accepts_the_printed_lines_as_its_key_configuration()
    {
        var key = NewApiKey.Create("province-office", [Roles.Auditor]);
        // Environment variables reach configuration with "__" read as ":".
        var settings = key.EnvironmentLines(0).Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0].Replace("__", ":"), pair => (string?)pair[1]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddIsoLedgerApiKeys(configuration)
            .BuildServiceProvider();

        var configured = Assert.Single(services.GetRequiredService<IOptions<ApiKeySettings>>().Value.Keys);
        Assert.Equal("province-office", configured.Name);
        Assert.Equal(NewApiKey.HashOf(key.Key), configured.Sha256);
        Assert.Equal([Roles.Auditor], configured.Roles);
    }

    [Theory]
    [InlineData("boss")]
    [InlineData("Recorder")]
    [InlineData("")]
    public void Unknown_roles_are_refused_with_the_list_of_roles(string role)
    {
        var refused = Assert.Throws<ArgumentException>(() => NewApiKey.Create("province-office", [Roles.Viewer, role]));
        Assert.Contains($"Unknown role(s): {role}.", refused.Message);
        Assert.Contains("recorder, inspector, auditor, viewer, admin", refused.Message);
    }

    [Fact]
    public void A_key_needs_a_role() =>
        Assert.Contains("at least one role",
            Assert.Throws<ArgumentException>(() => NewApiKey.Create("office", [])).Message);

    [Theory]
    [InlineData("")]
    [InlineData("province office")]
    [InlineData("office\nIsoLedger__ApiKeys__9__Roles__0=admin")]
    public void Names_that_do_not_fit_an_environment_file_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => NewApiKey.Create(name, [Roles.Viewer]));

    [Fact]
    public async Task The_command_prints_nothing_but_the_lines_for_the_environment_file()
    {
        // Its output is read by scripts (tests/ops/common.sh) and pasted into the environment file: a line that is no
        // comment and no setting would be run as a command by sh and rejected by systemd.
        var (exitCode, output, _) = await ApiCommand.Run("Host=127.0.0.1;Database=keys",
            ["keys", "create", "--name", "province-office", "--role", "recorder", "--index", "3"],
            [new("ASPNETCORE_ENVIRONMENT", "Production")]);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => Assert.Matches("^(#|IsoLedger__ApiKeys__3__[A-Za-z0-9_]+=)", line));
        Assert.Contains(lines, line => line.StartsWith("# key: ", StringComparison.Ordinal));
    }

    /// <summary>An index that is no number of the file's keys is told so in one line: past the range of a number it
    /// was answered with the command line's stack trace.</summary>
    [Theory]
    [InlineData("99999999999")]
    [InlineData("three")]
    [InlineData("-1")]
    public async Task An_index_that_is_no_whole_number_from_0_is_refused_in_a_sentence(string index)
    {
        var (exitCode, output, errors) = await ApiCommand.Run("Host=127.0.0.1;Database=keys",
            ["keys", "create", "--name", "province-office", "--role", "recorder", "--index", index],
            [new("ASPNETCORE_ENVIRONMENT", "Production")]);

        Assert.NotEqual(0, exitCode);
        Assert.Empty(output);
        Assert.Contains($"--index '{index}' is not a whole number from 0", errors);
        Assert.DoesNotContain("   at ", errors);
    }

    private static string ToBase64(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - base64Url.Length % 4) % 4);
}
