using Microsoft.AspNetCore.Http.Features;

namespace IsoLedger.Api.Hosting;

/// <summary>HEAD is answered wherever GET is (RFC 9110 §9.3.2): routed as a GET, so that the key check, the rate
/// limit and conditional requests apply as they do to it, and answered with the GET's status and headers (its
/// <c>Content-Length</c> and <c>ETag</c> among them) without the body. An address that does not take GET answers 405
/// to HEAD too, and a 405 lists HEAD wherever it lists GET.</summary>
public static class HeadRequests
{
    private const string RoutedAsGet = "isoledger.head-routed-as-get";

    /// <summary>Routes the requests (this is where routing runs) with HEAD served as GET.</summary>
    public static void UseRoutingWithHead(this WebApplication app)
    {
        app.Use(ServeAsGet);
        app.UseRouting();
        // Past routing the request is what the client sent, for the logs and the middleware that serve HEAD
        // themselves (the dashboard's static files).
        app.Use((context, next) =>
        {
            if (context.Items.ContainsKey(RoutedAsGet)) context.Request.Method = HttpMethods.Head;
            return next(context);
        });
    }

    private static async Task ServeAsGet(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(static state =>
        {
            AllowHeadWithGet((HttpResponse)state);
            return Task.CompletedTask;
        }, context.Response);
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        context.Items[RoutedAsGet] = true;
        var server = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var discarded = new CountingNullStream();
        var body = new StreamResponseBodyFeature(discarded, server);
        context.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await next(context);
            await body.CompleteAsync();
            // The length the GET's body has, where the answer did not say it itself (it would have been chunked).
            var response = context.Response;
            if (!response.HasStarted && response.ContentLength is null && discarded.Length > 0)
                response.ContentLength = discarded.Length;
        }
        finally
        {
            context.Features.Set(server);
        }
    }

    /// <summary>A 405 lists the methods of the address: where GET is one, HEAD is one as well.</summary>
    private static void AllowHeadWithGet(HttpResponse response)
    {
        if (response.StatusCode != StatusCodes.Status405MethodNotAllowed) return;
        var allowed = response.Headers.Allow.ToString().Split(',', StringSplitOptions.TrimEntries);
        if (allowed.Contains(HttpMethods.Get) && !allowed.Contains(HttpMethods.Head))
            response.Headers.Allow = string.Join(", ", [.. allowed, HttpMethods.Head]);
    }

    /// <summary>Counts what is written and keeps none of it.</summary>
    private sealed class CountingNullStream : Stream
    {
        private long written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => written;
        public override long Position { get => written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => written += count;
        public override void Write(ReadOnlySpan<byte> buffer) => written += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            written += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            written += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
