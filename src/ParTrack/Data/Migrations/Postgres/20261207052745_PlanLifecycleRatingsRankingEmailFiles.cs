using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParTrack.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanLifecycleRatingsRankingEmailFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierRatings_AgencyId",
                table: "DossierRatings");

            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "Plans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Plans",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndedAtUtc",
                table: "Plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplacesPlanId",
                table: "Plans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MailedAtUtc",
                table: "Notification",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Topic",
                table: "Notification",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Points",
                table: "DossierRatings",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<int>(
                name: "SchemeId",
                table: "DossierRatings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusedJson",
                table: "DossierImports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "Activities",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmailChoice",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Topics = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailChoice", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_EmailChoice_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FileBlobParts",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Part = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileBlobParts", x => new { x.Sha256, x.Part });
                });

            migrationBuilder.CreateTable(
                name: "KpiPointsTables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ItemsJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SavedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiPointsTables", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RatingSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SchemeJson = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    SavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingSchemes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_ContentHash",
                table: "Plans",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_Notification_MailedAtUtc",
                table: "Notification",
                column: "MailedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DossierRatings_AgencyId_RatedOn",
                table: "DossierRatings",
                columns: new[] { "AgencyId", "RatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierRatings_SchemeId",
                table: "DossierRatings",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiPointsTables_Number",
                table: "KpiPointsTables",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingSchemes_Number",
                table: "RatingSchemes",
                column: "Number",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_DossierRatings_RatingSchemes_SchemeId",
                table: "DossierRatings",
                column: "SchemeId",
                principalTable: "RatingSchemes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DossierRatings_RatingSchemes_SchemeId",
                table: "DossierRatings");

            migrationBuilder.DropTable(
                name: "EmailChoice");

            migrationBuilder.DropTable(
                name: "FileBlobParts");

            migrationBuilder.DropTable(
                name: "KpiPointsTables");

            migrationBuilder.DropTable(
                name: "RatingSchemes");

            migrationBuilder.DropIndex(
                name: "IX_Plans_ContentHash",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Notification_MailedAtUtc",
                table: "Notification");

            migrationBuilder.DropIndex(
                name: "IX_DossierRatings_AgencyId_RatedOn",
                table: "DossierRatings");

            migrationBuilder.DropIndex(
                name: "IX_DossierRatings_SchemeId",
                table: "DossierRatings");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EndedAtUtc",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ReplacesPlanId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "MailedAtUtc",
                table: "Notification");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "Notification");

            migrationBuilder.DropColumn(
                name: "SchemeId",
                table: "DossierRatings");

            migrationBuilder.DropColumn(
                name: "RefusedJson",
                table: "DossierImports");

            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "CancelledAtUtc",
                table: "Activities");

            migrationBuilder.AlterColumn<string>(
                name: "Points",
                table: "DossierRatings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.CreateIndex(
                name: "IX_DossierRatings_AgencyId",
                table: "DossierRatings",
                column: "AgencyId");
        }
    }
}
