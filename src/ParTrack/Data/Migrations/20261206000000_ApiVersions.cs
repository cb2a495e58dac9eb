using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ParTrack.Data.Migrations;

// Agency groups get the Version token every other edited entity has, so the API's one concurrency rule
// (an update names the version it read) holds for groups too. Existing groups start at the empty version;
// their first save gives them a real one.
[DbContext(typeof(AppDbContext))]
[Migration("20261206000000_ApiVersions")]
public sealed class ApiVersions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>("Version", "AgencyGroups", nullable: false, defaultValue: Guid.Empty);
        // The default only fills existing rows; the model has none (SQLite cannot drop it, and keeps no type for it anyway).
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            m.Sql("ALTER TABLE \"AgencyGroups\" ALTER COLUMN \"Version\" DROP DEFAULT;");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("Version", "AgencyGroups");
    }
}
