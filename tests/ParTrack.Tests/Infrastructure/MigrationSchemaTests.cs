using FluentAssertions;
using Microsoft.EntityFrameworkCore;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// Each provider's generated migrations must build exactly the schema the model describes: migrate database A,
/// EnsureCreated database B, and compare tables, columns (type, nullability), indexes and foreign keys.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MigratedSchema_EqualsModel(string provider)
    {
        await using var a = await ScratchDatabase.CreateAsync(provider);
        await using var b = await ScratchDatabase.CreateAsync(provider);

        await using (var db = a.Context()) await db.Database.MigrateAsync();
        await using (var db = b.Context()) await db.Database.EnsureCreatedAsync();

        var migrated = await a.SchemaAsync();
        var created = await b.SchemaAsync();

        migrated.Should().Contain(l => l.StartsWith("column Agencies.Name ") && l.EndsWith("notnull"), "the comparison must see real tables");
        migrated.Should().Contain(l => l.StartsWith("index AgencyAliases(Key) unique"));
        migrated.Should().Equal(created);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Migrate_OnAMigratedDatabase_ChangesNothing(string provider)
    {
        await using var a = await ScratchDatabase.CreateAsync(provider);
        await using (var db = a.Context()) await db.Database.MigrateAsync();
        var first = await a.SchemaAsync();
        await using (var db = a.Context())
        {
            await db.Database.MigrateAsync();
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        }
        (await a.SchemaAsync()).Should().Equal(first);
    }
}
