using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// A change to the model without a generated migration fails here, for each provider, with no database needed
/// (the same check as `dotnet ef migrations has-pending-model-changes`). The fix: scripts/add-migration.sh NAME.
/// </summary>
public sealed class MigrationsUpToDateTests
{
    [Fact]
    public void SqliteModel_WithoutAMigrationForAChange_Fails()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().Should().BeFalse("the model changed without a migration: run scripts/add-migration.sh NAME");
        db.Database.GetMigrations().Should().NotBeEmpty().And.OnlyContain(id => id.Length > 15);
    }

    [Fact]
    public void PostgresModel_WithoutAMigrationForAChange_Fails()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().Should().BeFalse("the model changed without a migration: run scripts/add-migration.sh NAME");
        db.Database.GetMigrations().Should().NotBeEmpty();
    }

    [Fact]
    public void EachProvider_HasItsOwnMigrations_StartingWithTheBaseline()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        sqlite.Database.GetMigrations().First().Should().EndWith("_Baseline");
        postgres.Database.GetMigrations().First().Should().EndWith("_Baseline");
        sqlite.Database.GetMigrations().Select(Name).Should().Equal(postgres.Database.GetMigrations().Select(Name),
            "scripts/add-migration.sh adds each migration to both providers");
    }

    static string Name(string id) => id[15..];
}
