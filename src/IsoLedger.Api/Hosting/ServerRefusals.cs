using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace IsoLedger.Api.Hosting;

/// <summary>The server answers a request it cannot read — a request line with raw bytes outside ASCII (an
/// unencoded "Sở", as curl sends what it is given), a control character in a header, an HTTP version it does not
/// speak — itself, before the application sees it, with an empty body and the connection closed. Every answer of the
/// API is a problem, so a connection middleware replaces that bare answer, as the server writes it, with a problem
/// that says what to send instead. The server's answers are told from the application's by their shape: an error
/// status, no body, the connection closed, and none of the headers every application answer carries
/// (<see cref="Correlation.Header"/>). Over TLS terminated by the server itself the middleware sees only encrypted
/// bytes and lets them through.</summary>
public static class ServerRefusals
{
    public static void AnswerAsProblems(this KestrelServerOptions kestrel)
    {
        var logger = kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>()
            .CreateLogger(typeof(ServerRefusals));
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new RefusalAnsweringPipe(connection.Transport, connection, logger);
            return next(connection);
        }));
    }

    private static readonly byte[] StatusLineStart = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] HeadersEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] NoBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] Closed = "\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] ApplicationAnswer = Encoding.ASCII.GetBytes($"\r\n{Correlation.Header}:");

    /// <summary>The status of <paramref name="written"/> if it is a whole bare refusal of the server's (a status line
    /// of 4xx or 5xx and its headers, no body, the connection closed), otherwise null.</summary>
    public static int? BareRefusal(ReadOnlySpan<byte> written)
    {
        if (written.Length < StatusLineStart.Length + 3 || !written.StartsWith(StatusLineStart)
            || written[StatusLineStart.Length] is not ((byte)'4' or (byte)'5')
            || !written.EndsWith(HeadersEnd) || written.IndexOf(HeadersEnd) != written.Length - HeadersEnd.Length
            || written.IndexOf(NoBody) < 0 || written.IndexOf(Closed) < 0 || written.IndexOf(ApplicationAnswer) >= 0)
            return null;
        var digits = written.Slice(StatusLineStart.Length, 3);
        return digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            ? null
            : (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + digits[2] - '0';
    }

    /// <summary><paramref name="refusal"/> (a <see cref="BareRefusal"/> of <paramref name="status"/>) as a problem:
    /// its status line and headers kept, the body's type and length and the headers of every answer added.</summary>
    public static byte[] AsProblem(ReadOnlySpan<byte> refusal, int status, string correlationId)
    {
        var (type, title, detail) = Explained(status);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = type,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        }, Written);
        var headers = Encoding.ASCII.GetString(refusal[..^HeadersEnd.Length]).Replace("\r\nContent-Length: 0", "")
            + $"\r\nContent-Type: {EndpointConventions.ProblemJson}\r\nContent-Length: {body.Length}"
            + $"\r\n{Correlation.Header}: {correlationId}\r\nCache-Control: no-store"
            + "\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\nReferrer-Policy: no-referrer"
            + "\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(headers), .. body];
    }

    /// <summary>Written as the application's problems are (the web defaults): letters and apostrophes as they are.
    /// </summary>
    private static readonly JsonSerializerOptions Written = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What a refusal of <paramref name="status"/> means and what to send instead.</summary>
    private static (string Type, string Title, string Detail) Explained(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("https://tools.ietf.org/html/rfc9110#section-15.5.1",
            "The request could not be read.",
            "The request line or a header is malformed. Send the address in ASCII, with every other character "
            + "percent-encoded as UTF-8 (RFC 3986: Sở is S%E1%BB%9F, a space %20), and headers without control "
            + "characters."),
        StatusCodes.Status408RequestTimeout => ("https://tools.ietf.org/html/rfc9110#section-15.5.9",
            "The request's headers stopped arriving.",
            "Nothing more of the request's headers came for a while: send the request whole."),
        StatusCodes.Status414UriTooLong => ("https://tools.ietf.org/html/rfc9110#section-15.5.15",
            "The address is too long.",
            $"Send an address (path and query) of at most {HeaderLimits.MaxTargetLength} characters."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("https://tools.ietf.org/html/rfc6585#section-5",
            "The request's headers are too large.",
            $"Send headers of at most {HeaderLimits.MaxHeadersLength} characters in all."),
        StatusCodes.Status505HttpVersionNotsupported => ("https://tools.ietf.org/html/rfc9110#section-15.6.6",
            "The HTTP version is not supported.",
            "Send the request as HTTP/1.1 (or HTTP/1.0)."),
        _ => ("https://tools.ietf.org/html/rfc9110#section-" + (status < 500 ? "15.5" : "15.6"),
            ReasonPhrases.GetReasonPhrase(status) + ".",
            "The server refused the request before it was read."),
    };

    /// <summary>The connection's transport, its output watched for a bare refusal (the server writes one as a single
    /// block of headers, then closes the connection).</summary>
    private sealed class RefusalAnsweringPipe(IDuplexPipe transport, ConnectionContext connection, ILogger logger)
        : IDuplexPipe
    {
        public PipeReader Input => transport.Input;
        public PipeWriter Output { get; } = new RefusalAnsweringWriter(transport.Output, connection, logger);
    }

    private sealed class RefusalAnsweringWriter(PipeWriter inner, ConnectionContext connection, ILogger logger)
        : PipeWriter
    {
        private Memory<byte> handedOut;

        public override Memory<byte> GetMemory(int sizeHint = 0) => handedOut = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            var written = bytes <= handedOut.Length ? handedOut.Span[..bytes] : default;
            if (BareRefusal(written) is not { } status)
            {
                inner.Advance(bytes);
                return;
            }
            var correlationId = Guid.NewGuid().ToString("N");
            logger.LogInformation(
                "The server refused a request it could not read on connection {ConnectionId} with {Status}; "
                + "answered as a problem, correlation id {CorrelationId}",
                connection.ConnectionId, status, correlationId);
            // Not advanced, the bare refusal is not sent: the problem is written over it.
            inner.Write(AsProblem(written, status, correlationId));
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
            inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
