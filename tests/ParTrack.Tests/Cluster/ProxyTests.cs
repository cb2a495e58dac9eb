using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Cluster;

/// <summary>
/// Behind nginx: the scheme and client address come from X-Forwarded-* only when the request comes
/// from a configured proxy (ForwardedHeaders:KnownProxies / KnownNetworks), and each response names
/// the instance that served it when Instance:Name is set.
/// </summary>
public sealed class ProxyTests(AppFixture fx) : IClassFixture<AppFixture>
{
    WebApplicationFactory<Program> Behind(string proxies) => fx.App().WithWebHostBuilder(b =>
    {
        b.UseSetting("ForwardedHeaders:KnownProxies", proxies);
        b.UseSetting("Instance:Name", "app-a");
    });

    /// <summary>An anonymous page request from <paramref name="from"/> saying it came in over HTTPS: the sign-in
    /// redirect is absolute, so its scheme shows which scheme the app believed.</summary>
    static async Task<HttpResponseMessage> FromAsync(WebApplicationFactory<Program> app, string from)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/Plans";
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
        });
        var response = new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode);
        foreach (var (name, value) in context.Response.Headers)
            response.Headers.TryAddWithoutValidation(name, value.ToArray());
        return response;
    }

    [Fact]
    public async Task FromAConfiguredProxy_TheForwardedSchemeIsBelieved()
    {
        await using var app = Behind("127.0.0.1, ::1");

        var response = await FromAsync(app, "127.0.0.1");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().StartWith("https://");
        response.Headers.GetValues("X-Instance").Should().Equal("app-a");
    }

    [Fact]
    public async Task FromAnyoneElse_ForwardedHeadersAreIgnored()
    {
        await using var app = Behind("127.0.0.1");

        var response = await FromAsync(app, "203.0.113.9");

        response.Headers.Location!.ToString().Should().StartWith("http://");
    }

    [Fact]
    public void AProxyThatIsNotAnAddress_StopsTheStart_NamingTheSetting()
    {
        using var app = Behind("nginx.local");

        var start = () => app.Server;

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("ForwardedHeaders:KnownProxies: \"nginx.local\" không phải địa chỉ IP"));
    }

    [Fact]
    public async Task WithoutInstanceName_NoInstanceHeader()
    {
        var response = await fx.App().Anonymous().GetAsync("/health");

        response.Headers.Contains("X-Instance").Should().BeFalse();
    }
}
