using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Accounts;

/// <summary>
/// Issue 19, finding 2: a session ends for good on sign-out, a password change or reset and a
/// deactivation; a copy of the old cookie replayed afterwards gets the login page (pages) or 401 (API).
/// </summary>
public sealed class SessionTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static async Task<(HttpClient Client, string Cookie)> SignInCapturingAsync(TestApp app, string userName, string password = AccountTestData.Password)
    {
        var client = app.Anonymous();
        var login = await client.LoginAsync(userName, password);
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (client, AccountTestData.AuthCookie(login));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SignOut_ThenTheOldCookieReplayed_GoesToLoginAndApiSays401(string provider)
    {
        var app = fx.App(provider);
        var userName = await app.AddUserAsync();
        var (client, cookie) = await SignInCapturingAsync(app, userName);
        (await app.ReplayAsync(cookie, "/")).StatusCode.Should().Be(HttpStatusCode.OK, "the copied cookie works while the session lives");

        (await client.SubmitFormAsync("/", formSelector: "header form[method=post]")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await app.ReplayAsync(cookie, "/")).IsLoginRedirect().Should().BeTrue("signing out ends the session, not only the browser's copy");
        (await app.ReplayAsync(cookie, "/api/agencies")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AdminResetsThePassword_TheUsersOpenSessionEnds(string provider)
    {
        var app = fx.App(provider);
        var userName = await app.AddUserAsync();
        var (_, cookie) = await SignInCapturingAsync(app, userName);
        var id = await app.UserIdAsync(userName);

        var admin = await app.As("admin");
        var reset = await admin.SubmitFormAsync($"/Accounts/UserEdit/{id}", new Dictionary<string, string?> { ["Input.NewPassword"] = "Mot-mat-khau-moi-2026" });
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await app.ReplayAsync(cookie, "/")).IsLoginRedirect().Should().BeTrue();
        (await app.Anonymous().LoginAsync(userName, "Mot-mat-khau-moi-2026")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AdminDeactivates_TheCopiedCookieStopsWorking()
    {
        var app = fx.App();
        var userName = await app.AddUserAsync();
        var (_, cookie) = await SignInCapturingAsync(app, userName);
        var id = await app.UserIdAsync(userName);
        var admin = await app.As("admin");
        await admin.SubmitFormAsync($"/Accounts/UserEdit/{id}", new Dictionary<string, string?> { ["Input.Active"] = "false" });
        (await app.ReplayAsync(cookie, "/")).IsLoginRedirect().Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OwnPasswordChange_EndsOtherSessions_KeepsThisOne(string provider)
    {
        var app = fx.App(provider);
        var userName = await app.AddUserAsync();
        var (elsewhere, elsewhereCookie) = await SignInCapturingAsync(app, userName);
        var here = await app.SignedInAsync(userName);

        var change = await here.SubmitFormAsync("/Accounts/Password", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = AccountTestData.Password, ["NewPassword"] = "Hoa-sen-trong-dam-2026", ["ConfirmPassword"] = "Hoa-sen-trong-dam-2026",
        });
        change.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await here.GetPageAsync("/Accounts/Password")).QuerySelector(".alert-success")!.TextContent.Should().Contain("Đã đổi mật khẩu");

        (await here.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "the browser that changed it stays signed in");
        (await app.ReplayAsync(elsewhereCookie, "/")).IsLoginRedirect().Should().BeTrue("every other session ends");
        (await elsewhere.GetAsync("/")).IsLoginRedirect().Should().BeTrue();
        (await app.Anonymous().LoginAsync(userName, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the old password no longer works");
        (await app.Anonymous().LoginAsync(userName, "Hoa-sen-trong-dam-2026")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var audit = await app.Db(db => db.AuditEntries.Where(e => e.Entity == "User" && e.UserName == userName && e.Action == "Modified").ToListAsync());
        audit.Should().Contain(e => e.After!.Contains("\"PasswordHash\":\"***\"") && e.After.Contains("\"SecurityStamp\":\"***\""),
            "the change is audited without the hash or the stamp");
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentOrCommonOrMismatched_SaysWhyAndKeepsTheOld()
    {
        var app = fx.App();
        var userName = await app.AddUserAsync();
        var client = await app.SignedInAsync(userName);
        async Task<string> TryAsync(string current, string next, string confirm) =>
            (await (await client.SubmitFormAsync("/Accounts/Password", new Dictionary<string, string?>
            { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = confirm })).ParseAsync()).Messages();

        (await TryAsync("sai-mat-khau-roi", "Hoa-sen-trong-dam-2026", "Hoa-sen-trong-dam-2026")).Should().Contain("Mật khẩu hiện tại không đúng");
        (await TryAsync(AccountTestData.Password, "matkhau123", "matkhau123")).Should().Contain("quá phổ biến");
        (await TryAsync(AccountTestData.Password, "1234567890", "1234567890")).Should().Contain("quá phổ biến");
        (await TryAsync(AccountTestData.Password, "ngan", "ngan")).Should().Contain("ít nhất 10 ký tự");
        (await TryAsync(AccountTestData.Password, "Hoa-sen-trong-dam-2026", "Hoa-sen-khac-2026")).Should().Contain("không khớp");
        (await app.Anonymous().LoginAsync(userName, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect, "nothing changed");
    }
}
