using System.IO.Compression;
using System.Net;
using FluentAssertions;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// Style sheets, scripts and JSON go out compressed when the browser accepts it; pages with a form token never do
/// (BREACH, docs/security.md), whatever the browser accepts.
/// </summary>
public sealed class CompressionTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CssAndScript_AreSentCompressed_AndDecompressToTheFile(string provider)
    {
        var client = fx.App(provider).Anonymous();
        foreach (var path in new[] { "/css/site.css", "/js/site.js" })
        {
            var plain = await (await client.GetAsync(path)).Content.ReadAsByteArrayAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Accept-Encoding", "br, gzip");
            var response = await client.SendAsync(request);

            response.Content.Headers.ContentEncoding.Should().Equal(["br"], path);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            compressed.Length.Should().BeLessThan(plain.Length / 2, path);
            using var reader = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var back = new MemoryStream();
            await reader.CopyToAsync(back);
            back.ToArray().Should().Equal(plain, path);
        }
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PagesWithAFormToken_AreNeverCompressed_ButJsonIs(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await app.As("coordinator");
        foreach (var (client, path) in new[] { (app.Anonymous(), "/Accounts/Login"), (coordinator, "/Plans"), (coordinator, "/Dashboard") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Accept-Encoding", "br, gzip");
            var response = await client.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            response.Content.Headers.ContentEncoding.Should().BeEmpty(path);
            (await response.Content.ReadAsStringAsync()).Should().Contain("__RequestVerificationToken", path);
        }

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/plans");
        api.Headers.Add("Accept-Encoding", "gzip");
        (await coordinator.SendAsync(api)).Content.Headers.ContentEncoding.Should().Equal(["gzip"], "JSON carries no form token");
    }
}
