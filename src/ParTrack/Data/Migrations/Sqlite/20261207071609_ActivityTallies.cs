using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivityTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActivityPeriodTally",
                columns: table => new
                {
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneLate = table.Column<int>(type: "INTEGER", nullable: false),
                    InProgress = table.Column<int>(type: "INTEGER", nullable: false),
                    NotStarted = table.Column<int>(type: "INTEGER", nullable: false),
                    NotDone = table.Column<int>(type: "INTEGER", nullable: false),
                    PercentSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityPeriodTally", x => new { x.PeriodId, x.ActivityId });
                    table.ForeignKey(
                        name: "FK_ActivityPeriodTally_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityPeriodTally_ReportPeriod_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportPeriod",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyPeriodTally",
                columns: table => new
                {
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Leads = table.Column<int>(type: "INTEGER", nullable: false),
                    Supports = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneLate = table.Column<int>(type: "INTEGER", nullable: false),
                    InProgress = table.Column<int>(type: "INTEGER", nullable: false),
                    NotStarted = table.Column<int>(type: "INTEGER", nullable: false),
                    NotDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Pending = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyPeriodTally", x => new { x.PeriodId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_AgencyPeriodTally_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgencyPeriodTally_ReportPeriod_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportPeriod",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeriodTally",
                columns: table => new
                {
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodTally", x => x.PeriodId);
                    table.ForeignKey(
                        name: "FK_PeriodTally_ReportPeriod_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportPeriod",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityPeriodTally_ActivityId",
                table: "ActivityPeriodTally",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyPeriodTally_AgencyId",
                table: "AgencyPeriodTally",
                column: "AgencyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityPeriodTally");

            migrationBuilder.DropTable(
                name: "AgencyPeriodTally");

            migrationBuilder.DropTable(
                name: "PeriodTally");
        }
    }
}
