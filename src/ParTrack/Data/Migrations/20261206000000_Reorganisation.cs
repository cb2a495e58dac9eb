using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ParTrack.Data.Migrations;

// The registry's reorganisations (Features/Agencies/Reorganisation): the changes with their parts, the
// accounts they moved (for the sign-in message), and an assignment's successor chosen in a split.
[DbContext(typeof(AppDbContext))]
[Migration("20261206000000_Reorganisation")]
public sealed class Reorganisation : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("AgencyChanges", t => new
        {
            Id = Identity(t),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            EffectiveOn = t.Column<DateOnly>(nullable: false),
            Note = t.Column<string>(maxLength: 4000, nullable: true),
            AtUtc = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(maxLength: 100, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AgencyChanges", x => x.Id));

        m.CreateTable("AgencyChangeParts", t => new
        {
            Id = Identity(t),
            ChangeId = t.Column<int>(nullable: false),
            FromAgencyId = t.Column<int>(nullable: false),
            ToAgencyId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgencyChangeParts", x => x.Id);
            t.ForeignKey("FK_AgencyChangeParts_AgencyChanges_ChangeId", x => x.ChangeId, "AgencyChanges", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AgencyChangeParts_Agencies_FromAgencyId", x => x.FromAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_AgencyChangeParts_Agencies_ToAgencyId", x => x.ToAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("AccountMoves", t => new
        {
            Id = Identity(t),
            ChangeId = t.Column<int>(nullable: false),
            UserId = t.Column<int>(nullable: false),
            FromAgencyId = t.Column<int>(nullable: false),
            ToAgencyId = t.Column<int>(nullable: true),
            SeenAtUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AccountMoves", x => x.Id);
            t.ForeignKey("FK_AccountMoves_AgencyChanges_ChangeId", x => x.ChangeId, "AgencyChanges", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AccountMoves_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AccountMoves_Agencies_FromAgencyId", x => x.FromAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_AccountMoves_Agencies_ToAgencyId", x => x.ToAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });

        // SQLite adds a column with its foreign key only in the ADD COLUMN statement itself.
        if (IsPostgres)
        {
            m.AddColumn<int>("MovedToAgencyId", "Assignments", nullable: true);
            m.AddForeignKey("FK_Assignments_Agencies_MovedToAgencyId", "Assignments", "MovedToAgencyId", "Agencies",
                principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }
        else
            m.Sql("ALTER TABLE \"Assignments\" ADD COLUMN \"MovedToAgencyId\" INTEGER NULL REFERENCES \"Agencies\" (\"Id\") ON DELETE SET NULL;");

        m.CreateIndex("IX_AgencyChanges_EffectiveOn", "AgencyChanges", "EffectiveOn");
        m.CreateIndex("IX_AgencyChangeParts_ChangeId", "AgencyChangeParts", "ChangeId");
        m.CreateIndex("IX_AgencyChangeParts_FromAgencyId", "AgencyChangeParts", "FromAgencyId");
        m.CreateIndex("IX_AgencyChangeParts_ToAgencyId", "AgencyChangeParts", "ToAgencyId");
        m.CreateIndex("IX_AccountMoves_ChangeId", "AccountMoves", "ChangeId");
        m.CreateIndex("IX_AccountMoves_UserId", "AccountMoves", "UserId");
        m.CreateIndex("IX_AccountMoves_FromAgencyId", "AccountMoves", "FromAgencyId");
        m.CreateIndex("IX_AccountMoves_ToAgencyId", "AccountMoves", "ToAgencyId");
        m.CreateIndex("IX_Assignments_MovedToAgencyId", "Assignments", "MovedToAgencyId");
    }

    bool IsPostgres => ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

    static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("AccountMoves");
        m.DropTable("AgencyChangeParts");
        m.DropTable("AgencyChanges");
        m.DropIndex("IX_Assignments_MovedToAgencyId", "Assignments");
        if (IsPostgres) m.DropForeignKey("FK_Assignments_Agencies_MovedToAgencyId", "Assignments");
        m.DropColumn("MovedToAgencyId", "Assignments");
    }
}
