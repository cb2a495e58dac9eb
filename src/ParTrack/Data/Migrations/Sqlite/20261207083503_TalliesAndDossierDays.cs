using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TalliesAndDossierDays : Migration
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
                name: "DossierDays",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<long>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Late = table.Column<long>(type: "INTEGER", nullable: false),
                    Online = table.Column<long>(type: "INTEGER", nullable: false),
                    FullyOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeRequired = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    DigitisedInputs = table.Column<long>(type: "INTEGER", nullable: false),
                    DigitisedResults = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueStarts = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueEnds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierDays", x => new { x.AgencyId, x.Level, x.Day });
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

            migrationBuilder.CreateIndex(
                name: "IX_DossierDays_Day",
                table: "DossierDays",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityPeriodTally");

            migrationBuilder.DropTable(
                name: "AgencyPeriodTally");

            migrationBuilder.DropTable(
                name: "DossierDays");

            migrationBuilder.DropTable(
                name: "PeriodTally");

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
