using System.Diagnostics;

namespace IsoLedger.Api.Tests;

/// <summary>The API's own build run as a process, as ops/run.sh and systemd run it, in Development on a test class's
/// database: what it exits with and what it prints.</summary>
public static class ApiCommand
{
    /// <summary>Runs <c>dotnet IsoLedger.Api.dll</c> with <paramref name="arguments"/> and the configuration
    /// <paramref name="settings"/> give as environment variables (a later one of a name wins), for at most two
    /// minutes.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> Run(
        string connectionString, IEnumerable<string> arguments,
        IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var dll = ApiDll();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in arguments.Prepend(dll)) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__IsoLedger"] = connectionString;
        foreach (var (name, value) in settings ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>The API's build of the configuration the tests were built in, beside which it runs as installed
    /// (the tests' own folder holds the test libraries too, which the command line's scan of assemblies trips on).
    /// </summary>
    public static string ApiDll()
    {
        var configuration =
            new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Repository.File($"src/IsoLedger.Api/bin/{configuration}/net10.0/IsoLedger.Api.dll");
    }
}
