using Microsoft.Extensions.FileProviders;

namespace IsoLedger.Api.Dashboards;

public static class DashboardPage
{
    /// <summary>Serves the dashboard's static files (wwwroot/dashboard) at /dashboard/ (/dashboard redirects there),
    /// revalidated at each use; the page calls the dashboard endpoints with the key the user enters. The files are
    /// read with GET and HEAD: another method answers 405 with their <c>Allow</c>, a problem as at the API's
    /// addresses (it answered 404, as if nothing were there). The server's own address leads to the dashboard: it is
    /// what people open in a browser (it answered 404).</summary>
    public static void UseDashboardPage(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        app.Use((context, next) =>
        {
            var method = context.Request.Method;
            if (context.Request.Path == "/" && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
            {
                context.Response.Redirect(context.Request.PathBase + "/dashboard/");
                return Task.CompletedTask;
            }
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || context.GetEndpoint() is not null
                || !IsPageFile(files, context.Request.Path))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = $"{HttpMethods.Get}, {HttpMethods.Head}";
            return Task.CompletedTask;
        });
        app.UseDefaultFiles();
        // Kept by the browser, and checked with the server at each use (unchanged: a 304 without a body, by its
        // ETag): without a Cache-Control a browser reused a file for as long as it guessed from the file's age, and
        // after an upgrade could run the old app.js under the new index.html.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
    }

    /// <summary>Whether GET would serve a file here: the file itself, or a folder's index.html
    /// (UseDefaultFiles).</summary>
    private static bool IsPageFile(IFileProvider files, PathString path) =>
        path.Value is { } address
        && (files.GetFileInfo(address) is { Exists: true, IsDirectory: false }
            || files.GetFileInfo(address.TrimEnd('/') + "/index.html").Exists);
}
