using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DossierRatingSchemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierRatings_AgencyId",
                table: "DossierRatings");

            migrationBuilder.AddColumn<int>(
                name: "SchemeId",
                table: "DossierRatings",
                type: "INTEGER",
                nullable: true);

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
                name: "IX_DossierRatings_AgencyId_RatedOn",
                table: "DossierRatings",
                columns: new[] { "AgencyId", "RatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierRatings_SchemeId",
                table: "DossierRatings",
                column: "SchemeId");

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
                name: "RatingSchemes");

            migrationBuilder.DropIndex(
                name: "IX_DossierRatings_AgencyId_RatedOn",
                table: "DossierRatings");

            migrationBuilder.DropIndex(
                name: "IX_DossierRatings_SchemeId",
                table: "DossierRatings");

            migrationBuilder.DropColumn(
                name: "SchemeId",
                table: "DossierRatings");

            migrationBuilder.CreateIndex(
                name: "IX_DossierRatings_AgencyId",
                table: "DossierRatings",
                column: "AgencyId");
        }
    }
}
