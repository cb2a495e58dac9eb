using System.Diagnostics;
using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Accounts;

/// <summary>
/// Issue 19, findings 11, 12 and 20: a failed sign-in tells nothing (same answer, same work), an account
/// gets a bounded number of password checks even under parallel attempts, locks are temporary and grow,
/// a client that keeps failing is slowed down, and every attempt is in the audit log with its address.
/// </summary>
public sealed class SignInProtectionTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>The test's clock, settable (locks and waits are measured with it).</summary>
    sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Counts the checks of real accounts' passwords (the dummy check is on a user without an id).</summary>
    sealed class CountingHasher : IPasswordHasher<User>
    {
        readonly PasswordHasher<User> _inner = new();
        int _checks;
        public int Checks => _checks;
        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(User user, string hash, string password)
        {
            if (user.Id != 0) Interlocked.Increment(ref _checks);
            return _inner.VerifyHashedPassword(user, hash, password);
        }
    }

    /// <summary>Lets a test say which address a request comes from (X-Test-Client), as a proxy would.</summary>
    sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, go) =>
            {
                if (ctx.Request.Headers.TryGetValue("X-Test-Client", out var v)) ctx.Connection.RemoteIpAddress = IPAddress.Parse(v.ToString());
                return go();
            });
            next(app);
        };
    }

    static WebApplicationFactory<Program> Variant(TestApp app, Clock? clock = null, CountingHasher? hasher = null, int freeFailures = 100000) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Security:FreeFailuresPerClient", freeFailures.ToString());
            b.ConfigureServices(s =>
            {
                s.AddTransient<IStartupFilter, ClientAddressFromHeader>();
                if (clock is not null) s.AddSingleton<TimeProvider>(clock);
                if (hasher is not null) s.AddSingleton<IPasswordHasher<User>>(hasher);
            });
        });

    static HttpClient From(WebApplicationFactory<Program> host, string address)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Test-Client", address);
        return client;
    }

    static async Task<string> ErrorOf(HttpResponseMessage r) => (await r.ParseAsync()).QuerySelector("#login-error")?.TextContent.Trim() ?? "";

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task FailedSignIn_UnknownWrongInactiveOrLocked_AllGetTheSameAnswer(string provider)
    {
        var app = fx.App(provider);
        var active = await app.AddUserAsync();
        var inactive = await app.AddUserAsync(active: false);
        var locked = await app.AddUserAsync();
        await app.Db(db => db.Users.Where(u => u.UserName == locked).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntilUtc, DateTime.UtcNow.AddMinutes(10))));

        var answers = new[]
        {
            await app.Anonymous().LoginAsync("khongco" + Guid.NewGuid().ToString("N")[..6], AccountTestData.Password),
            await app.Anonymous().LoginAsync(active, "sai-mat-khau-123"),
            await app.Anonymous().LoginAsync(inactive, AccountTestData.Password),
            await app.Anonymous().LoginAsync(locked, AccountTestData.Password),
        };
        answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var messages = new List<string>();
        foreach (var r in answers) messages.Add(await ErrorOf(r));
        messages[0].Should().Contain("Tên đăng nhập hoặc mật khẩu không đúng");
        messages.Should().AllBe(messages[0], "an unknown, a wrong, an inactive and a locked sign-in must not be told apart");
    }

    [Fact]
    public async Task UnknownUser_TakesAsLongAsAWrongPassword()
    {
        var app = fx.App();
        var known = await app.AddUserAsync();
        var client = app.Anonymous();
        await client.LoginAsync("khongco-khoi-dong", "x");   // warm up
        async Task<double> MedianMsAsync(string name)
        {
            var times = new List<double>();
            for (var i = 0; i < 4; i++)   // 4 < 5 tries: the known account is not locked meanwhile
            {
                var sw = Stopwatch.StartNew();
                await client.LoginAsync(name, "sai-mat-khau-123");
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(times.Count / 2);
        }
        var wrong = await MedianMsAsync(known);
        var unknown = await MedianMsAsync("khongco" + Guid.NewGuid().ToString("N")[..6]);
        // The password hash (PBKDF2, tens of ms) dominates both; without the dummy hash an unknown name answered ~30x faster.
        unknown.Should().BeGreaterThan(wrong * 0.4, $"unknown {unknown:F0} ms vs wrong password {wrong:F0} ms");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ThirtyParallelWrongPasswords_CheckAtMostFive_ThenTheAccountIsLocked(string provider)
    {
        var hasher = new CountingHasher();
        await using var host = Variant(fx.App(provider), hasher: hasher);
        var target = await fx.App(provider).AddUserAsync();
        var forms = new List<(HttpClient Client, AngleSharp.Html.Dom.IHtmlFormElement Form)>();
        for (var i = 0; i < 30; i++)
        {
            var c = From(host, "192.0.2.1");
            forms.Add((c, (AngleSharp.Html.Dom.IHtmlFormElement)(await c.GetPageAsync("/Accounts/Login")).QuerySelector("main form")!));
        }
        var checksBefore = hasher.Checks;
        var answers = await Task.WhenAll(forms.Select(f => f.Client.SubmitAsync(f.Form, "/Accounts/Login",
            new Dictionary<string, string?> { ["UserName"] = target, ["Password"] = "sai-mat-khau-123" })));

        answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        (hasher.Checks - checksBefore).Should().BeInRange(1, 5, "each check takes one of five tries atomically");
        (await From(host, "192.0.2.1").LoginAsync(target, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the account is locked now");
    }

    [Fact]
    public async Task Lock_LastsOneMinuteThenTwo_AndASuccessfulSignInStartsAgain()
    {
        var clock = new Clock();
        await using var host = Variant(fx.App(), clock);
        var user = await fx.App().AddUserAsync();
        var client = From(host, "192.0.2.2");
        async Task FailFiveAsync() { for (var i = 0; i < 5; i++) await client.LoginAsync(user, "sai-mat-khau-123"); }

        await FailFiveAsync();
        (await client.LoginAsync(user, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "locked");
        clock.Now += TimeSpan.FromSeconds(61);
        (await client.LoginAsync(user, "sai-mat-khau-123")).StatusCode.Should().Be(HttpStatusCode.OK);
        await client.LoginAsync(user, "sai"); await client.LoginAsync(user, "sai"); await client.LoginAsync(user, "sai"); await client.LoginAsync(user, "sai");
        clock.Now += TimeSpan.FromSeconds(61);
        (await client.LoginAsync(user, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the second lock lasts two minutes");
        clock.Now += TimeSpan.FromSeconds(60);
        (await From(host, "192.0.2.2").LoginAsync(user, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect, "locks are temporary");

        var state = await fx.App().Db(db => db.Users.Where(u => u.UserName == user).Select(u => new { u.FailedLogins, u.LockOuts, u.LockedUntilUtc }).SingleAsync());
        state.Should().Be(new { FailedLogins = 0, LockOuts = 0, LockedUntilUtc = (DateTime?)null });
    }

    [Fact]
    public async Task ClientThatKeepsFailing_IsSlowedDown_OtherClientsAreNot()
    {
        var clock = new Clock();
        await using var host = Variant(fx.App(), clock, freeFailures: 3);
        var user = await fx.App().AddUserAsync();
        var prober = From(host, "198.51.100.7");
        for (var i = 0; i < 4; i++) await prober.LoginAsync("khongco" + i + Guid.NewGuid().ToString("N")[..4], "sai-mat-khau-123");

        var slowed = await prober.LoginAsync(user, AccountTestData.Password);
        slowed.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await ErrorOf(slowed)).Should().Contain("thử lại sau");
        (await From(host, "198.51.100.8").LoginAsync(user, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        clock.Now += TimeSpan.FromSeconds(2);
        (await prober.LoginAsync(user, "sai-mat-khau-123")).StatusCode.Should().Be(HttpStatusCode.OK, "the wait is over");
        clock.Now += TimeSpan.FromSeconds(1);
        (await prober.LoginAsync(user, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "each failure doubles the wait (now 2 s)");
    }

    [Fact]
    public async Task SignInSignOutAndFailures_AreOnTheAuditPage_WithTheClientAddress()
    {
        await using var host = Variant(fx.App());
        var user = await fx.App().AddUserAsync();
        var client = From(host, "203.0.113.5");
        (await client.LoginAsync(user, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await client.SubmitFormAsync("/", formSelector: "header form[method=post]");
        await From(host, "203.0.113.6").LoginAsync("ke-do-tim-" + user, "thu-mat-khau-1");

        var admin = await fx.App().As("admin");
        var mine = (await admin.GetPageAsync($"/Accounts/Audit?entity=SignIn&userName={user}")).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        mine.Should().Contain(r => r.Contains("Đăng nhập") && r.Contains("203.0.113.5"));
        mine.Should().Contain(r => r.Contains("Đăng xuất") && r.Contains("203.0.113.5"));
        var probe = (await admin.GetPageAsync($"/Accounts/Audit?entity=SignIn&userName=ke-do-tim-{user}")).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        probe.Should().ContainSingle().Which.Should().Contain("Đăng nhập sai").And.Contain("203.0.113.6").And.Contain("ke-do-tim-" + user);
    }
}
