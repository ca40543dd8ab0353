using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IsoLedger.Testing;

namespace IsoLedger.Api.Tests;

/// <summary>A request giving its body's length twice — by <c>Content-Length</c> and by <c>Transfer-Encoding:
/// chunked</c> — "ought to be handled as an error" (RFC 9112 §6.3): a proxy reading it by the one and the server by
/// the other would take part of the body for a request of its own. Sent as bytes over a socket to the API run as a
/// process (the test host has no server, and HttpClient refuses to send such a request).</summary>
public class RequestSmugglingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_body_framed_both_by_length_and_chunked_is_refused_writes_nothing_and_closes_the_connection()
    {
        var port = RawHttp.FreePort();
        await using var process = await ApiProcess.Start(ApiCommand.ApiDll(), port, api.ConnectionString);
        var body = Encoding.UTF8.GetBytes("""
            {"code":"SMUGGLED","name":"UBND Xã","level":"commune","province":"Quảng Trị","district":"Hải Lăng",
             "registeredOn":"2010-01-01"}
            """);
        var chunked = $"{body.Length:x}\r\n{Encoding.UTF8.GetString(body)}\r\n0\r\n\r\n";
        // A second request after the body, on the same connection: what a proxy reading the Content-Length would
        // have taken for the start of the next request.
        var request = "POST /api/units HTTP/1.1\r\nHost: x\r\nX-Api-Key: dev-admin\r\n"
            + "Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunked + "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";

        // Read to the end: the server closes the connection after its answer. One character a byte, so that a
        // chunk's size counts characters; its text is decoded afterwards.
        var answer = Encoding.Latin1.GetString(await RawHttp.Send(port, request));

        Assert.Single(Regex.Matches(answer, @"(?<=^|\r\n)HTTP/1\.1 \d{3} "));
        var (head, problem) = (answer[..answer.IndexOf("\r\n\r\n")], answer[(answer.IndexOf("\r\n\r\n") + 4)..]);
        Assert.StartsWith("HTTP/1.1 400 ", head);
        Assert.Contains("\r\nContent-Type: application/problem+json", head);
        Assert.Contains("\r\nConnection: close", head);
        var detail = (string?)JsonNode.Parse(Encoding.Latin1.GetBytes(Unchunked(head, problem)))!["detail"];
        Assert.Contains("Transfer-Encoding", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await process.Http.GetAsync("/api/units/SMUGGLED")).StatusCode);
    }

    /// <summary>The body of an answer, undoing its chunked transfer coding if it has one.</summary>
    private static string Unchunked(string head, string body)
    {
        if (!head.Contains("\r\nTransfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)) return body;
        var text = new StringBuilder();
        for (var at = 0; ;)
        {
            var lineEnd = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[at..lineEnd], 16);
            if (size == 0) return text.ToString();
            text.Append(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
