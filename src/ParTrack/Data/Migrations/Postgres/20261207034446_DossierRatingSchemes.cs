using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParTrack.Data.Migrations.Postgres
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
