using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Dossiers;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Dossiers;

/// <summary>
/// POST /api/dossiers: only an integration token pushes; refused rows come back one by one; a re-push replaces and
/// changes nothing. Each test uses its own source (and year), so tests sharing the database do not meet.
/// </summary>
public sealed class DossierPushTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task NoToken_RevokedToken_OrAUsersCookie_AreRefused(string provider)
    {
        var app = fx.App(provider);
        var csv = new DossierCsv().Row();
        (await app.Anonymous().PushCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await app.As("stp")).PushCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "an officer's cookie is not a token");
        (await (await app.As("coordinator")).PushCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "nor is a coordinator's");

        var secret = await DossierTokens.IssueAsync(app);
        var id = await app.Db(db => db.IntegrationTokens.Where(t => t.SecretHash == Features.Accounts.TokenSecret.Hash(secret)).Select(t => t.Id).SingleAsync());
        (await (await app.As("admin")).PostWithTokenAsync($"/Accounts/Tokens?handler=Revoke&id={id}", new Dictionary<string, string?>(), "/Accounts/Tokens"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await DossierTokens.Bearer(app, secret).PushCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.Db(db => db.Set<Dossier>().CountAsync(d => d.Code == "HS-000001" && d.Source == "motcua"))).Should().Be(0);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AgencyToken_IsForbidden_BecauseAPushSpeaksForTheWholeProvince(string provider)
    {
        var app = fx.App(provider);
        var stp = await app.Db(db => db.Agencies.Where(a => a.Name == "Sở Tư pháp").Select(a => a.Id).SingleAsync());
        var secret = await DossierTokens.IssueAsync(app, "AgencyOfficer", stp);
        (await DossierTokens.Bearer(app, secret).PushCsvAsync(new DossierCsv().Row(), "agency-token")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Push_TakesGoodRows_RefusesBadOnesByLine_AndARepushReplacesWithoutAddingAnything(string provider)
    {
        var app = fx.App(provider);
        var source = TestData.Unique("src");
        var client = DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app));
        var csv = new DossierCsv()
            .Row(received: "2031-01-05", resolved: "2031-01-10", due: "2031-01-20")
            .Row(agency: "Sở Không Có")                                  // unknown agency: line 3
            .Row(received: "2031-01-06", resolved: "", status: "dang_xu_ly")
            .Row(agency: "STP", received: "2031-01-07", resolved: "")   // short name
            .Row(channel: "fax");                                       // line 6

        var first = await client.PushCsvAsync(csv, source);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = (await first.Content.ReadFromJsonAsync<DossiersApi.PushResult>())!;
        result.Taken.Should().Be(3);
        result.Replaced.Should().Be(0);
        result.Refused.Select(r => r.Line).Should().Equal(3, 6);
        result.Refused[0].Detail.Should().Contain("Sở Không Có").And.Contain("không có trong danh mục");
        result.Refused[1].Detail.Should().Contain("channel");
        result.Refused.Should().OnlyContain(r => r.Status == 422);

        var second = (await (await client.PushCsvAsync(csv, source)).Content.ReadFromJsonAsync<DossiersApi.PushResult>())!;
        second.Taken.Should().Be(3);
        second.Replaced.Should().Be(3);
        var stored = await app.Db(db => db.Set<Dossier>().AsNoTracking().Where(d => d.Source == source).OrderBy(d => d.Code).ToListAsync());
        stored.Should().HaveCount(3);
        stored[0].Status.Should().Be(Domain.Kpis.DossierStatus.Resolved);
        stored[0].EffectiveDueOn.Should().Be(new DateOnly(2031, 1, 20));
        (await app.Db(db => db.Set<DossierImport>().CountAsync(i => i.Source == source))).Should().Be(2);
        (await app.Db(db => db.AuditEntries.CountAsync(e => e.Entity == "DossierImport" && e.UserName.StartsWith("token:")))).Should().BeGreaterThan(0);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ChangedRow_RepushedWithTheSameCode_ReplacesTheStoredDossier(string provider)
    {
        var app = fx.App(provider);
        var source = TestData.Unique("src");
        var client = DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app));
        await client.PushCsvAsync(new DossierCsv().Row(code: "X-1", received: "2032-02-01", resolved: "", status: "dang_xu_ly"), source);
        await client.PushCsvAsync(new DossierCsv().Row(code: "X-1", received: "2032-02-01", resolved: "2032-02-03"), source);
        var row = await app.Db(db => db.Set<Dossier>().AsNoTracking().SingleAsync(d => d.Source == source));
        row.ResolvedOn.Should().Be(new DateOnly(2032, 2, 3));
        row.Status.Should().Be(Domain.Kpis.DossierStatus.Resolved);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task JsonBatch_IsReadLikeTheCsv_WithPositionsForRefusals(string provider)
    {
        var app = fx.App(provider);
        var source = TestData.Unique("json");
        var client = DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app));
        var body = JsonSerializer.Serialize(new object[]
        {
            new Dictionary<string, object?> { ["dossier_code"] = "J-1", ["procedure_code"] = "1.1", ["agency"] = "Sở Nội vụ", ["received_at"] = "2033-03-01",
                ["channel"] = "truc_tuyen", ["status"] = "dang_xu_ly", ["fee_required"] = 1, ["paid_online"] = true },
            new Dictionary<string, object?> { ["dossier_code"] = "J-2" },
            "không phải hồ sơ",
        });
        var response = await client.PostAsync($"/api/dossiers?source={source}", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<DossiersApi.PushResult>())!;
        result.Taken.Should().Be(1);
        result.Refused.Select(r => r.Line).Should().Equal(2, 3);
        (await app.Db(db => db.Set<Dossier>().SingleAsync(d => d.Source == source))).PaidOnline.Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task UnreadableBodies_Are400Or415_WithAVietnameseTitle(string provider)
    {
        var app = fx.App(provider);
        var client = DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app));
        var noHeader = await client.PostAsync("/api/dossiers", new StringContent("a,b\n1,2\n", Encoding.UTF8, "text/csv"));
        noHeader.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noHeader.Content.ReadAsStringAsync()).Should().Contain("dossier_code");
        (await client.PostAsync("/api/dossiers", new StringContent("{\"x\":", Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/dossiers", new StringContent("x", Encoding.UTF8, "text/plain"))).StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }
}
