using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Plans",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndedAtUtc",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplacesPlanId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MailedAtUtc",
                table: "Notification",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Topic",
                table: "Notification",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SchemeId",
                table: "DossierRatings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusedJson",
                table: "DossierImports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "Activities",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmailChoice",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Topics = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Part = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileBlobParts", x => new { x.Sha256, x.Part });
                });

            migrationBuilder.CreateTable(
                name: "KpiPointsTables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SavedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiPointsTables", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RatingSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SchemeJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    SavedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_DossierRatings_AgencyId",
                table: "DossierRatings",
                column: "AgencyId");
        }
    }
}
