using System.Text;
using Alba;
using Microsoft.AspNetCore.Hosting;

namespace IsoLedger.Api.Tests;

public sealed class ShortBodyIdleFixture : ApiFixture
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("IsoLedger:Requests:BodyIdleSeconds", "1");
}

/// <summary>A body that stops arriving part way is answered 408 once nothing of it has come for the idle time: the
/// server timed it out only by its average rate, so the bytes a client sent before going silent bought it minutes (or,
/// for a large import, days) of a request held open and unanswered.</summary>
public class StalledBodyTests(ShortBodyIdleFixture api) : IClassFixture<ShortBodyIdleFixture>
{
    private IAlbaHost Host => api.Host;

    /// <summary>A body the server reads as it reads one: asynchronously, from its start, once.</summary>
    private abstract class AsyncOnlyBody : Stream
    {
        public override Task<int> ReadAsync(
            byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        // Alba rewinds a body before sending it; one not read yet is where it starts.
        public override long Position
        {
            get => BytesRead();
            set => _ = value == BytesRead() ? value : throw new NotSupportedException();
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <summary>How many bytes have been read.</summary>
        protected abstract long BytesRead();
    }

    /// <summary>The start of a body, then nothing more, for as long as the reader waits.</summary>
    private sealed class StallingBody(byte[] start) : AsyncOnlyBody
    {
        private int sent;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (sent == start.Length) await Task.Delay(Timeout.Infinite, cancellationToken);
            var count = Math.Min(buffer.Length, start.Length - sent);
            start.AsMemory(sent, count).CopyTo(buffer);
            sent += count;
            return count;
        }

        protected override long BytesRead() => sent;
    }

    private Task<Answer> PostStalling(string url, string contentType, string start) =>
        Host.Send(Keys.Admin, [], s =>
        {
            s.Post.Url(url);
            s.ConfigureHttpContext(context =>
            {
                var bytes = Encoding.UTF8.GetBytes(start);
                context.Request.ContentType = contentType;
                context.Request.ContentLength = bytes.Length + 1000;
                context.Request.Body = new StallingBody(bytes);
            });
        });

    [Theory]
    [InlineData("/api/units", "application/json", """{"code":"ST-STALL","name":"UBND Xã Dừng","level":""")]
    [InlineData("/api/imports", "text/csv", "province,unit_code,unit_name,level,year,report_date\nQuảng Trị,ST-")]
    [InlineData("/api/restructurings/import", "text/csv", "decision_no,effective_on,from_code\n1/QĐ,2021-")]
    public async Task A_body_that_stops_arriving_is_answered_408_and_records_nothing(
        string url, string contentType, string start)
    {
        var answer = await PostStalling(url, contentType, start).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(408, answer.Status);
        Assert.StartsWith(Http.ProblemJson, answer.ContentType);
        Assert.Contains("arrived", answer.Body!["detail"]!.GetValue<string>());
        await Host.Get("/api/units/ST-STALL").Expect(404);
    }

    /// <summary>A body the server fails to read as its framing says, as the server (Kestrel) fails it: a chunk size
    /// past the range of a number throws an <see cref="IOException"/> ("Bad chunk size data.") where other framing
    /// errors throw a <c>BadHttpRequestException</c>.</summary>
    private sealed class UnreadableBody : AsyncOnlyBody
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
            ValueTask.FromException<int>(new IOException("Bad chunk size data.", new OverflowException()));

        protected override long BytesRead() => 0;
    }

    [Theory]
    [InlineData("/api/units", "application/json")]
    [InlineData("/api/imports", "text/csv")]
    [InlineData("/api/restructurings/import", "text/csv")]
    public async Task A_chunk_size_past_any_number_is_a_400_not_a_failure(string url, string contentType)
    {
        var answer = await Host.Send(Keys.Admin, [], s =>
        {
            s.Post.Url(url);
            s.ConfigureHttpContext(context =>
            {
                context.Request.ContentType = contentType;
                context.Request.Headers.TransferEncoding = "chunked";
                context.Request.Body = new UnreadableBody();
            });
        });

        Assert.Equal(400, answer.Status);
        Assert.StartsWith(Http.ProblemJson, answer.ContentType);
        Assert.Contains("Bad chunk size data.", answer.Body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_document_lists_408_where_a_body_is_read()
    {
        var paths = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json["paths"]!;

        foreach (var (path, method) in new[]
                 {
                     ("/api/units", "post"), ("/api/imports", "post"), ("/api/restructurings/import", "post"),
                     ("/api/units/{code}/declarations", "post"),
                 })
            Assert.NotNull(paths[path]![method]!["responses"]!["408"]);
        Assert.Null(paths["/api/units"]!["get"]!["responses"]!["408"]);
    }
}
