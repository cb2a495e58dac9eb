using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ParTrack.Cli;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Accounts;

/// <summary>
/// Issue 19, finding 5: production starts with no demo and no default password; the first administrator
/// comes from `partrack admin create`; cookies are Secure, HSTS is sent and AllowedHosts holds.
/// </summary>
public sealed class ProductionDefaultsTests
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Production_EmptyDatabase_GetsNoDemoAndNoDefaultPassword(string provider)
    {
        await using var app = new TestApp(provider, demo: false, environment: "Production");
        (await app.Db(db => db.Users.CountAsync())).Should().Be(0);
        (await app.Db(db => db.Agencies.CountAsync())).Should().Be(0);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://partrack.example") });
        var login = await client.LoginAsync("admin", Features.Demo.DemoData.Password);
        login.StatusCode.Should().Be(HttpStatusCode.OK, "there is no admin/Demo@2025 in production");
    }

    [Fact]
    public async Task Production_CookiesAreSecure_HstsIsSent()
    {
        await using var app = new TestApp(Databases.Sqlite, environment: "Production");   // demo asked for explicitly
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://partrack.example") });
        var page = await client.GetAsync("/Accounts/Login");
        page.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=31536000");
        page.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase), "the antiforgery cookie too");
        var login = await client.LoginAsync("leader", Features.Demo.DemoData.Password);
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("partrack.auth=")).Should().Contain("secure").And.Contain("httponly");
    }

    [Fact]
    public async Task AllowedHosts_WhenConfigured_RefusesOtherHostNames()
    {
        await using var app = new TestApp(Databases.Sqlite, environment: "Production");
        await using var strict = app.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "partrack.example"));
        var good = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://partrack.example") });
        (await good.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        var bad = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://evil.example") });
        (await bad.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AdminCreate_RefusesACommonPassword_ThenCreatesTheFirstAdministrator()
    {
        var file = Path.Combine(Path.GetTempPath(), "partrack-tests", $"admin-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        string[] Args(params string[] a) => [.. a, $"--ConnectionStrings:Sqlite=Data Source={file};Pooling=False", "--Database:Provider=Sqlite"];
        var err = new StringWriter();

        (await AdminCommand.RunAsync(Args("create", "QuanTri"), new StringReader("matkhau123\n"), false, new StringWriter(), err)).Should().Be(1);
        err.ToString().Should().Contain("quá phổ biến");
        (await AdminCommand.RunAsync(Args("create"), new StringReader(""), false, new StringWriter(), new StringWriter())).Should().Be(2, "no user name");

        var output = new StringWriter();
        (await AdminCommand.RunAsync(Args("create", "QuanTri", "--name", "Quản trị Sở Nội vụ"), new StringReader("Ba-con-meo-treo-cay-cau\n"), false, output, err)).Should().Be(0, err.ToString());
        output.ToString().Should().Contain("quantri");
        (await AdminCommand.RunAsync(Args("create", "quantri"), new StringReader("Ba-con-meo-treo-cay-cau\n"), false, new StringWriter(), err)).Should().Be(1, "the name is taken");

        await using var db = AppDbContext.Open(postgres: false, $"Data Source={file};Pooling=False");
        var admin = await db.Users.SingleAsync();
        admin.Role.Should().Be(Role.Administrator);
        admin.DisplayName.Should().Be("Quản trị Sở Nội vụ");
        new PasswordHasher<User>().VerifyHashedPassword(admin, admin.PasswordHash, "Ba-con-meo-treo-cay-cau").Should().NotBe(PasswordVerificationResult.Failed);
        (await db.AuditEntries.CountAsync(e => e.Entity == "User" && e.Action == "Added" && e.UserName == "system")).Should().Be(1);
    }
}
