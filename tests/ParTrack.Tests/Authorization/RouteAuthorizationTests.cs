using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Authorization;

/// <summary>Role and agency scope on every route, for every demo user (table in RouteTable).</summary>
public sealed class RouteAuthorizationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(RouteTable.Matrix), MemberType = typeof(RouteTable))]
    public async Task Route_IsOpenOnlyToItsRolesAndAgency(string route, string user)
    {
        var app = fx.App();
        var c = RouteTable.Find(route);
        var client = user == Who.Anonymous ? app.Anonymous() : await app.As(user);
        var url = await c.Url(app);

        HttpResponseMessage response;
        if (c.Method == "GET") response = await client.GetAsync(url);
        else if (c.Json is not null)
            response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(c.Method), url) { Content = JsonContent.Create(await c.Json(app)) });
        else
            response = await client.PostWithTokenAsync(url, c.Form is null ? [] : await c.Form(app), tokenFrom: "/");

        var status = (int)response.StatusCode;
        var toLogin = response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("/Accounts/Login", StringComparison.OrdinalIgnoreCase) == true;
        status.Should().BeLessThan(500, $"{c.Method} {url} as {user} must not fail");

        if (c.Allowed.Contains(user))
        {
            toLogin.Should().BeFalse($"{user} may use {c.Method} {url}");
            new[] { 401, 403, 404 }.Should().NotContain(status, $"{user} may use {c.Method} {url}");
        }
        else if (user == Who.Anonymous)
        {
            if (url.StartsWith("/api")) status.Should().Be(401, $"anonymous {c.Method} {url}");
            else toLogin.Should().BeTrue($"anonymous {c.Method} {url} should go to the login page, got {status}");
        }
        else
        {
            status.Should().BeOneOf([403, 404], $"{user} must not use {c.Method} {url}");
        }
    }

    [Fact]
    public void EveryRouteCase_HasAUniqueName() =>
        RouteTable.All.Select(c => c.Name).Should().OnlyHaveUniqueItems();
}
