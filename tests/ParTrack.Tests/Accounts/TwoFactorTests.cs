using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Accounts;

/// <summary>Issue 19, finding 13: optional TOTP sign-in, required for administrators when configured, reset by an administrator.</summary>
public sealed class TwoFactorTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static string CodeFor(string key, DateTime? at = null) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at ?? DateTime.UtcNow);

    /// <summary>Turns 2FA on through the page as the signed-in client; returns the key the page showed.</summary>
    static async Task<string> EnrolAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/Accounts/TwoFactor");
        page.QuerySelector("img.qr-code")!.GetAttribute("src").Should().StartWith("data:image/png;base64,");
        var key = page.QuerySelector("#twofactor-key")!.TextContent.Trim();
        // The key travels sealed in this form: post this page's form, not a freshly loaded one (a new key).
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='handler=Enable']")!;
        var wrong = await client.SubmitAsync(form, "/Accounts/TwoFactor", new Dictionary<string, string?> { ["Code"] = "000000" });
        (await wrong.ParseAsync()).Messages().Should().Contain("Mã không đúng");
        var ok = await client.SubmitAsync(form, "/Accounts/TwoFactor", new Dictionary<string, string?> { ["Code"] = CodeFor(key) });
        ok.StatusCode.Should().Be(HttpStatusCode.Redirect, (await ok.ParseAsync()).Messages());
        return key;
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Enrolled_SignInNeedsTheAppsCode_OnceOnly(string provider)
    {
        var app = fx.App(provider);
        var user = await app.AddUserAsync();
        var key = await EnrolAsync(await app.SignedInAsync(user));
        var stored = await app.Db(db => db.Users.Where(u => u.UserName == user).Select(u => new { u.TwoFactorEnabled, u.TwoFactorKey }).SingleAsync());
        stored.TwoFactorEnabled.Should().BeTrue();
        stored.TwoFactorKey.Should().NotContain(key, "the key is stored protected");

        var client = app.Anonymous();
        var password = await client.LoginAsync(user, AccountTestData.Password);
        password.Headers.Location!.OriginalString.Should().Contain("/Accounts/LoginCode");
        (await client.GetAsync("/")).IsLoginRedirect().Should().BeTrue("a right password alone is not a session");

        var wrong = await client.SubmitFormAsync("/Accounts/LoginCode", new Dictionary<string, string?> { ["Code"] = "123456" });
        (await wrong.ParseAsync()).Messages().Should().Contain("Mã không đúng");
        // The next step's code: the enrolment used this step's, and a code counts once.
        var code = CodeFor(key, DateTime.UtcNow.AddSeconds(30));
        var right = await client.SubmitFormAsync("/Accounts/LoginCode", new Dictionary<string, string?> { ["Code"] = code });
        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);

        var replay = app.Anonymous();
        await replay.LoginAsync(user, AccountTestData.Password);
        var again = await replay.SubmitFormAsync("/Accounts/LoginCode", new Dictionary<string, string?> { ["Code"] = code });
        again.StatusCode.Should().Be(HttpStatusCode.OK, "a code signs in once");
    }

    [Fact]
    public async Task RequiredForAdmins_AnAdminWithout2FA_CanOnlyEnrol()
    {
        var app = fx.App();
        await using var strict = app.WithWebHostBuilder(b => b.UseSetting("Security:RequireTwoFactorForAdmins", "true"));
        var admin = await app.AddUserAsync(Role.Administrator, "qt");
        var client = strict.CreateClient(new() { AllowAutoRedirect = false });
        (await client.LoginAsync(admin, AccountTestData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var users = await client.GetAsync("/Accounts/Users");
        users.StatusCode.Should().Be(HttpStatusCode.Redirect);
        users.Headers.Location!.OriginalString.Should().Be("/Accounts/TwoFactor");
        (await client.GetAsync("/api/agencies")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetPageAsync("/Accounts/TwoFactor")).QuerySelector(".alert-warning")!.TextContent.Should().Contain("phải bật xác thực hai bước");

        await EnrolAsync(client);
        (await client.GetAsync("/Accounts/Users")).StatusCode.Should().Be(HttpStatusCode.OK, "enrolling signs the session in with the code");

        var leader = await app.AddUserAsync(Role.Leader);
        var other = strict.CreateClient(new() { AllowAutoRedirect = false });
        await other.LoginAsync(leader, AccountTestData.Password);
        (await other.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "only administrators are required to use it");
    }

    [Fact]
    public async Task AdminResetsALostPhone_2FAIsOff_Audited_AndSessionsEnd()
    {
        var app = fx.App();
        var user = await app.AddUserAsync();
        var client = await app.SignedInAsync(user);
        await EnrolAsync(client);
        var id = await app.UserIdAsync(user);

        var admin = await app.As("admin");
        var reset = await admin.SubmitFormAsync($"/Accounts/UserEdit/{id}", formSelector: "main form[action*='handler=ResetTwoFactor']");
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await client.GetAsync("/")).IsLoginRedirect().Should().BeTrue();
        (await app.Anonymous().LoginAsync(user, AccountTestData.Password)).Headers.Location!.OriginalString.Should().NotContain("LoginCode");
        (await app.Db(db => db.AuditEntries.AnyAsync(e => e.Entity == "User" && e.EntityId == id.ToString() && e.UserName == "admin"
            && e.After!.Contains("\"TwoFactorEnabled\":false")))).Should().BeTrue();
    }
}
