namespace IsoLedger.Api.Hosting;

public static class Install
{
    /// <summary>ASP.NET Core looks for appsettings.json and wwwroot in the current directory. A published API started
    /// from elsewhere (<c>dotnet /opt/isoledger/IsoLedger.Api.dll</c>) would find neither, so it then uses the folder
    /// it was installed in; null (the default) where the current directory holds the settings, as under
    /// <c>dotnet run</c> and test hosts.</summary>
    public static string? ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? null
            : AppContext.BaseDirectory;
}
