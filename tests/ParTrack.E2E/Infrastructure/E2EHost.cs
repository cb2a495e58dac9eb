using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ParTrack.E2E.Infrastructure;

/// <summary>
/// The app on a real Kestrel port (127.0.0.1, any free port) with a fresh SQLite database and file
/// folder, plus one headless Chromium. Demo agencies and accounts are seeded; demo plans are not.
/// </summary>
public class E2EHost : IAsyncLifetime
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "partrack-e2e", Guid.NewGuid().ToString("N"));
    Factory? _factory;
    IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    /// <summary>
    /// What Chromium reported as blocked by the Content-Security-Policy on any page opened through
    /// <see cref="SignInAsync"/> or <see cref="NewPageAsync"/> (console messages naming the policy).
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> CspViolations { get; } = new();

    void WatchCsp(IPage page) => page.Console += (_, message) =>
    {
        if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) CspViolations.Enqueue($"{page.Url}: {message.Text}");
    };

    /// <summary>A fresh anonymous browser page (watched for CSP violations).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        WatchCsp(page);
        return page;
    }

    /// <summary>True to seed the whole demo (plans, PAR Index rounds) as `partrack demo` does.</summary>
    protected virtual bool SeedDemo => false;

    sealed class Factory(string dir, bool seedDemo) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(dir, "e2e.db")};Pooling=False");
            builder.UseSetting("Files:Folder", Path.Combine(dir, "files"));
            builder.UseSetting("Demo:SeedOnEmpty", "true");
            builder.UseSetting("Demo:SeedPlans", seedDemo ? "true" : "false");
            builder.UseSetting("Demo:DossierCount", "0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Reporting:Reminders", "false");
            builder.ConfigureLogging(l => l.AddProvider(new ServerLog()));
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _factory = new Factory(_dir, SeedDemo);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context signed in as a demo user.</summary>
    public async Task<IPage> SignInAsync(string user, string password = Features.Demo.DemoData.Password, int width = 1280)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync($"{BaseUrl}/Accounts/Login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        // Generous: the first page after sign-in may be the first request of its kind since start-up.
        try
        {
            await page.WaitForURLAsync(u => !u.Contains("/Accounts/Login"), new PageWaitForURLOptions { Timeout = 90_000 });
        }
        catch (TimeoutException e)
        {
            // Say what the browser shows (a message on the sign-in page, an error page), not only "timeout".
            throw new TimeoutException($"Signing in as {user} stayed on {page.Url}: {await page.InnerTextAsync("body")}", e);
        }
        return page;
    }

    /// <summary>
    /// Opens an agency's report as its officer does: a report not started yet shows "Bắt đầu báo cáo" (opening the page
    /// creates nothing), which is pressed; returns when the report's form is there.
    /// </summary>
    public static async Task OpenReportAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var start = page.Locator("#start-report button");
        if (await start.CountAsync() > 0) await start.ClickAsync();
        await page.Locator("#report-form").WaitForAsync();
    }

    /// <summary>Saves a full-page PNG to PARTRACK_SCREENSHOTS (a folder) when that is set.</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PARTRACK_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

/// <summary>The host with the full demo data.</summary>
public sealed class DemoHost : E2EHost
{
    protected override bool SeedDemo => true;
}
