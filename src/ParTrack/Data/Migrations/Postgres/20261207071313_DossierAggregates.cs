using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DossierAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ReceivedOn_AgencyId",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Status_EffectiveDueOn",
                table: "Dossiers");

            migrationBuilder.CreateTable(
                name: "DossierDays",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Received = table.Column<long>(type: "bigint", nullable: false),
                    Resolved = table.Column<long>(type: "bigint", nullable: false),
                    OnTime = table.Column<long>(type: "bigint", nullable: false),
                    Late = table.Column<long>(type: "bigint", nullable: false),
                    Online = table.Column<long>(type: "bigint", nullable: false),
                    FullyOnline = table.Column<long>(type: "bigint", nullable: false),
                    FeeRequired = table.Column<long>(type: "bigint", nullable: false),
                    PaidOnline = table.Column<long>(type: "bigint", nullable: false),
                    DigitisedInputs = table.Column<long>(type: "bigint", nullable: false),
                    DigitisedResults = table.Column<long>(type: "bigint", nullable: false),
                    OverdueStarts = table.Column<long>(type: "bigint", nullable: false),
                    OverdueEnds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierDays", x => new { x.AgencyId, x.Level, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierDays_Day",
                table: "DossierDays",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierDays");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivedOn_AgencyId",
                table: "Dossiers",
                columns: new[] { "ReceivedOn", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_EffectiveDueOn",
                table: "Dossiers",
                columns: new[] { "Status", "EffectiveDueOn" });
        }
    }
}
