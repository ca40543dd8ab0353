using System.Text;
using Alba;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace IsoLedger.Api.Tests;

/// <summary>A host whose uploads are spooled in <see cref="Folder"/>, a path the tests make a folder, a regular file,
/// or nothing; its logs kept.</summary>
public sealed class TempFolderFixture : ApiFixture
{
    public string Root { get; } = Directory.CreateTempSubdirectory("isoledger-spool-").FullName;
    public string Folder => Path.Combine(Root, "spool");
    public CollectingSink Sink { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("IsoLedger:Imports:TempFolder", Folder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Sink));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}

/// <summary>An upload is spooled in the folder <c>IsoLedger:Imports:TempFolder</c> names: the upload's copy, and a
/// workbook sheet's rows. A folder that cannot be written (missing, a regular file; as a full disk) is the server's
/// storage failing, not the upload: 503 with Retry-After, the cause logged, nothing recorded; it had answered 500.
/// Whatever ends an upload, its files are deleted.</summary>
public class TempFolderTests(TempFolderFixture api) : IClassFixture<TempFolderFixture>
{
    private IAlbaHost Host => api.Host;
    private const string Province = "Quảng Trị";

    public enum Folder
    {
        Missing,
        RegularFile,
    }

    private void Make(Folder? folder)
    {
        if (File.Exists(api.Folder)) File.Delete(api.Folder);
        if (Directory.Exists(api.Folder)) Directory.Delete(api.Folder, recursive: true);
        if (folder is null) Directory.CreateDirectory(api.Folder);
        else if (folder == Folder.RegularFile) File.WriteAllText(api.Folder, "not a folder");
    }

    private static byte[] Csv(string code) => ReportCsv.Rows(
        $"{Province},{code},UBND Xã {code},commune,Hải Lăng,,2020,2020-11-19,x,2015,,x,x,x,x,x,x,x,passed");

    /// <summary>A report table whose district is merged down its two communes.</summary>
    private static byte[] MergedWorkbook(string code)
    {
        object?[] Row(string unit, string? district) =>
            [Province, unit, $"UBND xã {unit}", "commune", district, null, 2021, new DateOnly(2021, 11, 19), "x"];
        return TestWorkbooks.Build(new TestSheet("Sheet1",
            [ReportCsv.Header.Split(','), Row(code + "-1", "Cam Lộ"), Row(code + "-2", null)], "E2:E3"));
    }

    /// <summary>A restructuring table whose act is merged down its two rows.</summary>
    private static byte[] MergedRestructurings(string from) => TestWorkbooks.Build(new TestSheet("Giải thể",
        [
            ["decision_no", "effective_on", "kind", "from_code"],
            ["NQ 9", new DateOnly(2025, 7, 1), "dissolve", from + "-1"],
            [null, new DateOnly(2025, 7, 1), "dissolve", from + "-2"],
        ], "A2:A3"));

    [Theory]
    [InlineData(Folder.Missing, "csv")]
    [InlineData(Folder.RegularFile, "csv")]
    [InlineData(Folder.Missing, "workbook")]
    [InlineData(Folder.RegularFile, "workbook")]
    [InlineData(Folder.Missing, "restructurings")]
    [InlineData(Folder.RegularFile, "restructurings")]
    public async Task An_upload_the_temporary_folder_cannot_hold_answers_503_and_records_nothing(
        Folder folder, string upload)
    {
        var code = $"TF-{folder}-{upload}".ToUpperInvariant();
        if (upload == "restructurings")
        {
            Make(null);
            await Host.RegisterCommune(code + "-1");
            await Host.RegisterCommune(code + "-2");
        }
        Make(folder);

        var answer = upload switch
        {
            "csv" => await Host.PostBytes("/api/imports", Csv(code)),
            "workbook" => await Host.PostBytes("/api/imports", MergedWorkbook(code), TestWorkbooks.MediaType),
            _ => await Host.PostBytes(
                "/api/restructurings/import", MergedRestructurings(code), TestWorkbooks.MediaType),
        };

        Assert.Equal(503, answer.Status);
        Assert.StartsWith(Http.ProblemJson, answer.ContentType);
        Assert.Equal("urn:isoledger:problem:storage-unavailable", answer.ProblemType);
        Assert.Equal("60", answer.Header("Retry-After"));
        var logged = api.Sink.Lines.Last(line => line.Contains("could not be spooled"));
        Assert.Contains(api.Folder.Replace("/", "\\/"), logged.Replace("/", "\\/"));
        Assert.Contains("\"@x\":\"System.IO.DirectoryNotFoundException: Could not find a part of the path", logged);
        if (upload == "restructurings")
        {
            Assert.Single((await Host.Get($"/api/units/{code}-1/history").Expect(200)).Json.AsArray());
        }
        else
        {
            await Host.Get($"/api/units/{(upload == "csv" ? code : code + "-1")}").Expect(404);
        }
    }

