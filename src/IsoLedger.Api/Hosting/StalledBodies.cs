using Microsoft.AspNetCore.Connections;

namespace IsoLedger.Api.Hosting;

/// <summary>A request body that stops arriving is answered 408 once no byte of it has come for a while. The server
/// (Kestrel) times a body out only when its average rate falls below 240 bytes a second, so a client that sent most of
/// a body and then went silent held its request open for as long as the bytes it sent bought it: a minute and a half
/// for a 20 KB table, days for an import of 50 MB. A body the server cannot read as its framing says is a 400 however
/// the server fails it.</summary>
public static class StalledBodies
{
    public const string IdleSecondsSetting = "IsoLedger:Requests:BodyIdleSeconds";
    public const int DefaultIdleSeconds = 30;

    public static IApplicationBuilder UseStalledBodyTimeout(this IApplicationBuilder app)
    {
        var idle = TimeSpan.FromSeconds(app.ApplicationServices.GetRequiredService<IConfiguration>()
            .GetValue(IdleSecondsSetting, DefaultIdleSeconds));
        return app.Use((context, next) =>
        {
            if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
                context.Request.Body = new IdleTimedBody(context.Request.Body, idle);
            return next(context);
        });
    }

    /// <summary>The body, each read of which fails as a 408 when nothing arrives within <paramref name="idle"/>, and
    /// as a 400 when the server cannot read it.</summary>
    private sealed class IdleTimedBody(Stream body, TimeSpan idle) : Stream
    {
        public override async ValueTask<int> ReadAsync(
            Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            waiting.CancelAfter(idle);
            try
            {
                return await body.ReadAsync(buffer, waiting.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BadHttpRequestException(
                    $"No part of the request body arrived for {idle.TotalSeconds:0} seconds.",
                    StatusCodes.Status408RequestTimeout);
            }
            catch (IOException unreadable)
                when (unreadable is not ConnectionResetException and not BadHttpRequestException)
            {
                // The server fails most framing errors as a 400 of its own (a BadHttpRequestException, an IOException
                // too, which keeps its status: 413 for a body over the limit), but a chunk size past the range of a
                // number as a bare IOException ("Bad chunk size data."), which would otherwise answer 500.
                throw new BadHttpRequestException(
                    $"The request body could not be read: {unreadable.Message}", StatusCodes.Status400BadRequest,
                    unreadable);
            }
        }

        public override Task<int> ReadAsync(
            byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => body.Length;
        public override long Position { get => body.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
