using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Api;

/// <summary>
/// The app on a real Kestrel port (127.0.0.1, a free port) with a fresh SQLite database and the whole demo, for
/// tools outside the process (Spectral, Newman) that call it over HTTP; plus running those tools from tests/api.
/// </summary>
public sealed class KestrelApp : IAsyncLifetime
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "partrack-api", Guid.NewGuid().ToString("N"));
    Factory? _factory;

    public string BaseUrl { get; private set; } = "";
    /// <summary>A scratch folder for this app (database, files, the tools' inputs and reports); removed at the end.</summary>
    public string Folder => _dir;
    public IServiceProvider Services => _factory!.Services;

    sealed class Factory(string dir) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(dir, "api.db")};Pooling=False");
            builder.UseSetting("Files:Folder", Path.Combine(dir, "files"));
            builder.UseSetting("Demo:SeedOnEmpty", "true");
            builder.UseSetting("Demo:SeedPlans", "true");
            builder.UseSetting("Demo:DossierCount", "0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Reporting:Reminders", "false");
        }
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _factory = new Factory(_dir);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return Task.CompletedTask;
    }

    /// <summary>A client with its own cookie jar, signed in as a demo user.</summary>
    public async Task<(HttpClient Client, string Cookie)> SignInAsync(string user)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var response = await client.LoginAsync(user, Features.Demo.DemoData.Password);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Login as {user} failed: {(int)response.StatusCode}");
        var auth = cookies.GetCookies(new Uri(BaseUrl))["partrack.auth"] ?? throw new InvalidOperationException("No auth cookie.");
        return (client, $"{auth.Name}={auth.Value}");
    }

    /// <summary>The folder of the committed package.json (tests/api), found from the test's output folder upwards.</summary>
    public static string ToolsFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "tests", "api", "package.json"))) return Path.Combine(dir.FullName, "tests", "api");
            throw new DirectoryNotFoundException("tests/api/package.json not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Runs an npm tool from tests/api (installed by `npm ci`), bounded in time; returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToolAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var folder = ToolsFolder;
        var bin = Path.Combine(folder, "node_modules", ".bin", tool);
        if (!File.Exists(bin))
            throw new InvalidOperationException($"{tool} is not installed: run `npm ci` in {folder} (test.sh does it).");
        var psi = new ProcessStartInfo(bin) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{tool} did not finish within {timeout.TotalSeconds:F0} s.\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout + "\n" + await stderr);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
