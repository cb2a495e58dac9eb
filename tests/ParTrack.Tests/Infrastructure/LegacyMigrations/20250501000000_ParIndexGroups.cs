using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ParTrack.Tests.Infrastructure.LegacyMigrations;

// PAR Index unit groups configured by coordinators (Features/ParIndex/ParGroups). A configured group is
// stored by its name in the Group columns, so those grow from 20 to 100 characters.
[DbContext(typeof(LegacyAppDbContext))]
[Migration("20250501000000_ParIndexGroups")]
public sealed class ParIndexGroups : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ParGroups", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            MemberKinds = t.Column<string>(maxLength: 300, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ParGroups", x => x.Id));
        m.CreateIndex("IX_ParGroups_Name", "ParGroups", "Name", unique: true);

        // SQLite stores TEXT without a length (and cannot alter columns without a model snapshot): nothing to do there.
        if (!IsPostgres) return;
        m.AlterColumn<string>("Group", "ParCriteriaSets", maxLength: 100, nullable: false, oldMaxLength: 20, oldNullable: false);
        m.AlterColumn<string>("Group", "ParAssessments", maxLength: 100, nullable: false, oldMaxLength: 20, oldNullable: false);
    }

    bool IsPostgres => ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ParGroups");
        if (!IsPostgres) return;
        m.AlterColumn<string>("Group", "ParCriteriaSets", maxLength: 20, nullable: false, oldMaxLength: 100, oldNullable: false);
        m.AlterColumn<string>("Group", "ParAssessments", maxLength: 20, nullable: false, oldMaxLength: 100, oldNullable: false);
    }
}
