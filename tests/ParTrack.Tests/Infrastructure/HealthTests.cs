using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;

namespace ParTrack.Tests.Infrastructure;

/// <summary>/health/live, /health/ready (database reachable and migrated) and the old /health, through the app.</summary>
public sealed class HealthTests
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MigratedDatabase_IsLiveAndReady(string provider)
    {
        await using var app = new TestApp(provider);
        var client = app.Anonymous();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("""{"status":"Healthy","checks":{"database":"ok"}}""");
        (await client.GetStringAsync("/health")).Should().Be("""{"status":"ok"}""", "the benchmarks compare pages with it");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MigrationNotApplied_IsLiveButNotReady_AndSaysWhich(string provider)
    {
        await using var app = new TestApp(provider);
        var client = app.Anonymous();
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        var last = await app.Db(async db => (await db.Database.GetAppliedMigrationsAsync()).Last());
        await app.Db(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}"""));

        var ready = await client.GetAsync("/health/ready");

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).Should().Contain("\"status\":\"Unhealthy\"").And.Contain(last);
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the process itself is fine: no restart");
    }
}
