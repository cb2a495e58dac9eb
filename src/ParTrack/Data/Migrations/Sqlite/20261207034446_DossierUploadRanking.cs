using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

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
