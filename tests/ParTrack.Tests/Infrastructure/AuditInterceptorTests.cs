using Microsoft.Extensions.DependencyInjection;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Tests.Infrastructure;

public sealed class AuditInterceptorTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Insert_RecordsRealKeysOfNewRowsAndAFreshVersion(string provider)
    {
        var app = fx.App(provider);
        var parent = TestData.Agency();
        var child = TestData.Agency();
        child.Parent = parent;
        await app.Db(async db => { db.Agencies.AddRange(parent, child); await db.SaveChangesAsync(); });

        child.Version.Should().NotBe(Guid.Empty);
        var added = await app.Db(db => db.AuditEntries.SingleAsync(e => e.Entity == "Agency" && e.EntityId == child.Id.ToString()));
        added.Action.Should().Be("Added");
        added.UserName.Should().Be("system");
        added.After.Should().Contain($"\"ParentId\":{parent.Id}", "the new parent's real id, not EF's temporary one");
        added.After.Should().Contain("\"Kind\":\"Department\"");
        added.Before.Should().BeNull();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task UpdateAndDelete_RecordOnlyChangedValues_AndRenewTheVersion(string provider)
    {
        var app = fx.App(provider);
        var agency = await app.AddAgencyAsync(TestData.Agency(shortName: "A", aliases: [TestData.Unique("Tên cũ")]));
        var first = agency.Version;

        await app.Db(async db =>
        {
            var a = await db.Agencies.Include(x => x.Aliases).SingleAsync(x => x.Id == agency.Id);
            a.ShortName = "B";
            db.AgencyAliases.RemoveRange(a.Aliases);
            await db.SaveChangesAsync();
            a.Version.Should().NotBe(first);
        });

        var entries = await app.Db(db => db.AuditEntries
            .Where(e => (e.Entity == "Agency" && e.EntityId == agency.Id.ToString()) || (e.Entity == "AgencyAlias" && e.Action == "Deleted"))
            .OrderBy(e => e.Id).ToListAsync());
        var modified = entries.Single(e => e.Action == "Modified");
        modified.Before.Should().Be("{\"ShortName\":\"A\"}");
        modified.After.Should().Be("{\"ShortName\":\"B\"}");
        entries.Should().Contain(e => e.Entity == "AgencyAlias" && e.Action == "Deleted" && e.Before!.Contains("Tên cũ"));
    }

    [Fact]
    public async Task FormSubmissionsAndAuditEntries_AreNotAudited()
    {
        var app = fx.App();
        var before = await app.Db(db => db.AuditEntries.CountAsync());
        await app.Db(async db =>
        {
            db.FormSubmissions.Add(new FormSubmission { Key = Guid.NewGuid().ToString("N"), UserName = "x", AtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        (await app.Db(db => db.AuditEntries.CountAsync())).Should().Be(before);
    }

    /// <summary>
    /// The change and its audit row are one transaction: when the audit row cannot be written, the change is
    /// not kept either, and the next save (the write gate released) goes through.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AChangeWhoseAuditRowFails_IsNotKept_AndLaterSavesWork(string provider)
    {
        var app = fx.App(provider);
        var marker = TestData.Unique("AUDIT-REFUSED");
        await app.Db(db => db.Database.ExecuteSqlRawAsync(provider == Databases.Postgres
            ? $$"""
              CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN
                IF NEW."After" LIKE '%AUDIT-REFUSED%' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
              DROP TRIGGER IF EXISTS refuse_audit ON "AuditEntries";
              CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION refuse_audit();
              """
            : """
              CREATE TRIGGER IF NOT EXISTS refuse_audit BEFORE INSERT ON AuditEntries WHEN NEW.After LIKE '%AUDIT-REFUSED%'
              BEGIN SELECT RAISE(ABORT, 'audit refused'); END;
              """));

        var refused = () => app.Db(async db => { db.Agencies.Add(TestData.Agency(name: marker)); await db.SaveChangesAsync(); });
        await refused.Should().ThrowAsync<Exception>();
        (await app.Db(db => db.Agencies.AnyAsync(a => a.Name == marker))).Should().BeFalse("the agency was saved without its audit row");

        var kept = TestData.Agency();
        await app.Db(async db => { db.Agencies.Add(kept); await db.SaveChangesAsync(); }).WaitAsync(TimeSpan.FromSeconds(20));
        (await app.Db(db => db.AuditEntries.CountAsync(e => e.Entity == "Agency" && e.EntityId == kept.Id.ToString()))).Should().Be(1);
    }

    /// <summary>Many requests saving at once on one database: every save and every audit row lands (SQLite queues writers).</summary>
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ConcurrentSaves_AllLandWithTheirAuditRows(string provider)
    {
        var app = fx.App(provider);
        var prefix = TestData.Unique("Song song");
        await Task.WhenAll(Enumerable.Range(0, 48).Select(i => app.Db(async db =>
        {
            db.Agencies.Add(TestData.Agency(name: $"{prefix} {i}"));
            await db.SaveChangesAsync();
        })));

        var ids = await app.Db(db => db.Agencies.Where(a => a.Name.StartsWith(prefix)).Select(a => a.Id.ToString()).ToListAsync());
        ids.Should().HaveCount(48);
        (await app.Db(db => db.AuditEntries.CountAsync(e => e.Entity == "Agency" && e.Action == "Added" && ids.Contains(e.EntityId)))).Should().Be(48);
    }

    /// <summary>A save refused for a concurrency conflict ends its save too: the next one does not wait for a closed gate.</summary>
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AConcurrencyConflict_LeavesLaterSavesFree(string provider)
    {
        var app = fx.App(provider);
        var agency = await app.AddAgencyAsync(TestData.Agency());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stale = await db.Agencies.SingleAsync(a => a.Id == agency.Id);
        await app.Db(async other => { (await other.Agencies.SingleAsync(a => a.Id == agency.Id)).ShortName = "Mới"; await other.SaveChangesAsync(); });

        stale.ShortName = "Cũ";
        await FluentActions.Awaiting(() => db.SaveChangesAsync()).Should().ThrowAsync<DbUpdateConcurrencyException>();

        var next = TestData.Agency();
        await app.Db(async other => { other.Agencies.Add(next); await other.SaveChangesAsync(); }).WaitAsync(TimeSpan.FromSeconds(10));
        (await app.Db(d => d.Agencies.AnyAsync(a => a.Id == next.Id))).Should().BeTrue();
    }
}
