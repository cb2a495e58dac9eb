using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ParTrack.Data.Migrations;

// Names resolved in a plan (issue 19 finding 1, issue 16 "Names"): an agency officer's resolution applies to
// that agency's own plans only (AgencyScopedAliases); a coordinator's province-wide one stays an AgencyAlias,
// now with who taught it and when, so the registry can list learned names and remove them.
[DbContext(typeof(AppDbContext))]
[Migration("20261206000000_ScopedNameAliases")]
public sealed class ScopedNameAliases : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("CreatedBy", "AgencyAliases", maxLength: 100, nullable: true);
        m.AddColumn<DateTime>("CreatedAtUtc", "AgencyAliases", nullable: true);

        m.CreateTable("AgencyScopedAliases", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            OwnerAgencyId = t.Column<int>(nullable: false),
            Text = t.Column<string>(maxLength: 300, nullable: false),
            Key = t.Column<string>(maxLength: 300, nullable: false),
            AgencyId = t.Column<int>(nullable: true),
            GroupId = t.Column<int>(nullable: true),
            CreatedBy = t.Column<string>(maxLength: 100, nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgencyScopedAliases", x => x.Id);
            t.ForeignKey("FK_AgencyScopedAliases_Agencies_OwnerAgencyId", x => x.OwnerAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AgencyScopedAliases_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AgencyScopedAliases_AgencyGroups_GroupId", x => x.GroupId, "AgencyGroups", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AgencyScopedAliases_OwnerAgencyId_Key", "AgencyScopedAliases", ["OwnerAgencyId", "Key"], unique: true);
        m.CreateIndex("IX_AgencyScopedAliases_AgencyId", "AgencyScopedAliases", "AgencyId");
        m.CreateIndex("IX_AgencyScopedAliases_GroupId", "AgencyScopedAliases", "GroupId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("AgencyScopedAliases");
        m.DropColumn("CreatedBy", "AgencyAliases");
        m.DropColumn("CreatedAtUtc", "AgencyAliases");
    }
}
