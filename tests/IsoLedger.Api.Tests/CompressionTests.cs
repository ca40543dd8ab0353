using System.IO.Compression;
using System.Text;
using Alba;
using Microsoft.AspNetCore.Http;

namespace IsoLedger.Api.Tests;

/// <summary>Text answers are compressed for a client that accepts it, and are the same answer once decompressed; a
/// client that asks for no encoding, a workbook and a 304 are sent as before.</summary>
public class CompressionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Annual = "/api/dashboards/annual/2020?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&consistent=true";

    private IAlbaHost Host => api.Host;

    private async Task<(int Status, IHeaderDictionary Headers, byte[] Body)> Fetch(
        string url, params (string Name, string Value)[] headers)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("X-Api-Key", Keys.Viewer);
            foreach (var (name, value) in headers) s.WithRequestHeader(name, value);
            s.IgnoreStatusCode();
        });
        using var body = new MemoryStream();
        var response = result.Context.Response;
        await response.Body.CopyToAsync(body);
        return (response.StatusCode, response.Headers, body.ToArray());
    }

    private static string Decompressed(string encoding, byte[] body)
    {
        using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Enough units for the annual table to be worth compressing; each test its own.</summary>
    private async Task RecordCommunes(string prefix)
    {
        for (var i = 0; i < 20; i++) await Host.RegisterCommune($"{prefix}-{i:00}", "2015-01-01");
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    public async Task A_dashboard_is_compressed_as_accepted_and_is_the_same_answer(string accepted, string encoding)
    {
        await RecordCommunes($"GZ{accepted.Length}");
        var plain = await Fetch(Annual);
        var compressed = await Fetch(Annual, ("Accept-Encoding", accepted));

        Assert.Equal((200, 200), (plain.Status, compressed.Status));
        Assert.False(plain.Headers.ContainsKey("Content-Encoding"));
        Assert.Equal(encoding, compressed.Headers["Content-Encoding"].ToString());
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary.ToString());
        Assert.True(compressed.Body.Length * 3 < plain.Body.Length,
            $"{compressed.Body.Length} bytes compressed of {plain.Body.Length}");
        Assert.Equal(Encoding.UTF8.GetString(plain.Body), Decompressed(encoding, compressed.Body));
    }

    [Fact]
    public async Task A_copy_still_current_is_a_304_without_a_body_when_compression_is_accepted()
    {
        await Host.RegisterCommune("GZ-304", "2015-01-01");
        var first = await Fetch("/api/units/GZ-304", ("Accept-Encoding", "br"));
        var tag = first.Headers.ETag.ToString();
        var again = await Fetch("/api/units/GZ-304", ("Accept-Encoding", "br"), ("If-None-Match", tag));

        Assert.Equal((200, "br"), (first.Status, first.Headers["Content-Encoding"].ToString()));
        Assert.Equal((304, tag), (again.Status, again.Headers.ETag.ToString()));
        Assert.Empty(again.Body);
    }

    [Fact]
    public async Task The_dashboard_page_is_compressed_and_a_workbook_is_sent_as_it_is()
    {
        await RecordCommunes("GZ-XLSX");
        var script = await Fetch("/dashboard/app.js", ("Accept-Encoding", "gzip"));
        Assert.Equal((200, "gzip"), (script.Status, script.Headers["Content-Encoding"].ToString()));
        Assert.Contains("\"use strict\"", Decompressed("gzip", script.Body));

        var workbook = await Fetch(
            "/api/reports/summary/2020?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&format=xlsx", ("Accept-Encoding", "gzip"));
        Assert.Equal(200, workbook.Status);
        Assert.False(workbook.Headers.ContainsKey("Content-Encoding"));
        Assert.Equal("PK"u8.ToArray(), workbook.Body[..2]);
    }
}
