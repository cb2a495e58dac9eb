using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParTrack.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    TextsJson = table.Column<string>(type: "text", nullable: false),
                    BasesJson = table.Column<string>(type: "text", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsFinal = table.Column<bool>(type: "boolean", nullable: false)
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
