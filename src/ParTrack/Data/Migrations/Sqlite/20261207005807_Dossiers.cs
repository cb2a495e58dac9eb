using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DossierImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Taken = table.Column<long>(type: "INTEGER", nullable: false),
                    Refused = table.Column<long>(type: "INTEGER", nullable: false),
                    Replaced = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dossiers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProcedureName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResolvedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigitisedInputs = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigitisedResult = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SuspendedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dossiers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DossierSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierSources", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_ReceivedOn",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivedOn_AgencyId",
                table: "Dossiers",
                columns: new[] { "ReceivedOn", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ResolvedOn_AgencyId",
                table: "Dossiers",
                columns: new[] { "ResolvedOn", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Source_Code",
                table: "Dossiers",
                columns: new[] { "Source", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_EffectiveDueOn",
                table: "Dossiers",
                columns: new[] { "Status", "EffectiveDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierSources_Name",
                table: "DossierSources",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierImports");

            migrationBuilder.DropTable(
                name: "Dossiers");

            migrationBuilder.DropTable(
                name: "DossierSources");
        }
    }
}
