using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Accounts;

/// <summary>Accounts made for one test (the demo accounts' sessions are shared by the class's tests).</summary>
public static class AccountTestData
{
    public const string Password = "Cay-da-gieng-nuoc-2025";

    /// <summary>Adds an account with <see cref="Password"/> straight to the database; returns its name.</summary>
    public static async Task<string> AddUserAsync(this TestApp app, Role role = Role.Leader, string prefix = "tk", bool active = true)
    {
        var userName = prefix + Guid.NewGuid().ToString("N")[..8];
        var hasher = app.Services.GetRequiredService<IPasswordHasher<User>>();
        await app.Db(async db =>
        {
            var user = new User { UserName = userName, DisplayName = "Cán bộ " + userName, Role = role, Active = active };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            await db.SaveChangesAsync();
        });
        return userName;
    }

    /// <summary>A new client signed in as this account.</summary>
    public static async Task<HttpClient> SignedInAsync(this TestApp app, string userName, string password = Password)
    {
        var client = app.Anonymous();
        var response = await client.LoginAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The session cookie as a browser would send it, for replaying it from another client.</summary>
    public static string AuthCookie(HttpResponseMessage login) =>
        login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("partrack.auth="));

    /// <summary>GET with only the given cookie (no cookie container), as a stolen or copied cookie would be used.</summary>
    public static Task<HttpResponseMessage> ReplayAsync(this TestApp app, string cookie, string url)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    public static bool IsLoginRedirect(this HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("/Accounts/Login") == true;
}
