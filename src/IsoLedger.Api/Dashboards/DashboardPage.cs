namespace IsoLedger.Api.Dashboards;

public static class DashboardPage
{
    /// <summary>Serves the dashboard's static files (wwwroot/dashboard) at /dashboard/ (/dashboard redirects there);
    /// the page calls the dashboard endpoints with the key the user enters.</summary>
    public static void UseDashboardPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
    }
}
