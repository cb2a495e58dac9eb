using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Accounts;

public sealed class LoginTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Login_WithDemoPassword_SignsInAndShowsTheRole(string provider)
    {
        var app = fx.App(provider);
        var client = app.Anonymous();
        var response = await client.LoginAsync("coordinator", "Demo@2025");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var home = await client.GetPageAsync("/");
        home.QuerySelector("nav")!.TextContent.Should().Contain("coordinator").And.Contain("Cơ quan");
        home.QuerySelector("h1")!.TextContent.Should().Be("Việc cần làm", "the start page is the to-do home");
        home.QuerySelector("#home-who")!.TextContent.Should().Contain("Chuyên viên CCHC Sở Nội vụ").And.Contain("Điều phối");
    }

    [Fact]
    public async Task Login_WrongPassword_StaysOnPageWithVietnameseMessage()
    {
        var client = fx.App().Anonymous();
        var response = await client.LoginAsync("leader", "sai-mat-khau");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).Messages().Should().Contain("Tên đăng nhập hoặc mật khẩu không đúng");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Login_FiveFailures_LocksEvenWithTheRightPassword_AndTheLockIsAudited(string provider)
    {
        var app = fx.App(provider);
        var user = await app.AddUserAsync();
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
            (await (await client.LoginAsync(user, "sai-mat-khau")).ParseAsync()).Messages().Should().Contain("không đúng");

        var right = await client.LoginAsync(user, AccountTestData.Password);
        right.StatusCode.Should().Be(HttpStatusCode.OK, "a locked account cannot sign in");
        (await right.ParseAsync()).Messages().Should().Contain("tạm khóa");

        var locked = await app.Db(db => db.Users.Where(u => u.UserName == user).Select(u => u.LockedUntilUtc).SingleAsync());
        locked.Should().BeCloseTo(DateTime.UtcNow.AddMinutes(1), TimeSpan.FromSeconds(30), "the first lock lasts a minute; later ones longer");
        (await app.Db(db => db.AuditEntries.AnyAsync(e => e.Entity == "SignIn" && e.UserName == user && e.Action == "LockedOut")))
            .Should().BeTrue("the lock is audited");
    }

    [Fact]
    public async Task Anonymous_Page_RedirectsToLogin_AndApi_Gets401ProblemDetails()
    {
        var client = fx.App().Anonymous();
        var page = await client.GetAsync("/");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.Should().Contain("/Accounts/Login");

        var api = await client.GetAsync("/api/agencies");
        api.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var app = fx.App();
        var client = await app.SignedInAsync(await app.AddUserAsync());   // not a demo account: signing out ends all its sessions
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
        var logout = await client.SubmitFormAsync("/", formSelector: "header form[method=post]");
        logout.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task LanguageSwitch_ShowsEnglish()
    {
        var client = await fx.App().As("leader");
        var switched = await client.GetAsync("/lang/en-US?returnUrl=/");
        switched.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var home = await client.GetPageAsync("/");
        home.DocumentElement.GetAttribute("lang").Should().Be("en");
        home.QuerySelector("nav")!.TextContent.Should().Contain("Agencies").And.Contain("Tiếng Việt");
        await client.GetAsync("/lang/vi-VN?returnUrl=/");
        (await client.GetPageAsync("/")).QuerySelector("nav")!.TextContent.Should().Contain("Cơ quan");
    }
}