    /// <summary>A JSON body is checked in memory (it is at most 1 MB): one over the 30 KB the framework holds before
    /// writing the rest to its temporary folder had answered 500 when that folder could not be written. Which folder
    /// the framework writes to is read once per process, so the gate's buffer is looked at directly.</summary>
    [Fact]
    public async Task A_large_JSON_body_is_checked_without_a_temporary_file()
    {
        var name = new string('a', 100_000);
        var body = Encoding.UTF8.GetBytes(
            $$"""{"code":"TF-JSON","name":"{{name}}","level":"commune","province":"{{Province}}"}""");
        var gate = new ApplicationBuilder(new ServiceCollection().AddOptions().BuildServiceProvider());
        bool? heldInMemory = null;
        gate.UseJsonBodies();
        gate.Run(context =>
        {
            heldInMemory = (context.Request.Body as FileBufferingReadStream)?.InMemory;
            return Task.CompletedTask;
        });
        var context = new DefaultHttpContext { RequestServices = gate.ApplicationServices };
        context.Request.ContentType = "application/json";
        context.Request.Body = new OneWayBody(body);
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(
            new AcceptsMetadata(["application/json"], typeof(RegisterUnitRequest))), "register"));

        await gate.Build()(context);

        Assert.True(heldInMemory, "The body was passed on without being held whole in memory.");
    }

    /// <summary>A body read once from start to end, as Kestrel's is: the gate must buffer it to read it twice.
    /// </summary>
    private sealed class OneWayBody(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>Reads some of a body, then fails as Kestrel does when the client stops sending it part way.</summary>
    private sealed class CutBody(byte[] start) : MemoryStream(start)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new BadHttpRequestException("Unexpected end of request content.", 400);
        }
    }

    [Fact]
    public async Task Every_upload_s_files_are_deleted_however_it_ends()
    {
        Make(null);
        await Host.RegisterCommune("TF-DEL-RS-1");
        await Host.RegisterCommune("TF-DEL-RS-2");

        await Host.PostBytes("/api/imports", Csv("TF-DEL-1")).Expect(200);
        await Host.PostBytes("/api/imports?dryRun=true", Csv("TF-DEL-2")).Expect(200);
        await Host.PostBytes("/api/imports", ReportCsv.Rows("Quảng Trị,TF-DEL-3,,commune")).Expect(422);
        await Host.PostBytes("/api/imports", MergedWorkbook("TF-DEL-4"), TestWorkbooks.MediaType).Expect(200);
        await Host.PostBytes("/api/restructurings/import", MergedRestructurings("TF-DEL-RS"), TestWorkbooks.MediaType)
            .Expect(200);
        // A client cutting its upload short is told so (400), as before: the fault is not the server's storage.
        var cut = await Host.Send(Keys.Admin, [], s =>
        {
            s.Post.Url("/api/imports");
            s.ConfigureHttpContext(context =>
            {
                var start = Csv("TF-DEL-5");
                context.Request.ContentType = "text/csv";
                context.Request.ContentLength = start.Length + 1000;
                context.Request.Body = new CutBody(start);
            });
        });

        Assert.Equal(400, cut.Status);
        Assert.StartsWith(Http.ProblemJson, cut.ContentType);
        await Host.Get("/api/units/TF-DEL-5").Expect(404);
        var merged = await Host.Get("/api/units/TF-DEL-4-2/state?asOf=2021-12-31").Expect(200);
        Assert.Equal("Cam Lộ", (string?)merged.Json["district"]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(api.Folder));
    }
}
