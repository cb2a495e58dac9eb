using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportDraftVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportDraftVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    TextsJson = table.Column<string>(type: "TEXT", nullable: false),
                    BasesJson = table.Column<string>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsFinal = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDraftVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportDraftVersion_ReportPeriod_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportPeriod",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDraftVersion_PeriodId_Number",
                table: "ReportDraftVersion",
                columns: new[] { "PeriodId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportDraftVersion");
        }
    }
}
