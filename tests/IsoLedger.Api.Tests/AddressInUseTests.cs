using System.Net;
using System.Net.Sockets;

namespace IsoLedger.Api.Tests;

/// <summary>An API started on an address another process listens on exits non-zero saying so in one line: it logged
/// the host's stack trace of the failed bind, then one of each background service cancelled under it and a fatal
/// "StopHost" line. Run as a process of the API's own build, on this class's database.</summary>
public class AddressInUseTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_start_on_a_taken_address_exits_non_zero_saying_so_in_one_line()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)other.LocalEndpoint).Port}";
        var (exitCode, output, errors) = await ApiCommand.Run(api.ConnectionString, ["--urls", address]);
        var logged = output + errors;

        Assert.True(exitCode != 0, logged);
        var said = Assert.Single(logged.Split('\n'), line => line.Contains("already in use"));
        Assert.StartsWith($"Failed to bind to address {address}: address already in use", said);
        Assert.Contains("another address", said);
        Assert.DoesNotContain("   at ", logged);
        Assert.DoesNotContain(" ERR]", logged);
        Assert.DoesNotContain(" FTL]", logged);
    }
}
