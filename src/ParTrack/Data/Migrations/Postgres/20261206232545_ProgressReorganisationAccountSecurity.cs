using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParTrack.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgressReorganisationAccountSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LockOuts",
                table: "Users",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "Users",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "TwoFactorEnabled",
                table: "Users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TwoFactorKey",
                table: "Users",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TwoFactorLastStep",
                table: "Users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "CarriedForward",
                table: "ReportEntry",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "CarriedForward",
                table: "MeasureActual",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MovedToAgencyId",
                table: "Assignments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAtUtc",
                table: "AgencyAliases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "AgencyAliases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgencyChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgencyScopedAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerAgencyId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: true),
                    GroupId = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyScopedAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyScopedAliases_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgencyScopedAliases_Agencies_OwnerAgencyId",
                        column: x => x.OwnerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgencyScopedAliases_AgencyGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "AgencyGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureAggregation",
                columns: table => new
                {
                    MeasureId = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureAggregation", x => x.MeasureId);
                    table.ForeignKey(
                        name: "FK_MeasureAggregation_TargetMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "TargetMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProvinceActual",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvinceActual", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProvinceActual_ReportPeriod_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportPeriod",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProvinceActual_TargetMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "TargetMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccountMoves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChangeId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    FromAgencyId = table.Column<int>(type: "integer", nullable: false),
                    ToAgencyId = table.Column<int>(type: "integer", nullable: true),
                    SeenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountMoves_Agencies_FromAgencyId",
                        column: x => x.FromAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccountMoves_Agencies_ToAgencyId",
                        column: x => x.ToAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccountMoves_AgencyChanges_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "AgencyChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccountMoves_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyChangeParts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChangeId = table.Column<int>(type: "integer", nullable: false),
                    FromAgencyId = table.Column<int>(type: "integer", nullable: false),
                    ToAgencyId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyChangeParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyChangeParts_Agencies_FromAgencyId",
                        column: x => x.FromAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyChangeParts_Agencies_ToAgencyId",
                        column: x => x.ToAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyChangeParts_AgencyChanges_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "AgencyChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_MovedToAgencyId",
                table: "Assignments",
                column: "MovedToAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountMoves_ChangeId",
                table: "AccountMoves",
                column: "ChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountMoves_FromAgencyId",
                table: "AccountMoves",
                column: "FromAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountMoves_ToAgencyId",
                table: "AccountMoves",
                column: "ToAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountMoves_UserId",
                table: "AccountMoves",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyChangeParts_ChangeId",
                table: "AgencyChangeParts",
                column: "ChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyChangeParts_FromAgencyId",
                table: "AgencyChangeParts",
                column: "FromAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyChangeParts_ToAgencyId",
                table: "AgencyChangeParts",
                column: "ToAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyChanges_EffectiveOn",
                table: "AgencyChanges",
                column: "EffectiveOn");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyScopedAliases_AgencyId",
                table: "AgencyScopedAliases",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyScopedAliases_GroupId",
                table: "AgencyScopedAliases",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyScopedAliases_OwnerAgencyId_Key",
                table: "AgencyScopedAliases",
                columns: new[] { "OwnerAgencyId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProvinceActual_MeasureId",
                table: "ProvinceActual",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_ProvinceActual_PeriodId_MeasureId",
                table: "ProvinceActual",
                columns: new[] { "PeriodId", "MeasureId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_Agencies_MovedToAgencyId",
                table: "Assignments",
                column: "MovedToAgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            // Each existing account gets its own security stamp (sessions are checked against it); everyone signs in once.
            migrationBuilder.Sql("UPDATE \"Users\" SET \"SecurityStamp\" = md5(random()::text || \"Id\"::text)");

            // The defaults only filled the existing rows; the model has none.
            foreach (var (table, column) in new[] { ("Users", "LockOuts"), ("Users", "SecurityStamp"), ("Users", "TwoFactorEnabled"),
                         ("Users", "TwoFactorLastStep"), ("ReportEntry", "CarriedForward"), ("MeasureActual", "CarriedForward") })
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" DROP DEFAULT");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_Agencies_MovedToAgencyId",
                table: "Assignments");

            migrationBuilder.DropTable(
                name: "AccountMoves");

            migrationBuilder.DropTable(
                name: "AgencyChangeParts");

            migrationBuilder.DropTable(
                name: "AgencyScopedAliases");

            migrationBuilder.DropTable(
                name: "MeasureAggregation");

            migrationBuilder.DropTable(
                name: "ProvinceActual");

            migrationBuilder.DropTable(
                name: "AgencyChanges");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_MovedToAgencyId",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "LockOuts",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "TwoFactorEnabled",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "TwoFactorKey",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "TwoFactorLastStep",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "CarriedForward",
                table: "ReportEntry");

            migrationBuilder.DropColumn(
                name: "CarriedForward",
                table: "MeasureActual");

            migrationBuilder.DropColumn(
                name: "MovedToAgencyId",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "CreatedAtUtc",
                table: "AgencyAliases");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "AgencyAliases");
        }
    }
}
