using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Demo;
using ParTrack.Features.Notifications;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Cluster;

/// <summary>
/// The app as a province with more users runs it: scripts/cluster.sh starts PostgreSQL, two instances and
/// nginx round-robin in front, on loopback. Through nginx a coordinator signs in (the sign-in form comes
/// from one instance and is posted to whichever nginx picks), is served by both instances, creates an
/// ad-hoc report request on one and reads it on the other; both instances run the reminder job and the
/// agency gets the reminder once.
/// </summary>
public sealed class ClusterTests
{
    [ClusterFact]
    public async Task TwoInstancesBehindNginx_ServeOneSession_SaveOnOneReadOnTheOther_RemindOnce()
    {
        await using var cluster = await RunningCluster.StartAsync(
            "--Reporting:ReminderIntervalMinutes=1", "--Reporting:ReminderStartDelaySeconds=1", "--Logging:LogLevel:ParTrack.Jobs=Debug");
        using var client = cluster.Client();

        (await client.LoginAsync("coordinator", DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var served = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var page = await client.GetAsync("/Notifications");
            page.StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in cookie is read by every instance");
            served.Add(Instance(page));
        }
        served.Should().BeEquivalentTo(["a", "b"]);

        // Save on one: an ad-hoc request to Sở Tư pháp, due tomorrow (so the reminder job has a reminder to send).
        var (plan, stp) = await cluster.Db(async db => (
            await db.Plans.Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync(),
            await db.Agencies.Where(a => a.Name == "Sở Tư pháp").Select(a => a.Id).SingleAsync()));
        var tomorrow = VietnamTime.Today(TimeProvider.System).AddDays(1);
        var title = TestData.Unique("Báo cáo nhanh qua cụm");
        var linesBefore = cluster.ReminderPasses();
        var created = await client.SubmitFormAsync("/Reports/AdHoc", new Dictionary<string, string?>
        {
            ["PlanId"] = plan.ToString(), ["Title"] = title, ["Questions"] = "Số hồ sơ đã số hóa?",
            ["DataFrom"] = tomorrow.AddMonths(-1).ToString("yyyy-MM-dd"), ["DataTo"] = tomorrow.AddDays(-2).ToString("yyyy-MM-dd"),
            ["Deadline"] = tomorrow.ToString("yyyy-MM-dd"), ["AgencyIds"] = stp.ToString(),
        });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var savedOn = Instance(created);
        var periodId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        // Read on the other.
        string? readOn = null;
        for (var i = 0; i < 6 && readOn is null; i++)
        {
            var page = await client.GetAsync(created.Headers.Location);
            if (Instance(page) == savedOn) continue;
            page.StatusCode.Should().Be(HttpStatusCode.OK);
            (await page.Content.ReadAsStringAsync()).Should().Contain(title);
            readOn = Instance(page);
        }
        readOn.Should().NotBeNull().And.NotBe(savedOn);

        // Both instances run a reminder pass after the request exists; the agency is reminded once.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (cluster.ReminderPasses() is var now && (now.A <= linesBefore.A || now.B <= linesBefore.B))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "each instance runs the reminder job every minute");
            await Task.Delay(2000);
        }
        var (keys, reminders) = await cluster.Db(async db => (
            await db.Set<SentReminder>().CountAsync(r => r.Key.Contains($"period-{periodId}:agency-{stp}")),
            await db.Set<Notification>().CountAsync(n => n.AgencyId == stp && n.Url!.Contains($"/Periods/{periodId}/") && n.Text.StartsWith("Sắp đến hạn"))));
        keys.Should().Be(1);
        reminders.Should().Be(1, "two instances ran the job, and the reminder was sent once");
    }

    static string Instance(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Instance", out var values) ? values.Single() : "(none)";
}

/// <summary>A fact that needs nginx and PostgreSQL: skipped, saying why, where either is missing (CI installs both).</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (!File.Exists("/usr/sbin/nginx")) Skip = "nginx is not installed (Debian: apt-get install nginx).";
        else if (!Directory.Exists("/usr/lib/postgresql")) Skip = "PostgreSQL is not installed (Debian: apt-get install postgresql).";
    }
}

/// <summary>scripts/cluster.sh run with this build's partrack.dll, stopped (SIGTERM: the script stops its parts and drops its database) when disposed.</summary>
sealed partial class RunningCluster : IAsyncDisposable
{
    readonly Process script;
    public required string Url { get; init; }
    public required string Database { get; init; }
    public required string Folder { get; init; }

    RunningCluster(Process script) => this.script = script;

    public static async Task<RunningCluster> StartAsync(params string[] settings)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "cluster.sh"), .. settings])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["PARTRACK_DLL"] = typeof(Program).Assembly.Location,
                ["CLUSTER_SECONDS"] = "900",   // stops by itself even if this test process dies
            },
        };
        var script = Process.Start(start)!;
        var errors = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        while (await script.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Ready().Match(line) is not { Success: true } m) continue;
            _ = script.StandardOutput.ReadToEndAsync();
            return new RunningCluster(script) { Url = m.Groups["url"].Value, Database = m.Groups["db"].Value, Folder = m.Groups["dir"].Value };
        }
        throw new InvalidOperationException("scripts/cluster.sh stopped before it was ready: " + await errors);
    }

    public HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        { BaseAddress = new Uri(Url) };

    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> read)
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(Databases.PostgresServer ?? "Host=127.0.0.1;Port=55432;Username=partrack")
        { Database = Database, Pooling = false };
        await using var db = AppDbContext.Open(postgres: true, server.ToString());
        return await read(db);
    }

    /// <summary>How many reminder passes each instance has logged so far.</summary>
    public (int A, int B) ReminderPasses() => (Passes("a"), Passes("b"));

    int Passes(string instance)
    {
        using var log = new FileStream(Path.Combine(Folder, instance + ".log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(log).ReadToEnd();
        return Regex.Count(text, "Reminder pass|report reminders");
    }

    public async ValueTask DisposeAsync()
    {
        if (!script.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", script.Id.ToString()]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try { await script.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { script.Kill(entireProcessTree: true); }
        }
        script.Dispose();
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "cluster.sh"))) return dir.FullName;
        throw new InvalidOperationException("scripts/cluster.sh not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"sẵn sàng: (?<url>http://\S+) .*cơ sở dữ liệu (?<db>\S+); nhật ký và tệp: (?<dir>[^)\s]+)\)")]
    private static partial Regex Ready();
}
