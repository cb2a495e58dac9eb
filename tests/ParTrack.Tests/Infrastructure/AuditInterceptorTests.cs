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
}
