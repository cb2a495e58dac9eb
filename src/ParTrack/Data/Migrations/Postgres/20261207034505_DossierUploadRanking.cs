using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParTrack.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DossierUploadRanking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RefusedJson",
                table: "DossierImports",
                type: "text",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_KpiPointsTables_Number",
                table: "KpiPointsTables",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KpiPointsTables");

            migrationBuilder.DropColumn(
                name: "RefusedJson",
                table: "DossierImports");
        }
    }
}
