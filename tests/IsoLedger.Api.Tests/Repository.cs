namespace IsoLedger.Api.Tests;

/// <summary>Files of this repository, found from wherever the tests run.</summary>
public static class Repository
{
    public static string File(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "IsoLedger.sln")))
                return Path.Combine(directory.FullName, relativePath);
        throw new InvalidOperationException("The tests do not run inside the repository.");
    }

    /// <summary>The API's build of the configuration the tests were built in, beside which it runs as installed
    /// (the tests' own folder holds the test libraries too, which the command line's scan of assemblies trips on).
    /// </summary>
    public static string ApiDll()
    {
        var configuration =
            new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return File($"src/IsoLedger.Api/bin/{configuration}/net10.0/IsoLedger.Api.dll");
    }
}
