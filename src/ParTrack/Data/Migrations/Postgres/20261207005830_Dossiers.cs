using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParTrack.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Taken = table.Column<long>(type: "bigint", nullable: false),
                    Refused = table.Column<long>(type: "bigint", nullable: false),
                    Replaced = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dossiers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Field = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    ServiceLevel = table.Column<int>(type: "integer", nullable: false),
                    FeeRequired = table.Column<bool>(type: "boolean", nullable: false),
                    PaidOnline = table.Column<bool>(type: "boolean", nullable: false),
                    DigitisedInputs = table.Column<bool>(type: "boolean", nullable: false),
                    DigitisedResult = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SuspendedDays = table.Column<int>(type: "integer", nullable: false),
                    ImportedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MappingJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
