using System.Text;
using ParTrack.Cli;
using ParTrack.Data;
using ParTrack.Features;
using ParTrack.Features.Accounts;
using ParTrack.Features.Agencies;
using ParTrack.Features.Demo;
using ParTrack.Features.Dossiers;
using ParTrack.Features.Inspections;
using ParTrack.Features.Plans;
using ParTrack.Features.Publishing;
using ParTrack.Features.Reporting;
using ParTrack.Features.Reporting.Documents;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Home;
using ParTrack.Features.Satisfaction;
using ParTrack.Features.Shared;
using ParTrack.Operations;

Console.OutputEncoding = Encoding.UTF8;

if (Usage.Answered(args, Console.Out, Console.Error))
    return Usage.ExitCode;

if (args is ["import", ..])
    return ImportCommand.Run(args[1..], Console.Out, Console.Error);
if (args is ["backup", ..])
{
    // `partrack backup [PATH] [--ConnectionStrings:Sqlite=...]`: the same configuration as the app.
    var (path, rest) = args is [_, var p, ..] && !p.StartsWith("--") ? (p, args[2..]) : (null, args[1..]);
    var config = WebApplication.CreateBuilder(rest).Configuration;
    return BackupCommand.Run(DatabaseSettings.From(config), path, DateTime.UtcNow, Console.Out, Console.Error);
}
if (args is ["dossiers", ..])   // `partrack dossiers kpis|import FILE …`: one-stop dossier exports (docs/kpis.md)
    return await DossiersCommand.RunAsync(args[1..], Console.Out, Console.Error);
if (args is ["admin", ..])   // `partrack admin create USER`: the first administrator (production has no demo)
    return await AdminCommand.RunAsync(args[1..], Console.In, !Console.IsInputRedirected, Console.Out, Console.Error);
if (args is ["generate-large", var largeDb, ..])   // hidden: data for bench/load/plans-*.sh
    return await GenerateLargeCommand.RunAsync(largeDb, TimeProvider.System, Console.Out, Console.Error);
var demoVerb = args is ["demo", ..];
var toolVerb = ReportingTools.Verb(args);   // hidden: crash-writer, bench-generate

var builder = WebApplication.CreateBuilder(demoVerb ? args[1..] : toolVerb is not null ? [] : args);
builder.WebHost.UseStaticWebAssets();   // wwwroot also under `dotnet run` from the repository root
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);   // also when appsettings.json is not beside us
builder.AddOperations();
builder.Services.AddPartrackData();
builder.Services.AddFiles();
builder.Services.AddPartrackWeb();
builder.Services.AddCluster(builder.Configuration);
builder.Services.AddAccounts();
builder.Services.AddAgencies();
builder.Services.AddPlans();
builder.Services.AddReporting();
builder.Services.AddParIndex();
builder.Services.AddPublishing();
builder.Services.AddHome();
builder.Services.AddDossiers();
builder.Services.AddSatisfaction();
builder.Services.AddInspections();
if (toolVerb is not null) ReportingTools.Configure(builder, args);

var app = builder.Build();
if (!Settings.AreValid(app.Services, Console.Error))
    return 1;
if (demoVerb)
    return await DemoSetup.ResetCommandAsync(app.Services, Console.Out);
if (toolVerb is not null)
    return await ReportingTools.RunAsync(app.Services, args, Console.Out);

await app.PrepareDatabaseAsync();
app.UseCluster();
app.UsePartrackWeb();
app.MapHealthProbes();
app.MapAgenciesApi();
app.MapPlansApi();
app.MapReportingApi();
app.MapProgressApi();
app.MapPublicSite();
app.MapDossiersApi();
app.MapSatisfactionApi();
app.MapReportDocumentsApi();
app.MapInspectionsApi();
app.Run();
return 0;

public partial class Program;
