using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TallyAnswersAndStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Stamp",
                table: "PeriodTally",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "Answers",
                table: "ActivityPeriodTally",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "TallyStamp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TallyStamp", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "TallyStamp",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, new Guid("00000000-0000-0000-0000-000000000000") });

            // Tallies built before they kept the answers: every period is rebuilt by its next reader.
            migrationBuilder.Sql("DELETE FROM \"PeriodTally\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TallyStamp");

            migrationBuilder.DropColumn(
                name: "Stamp",
                table: "PeriodTally");

            migrationBuilder.DropColumn(
                name: "Answers",
                table: "ActivityPeriodTally");
        }
    }
}
