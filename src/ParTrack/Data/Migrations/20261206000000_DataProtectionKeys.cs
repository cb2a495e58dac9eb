using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ParTrack.Data.Migrations;

// ASP.NET Core data-protection keys (sign-in cookies, antiforgery tokens) in the database, so every instance
// of the app reads the others' cookies (Features/Shared/ClusterSetup). The shape is the one
// Microsoft.AspNetCore.DataProtection.EntityFrameworkCore's DataProtectionKey maps to.
[DbContext(typeof(AppDbContext))]
[Migration("20261206000000_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            FriendlyName = t.Column<string>(nullable: true),
            Xml = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

    protected override void Down(MigrationBuilder m) => m.DropTable("DataProtectionKeys");
}
