using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Imports;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Reports;
using IsoLedger.Api.Restructurings;
using IsoLedger.Api.Security;
using IsoLedger.Api.Units;
using JasperFx;
using Scalar.AspNetCore;
using Spectre.Console;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(
    new WebApplicationOptions { Args = args, ContentRootPath = Install.ContentRoot() });

builder.AddIsoLedgerLogging();
builder.AddIsoLedgerTelemetry();
builder.AddIsoLedgerPersistence();
builder.Services.AddIsoLedgerProblems();
builder.Services.AddIsoLedgerHealthChecks();
builder.Services.AddIsoLedgerJson();
builder.Services.AddIsoLedgerOpenApi();
builder.Services.AddIsoLedgerApiKeys(builder.Configuration);
builder.Services.AddIsoLedgerProtection(builder.Configuration);
builder.Services.AddIsoLedgerReverseProxy(builder.Configuration);
builder.Services.AddIsoLedgerCompression();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<BusinessClock>();
builder.Services.AddLegalBasis();
builder.Services.AddUnits();
builder.Services.AddDashboards();
builder.Services.AddImports();
builder.Services.AddReports();
builder.Services.AddRestructurings();
builder.Services.AddWolverineHttp();
builder.Services.RouteWhateverTheBodyType();

var app = builder.Build();

// First, where routing ran on its own: HEAD is routed as GET (the framework maps GET routes alone).
app.UseRoutingWithHead();
app.UseIsoLedgerForwardedHeaders();
app.UseSecurityHeaders();
// Outside everything that writes an answer, problems included; a HEAD's length is then the compressed one a GET sends.
app.UseResponseCompression();
// Outside the exception handler, so that a request is logged with the answer it got: an exception the handler turns
// into a 413, 400 or 503 is logged as that, not as the 500 it would be without the handler.
app.UseCorrelationIds();
app.UseIsoLedgerRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
// Before any refusal of the request's shape, so that a browser on another origin reads the problem.
app.UseCors();
app.UseHeaderLimits();
app.UseRequestShape();
app.UseBodyLimits();
app.UseStalledBodyTimeout();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseBodyTypes();
app.UseJsonBodies();
app.UseReadRetries();
app.UseConditionalReads();

app.UseDashboardPage();
// The one document, at its one address: another name would be answered in plain text, not as a problem.
app.MapOpenApi("/openapi/v1.json");
app.MapScalarApiReference("/docs", options => options
    .WithTitle("IsoLedger API")
    .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapIsoLedgerHealthChecks();
app.MapIsoLedgerEndpoints();

// JasperFx answers 0 when the server could not start (a port taken, a configuration refused): a run that never got to
// serve exits 1, so that ops/run.sh, systemd's Restart=on-failure and whoever started it see it failed.
var served = false;
app.Lifetime.ApplicationStarted.Register(() => served = true);
var startFailure = app.Services.GetRequiredService<StartFailure>();
// JasperFx draws what it says itself (the assemblies it searches for commands, a command's usage) with Spectre.Console
// on the standard output: on the error stream instead, a command's output is its own (`keys create`'s lines for the
// environment file, which scripts read).
AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
var exitCode = await app.RunJasperFxCommands(args);
var runsTheServer = args.Length == 0 || args[0].StartsWith('-') || args[0] == "run";
if (exitCode != 0 || !runsTheServer || served) return exitCode;
// Said on the error stream itself: the host, and the logger with it, is disposed by now.
if (startFailure.Reason is { } reason) await Console.Error.WriteLineAsync(reason);
return 1;

/// <summary>The API's entry point; public so that test hosts (Alba) can start it.</summary>
public partial class Program;
