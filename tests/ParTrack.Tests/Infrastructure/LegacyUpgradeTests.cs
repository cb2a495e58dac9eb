using FluentAssertions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Demo;
using ParTrack.Tests.Infrastructure.LegacyMigrations;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// A database made by the hand-written migrations of before (history 20250101000000_Initial …
/// 20250501000000_ParIndexGroups) is upgraded in place when the app starts: its data stays, the generated
/// Baseline is recorded as applied and the later generated migrations run.
/// </summary>
public sealed class LegacyUpgradeTests
{
    static readonly string[] HandWrittenIds =
        ["20250101000000_Initial", "20250301000000_Reporting", "20250401000000_ParIndex", "20250501000000_ParIndexGroups"];

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task HandWrittenDatabase_WhenTheAppStarts_KeepsItsDataAndGetsTheGeneratedSchema(string provider)
    {
        await using var old = await ScratchDatabase.CreateAsync(provider);
        await using var fresh = await ScratchDatabase.CreateAsync(provider);
        await MakeOldDatabaseAsync(old);
        await using (var db = fresh.Context()) await db.MigrateAsync();

        await using (var app = new TestApp(provider, existingConnection: old.Connection))
        {
            // Signing in reads the old user row through the whole app.
            var coordinator = await app.As("coordinator");
            var page = await coordinator.GetAsync("/Agencies");
            page.EnsureSuccessStatusCode();
            (await page.Content.ReadAsStringAsync()).Should().Contain("Sở Thử nghiệm nâng cấp");
        }

        await using (var db = old.Context())
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            applied.Should().Contain(HandWrittenIds).And.Contain(db.Database.GetMigrations());
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            (await db.Agencies.SingleAsync(a => a.Name == "Sở Thử nghiệm nâng cấp")).ShortName.Should().Be("STNNC");
        }
        (await old.SchemaAsync()).Should().Equal(await fresh.SchemaAsync());
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task HandWrittenDatabase_MissingAColumn_IsNotTouchedAndTheErrorNamesTheColumn(string provider)
    {
        await using var old = await ScratchDatabase.CreateAsync(provider);
        await MakeOldDatabaseAsync(old);
        await using var db = old.Context();
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Agencies" DROP COLUMN "ShortName" """);

        var migrate = () => db.MigrateAsync();

        (await migrate.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("Agencies.ShortName");
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(HandWrittenIds);
        (await db.Agencies.CountAsync(a => a.Name == "Sở Thử nghiệm nâng cấp")).Should().Be(1);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task HandWrittenDatabase_WithoutTheLastOldStep_IsNotTouchedAndTheErrorSaysWhatToRun(string provider)
    {
        await using var old = await ScratchDatabase.CreateAsync(provider);
        await MakeOldDatabaseAsync(old);
        await using var db = old.Context();
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20250501000000_ParIndexGroups'""");

        var migrate = () => db.MigrateAsync();

        (await migrate.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("20250501000000_ParIndexGroups");
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(HandWrittenIds[..3]);
    }

    /// <summary>
    /// The old migrations, one agency and the coordinator's account. Rows go in as SQL: the entity classes
    /// follow today's model, which may have columns the old schema lacks.
    /// </summary>
    static async Task MakeOldDatabaseAsync(ScratchDatabase database)
    {
        await using var db = LegacyAppDbContext.Open(database);
        await db.Database.MigrateAsync();
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(HandWrittenIds);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Agencies" ("Name", "ShortName", "Kind", "Level", "Version")
            VALUES ('Sở Thử nghiệm nâng cấp', 'STNNC', 'Department', 'Province', '6F1C2A9E-3B0D-4C55-9A43-2D6B1E0F7A11')
            """);
        var hash = new PasswordHasher<User>().HashPassword(new User(), DemoData.Password);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Users" ("UserName", "DisplayName", "PasswordHash", "Role", "FailedLogins", "Active", "Version")
            VALUES ('coordinator', 'Chuyên viên CCHC', {0}, 'Coordinator', 0, TRUE, '0B7D4E21-8C3F-4A6E-B5D2-91F0C4A3E6B8')
            """, hash);
    }
}
