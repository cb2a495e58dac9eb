using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using ParTrack.Tests.Authorization;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// Issue 19, findings 14 and 15: the security headers on every answer (each route of the authorisation
/// table, errors, static files, repeated requests), pages without inline script or style (the CSP forbids
/// them), other methods on pages answered 405, and return addresses that cannot leave the site.
/// </summary>
public sealed partial class SecurityHeadersTests(AppFixture fx) : IClassFixture<AppFixture>
{
    public static TheoryData<string> GetRoutes()
    {
        var data = new TheoryData<string>();
        foreach (var c in RouteTable.All.Where(c => c.Method == "GET")) data.Add(c.Name);
        return data;
    }

    static void ShouldHaveSecurityHeaders(HttpResponseMessage r, string what)
    {
        string Header(string name) => r.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : r.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";
        var csp = Header("Content-Security-Policy");
        csp.Should().Contain("script-src 'self'", what).And.NotContain("unsafe-inline", what).And.NotContain("unsafe-eval", what);
        csp.Should().Contain("frame-ancestors", what);
        Header("X-Content-Type-Options").Should().Be("nosniff", what);
        // Only the public site's embeddable charts may be framed by other sites (issue 15); everything else refuses.
        if (IsEmbed(what))
        {
            csp.Should().Contain("frame-ancestors *", what);
            Header("X-Frame-Options").Should().BeEmpty(what);
        }
        else
        {
            csp.Should().MatchRegex("frame-ancestors '(none|self)'", what);
            Header("X-Frame-Options").Should().BeOneOf(["DENY", "SAMEORIGIN"], what);
        }
        Header("Referrer-Policy").Should().NotBeEmpty(what);
    }

    [Theory, MemberData(nameof(GetRoutes))]
    public async Task EveryRoute_AnswersWithSecurityHeaders_NoStore_AndNoInlineScriptOrStyle(string route)
    {
        var app = fx.App();
        var c = RouteTable.Find(route);
        var user = c.Allowed.FirstOrDefault(u => u != Who.Anonymous);
        var client = user is null ? app.Anonymous() : await app.As(user);
        var url = await c.Url(app);
        var response = await client.GetAsync(url);

        ShouldHaveSecurityHeaders(response, $"GET {url}");
        if (IsPublishedSnapshot(url))
            response.Headers.CacheControl?.Public.Should().BeTrue($"GET {url} is a published snapshot, cacheable by anyone");
        else
            response.Headers.CacheControl?.NoStore.Should().BeTrue($"GET {url} is a dynamic answer (page, API, export or file) and must not be stored");
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var html = await response.Content.ReadAsStringAsync();
            InlineScript().Matches(html).Should().BeEmpty($"GET {url}: scripts come from files");
            EventHandler().Matches(html).Should().BeEmpty($"GET {url}: no inline event handlers");
            StyleAttribute().Matches(html).Should().BeEmpty($"GET {url}: no style attributes (the CSP blocks them)");
        }
    }

    static bool IsEmbed(string what) => what.Contains("/cong-khai/nhung/") || what.Contains("/public/embed/");

    /// <summary>Answers made from a published snapshot (issue 15): public, long-lived, with an ETag.</summary>
    static bool IsPublishedSnapshot(string url) =>
        (url.StartsWith("/cong-khai") || url.StartsWith("/public") || url.StartsWith("/api/public")) && url != "/api/public";

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)] private static partial Regex InlineScript();
    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)] private static partial Regex EventHandler();
    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)] private static partial Regex StyleAttribute();

    [Fact]
    public async Task SecondAndLaterAnswers_ErrorsAndStaticFiles_CarryTheHeadersToo()
    {
        var app = fx.App();
        var leader = await app.As("leader");
        foreach (var url in new[] { "/", "/", "/Agencies", "/khong-co-trang-nay", "/css/site.css", "/lib/bootstrap/dist/js/bootstrap.bundle.min.js", "/api/agencies", "/api/agencies/999999" })
            ShouldHaveSecurityHeaders(await leader.GetAsync(url), url);
        ShouldHaveSecurityHeaders(await app.Anonymous().GetAsync("/Accounts/Login"), "login");
        ShouldHaveSecurityHeaders(await app.Anonymous().GetAsync("/api/agencies"), "401");
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("TRACE")]
    public async Task OtherMethodsOnPages_Are405(string method)
    {
        var leader = await fx.App().As("leader");
        foreach (var url in new[] { "/", "/Agencies", "/Accounts/Login", "/Plans" })
        {
            var response = await leader.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed, $"{method} {url}");
            ShouldHaveSecurityHeaders(response, $"{method} {url}");
        }
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task LanguageSwitch_WithAForeignReturnUrl_GoesHome(string returnUrl)
    {
        var client = fx.App().Anonymous();
        var response = await client.GetAsync("/lang/en-US?returnUrl=" + Uri.EscapeDataString(returnUrl));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Login_WithAForeignReturnUrl_GoesHome(string returnUrl)
    {
        var client = fx.App().Anonymous();
        var response = await client.SubmitFormAsync("/Accounts/Login?returnUrl=" + Uri.EscapeDataString(returnUrl),
            new Dictionary<string, string?> { ["UserName"] = "leader", ["Password"] = Features.Demo.DemoData.Password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }
}

/// <summary>The one helper every returnUrl goes through (login, language switch, name resolution).</summary>
public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/Plans/3/Names?x=1", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/a\\b", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("evil", false)]
    [InlineData("/\r\nSet-Cookie:x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsSafe_OnlyForPathsOnThisSite(string? url, bool safe) =>
        Features.Shared.LocalUrl.IsSafe(url).Should().Be(safe);
}
