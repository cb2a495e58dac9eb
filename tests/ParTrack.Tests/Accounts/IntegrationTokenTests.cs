using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Accounts;

/// <summary>Integration tokens: issued on /Accounts/Tokens, accepted as `Authorization: Bearer` on /api only.</summary>
public sealed class IntegrationTokenTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static Dictionary<string, string?> Issue(string name, string role, int? agencyId = null) => new()
    {
        ["Input.Name"] = name, ["Input.Role"] = role, ["Input.AgencyId"] = agencyId?.ToString(),
        ["Input.Expires"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
    };

    /// <summary>Issues a token through the page as the administrator and returns the secret it shows once.</summary>
    static async Task<string> IssueAsync(TestApp app, string name, string role, int? agencyId = null)
    {
        var admin = await app.As("admin");
        var response = await admin.SubmitFormAsync("/Accounts/Tokens", Issue(name, role, agencyId));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var secret = (await response.ParseAsync()).QuerySelector("#new-secret")?.GetAttribute("value");
        secret.Should().StartWith("pt_");
        return secret!;
    }

    static HttpClient Bearer(TestApp app, string secret)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task IssuedToken_ReadsTheApi_AndOnlyItsHashIsStored_AndIssueIsAudited(string provider)
    {
        var app = fx.App(provider);
        var name = TestData.Unique("Một cửa");
        var secret = await IssueAsync(app, name, "Leader");

        (await Bearer(app, secret).GetAsync("/api/agencies")).StatusCode.Should().Be(HttpStatusCode.OK);

        var row = await app.Db(db => db.IntegrationTokens.AsNoTracking().SingleAsync(t => t.Name == name));
        row.SecretHash.Should().Be(TokenSecret.Hash(secret)).And.NotContain(secret[3..]);
        row.Role.Should().Be(Role.Leader);
        row.CreatedBy.Should().Be("admin");
        row.LastUsedUtc.Should().NotBeNull("the first use is recorded");
        var body = secret[3..];
        var stored = await app.Db(db => db.IntegrationTokens.AsNoTracking().Select(t => t.Name + t.SecretHash + t.CreatedBy).ToListAsync());
        stored.Should().NotContain(s => s.Contains(body), "the secret is never stored in clear");
        (await app.Db(db => db.AuditEntries.AsNoTracking().Select(e => e.After ?? "").ToListAsync())).Should().NotContain(a => a.Contains(body));
        var audit = await app.Db(db => db.AuditEntries.AsNoTracking().Where(e => e.Entity == "IntegrationToken" && e.EntityId == row.Id.ToString()).ToListAsync());
        audit.Should().ContainSingle(e => e.Action == "Added" && e.UserName == "admin")
            .Which.After.Should().Contain("\"SecretHash\":\"***\"", "the audit does not copy even the hash");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task NoTokenOrWrongToken_Is401ProblemDetails(string provider)
    {
        var app = fx.App(provider);
        (await app.Anonymous().GetAsync("/api/agencies")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var wrong = await Bearer(app, "pt_" + new string('A', 43)).GetAsync("/api/agencies");
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Bearer(app, "not-a-token").GetAsync("/api/agencies")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RevokedToken_Is401_AndTheRevocationIsAudited(string provider)
    {
        var app = fx.App(provider);
        var name = TestData.Unique("Thu hồi");
        var secret = await IssueAsync(app, name, "Coordinator");
        (await Bearer(app, secret).GetAsync("/api/agencies")).StatusCode.Should().Be(HttpStatusCode.OK);
        var id = await app.Db(db => db.IntegrationTokens.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

        var revoke = await (await app.As("admin")).PostWithTokenAsync($"/Accounts/Tokens?handler=Revoke&id={id}", new Dictionary<string, string?>(), "/Accounts/Tokens");
        revoke.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await Bearer(app, secret).GetAsync("/api/agencies")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.Db(db => db.AuditEntries.AnyAsync(e => e.Entity == "IntegrationToken" && e.EntityId == id.ToString() && e.Action == "Modified")))
            .Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ExpiredToken_Is401(string provider)
    {
        var app = fx.App(provider);
        var secret = TokenSecret.New();
        await app.Db(db =>
        {
            db.IntegrationTokens.Add(new IntegrationToken
            {
                Name = TestData.Unique("Hết hạn"), SecretHash = TokenSecret.Hash(secret), Role = Role.Leader, CreatedBy = "admin",
                CreatedUtc = DateTime.UtcNow.AddDays(-10), ExpiresUtc = DateTime.UtcNow.AddMinutes(-1),
            });
            return db.SaveChangesAsync();
        });
        (await Bearer(app, secret).GetAsync("/api/agencies")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AgencyScopedToken_SeesOnlyItsAgencysReports(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var secret = await IssueAsync(app, TestData.Unique("Sở Tư pháp"), "AgencyOfficer", stp);

        var all = (await (await app.As("coordinator")).GetFromJsonAsync<List<ReportStateDto>>($"/api/reports?periodId={period}"))!;
        var mine = (await Bearer(app, secret).GetFromJsonAsync<List<ReportStateDto>>($"/api/reports?periodId={period}"))!;
        all.Select(r => r.AgencyId).Distinct().Should().HaveCountGreaterThan(1);
        mine.Should().NotBeEmpty().And.OnlyContain(r => r.AgencyId == stp);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Token_DoesNotOpenAPage(string provider)
    {
        var app = fx.App(provider);
        var secret = await IssueAsync(app, TestData.Unique("Trang"), "Coordinator");
        var page = await Bearer(app, secret).GetAsync("/Plans");
        page.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized);
        if (page.StatusCode == HttpStatusCode.Redirect) page.Headers.Location!.ToString().Should().Contain("/Accounts/Login");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Coordinator_CannotReachTheTokensPage_NorIssueAnAdministratorToken(string provider)
    {
        var app = fx.App(provider);
        (await (await app.As("coordinator")).GetAsync("/Accounts/Tokens")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var name = TestData.Unique("Quản trị");
        var asAdmin = await (await app.As("admin")).SubmitFormAsync("/Accounts/Tokens", Issue(name, "Administrator"));
        (await asAdmin.ParseAsync()).Messages().Should().Contain("không thể mang quyền quản trị");
        (await app.Db(db => db.IntegrationTokens.AnyAsync(t => t.Name == name))).Should().BeFalse();
    }
}
