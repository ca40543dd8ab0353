using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IsoLedger.Api.Hosting;
using IsoLedger.Testing;

namespace IsoLedger.Api.Tests;

/// <summary>What the server answers itself, before the application reads a request (a request line with raw bytes
/// outside ASCII, an HTTP version it does not speak), is a problem like every other answer: sent as bytes over a
/// socket to the API run as a process on this class's database, since the test host has no server.</summary>
public class ServerRefusalTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>Kestrel's refusal as it writes it: status line, no body, the connection closed.</summary>
    private const string Refusal =
        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n"
        + "Date: Thu, 03 Dec 2026 12:07:50 GMT\r\nServer: Kestrel\r\n\r\n";

    /// <summary>Requests the server cannot read, what it answers, and a word of the answer's detail.</summary>
    private static readonly (string Request, int Status, string Detail)[] Unreadable =
    [
        ("GET /api/units/Sở HTTP/1.1\r\nHost: x\r\n\r\n", 400, "percent-encoded"),
        ("GET /api/units?q=Sở Y tế HTTP/1.1\r\nHost: x\r\n\r\n", 400, "percent-encoded"),
        ("GARBAGE\r\n\r\n", 400, "percent-encoded"),
        ("GET /api/units HTTP/2.0\r\nHost: x\r\n\r\n", 505, "HTTP/1.1"),
        // After an answered request on the same connection.
        ("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\nGET /api/units/Sở HTTP/1.1\r\nHost: x\r\n\r\n", 400,
            "percent-encoded"),
    ];

    [Fact]
    public async Task A_request_the_server_cannot_read_is_answered_with_a_problem()
    {
        var port = RawHttp.FreePort();
        // One process for every case: each starts in a second or two.
        await using var process = await ApiProcess.Start(ApiCommand.ApiDll(), port, api.ConnectionString);

        foreach (var (request, status, detail) in Unreadable)
        {
            var answer = Encoding.UTF8.GetString(await RawHttp.Send(port, request));

            // The last answer's status line starts the text or a line.
            var last = answer[Regex.Matches(answer, @"(?<=^|\r\n)HTTP/1\.1 \d{3} ")[^1].Index..];
            var (head, body) = (last[..last.IndexOf("\r\n\r\n")], last[(last.IndexOf("\r\n\r\n") + 4)..]);
            Assert.StartsWith($"HTTP/1.1 {status} ", head);
            Assert.Contains("\r\nContent-Type: application/problem+json", head);
            Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", head + "\r\n");
            Assert.Matches("\r\nX-Correlation-Id: [0-9a-f]{32}", head);
            Assert.Contains("\r\nConnection: close", head);
            var problem = JsonNode.Parse(body)!;
            Assert.Equal(status, (int)problem["status"]!);
            Assert.StartsWith("https://tools.ietf.org/html/rfc9110#section-", (string)problem["type"]!);
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
            Assert.Contains(detail, (string)problem["detail"]!);
        }
    }

    [Fact]
    public void The_server_s_bare_refusal_becomes_a_problem_keeping_its_status_line_and_headers()
    {
        var refusal = Encoding.ASCII.GetBytes(Refusal);

        Assert.Equal(400, ServerRefusals.BareRefusal(refusal));
        var answer = Encoding.UTF8.GetString(ServerRefusals.AsProblem(refusal, 400, "c0ffee"));
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nDate: Thu, 03 Dec 2026", answer);
        Assert.DoesNotContain("Content-Length: 0", answer);
        Assert.Contains("\r\nX-Correlation-Id: c0ffee\r\n", answer);
        // As the application writes its problems: "Sở", not "S\u1EDF".
        Assert.Contains("Sở is S%E1%BB%9F", answer);
        Assert.Equal(400, (int)JsonNode.Parse(answer[(answer.IndexOf("\r\n\r\n") + 4)..])!["status"]!);
    }

    [Theory]
    // The application's answers carry a correlation id.
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\nX-Correlation-Id: a\r\n\r\n")]
    // A body follows, or the connection stays open, or it is no error.
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    // Part of an answer's headers, or a body that happens to start like an answer.
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n")]
    [InlineData("HTTP/1.1 4xx Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("{\"status\":400}")]
    [InlineData("")]
    public void Anything_else_written_passes_through(string written) =>
        Assert.Null(ServerRefusals.BareRefusal(Encoding.UTF8.GetBytes(written)));
}
