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
}
