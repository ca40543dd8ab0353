using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IsoLedger.Api.Tests;

/// <summary>Requests written as bytes to a socket, for what HttpClient refuses to send (raw UTF-8 in a request line,
/// a body framed twice) and for answers the server writes itself, to an API run as a process.</summary>
public static class RawHttp
{
    /// <summary>A port nothing listens on at the moment it is asked for.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends <paramref name="request"/> as its UTF-8 bytes, unencoded, and reads until the server closes
    /// the connection.</summary>
    public static async Task<byte[]> Send(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var read = new MemoryStream();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.CopyToAsync(read, limit.Token);
        return read.ToArray();
    }
}
