using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace IsoLedger.Testing;

/// <summary>One API process started from the Release build, on a port of this machine's loopback (used by ops/chaos.sh
/// and ops/bench.sh).</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    /// <summary>The province the load registers its units in: a real one, as registration requires.</summary>
    public const string Province = "Quảng Trị";

    private readonly Process process;
    public HttpClient Http { get; }
    public int Port { get; }

    public int ProcessId => process.Id;

    private ApiProcess(Process process, int port, string apiKey)
    {
        this.process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    /// <summary>Starts the API in Development with the dev-admin key, unthrottled.</summary>
    public static Task<ApiProcess> Start(
        string apiDll, int port, string connectionString, params (string Key, string Value)[] settings) =>
        Start(apiDll, port, connectionString, "Development", "dev-admin", settings);

    public static async Task<ApiProcess> Start(
        string apiDll, int port, string connectionString, string environment, string apiKey,
        params (string Key, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{apiDll}\" --urls http://127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ConnectionStrings__IsoLedger"] = connectionString;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["IsoLedger__RateLimit__PermitsPerSecond"] = "1000000";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, port, apiKey);
        await api.WaitUntilReady(TimeSpan.FromSeconds(60));
        return api;
    }

    public async Task<TimeSpan> WaitUntilReady(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if ((await Http.GetAsync("/health/ready")).IsSuccessStatusCode) return clock.Elapsed;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The API on port {Port} was not ready within {limit.TotalSeconds} s.");
    }

    /// <summary>kill -9: no shutdown, no flush.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public async Task<(int Status, JsonNode? Body)> Post(
        string url, string json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json")
        };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode,
            text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    public async Task<JsonNode> Get(string url) =>
        JsonNode.Parse(await Http.GetStringAsync(url))
            ?? throw new InvalidOperationException($"{url} answered nothing.");

    public async Task<(int Status, string? ETag)> Head(string url)
    {
        using var response = await Http.GetAsync(url);
        return ((int)response.StatusCode, response.Headers.ETag?.Tag);
    }

    public async Task<JsonArray> History(string code) => (await Get($"/api/units/{code}/history")).AsArray();

    public Task<HttpResponseMessage> Register(string code) =>
        Http.PostAsJsonAsync("/api/units", new
        {
            code,
            name = $"UBND {code}",
            level = "commune",
            province = Province,
            district = "Huyện A",
            registeredOn = "2015-01-01"
        });

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        Http.Dispose();
    }
}
